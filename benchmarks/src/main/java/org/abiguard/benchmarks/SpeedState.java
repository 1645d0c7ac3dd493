package org.abiguard.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.abiguard.benchmarks.jna.JnaMemoryExchangeBatch;
import org.abiguard.benchmarks.jna.JnaXenAddToPhysmap;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The speed table's shared state: one block of native memory (a direct {@code ByteBuffer} in
 * little-endian order, x86_64's) that every contender reads and writes, {@code struct
 * xen_add_to_physmap} at {@link #PHYSMAP} and {@code struct memory_exchange_batch} at {@link
 * #BATCH}. JNA sees it through its address, SBE through an {@code UnsafeBuffer} over the same
 * buffer, the {@code MemorySegment} contenders through {@code MemorySegment.ofBuffer}.
 *
 * <p>{@link #setUp} checks that the contenders do the same work: each reader returns the values the
 * generated marshaller wrote, and each writer writes the generated marshaller's bytes.
 */
@State(Scope.Thread)
public class SpeedState {
  /** Offset of {@code struct xen_add_to_physmap} in the buffer. */
  public static final int PHYSMAP = 8;

  /** Offset of {@code struct memory_exchange_batch} in the buffer. */
  public static final int BATCH = 64;

  public ByteBuffer buf;
  public UnsafeBuffer sbeBuf;
  public SbeCodecs sbe;
  public XenAddToPhysmap physmap;
  public MemoryExchangeBatch batch;
  public JnaXenAddToPhysmap jnaPhysmap;
  public JnaMemoryExchangeBatch jnaBatch;

  // idx and nr_exchanged (C longs) get values above 32 bits, which only an LP64 ABI holds: every
  // contender works on the x86_64 layout only, so the i386 flow the guard sees never happens here
  @SuppressWarnings("abiguard:narrowing")
  @Setup
  public void setUp() {
    buf = ByteBuffer.allocateDirect(256).order(ByteOrder.LITTLE_ENDIAN);
    sbeBuf = new UnsafeBuffer(buf);
    sbe = new SbeCodecs();
    physmap = new XenAddToPhysmap();
    physmap.domid = 0x7FF0;
    physmap.size = 1;
    physmap.space = 2;
    physmap.idx = 0x1234_5678_9ABCL;
    physmap.gpfn = 0xFEDC_BA98L;
    batch = new MemoryExchangeBatch();
    batch.in = reservation(0x7F00_0000_1000L, 16, 0, 0x8000_0001L, 0x7FF0);
    batch.out = reservation(0x7F00_0000_2000L, 1, 4, 3, 0xFFFF);
    batch.nrExchanged = 0x0123_4567_89AB_CDEFL;
    batch.handle = new byte[16];
    for (int i = 0; i < 16; i++) {
      batch.handle[i] = (byte) (0xF0 + i * 7);
    }
    batch.frames = new long[] {0, 1, 0x8000_0000L, 0xFFFF_FFFFL};

    Pointer memory = Native.getDirectBufferPointer(buf);
    jnaPhysmap = new JnaXenAddToPhysmap(memory.share(PHYSMAP));
    jnaBatch = new JnaMemoryExchangeBatch(memory.share(BATCH));
    same("JNA size of xen_add_to_physmap", HandWrittenXenAddToPhysmap.SIZE, jnaPhysmap.size());
    same("JNA size of memory_exchange_batch", HandWrittenMemoryExchangeBatch.SIZE, jnaBatch.size());

    XenAddToPhysmapMarshaller.write(physmap, buf, PHYSMAP);
    MemoryExchangeBatchMarshaller.write(batch, buf, BATCH);
    jnaPhysmap.read();
    jnaBatch.read();
    byte[] physmapBytes = bytes(PHYSMAP, HandWrittenXenAddToPhysmap.SIZE);
    byte[] batchBytes = bytes(BATCH, HandWrittenMemoryExchangeBatch.SIZE);

    checkReads(
        "hand-written",
        () -> HandWrittenXenAddToPhysmap.read(buf, PHYSMAP),
        () -> HandWrittenMemoryExchangeBatch.read(buf, BATCH));
    checkReads("SBE", () -> sbe.readPhysmap(sbeBuf, PHYSMAP), () -> sbe.readBatch(sbeBuf, BATCH));
    checkReads("JNA", () -> fromJna(jnaPhysmap), () -> fromJna(jnaBatch));

    checkWrite(
        "hand-written xen_add_to_physmap",
        physmapBytes,
        PHYSMAP,
        b -> HandWrittenXenAddToPhysmap.write(physmap, b, PHYSMAP));
    checkWrite(
        "hand-written memory_exchange_batch",
        batchBytes,
        BATCH,
        b -> HandWrittenMemoryExchangeBatch.write(batch, b, BATCH));
    checkWrite(
        "SBE xen_add_to_physmap",
        physmapBytes,
        PHYSMAP,
        b -> sbe.writePhysmap(physmap, sbeBuf, PHYSMAP));
    checkWrite(
        "SBE memory_exchange_batch", batchBytes, BATCH, b -> sbe.writeBatch(batch, sbeBuf, BATCH));
    checkWrite("JNA xen_add_to_physmap", physmapBytes, PHYSMAP, b -> jnaPhysmap.write());
    // JNA writes the members only: the padding keeps what was there (here 0x55)
    byte[] batchMembers = batchBytes.clone();
    Arrays.fill(batchMembers, 26, 32, (byte) 0x55);
    Arrays.fill(batchMembers, 58, 64, (byte) 0x55);
    checkWrite("JNA memory_exchange_batch", batchMembers, BATCH, b -> jnaBatch.write());
  }

  /** Checks that {@code read} returns what the generated marshaller wrote. */
  public void checkReads(
      String who, Supplier<XenAddToPhysmap> physmapRead, Supplier<MemoryExchangeBatch> batchRead) {
    same(who + " read of xen_add_to_physmap", Describe.of(physmap), Describe.of(physmapRead.get()));
    same(who + " read of memory_exchange_batch", Describe.of(batch), Describe.of(batchRead.get()));
  }

  /** Checks that {@code write}, on memory filled with 0x55, leaves {@code expected}. */
  public void checkWrite(String who, byte[] expected, int offset, Consumer<ByteBuffer> write) {
    for (int i = 0; i < expected.length; i++) {
      buf.put(offset + i, (byte) 0x55);
    }
    write.accept(buf);
    same(
        who + ": bytes written",
        Arrays.toString(expected),
        Arrays.toString(bytes(offset, expected.length)));
  }

  private byte[] bytes(int offset, int length) {
    byte[] b = new byte[length];
    buf.get(offset, b);
    return b;
  }

  private static XenMemoryReservation reservation(
      long start, long nr, long order, long flags, int domid) {
    XenMemoryReservation r = new XenMemoryReservation();
    r.extentStart = start;
    r.nrExtents = nr;
    r.extentOrder = order;
    r.memFlags = flags;
    r.domid = domid;
    return r;
  }

  private static XenAddToPhysmap fromJna(JnaXenAddToPhysmap s) {
    XenAddToPhysmap v = new XenAddToPhysmap();
    v.domid = s.domid & 0xFFFF;
    v.size = s.size & 0xFFFF;
    v.space = s.space & 0xFFFFFFFFL;
    v.idx = s.idx;
    v.gpfn = s.gpfn;
    return v;
  }

  private static MemoryExchangeBatch fromJna(JnaMemoryExchangeBatch s) {
    MemoryExchangeBatch v = new MemoryExchangeBatch();
    v.in =
        reservation(
            s.in.extentStart,
            s.in.nrExtents,
            s.in.extentOrder & 0xFFFFFFFFL,
            s.in.memFlags & 0xFFFFFFFFL,
            s.in.domid & 0xFFFF);
    v.out =
        reservation(
            s.out.extentStart,
            s.out.nrExtents,
            s.out.extentOrder & 0xFFFFFFFFL,
            s.out.memFlags & 0xFFFFFFFFL,
            s.out.domid & 0xFFFF);
    v.nrExchanged = s.nrExchanged;
    v.handle = s.handle.clone();
    v.frames = new long[4];
    for (int i = 0; i < 4; i++) {
      v.frames[i] = s.frames[i] & 0xFFFFFFFFL;
    }
    return v;
  }

  static void same(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
