package org.abiguard.example.xen.hv;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.AbiCodec;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenE820Entry;
import org.abiguard.example.xen.pub.XenE820EntryMarshaller;
import org.abiguard.example.xen.pub.XenForeignMemoryMap;
import org.abiguard.example.xen.pub.XenForeignMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryMap;
import org.abiguard.example.xen.pub.XenMemoryMapMarshaller;

/** {@code XENMEM_memory_map} and {@code XENMEM_set_memory_map} ({@code arch/x86/mm.c}). */
final class MemoryMapOps {
  private final Domains domains;

  MemoryMapOps(Domains domains) {
    this.domains = domains;
  }

  /**
   * {@code XENMEM_memory_map}: copies up to {@code nr_entries} entries of the caller's memory map
   * to {@code buffer} and writes back how many it copied.
   */
  long memoryMap(Hypercall call, long arg) {
    AbiCodec<XenMemoryMap> codec = XenMemoryMapMarshaller.codec(call.abi().id());
    XenMemoryMap map = call.copyFromGuest(codec, arg);
    if (map == null) {
      return -Errno.EFAULT;
    }
    List<XenE820Entry> e820 = call.caller().e820();
    if (e820.isEmpty()) {
      return -Errno.ENOSYS;
    }
    map.nrEntries = Math.min(map.nrEntries, e820.size());
    AbiCodec<XenE820Entry> entry = XenE820EntryMarshaller.codec(call.abi().id());
    try {
      for (int i = 0; i < map.nrEntries; i++) {
        call.memory().copyToGuestOffset(entry, e820.get(i), map.buffer, i);
      }
      call.memory().copyToGuest(codec, map, arg);
    } catch (GuestFault fault) {
      return -Errno.EFAULT;
    }
    return 0;
  }

  /** {@code XENMEM_set_memory_map}: replaces a domain's memory map. */
  long setMemoryMap(Hypercall call, long arg) {
    XenForeignMemoryMap fmap =
        call.copyFromGuest(XenForeignMemoryMapMarshaller.codec(call.abi().id()), arg);
    if (fmap == null) {
      return -Errno.EFAULT;
    }
    if (fmap.map.nrEntries > XenMem.E820MAX) {
      return -Errno.EINVAL;
    }
    Domain d = domains.byAnyId(call.caller(), fmap.domid).orElse(null);
    if (d == null) {
      return -Errno.ESRCH;
    }
    long rc = Xsm.target(call.caller(), d);
    if (rc != 0) {
      return rc;
    }
    AbiCodec<XenE820Entry> entry = XenE820EntryMarshaller.codec(call.abi().id());
    List<XenE820Entry> e820 = new ArrayList<>();
    try {
      for (int i = 0; i < fmap.map.nrEntries; i++) {
        e820.add(call.memory().copyFromGuestOffset(entry, fmap.map.buffer, i));
      }
    } catch (GuestFault fault) {
      return -Errno.EFAULT;
    }
    d.setE820(e820);
    return 0;
  }
}
