package org.abiguard.processor.testing;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.s64;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.abiguard.processor.testing.StructBuilder.union;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.model.StructModel;

/**
 * Mirrors, written by hand as the struct reader would read them, of real C types with unions,
 * bit-fields, anonymous and untagged members and packing: from Linux UAPI headers ({@code
 * /usr/include/linux}) and from Xen's public headers (vendored once for the repository under {@code
 * third_party/xen/include}, MIT, see its README.md).
 */
public final class RealHeaderMirrors {
  private RealHeaderMirrors() {}

  /** The C header that declares the Linux types. */
  public static final String LINUX_HEADER =
      "#include <linux/if_ether.h>\n#include <linux/ip.h>\n"
          + "#include <linux/ipv6.h>\n#include <linux/tcp.h>\n#include <linux/icmp.h>\n#include <linux/in6.h>\n";

  /**
   * struct ethhdr (packed), iphdr, ipv6hdr (bit-fields, __struct_group), tcphdr (bit-fields),
   * icmphdr, in6_addr.
   */
  public static List<StructModel> linux() {
    List<StructModel> all = new ArrayList<>();
    all.add(
        struct("linux.Ethhdr", "ethhdr")
            .pack(1)
            .field("h_dest", array(6, u8()))
            .field("h_source", array(6, u8()))
            .field("h_proto", u16())
            .build());
    // __struct_group(, addrs, , __be32 saddr; __be32 daddr;): an anonymous union of an anonymous
    // struct and a named struct of untagged type, with the same members
    all.add(
        struct("linux.IpAddrsPlain", "ip_addrs_plain")
            .untagged()
            .field("saddr", u32())
            .field("daddr", u32())
            .build());
    all.add(
        union("linux.IpAddrsGroup", "ip_addrs_group")
            .untagged()
            .anonymous("plain", "linux.IpAddrsPlain")
            .field("addrs", struct("linux.IpAddrsPlain"))
            .build());
    all.add(
        struct("linux.Iphdr", "iphdr")
            .bits("ihl", u8(), 4)
            .bits("version", u8(), 4)
            .field("tos", u8())
            .field("tot_len", u16())
            .field("id", u16())
            .field("frag_off", u16())
            .field("ttl", u8())
            .field("protocol", u8())
            .field("check", u16())
            .anonymous("addrGroup", "linux.IpAddrsGroup")
            .build());
    all.add(
        union("linux.In6U", "in6_u")
            .untagged()
            .field("u6_addr8", array(16, u8()))
            .field("u6_addr16", array(8, u16()))
            .field("u6_addr32", array(4, u32()))
            .build());
    all.add(struct("linux.In6Addr", "in6_addr").field("in6_u", struct("linux.In6U")).build());
    all.add(
        struct("linux.Ip6AddrsPlain", "ip6_addrs_plain")
            .untagged()
            .field("saddr", struct("linux.In6Addr"))
            .field("daddr", struct("linux.In6Addr"))
            .build());
    all.add(
        union("linux.Ip6AddrsGroup", "ip6_addrs_group")
            .untagged()
            .anonymous("plain", "linux.Ip6AddrsPlain")
            .field("addrs", struct("linux.Ip6AddrsPlain"))
            .build());
    all.add(
        struct("linux.Ipv6hdr", "ipv6hdr")
            .bits("priority", u8(), 4)
            .bits("version", u8(), 4)
            .field("flow_lbl", array(3, u8()))
            .field("payload_len", u16())
            .field("nexthdr", u8())
            .field("hop_limit", u8())
            .anonymous("addrGroup", "linux.Ip6AddrsGroup")
            .build());
    all.add(
        struct("linux.Tcphdr", "tcphdr")
            .field("source", u16())
            .field("dest", u16())
            .field("seq", u32())
            .field("ack_seq", u32())
            .bits("res1", u16(), 4)
            .bits("doff", u16(), 4)
            .bits("fin", u16(), 1)
            .bits("syn", u16(), 1)
            .bits("rst", u16(), 1)
            .bits("psh", u16(), 1)
            .bits("ack", u16(), 1)
            .bits("urg", u16(), 1)
            .bits("ece", u16(), 1)
            .bits("cwr", u16(), 1)
            .field("window", u16())
            .field("check", u16())
            .field("urg_ptr", u16())
            .build());
    all.add(
        struct("linux.IcmpEcho", "icmp_echo")
            .untagged()
            .field("id", u16())
            .field("sequence", u16())
            .build());
    all.add(
        struct("linux.IcmpFrag", "icmp_frag")
            .untagged()
            .field("__unused", u16())
            .field("mtu", u16())
            .build());
    all.add(
        union("linux.IcmpUn", "icmp_un")
            .untagged()
            .field("echo", struct("linux.IcmpEcho"))
            .field("gateway", u32())
            .field("frag", struct("linux.IcmpFrag"))
            .field("reserved", array(4, u8()))
            .build());
    all.add(
        struct("linux.Icmphdr", "icmphdr")
            .field("type", u8())
            .field("code", u8())
            .field("checksum", u16())
            .field("un", struct("linux.IcmpUn"))
            .build());
    return all;
  }

