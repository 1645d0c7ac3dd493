package org.abiguard.example.xen.pub;

import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U32;

/**
 * {@code struct evtchn_status}, declared in {@code public/event_channel.h}, line 192.
 *
 * <p>Imported from the C headers by abiguard-import and proven by the C compilers for x86_64, i386.
 */
@AbiStruct(name = "evtchn_status")
public class EvtchnStatus {
  /** {@code domid_t dom;} (line 194). */
  @DomidT public int dom;
  /** {@code evtchn_port_t port;} (line 195). */
  @EvtchnPortT public long port;
  /** {@code uint32_t status;} (line 203). */
  @U32 public long status;
  /** {@code uint32_t vcpu;} (line 204). */
  @U32 public long vcpu;
  /** {@code union {...} u;} (line 215). */
  public U u = new U();

  /** An all-zero {@code struct evtchn_status}. */
  public EvtchnStatus() {}

  /** The union without a tag declared at line 205. */
  @AbiUnion(untagged = true)
  public static class U {
    /** {@code struct {...} unbound;} (line 208). */
    public Unbound unbound;
    /** {@code struct {...} interdomain;} (line 212). */
    public Interdomain interdomain;
    /** {@code uint32_t pirq;} (line 213). */
    @U32 public long pirq;
    /** {@code uint32_t virq;} (line 214). */
    @U32 public long virq;

    /** An all-zero {@code U}. */
    public U() {}

    /** The struct without a tag declared at line 206. */
    @AbiStruct(untagged = true)
    public static class Unbound {
      /** {@code domid_t dom;} (line 207). */
      @DomidT public int dom;

      /** An all-zero {@code Unbound}. */
      public Unbound() {}
    }

    /** The struct without a tag declared at line 209. */
    @AbiStruct(untagged = true)
    public static class Interdomain {
      /** {@code domid_t dom;} (line 210). */
      @DomidT public int dom;
      /** {@code evtchn_port_t port;} (line 211). */
      @EvtchnPortT public long port;

      /** An all-zero {@code Interdomain}. */
      public Interdomain() {}
    }
  }
}
