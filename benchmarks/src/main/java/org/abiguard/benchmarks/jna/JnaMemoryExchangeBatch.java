package org.abiguard.benchmarks.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code struct memory_exchange_batch} as a JNA {@link Structure}: two nested structures by value
 * and two arrays, laid out by JNA with the platform's C rules (104 bytes on x86_64).
 */
@Structure.FieldOrder({"in", "out", "nrExchanged", "handle", "frames"})
public class JnaMemoryExchangeBatch extends Structure {
  public JnaXenMemoryReservation in = new JnaXenMemoryReservation();
  public JnaXenMemoryReservation out = new JnaXenMemoryReservation();
  public long nrExchanged;
  public byte[] handle = new byte[16];
  public int[] frames = new int[4];

  /** A structure backed by the native memory at {@code memory}. */
  public JnaMemoryExchangeBatch(Pointer memory) {
    super(memory);
  }
}
