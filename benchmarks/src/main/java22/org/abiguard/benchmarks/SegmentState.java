package org.abiguard.benchmarks;

import java.lang.foreign.MemorySegment;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code MemorySegment} view of {@link SpeedState}'s native memory (the same bytes), and
 * the same values. {@link #setUp} checks that the segment contenders (the generated segment
 * methods included) read the values the generated {@code ByteBuffer} marshaller wrote and write
 * its bytes.
 */
@State(Scope.Thread)
public class SegmentState {
  public MemorySegment seg;
  public XenAddToPhysmap physmap;
  public MemoryExchangeBatch batch;

  @Setup
  public void setUp(SpeedState s) {
    seg = MemorySegment.ofBuffer(s.buf);
    physmap = s.physmap;
    batch = s.batch;
    XenAddToPhysmapMarshaller.write(physmap, s.buf, SpeedState.PHYSMAP);
    MemoryExchangeBatchMarshaller.write(batch, s.buf, SpeedState.BATCH);
    byte[] physmapBytes = new byte[HandWrittenXenAddToPhysmap.SIZE];
    s.buf.get(SpeedState.PHYSMAP, physmapBytes);
    byte[] batchBytes = new byte[HandWrittenMemoryExchangeBatch.SIZE];
    s.buf.get(SpeedState.BATCH, batchBytes);
    SpeedState.same("segment layout size of xen_add_to_physmap", (long) HandWrittenXenAddToPhysmap.SIZE,
        HandWrittenSegmentXenAddToPhysmap.LAYOUT.byteSize());
    SpeedState.same("segment layout size of memory_exchange_batch", (long) HandWrittenMemoryExchangeBatch.SIZE,
        HandWrittenSegmentMemoryExchangeBatch.LAYOUT.byteSize());
    SpeedState.same("generated LAYOUT size of xen_add_to_physmap", (long) HandWrittenXenAddToPhysmap.SIZE,
        XenAddToPhysmapMarshaller.LAYOUT.byteSize());
    SpeedState.same("generated LAYOUT size of memory_exchange_batch", (long) HandWrittenMemoryExchangeBatch.SIZE,
        MemoryExchangeBatchMarshaller.LAYOUT.byteSize());
    s.checkReads("generated MemorySegment", () -> XenAddToPhysmapMarshaller.read(seg, SpeedState.PHYSMAP),
        () -> MemoryExchangeBatchMarshaller.read(seg, SpeedState.BATCH));
    s.checkWrite("generated MemorySegment xen_add_to_physmap", physmapBytes, SpeedState.PHYSMAP,
        b -> XenAddToPhysmapMarshaller.write(physmap, seg, SpeedState.PHYSMAP));
    s.checkWrite("generated MemorySegment memory_exchange_batch", batchBytes, SpeedState.BATCH,
        b -> MemoryExchangeBatchMarshaller.write(batch, seg, SpeedState.BATCH));
    s.checkReads("hand-written MemorySegment", () -> HandWrittenSegmentXenAddToPhysmap.read(seg, SpeedState.PHYSMAP),
        () -> HandWrittenSegmentMemoryExchangeBatch.read(seg, SpeedState.BATCH));
    s.checkWrite("hand-written MemorySegment xen_add_to_physmap", physmapBytes, SpeedState.PHYSMAP,
        b -> HandWrittenSegmentXenAddToPhysmap.write(physmap, seg, SpeedState.PHYSMAP));
    s.checkWrite("hand-written MemorySegment memory_exchange_batch", batchBytes, SpeedState.BATCH,
        b -> HandWrittenSegmentMemoryExchangeBatch.write(batch, seg, SpeedState.BATCH));
  }
}
