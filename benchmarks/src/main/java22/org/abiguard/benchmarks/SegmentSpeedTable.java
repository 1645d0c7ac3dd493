package org.abiguard.benchmarks;

import static org.abiguard.benchmarks.SpeedState.BATCH;
import static org.abiguard.benchmarks.SpeedState.PHYSMAP;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The speed table's {@code MemorySegment} contenders (JDK 22+): the marshallers' generated
 * {@code read}/{@code write} on a {@code MemorySegment} and the hand-written layout and
 * {@code VarHandle} code, on the same native memory and values as {@link SpeedTable}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"},
    jvmArgsAppend = {
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"
    })
public class SegmentSpeedTable {
  @Benchmark
  public XenAddToPhysmap physmapReadGeneratedSegment(SegmentState g) {
    return XenAddToPhysmapMarshaller.read(g.seg, PHYSMAP);
  }

  @Benchmark
  public MemorySegment physmapWriteGeneratedSegment(SegmentState g) {
    XenAddToPhysmapMarshaller.write(g.physmap, g.seg, PHYSMAP);
    return g.seg;
  }

  @Benchmark
  public MemoryExchangeBatch batchReadGeneratedSegment(SegmentState g) {
    return MemoryExchangeBatchMarshaller.read(g.seg, BATCH);
  }

  @Benchmark
  public MemorySegment batchWriteGeneratedSegment(SegmentState g) {
    MemoryExchangeBatchMarshaller.write(g.batch, g.seg, BATCH);
    return g.seg;
  }

  @Benchmark
  public XenAddToPhysmap physmapReadHandWrittenSegment(SegmentState g) {
    return HandWrittenSegmentXenAddToPhysmap.read(g.seg, PHYSMAP);
  }

  @Benchmark
  public MemorySegment physmapWriteHandWrittenSegment(SegmentState g) {
    HandWrittenSegmentXenAddToPhysmap.write(g.physmap, g.seg, PHYSMAP);
    return g.seg;
  }

  @Benchmark
  public MemoryExchangeBatch batchReadHandWrittenSegment(SegmentState g) {
    return HandWrittenSegmentMemoryExchangeBatch.read(g.seg, BATCH);
  }

  @Benchmark
  public MemorySegment batchWriteHandWrittenSegment(SegmentState g) {
    HandWrittenSegmentMemoryExchangeBatch.write(g.batch, g.seg, BATCH);
    return g.seg;
  }
}
