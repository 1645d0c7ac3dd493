package org.abiguard.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A union and a bit-field struct, generated against {@link HandWrittenRestOfC}, on x86_64 in a
 * little-endian buffer: {@code struct evtchn_op} (its {@code cmd} selects the union member
 * bind_interdomain) and {@code struct ioreq} (four bit-fields in one byte).
 *
 * <p>The generated union read decodes every member ({@code unionReadAll}) or, as the hand-written
 * code does, only the one the command names ({@code unionReadMember}: {@code cmd}, then the union's
 * {@code read(buf, offset, Member)}).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RestOfCBenchmark {
  private ByteBuffer buf;
  private EvtchnOp op;
  private Ioreq io;

  @Setup
  public void setUp() {
    buf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    op = new EvtchnOp();
    op.cmd = HandWrittenRestOfC.BIND_INTERDOMAIN;
    op.u = new EvtchnOp.U();
    op.u.bindInterdomain = new EvtchnOp.BindInterdomain();
    op.u.bindInterdomain.remoteDom = 7;
    op.u.bindInterdomain.remotePort = 33;
    op.u.bindInterdomain.localPort = 0xFFFF_FFF0L;
    io = new Ioreq();
    io.addr = 0xFEE0_0000L;
    io.data = 0x1234;
    io.count = 1;
    io.size = 4;
    io.vpEport = 12;
    io.state = 9;
    io.dataIsPtr = 1;
    io.df = 1;
    io.type = 1;
    EvtchnOpMarshaller.write(op, buf, 0);
    IoreqMarshaller.write(io, buf, 16);
  }

  @Benchmark
  public EvtchnOp unionReadAllGenerated() {
    return EvtchnOpMarshaller.read(buf, 0);
  }

  @Benchmark
  public EvtchnOp unionReadMemberGenerated() {
    EvtchnOp read = new EvtchnOp();
    read.cmd = buf.getInt(0) & 0xFFFF_FFFFL;
    read.u =
        EvtchnOp_UMarshaller.read(
            buf, EvtchnOpMarshaller.OFFSET_U, EvtchnOp_UMarshaller.Member.BIND_INTERDOMAIN);
    return read;
  }

  @Benchmark
  public EvtchnOp unionReadHandWritten() {
    return HandWrittenRestOfC.readEvtchnOp(buf, 0);
  }

  @Benchmark
  public ByteBuffer unionWriteGenerated() {
    EvtchnOpMarshaller.write(op, buf, 0);
    return buf;
  }

  @Benchmark
  public ByteBuffer unionWriteHandWritten() {
    HandWrittenRestOfC.writeEvtchnOp(op, buf, 0);
    return buf;
  }

  @Benchmark
  public Ioreq bitsReadGenerated() {
    return IoreqMarshaller.read(buf, 16);
  }

  @Benchmark
  public Ioreq bitsReadHandWritten() {
    return HandWrittenRestOfC.readIoreq(buf, 16);
  }

  @Benchmark
  public ByteBuffer bitsWriteGenerated() {
    IoreqMarshaller.write(io, buf, 16);
    return buf;
  }

  @Benchmark
  public ByteBuffer bitsWriteHandWritten() {
    HandWrittenRestOfC.writeIoreq(io, buf, 16);
    return buf;
  }
}
