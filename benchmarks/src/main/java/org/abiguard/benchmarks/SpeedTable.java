package org.abiguard.benchmarks;

import static org.abiguard.benchmarks.SpeedState.BATCH;
import static org.abiguard.benchmarks.SpeedState.PHYSMAP;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.abiguard.benchmarks.jna.JnaMemoryExchangeBatch;
import org.abiguard.benchmarks.jna.JnaXenAddToPhysmap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The speed table on {@code ByteBuffer}s, JNA and SBE: {@code struct xen_add_to_physmap} ({@code
 * physmap*}) and {@code struct memory_exchange_batch} ({@code batch*}), read and written in the
 * same native memory ({@link SpeedState}). The {@code MemorySegment} contenders are in {@code
 * SpeedTableSegment} (JDK 22+, {@code src/main/java22}).
 *
 * <p>Agrona (SBE's buffers) needs {@code jdk.internal.misc} exported; JNA loads its native library,
 * which JDK 24+ warns about unless native access is enabled. Every fork gets a fixed heap touched
 * before the first iteration (see {@code benchmarks/README.md}, "Run").
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"},
    jvmArgsAppend = {
      "--add-exports",
      "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--enable-native-access=ALL-UNNAMED"
    })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpeedTable {
  @Benchmark
  public XenAddToPhysmap physmapReadGenerated(SpeedState s) {
    return XenAddToPhysmapMarshaller.read(s.buf, PHYSMAP);
  }

  @Benchmark
  public XenAddToPhysmap physmapReadHandWritten(SpeedState s) {
    return HandWrittenXenAddToPhysmap.read(s.buf, PHYSMAP);
  }

  @Benchmark
  public JnaXenAddToPhysmap physmapReadJna(SpeedState s) {
    s.jnaPhysmap.read();
    return s.jnaPhysmap;
  }

  @Benchmark
  public XenAddToPhysmap physmapReadSbe(SpeedState s) {
    return s.sbe.readPhysmap(s.sbeBuf, PHYSMAP);
  }

  @Benchmark
  public ByteBuffer physmapWriteGenerated(SpeedState s) {
    XenAddToPhysmapMarshaller.write(s.physmap, s.buf, PHYSMAP);
    return s.buf;
  }

  @Benchmark
  public ByteBuffer physmapWriteHandWritten(SpeedState s) {
    HandWrittenXenAddToPhysmap.write(s.physmap, s.buf, PHYSMAP);
    return s.buf;
  }

  @Benchmark
  public JnaXenAddToPhysmap physmapWriteJna(SpeedState s) {
    s.jnaPhysmap.write();
    return s.jnaPhysmap;
  }

  @Benchmark
  public ByteBuffer physmapWriteSbe(SpeedState s) {
    s.sbe.writePhysmap(s.physmap, s.sbeBuf, PHYSMAP);
    return s.buf;
  }

  @Benchmark
  public MemoryExchangeBatch batchReadGenerated(SpeedState s) {
    return MemoryExchangeBatchMarshaller.read(s.buf, BATCH);
  }

  @Benchmark
  public MemoryExchangeBatch batchReadHandWritten(SpeedState s) {
    return HandWrittenMemoryExchangeBatch.read(s.buf, BATCH);
  }

  @Benchmark
  public JnaMemoryExchangeBatch batchReadJna(SpeedState s) {
    s.jnaBatch.read();
    return s.jnaBatch;
  }

  @Benchmark
  public MemoryExchangeBatch batchReadSbe(SpeedState s) {
    return s.sbe.readBatch(s.sbeBuf, BATCH);
  }

  @Benchmark
  public ByteBuffer batchWriteGenerated(SpeedState s) {
    MemoryExchangeBatchMarshaller.write(s.batch, s.buf, BATCH);
    return s.buf;
  }

  @Benchmark
  public ByteBuffer batchWriteHandWritten(SpeedState s) {
    HandWrittenMemoryExchangeBatch.write(s.batch, s.buf, BATCH);
    return s.buf;
  }

  @Benchmark
  public JnaMemoryExchangeBatch batchWriteJna(SpeedState s) {
    s.jnaBatch.write();
    return s.jnaBatch;
  }

  @Benchmark
  public ByteBuffer batchWriteSbe(SpeedState s) {
    s.sbe.writeBatch(s.batch, s.sbeBuf, BATCH);
    return s.buf;
  }
}