  /**
   * The header that declares the Xen types (with {@code -D__XEN_TOOLS__} and {@code -I} {@link
   * #XEN_INCLUDE}).
   */
  public static final String XEN_HEADER =
      "#include <stdint.h>\n#include \"public/domctl.h\"\n"
          + "#include \"public/event_channel.h\"\n"
          + "#include \"public/hvm/ioreq.h\"\n";

  /**
   * The vendored headers' include directory (holding {@code public/}), a path from the processor
   * module's directory, where Maven runs its tests.
   */
  public static final Path XEN_INCLUDE =
      Path.of("../third_party/xen/include").toAbsolutePath().normalize();

  /**
   * struct evtchn_op and every member of its union (evtchn_status with its own nested untagged
   * union of untagged structs), a subset of struct xen_domctl's union u (with its {@code pad[128]},
   * so size and alignment are the real ones), struct ioreq (bit-fields); on x86 also union
   * vioapic_redir_entry (a named member of untagged struct type with bit-fields).
   */
  public static List<StructModel> xen(boolean x86) {
    List<StructModel> all = new ArrayList<>();
    all.add(
        struct("xen.EvtchnAllocUnbound", "evtchn_alloc_unbound")
            .field("dom", u16())
            .field("remote_dom", u16())
            .field("port", u32())
            .build());
    all.add(
        struct("xen.EvtchnBindInterdomain", "evtchn_bind_interdomain")
            .field("remote_dom", u16())
            .field("remote_port", u32())
            .field("local_port", u32())
            .build());
    all.add(
        struct("xen.EvtchnBindVirq", "evtchn_bind_virq")
            .field("virq", u32())
            .field("vcpu", u32())
            .field("port", u32())
            .build());
    all.add(
        struct("xen.EvtchnBindPirq", "evtchn_bind_pirq")
            .field("pirq", u32())
            .field("flags", u32())
            .field("port", u32())
            .build());
    all.add(
        struct("xen.EvtchnBindIpi", "evtchn_bind_ipi")
            .field("vcpu", u32())
            .field("port", u32())
            .build());
    all.add(struct("xen.EvtchnClose", "evtchn_close").field("port", u32()).build());
    all.add(struct("xen.EvtchnSend", "evtchn_send").field("port", u32()).build());
    all.add(struct("xen.EvtchnStatusUnbound", "unbound").untagged().field("dom", u16()).build());
    all.add(
        struct("xen.EvtchnStatusInterdomain", "interdomain")
            .untagged()
            .field("dom", u16())
            .field("port", u32())
            .build());
    all.add(
        union("xen.EvtchnStatusU", "u")
            .untagged()
            .field("unbound", struct("xen.EvtchnStatusUnbound"))
            .field("interdomain", struct("xen.EvtchnStatusInterdomain"))
            .field("pirq", u32())
            .field("virq", u32())
            .build());
    all.add(
        struct("xen.EvtchnStatus", "evtchn_status")
            .field("dom", u16())
            .field("port", u32())
            .field("status", u32())
            .field("vcpu", u32())
            .field("u", struct("xen.EvtchnStatusU"))
            .build());
    all.add(
        struct("xen.EvtchnBindVcpu", "evtchn_bind_vcpu")
            .field("port", u32())
            .field("vcpu", u32())
            .build());
    all.add(struct("xen.EvtchnUnmask", "evtchn_unmask").field("port", u32()).build());
    all.add(
        union("xen.EvtchnOpU", "u")
            .untagged()
            .field("alloc_unbound", struct("xen.EvtchnAllocUnbound"))
            .field("bind_interdomain", struct("xen.EvtchnBindInterdomain"))
            .field("bind_virq", struct("xen.EvtchnBindVirq"))
            .field("bind_pirq", struct("xen.EvtchnBindPirq"))
            .field("bind_ipi", struct("xen.EvtchnBindIpi"))
            .field("close", struct("xen.EvtchnClose"))
            .field("send", struct("xen.EvtchnSend"))
            .field("status", struct("xen.EvtchnStatus"))
            .field("bind_vcpu", struct("xen.EvtchnBindVcpu"))
            .field("unmask", struct("xen.EvtchnUnmask"))
            .build());
    all.add(
        struct("xen.EvtchnOp", "evtchn_op")
            .field("cmd", u32())
            .field("u", struct("xen.EvtchnOpU"))
            .build());

    all.add(
        struct("xen.XenDomctlMaxMem", "xen_domctl_max_mem").aligned("max_memkb", u64(), 8).build());
    all.add(struct("xen.XenDomctlMaxVcpus", "xen_domctl_max_vcpus").field("max", u32()).build());
    all.add(
        struct("xen.XenDomctlSetdebugging", "xen_domctl_setdebugging")
            .field("enable", u8())
            .build());
    all.add(
        struct("xen.XenDomctlSettimeoffset", "xen_domctl_settimeoffset")
            .aligned("time_offset_seconds", s64(), 8)
            .build());
    all.add(
        struct("xen.XenDomctlAddressSize", "xen_domctl_address_size").field("size", u32()).build());
    all.add(
        struct("xen.XenDomctlSetTarget", "xen_domctl_set_target").field("target", u16()).build());
    all.add(
        union("xen.XenDomctlU", "u")
            .untagged()
            .field("max_mem", struct("xen.XenDomctlMaxMem"))
            .field("max_vcpus", struct("xen.XenDomctlMaxVcpus"))
            .field("setdebugging", struct("xen.XenDomctlSetdebugging"))
            .field("settimeoffset", struct("xen.XenDomctlSettimeoffset"))
            .field("address_size", struct("xen.XenDomctlAddressSize"))
            .field("set_target", struct("xen.XenDomctlSetTarget"))
            .field("pad", array(128, u8()))
            .build());
    all.add(
        struct("xen.XenDomctl", "xen_domctl")
            .field("cmd", u32())
            .field("interface_version", u32())
            .field("domain", u16())
            .field("_pad", array(3, u16()))
            .field("u", struct("xen.XenDomctlU"))
            .build());

    all.add(
        struct("xen.Ioreq", "ioreq")
            .field("addr", u64())
            .field("data", u64())
            .field("count", u32())
            .field("size", u32())
            .field("vp_eport", u32())
            .field("_pad0", u16())
            .bits("state", u8(), 4)
            .bits("data_is_ptr", u8(), 1)
            .bits("dir", u8(), 1)
            .bits("df", u8(), 1)
            .bits("_pad1", u8(), 1)
            .field("type", u8())
            .build());
    if (x86) {
      all.add(
          struct("xen.VioapicRedirFields", "fields")
              .untagged()
              .field("vector", u8())
              .bits("delivery_mode", u8(), 3)
              .bits("dest_mode", u8(), 1)
              .bits("delivery_status", u8(), 1)
              .bits("polarity", u8(), 1)
              .bits("remote_irr", u8(), 1)
              .bits("trig_mode", u8(), 1)
              .bits("mask", u8(), 1)
              .bits("reserve", u8(), 7)
              .field("reserved", array(4, u8()))
              .field("dest_id", u8())
              .build());
      all.add(
          union("xen.VioapicRedirEntry", "vioapic_redir_entry")
              .field("bits", u64())
              .field("fields", struct("xen.VioapicRedirFields"))
              .build());
    }
    return all;
  }
}
