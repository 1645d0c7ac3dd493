package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.abiguard.AbiCodec;

/**
 * A test guest: puts argument structs and arrays into its own memory exactly as a guest kernel
 * would (through the codec of its ABI) and issues {@code memory_op} or {@code
 * event_channel_op_compat} with the address.
 */
final class Guest {
  /** Where arguments go: gfn 1 of every test domain is mapped. */
  static final long ARG = 0x1000;

  /** Where arrays go. */
  static final long ARRAY = 0x1800;

  /** Where a second array goes. */
  static final long ARRAY2 = 0x1c00;

  /** Where a third array goes. */
  static final long ARRAY3 = 0x1e00;

  final Hypervisor xen;
  final Domain domain;

  Guest(Hypervisor xen, Domain domain) {
    this.xen = xen;
    this.domain = domain;
  }

  GuestMemory memory() {
    return xen.memory(domain);
  }

  String abi() {
    return domain.abi().id();
  }

  <T> void put(AbiCodec<T> codec, T value, long at) {
    try {
      memory().copyToGuest(codec, value, at);
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
  }

  <T> T get(AbiCodec<T> codec, long at) {
    try {
      return memory().copyFromGuest(codec, at);
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
  }

  /** Writes {@code values} as an array of the guest's unsigned long at {@code at}. */
  long ulongs(long at, long... values) {
    try {
      for (int i = 0; i < values.length; i++) {
        memory().writeUlong(at, i, values[i]);
      }
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
    return at;
  }

  int[] ints(long at, int count) {
    int[] out = new int[count];
    try {
      for (int i = 0; i < count; i++) {
        out[i] = memory().readInt(at, i);
      }
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
    return out;
  }

  void writeU16(long at, int value) {
    try {
      memory().write(at, new byte[] {(byte) value, (byte) (value >>> 8)});
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
  }

  long call(int cmd, long arg) {
    return xen.memoryOp(domain, cmd, arg).rc();
  }

  /** {@code HYPERVISOR_event_channel_op_compat(uop)}. */
  long evtchn(long uop) {
    return xen.eventChannelOp(domain, uop).rc();
  }

  byte[] bytes(long at, int count) {
    byte[] out = new byte[count];
    try {
      memory().read(at, out);
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
    return out;
  }

  void fill(long at, int count, int value) {
    byte[] bytes = new byte[count];
    java.util.Arrays.fill(bytes, (byte) value);
    try {
      memory().write(at, bytes);
    } catch (GuestFault e) {
      throw new AssertionError("test setup: " + e.getMessage(), e);
    }
  }

  HypercallResult callFull(long cmd, long arg) {
    return xen.memoryOp(domain, cmd, arg);
  }

  /** A copy of the p2m as gfn → mfn/type, for before/after comparisons. */
  Map<Long, P2m.Entry> p2m() {
    return new TreeMap<>(domain.p2m().entries());
  }

  long mfnAt(long gfn) {
    return domain.p2m().lookup(gfn).map(P2m.Entry::mfn).orElse(-1L);
  }

  /** The machine is consistent. */
  static void assertConsistent(Hypervisor xen) {
    assertEquals(List.of(), xen.checkConsistency());
  }
}
