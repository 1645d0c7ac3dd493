package org.abiguard.example.xen.hv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** do_memory_op: sub-commands, the start extent in cmd, register widths. */
class DispatcherTest {
  @ParameterizedTest
  @ValueSource(ints = {8, 16, 18, 19, 20, 21, 22, 24, 25, 40, 63})
  void subCommandsTheModelDoesNotHaveAreEnosys(int cmd) {
    Machine m = Machine.of(GuestAbi.X86_64);
    assertEquals(-Errno.ENOSYS, m.dom0().call(cmd, Guest.ARG));
    assertEquals(-Errno.ENOSYS, m.dom0().call(cmd | 5 << XenMem.MEMOP_EXTENT_SHIFT, Guest.ARG));
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        XenMem.CURRENT_RESERVATION,
        XenMem.ADD_TO_PHYSMAP,
        XenMem.ADD_TO_PHYSMAP_BATCH,
        XenMem.REMOVE_FROM_PHYSMAP,
        XenMem.MEMORY_MAP,
        XenMem.SET_MEMORY_MAP,
        XenMem.GET_POD_TARGET,
        XenMem.EXCHANGE
      })
  void onlyReservationsTakeAStartExtent(int cmd) {
    Machine m = Machine.of(GuestAbi.X86_64);
    assertEquals(-Errno.EINVAL, m.dom0().call(cmd | 1 << XenMem.MEMOP_EXTENT_SHIFT, Guest.ARG));
  }

  @ParameterizedTest
  @EnumSource(GuestAbi.class)
  void registersHaveTheGuestsWidth(GuestAbi abi) {
    Machine m = Machine.of(abi);
    // bits above 32 of cmd and arg do not exist for an i386 guest
    long rc = m.d1().callFull(0x1_0000_0000L | XenMem.MAXIMUM_RAM_PAGE, 0).rc();
    assertEquals(abi == GuestAbi.I386 ? Machine.FRAMES : -Errno.EINVAL, rc);
    m.d1().writeU16(Guest.ARG, 0x7FF0);
    rc = m.d1().callFull(XenMem.CURRENT_RESERVATION, 0x1_0000_0000L | Guest.ARG).rc();
    assertEquals(abi == GuestAbi.I386 ? 32 : -Errno.EFAULT, rc);
  }
}
