package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.XenAddToPhysmap;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatch;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatchMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenMem;
import org.abiguard.example.xen.pub.XenMemoryExchange;
import org.abiguard.example.xen.pub.XenMemoryExchangeMarshaller;
import org.abiguard.example.xen.pub.XenMemoryReservation;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmap;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmapMarshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long seeded sequences of hypercalls from four domains of both ABIs: well-formed requests with
 * random (often wrong) values, and garbage bytes as argument structs. After every call no exception
 * has escaped the dispatcher, frame ownership, the p2ms, the m2p, foreign references and page
 * counts agree, and reservation calls report a count within their request.
 */
class RandomHypercallsTest {
  private static final int STEPS = 3000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 2014, 0x10000})
  void randomSequencesKeepTheModelConsistent(long seed) {
    Random rnd = new Random(seed);
    Hypervisor xen = new Hypervisor(384, 1 + rnd.nextInt(6));
    List<Guest> guests =
        List.of(
            guest(xen, 0, true, GuestAbi.X86_64, 128, 24),
            guest(xen, 1, false, GuestAbi.I386, 96, 16),
            guest(xen, 2, false, GuestAbi.X86_64, 64, 16),
            guest(xen, 3, true, GuestAbi.I386, 96, 16));
    for (int step = 0; step < STEPS; step++) {
      Guest g = guests.get(rnd.nextInt(guests.size()));
      long arg = (rnd.nextInt(4) * 0x1000L) + rnd.nextInt(0x1000);
      long cmd;
      long nrExtents = -1;
      if (rnd.nextInt(5) == 0) {
        cmd =
            rnd.nextInt(32)
                | (rnd.nextInt(8) == 0 ? (long) rnd.nextInt(64) << XenMem.MEMOP_EXTENT_SHIFT : 0);
        garbage(g, rnd, arg);
      } else {
        cmd = wellFormed(g, rnd, arg);
        if (cmd <= XenMem.POPULATE_PHYSMAP
            && cmd != XenMem.MAXIMUM_RAM_PAGE
            && cmd != XenMem.CURRENT_RESERVATION
            && cmd != XenMem.MAXIMUM_RESERVATION
            && cmd != XenMem.MACHPHYS_MFN_LIST) {
          nrExtents = g.get(XenMemoryReservationMarshaller.codec(g.abi()), arg).nrExtents;
        }
      }
      long command = cmd;
      String where =
          "seed "
              + seed
              + " step "
              + step
              + ": "
              + g.domain
              + " cmd "
              + cmd
              + " arg 0x"
              + Long.toHexString(arg);
      HypercallResult r = assertDoesNotThrow(() -> xen.memoryOp(g.domain, command, arg), where);
      if (nrExtents >= 0) {
        assertTrue(r.rc() >= 0 && r.rc() <= Math.max(nrExtents, 0), where + " returned " + r.rc());
      }
      assertEquals(List.of(), xen.checkConsistency(), where);
    }
  }

  private static Guest guest(
      Hypervisor xen, int id, boolean privileged, GuestAbi abi, long max, long pages) {
    Domain d = xen.createDomain(id, privileged, abi, max);
    xen.populate(d, 0, pages);
    return new Guest(xen, d);
  }

  private static void garbage(Guest g, Random rnd, long arg) {
    byte[] bytes = new byte[48];
    rnd.nextBytes(bytes);
    try {
      g.memory().write(arg, bytes);
    } catch (GuestFault unmapped) {
      // the guest gave this page away: the hypercall will fault on it
    }
  }

  /** A struct of a random operation with random values, placed at {@code arg}; returns cmd. */
  private static long wellFormed(Guest g, Random rnd, long arg) {
    long list = 0x4000 + rnd.nextInt(4) * 0x100L;
    long[] gfns = new long[1 + rnd.nextInt(12)];
    for (int i = 0; i < gfns.length; i++) {
      gfns[i] = gfn(rnd, g.domain.abi());
    }
    try {
      for (int i = 0; i < gfns.length; i++) {
        g.memory().writeUlong(list, i, gfns[i]);
      }
      return switch (rnd.nextInt(9)) {
        case 0, 1 -> {
          XenMemoryReservation r = new XenMemoryReservation();
          r.domid = domid(rnd);
          r.extentStart = rnd.nextInt(10) == 0 ? 0 : list;
          r.nrExtents = rnd.nextInt(10) == 0 ? g.domain.abi().maxUlong() : gfns.length;
          r.extentOrder = rnd.nextInt(4) == 0 ? rnd.nextInt(12) : 0;
          r.memFlags = rnd.nextInt(6) == 0 ? rnd.nextInt(40) : 0;
          g.memory().copyToGuest(XenMemoryReservationMarshaller.codec(g.abi()), r, arg);
          yield List.of(
                  XenMem.INCREASE_RESERVATION, XenMem.DECREASE_RESERVATION, XenMem.POPULATE_PHYSMAP)
              .get(rnd.nextInt(3));
        }
        case 2, 3 -> {
          XenAddToPhysmap x = new XenAddToPhysmap();
          x.domid = domid(rnd);
          x.size = rnd.nextInt(20);
          x.space = rnd.nextInt(6) == 0 ? rnd.nextLong() & 0xFFFF_FFFFL : rnd.nextInt(7);
          x.idx = gfn(rnd, g.domain.abi());
          x.gpfn = gfn(rnd, g.domain.abi());
          g.memory().copyToGuest(XenAddToPhysmapMarshaller.codec(g.abi()), x, arg);
          yield XenMem.ADD_TO_PHYSMAP;
        }
        case 4 -> {
          XenAddToPhysmapBatch b = new XenAddToPhysmapBatch();
          b.domid = domid(rnd);
          b.space = rnd.nextInt(6);
          b.size = gfns.length;
          b.foreignDomid = domid(rnd);
          b.idxs = list;
          b.gpfns = list + 0x80;
          b.errs = rnd.nextInt(10) == 0 ? 0x7000_0000L : 0x4800;
          for (int i = 0; i < gfns.length; i++) {
            g.memory().writeUlong(b.gpfns, i, gfn(rnd, g.domain.abi()));
          }
          g.memory().copyToGuest(XenAddToPhysmapBatchMarshaller.codec(g.abi()), b, arg);
          yield XenMem.ADD_TO_PHYSMAP_BATCH;
        }
        case 5 -> {
          XenRemoveFromPhysmap x = new XenRemoveFromPhysmap();
          x.domid = domid(rnd);
          x.gpfn = gfn(rnd, g.domain.abi());
          g.memory().copyToGuest(XenRemoveFromPhysmapMarshaller.codec(g.abi()), x, arg);
          yield XenMem.REMOVE_FROM_PHYSMAP;
        }
        case 6 -> {
          XenMemoryExchange x = new XenMemoryExchange();
          x.in.domid = domid(rnd);
          x.out.domid = rnd.nextInt(4) == 0 ? domid(rnd) : x.in.domid;
          x.in.extentStart = list;
          x.in.nrExtents = gfns.length;
          x.in.extentOrder = rnd.nextInt(3) == 0 ? 1 : 0;
          x.out.extentStart = list + 0x80;
          x.out.extentOrder = rnd.nextInt(3);
          x.out.nrExtents = Math.max(1, (gfns.length << x.in.extentOrder) >> x.out.extentOrder);
          x.nrExchanged = rnd.nextInt(8) == 0 ? rnd.nextInt(4) : 0;
          for (int i = 0; i < x.out.nrExtents; i++) {
            g.memory().writeUlong(x.out.extentStart, i, gfn(rnd, g.domain.abi()));
          }
          g.memory().copyToGuest(XenMemoryExchangeMarshaller.codec(g.abi()), x, arg);
          yield XenMem.EXCHANGE;
        }
        default -> {
          g.memory().write(arg, new byte[] {(byte) domid(rnd), (byte) (domid(rnd) >>> 8)});
          yield List.of(
                  XenMem.CURRENT_RESERVATION,
                  XenMem.MAXIMUM_RESERVATION,
                  XenMem.MAXIMUM_GPFN,
                  XenMem.MEMORY_MAP,
                  XenMem.GET_POD_TARGET)
              .get(rnd.nextInt(5));
        }
      };
    } catch (GuestFault unmapped) {
      return XenMem.ADD_TO_PHYSMAP;
    }
  }

  private static int domid(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0, 1, 2 -> DomIds.DOMID_SELF;
      case 3 -> rnd.nextInt(5);
      case 4 -> DomIds.DOMID_FIRST_RESERVED + rnd.nextInt(16);
      default -> rnd.nextInt(0x10000);
    };
  }

  private static long gfn(Random rnd, GuestAbi abi) {
    return switch (rnd.nextInt(8)) {
      case 0 -> abi.wrapUlong(rnd.nextLong());
      case 1 -> abi.maxUlong() - rnd.nextInt(3);
      default -> rnd.nextInt(48);
    };
  }
}
