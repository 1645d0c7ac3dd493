package org.abiguard.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What one writes without abiguard for a union and a bit-field struct on x86_64, with the same
 * guarantees as the generated marshallers (bounds and ranges checked before the first byte, little
 * endian whatever the buffer's order, padding zero): {@code struct evtchn_op} whose {@code cmd}
 * selects the member of its union, and {@code struct ioreq}'s flag bits. The baseline of {@link
 * RestOfCBenchmark}.
 */
public final class HandWrittenRestOfC {
  /** {@code sizeof(struct evtchn_op)} with these three members on x86_64. */
  public static final int EVTCHN_OP_SIZE = 16;

  /** {@code sizeof(struct ioreq)} on x86_64. */
  public static final int IOREQ_SIZE = 32;

  /** {@code EVTCHNOP_bind_interdomain}. */
  public static final int BIND_INTERDOMAIN = 0;

  private HandWrittenRestOfC() {}

  /** Reads {@code cmd} and the union member it selects (bind_interdomain here). */
  public static EvtchnOp readEvtchnOp(ByteBuffer buf, int offset) {
    bounds(buf, offset, EVTCHN_OP_SIZE);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    EvtchnOp op = new EvtchnOp();
    op.cmd = i32(buf, offset, little) & 0xFFFFFFFFL;
    op.u = new EvtchnOp.U();
    if (op.cmd == BIND_INTERDOMAIN) {
      EvtchnOp.BindInterdomain b = new EvtchnOp.BindInterdomain();
      b.remoteDom = i16(buf, offset + 4, little) & 0xFFFF;
      b.remotePort = i32(buf, offset + 8, little) & 0xFFFFFFFFL;
      b.localPort = i32(buf, offset + 12, little) & 0xFFFFFFFFL;
      op.u.bindInterdomain = b;
    }
    return op;
  }

  /** Writes {@code cmd} and the bind_interdomain member, the rest of the union zero. */
  public static void writeEvtchnOp(EvtchnOp op, ByteBuffer buf, int offset) {
    EvtchnOp.BindInterdomain b = op.u.bindInterdomain;
    u32(op.cmd, "cmd");
    if (b.remoteDom < 0 || b.remoteDom > 0xFFFF) {
      throw new ArithmeticException("remote_dom " + b.remoteDom + " does not fit u16");
    }
    u32(b.remotePort, "remote_port");
    u32(b.localPort, "local_port");
    bounds(buf, offset, EVTCHN_OP_SIZE);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    buf.putInt(offset, little ? (int) op.cmd : Integer.reverseBytes((int) op.cmd));
    short dom = (short) b.remoteDom;
    buf.putShort(offset + 4, little ? dom : Short.reverseBytes(dom));
    buf.putShort(offset + 6, (short) 0);
    buf.putInt(offset + 8, little ? (int) b.remotePort : Integer.reverseBytes((int) b.remotePort));
    buf.putInt(offset + 12, little ? (int) b.localPort : Integer.reverseBytes((int) b.localPort));
  }

  /** Reads {@code struct ioreq}, its flag bits from byte 30. */
  public static Ioreq readIoreq(ByteBuffer buf, int offset) {
    bounds(buf, offset, IOREQ_SIZE);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    Ioreq io = new Ioreq();
    io.addr = i64(buf, offset, little);
    io.data = i64(buf, offset + 8, little);
    io.count = i32(buf, offset + 16, little) & 0xFFFFFFFFL;
    io.size = i32(buf, offset + 20, little) & 0xFFFFFFFFL;
    io.vpEport = i32(buf, offset + 24, little) & 0xFFFFFFFFL;
    io.pad0 = i16(buf, offset + 28, little) & 0xFFFF;
    int flags = buf.get(offset + 30);
    io.state = flags & 0xF;
    io.dataIsPtr = flags >>> 4 & 1;
    io.dir = flags >>> 5 & 1;
    io.df = flags >>> 6 & 1;
    io.type = buf.get(offset + 31) & 0xFF;
    return io;
  }

  /** Writes {@code struct ioreq}, its flag bits composed into byte 30. */
  public static void writeIoreq(Ioreq io, ByteBuffer buf, int offset) {
    u32(io.count, "count");
    u32(io.size, "size");
    u32(io.vpEport, "vp_eport");
    if (io.pad0 < 0 || io.pad0 > 0xFFFF) {
      throw new ArithmeticException("_pad0 " + io.pad0 + " does not fit u16");
    }
    bits(io.state, 4, "state");
    bits(io.dataIsPtr, 1, "data_is_ptr");
    bits(io.dir, 1, "dir");
    bits(io.df, 1, "df");
    if (io.type < 0 || io.type > 0xFF) {
      throw new ArithmeticException("type " + io.type + " does not fit u8");
    }
    bounds(buf, offset, IOREQ_SIZE);
    boolean little = buf.order() == ByteOrder.LITTLE_ENDIAN;
    buf.putLong(offset, little ? io.addr : Long.reverseBytes(io.addr));
    buf.putLong(offset + 8, little ? io.data : Long.reverseBytes(io.data));
    buf.putInt(offset + 16, little ? (int) io.count : Integer.reverseBytes((int) io.count));
    buf.putInt(offset + 20, little ? (int) io.size : Integer.reverseBytes((int) io.size));
    buf.putInt(offset + 24, little ? (int) io.vpEport : Integer.reverseBytes((int) io.vpEport));
    short pad0 = (short) io.pad0;
    buf.putShort(offset + 28, little ? pad0 : Short.reverseBytes(pad0));
    buf.put(offset + 30, (byte) (io.state | io.dataIsPtr << 4 | io.dir << 5 | io.df << 6));
    buf.put(offset + 31, (byte) io.type);
  }

  private static void bits(int value, int bits, String member) {
    if (value < 0 || value >= 1 << bits) {
      throw new ArithmeticException(member + " " + value + " does not fit u" + bits);
    }
  }

  private static void u32(long value, String member) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new ArithmeticException(member + " " + value + " does not fit u32");
    }
  }

  private static void bounds(ByteBuffer buf, int offset, int size) {
    if (offset < 0 || offset > buf.limit() - size) {
      throw new IndexOutOfBoundsException(size + " bytes at " + offset + ", limit " + buf.limit());
    }
  }

  private static short i16(ByteBuffer buf, int index, boolean little) {
    short v = buf.getShort(index);
    return little ? v : Short.reverseBytes(v);
  }

  private static int i32(ByteBuffer buf, int index, boolean little) {
    int v = buf.getInt(index);
    return little ? v : Integer.reverseBytes(v);
  }

  private static long i64(ByteBuffer buf, int index, boolean little) {
    long v = buf.getLong(index);
    return little ? v : Long.reverseBytes(v);
  }
}
