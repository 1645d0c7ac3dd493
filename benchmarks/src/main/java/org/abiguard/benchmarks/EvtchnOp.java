package org.abiguard.benchmarks;

import org.abiguard.AbiName;
import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U16;
import org.abiguard.U32;

/** Xen's {@code struct evtchn_op} with three members of its union: the union benchmark's mirror. */
@AbiStruct(name = "evtchn_op")
public class EvtchnOp {
  @U32 public long cmd;
  public U u;

  /** {@code struct evtchn_alloc_unbound}. */
  @AbiStruct(name = "evtchn_alloc_unbound")
  public static class AllocUnbound {
    @U16 public int dom;

    @U16
    @AbiName("remote_dom")
    public int remoteDom;

    @U32 public long port;
  }

  /** {@code struct evtchn_bind_interdomain}. */
  @AbiStruct(name = "evtchn_bind_interdomain")
  public static class BindInterdomain {
    @U16
    @AbiName("remote_dom")
    public int remoteDom;

    @U32
    @AbiName("remote_port")
    public long remotePort;

    @U32
    @AbiName("local_port")
    public long localPort;
  }

  /** {@code struct evtchn_send}. */
  @AbiStruct(name = "evtchn_send")
  public static class Send {
    @U32 public long port;
  }

  /** The untagged {@code union { ... } u}. */
  @AbiUnion(untagged = true)
  public static class U {
    @AbiName("alloc_unbound")
    public AllocUnbound allocUnbound;

    @AbiName("bind_interdomain")
    public BindInterdomain bindInterdomain;

    public Send send;
  }
}
