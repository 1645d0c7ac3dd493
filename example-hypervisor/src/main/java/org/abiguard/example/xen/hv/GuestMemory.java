package org.abiguard.example.xen.hv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.abiguard.AbiCodec;

/**
 * One domain's memory as the hypervisor reaches it: guest-physical addresses translated page by
 * page through the domain's p2m ({@code copy_from_guest} / {@code copy_to_guest}).
 *
 * <p>Every access translates all the pages it touches before it moves a byte, so an access that
 * runs into an unmapped page fails with {@link GuestFault} and changes nothing. Structs go through
 * the generated codec of the guest's ABI; arrays of {@code xen_ulong_t} / {@code xen_pfn_t} use the
 * guest's {@code unsigned long} width. x86 is little-endian.
 */
public final class GuestMemory {
  private final Domain domain;
  private final FrameTable frames;

  GuestMemory(Domain domain, FrameTable frames) {
    this.domain = domain;
    this.frames = frames;
  }

  /** The domain whose memory this is. */
  public Domain domain() {
    return domain;
  }

  /** Reads {@code dst.length} bytes from guest address {@code gaddr}. */
  public void read(long gaddr, byte[] dst) throws GuestFault {
    transfer(gaddr, dst, false);
  }

  /** Writes {@code src} at guest address {@code gaddr}. */
  public void write(long gaddr, byte[] src) throws GuestFault {
    transfer(gaddr, src, true);
  }

  /**
   * Copies between {@code data} and the guest pages from {@code gaddr}, after translating them all.
   */
  private void transfer(long gaddr, byte[] data, boolean toGuest) throws GuestFault {
    long[] mfns = translate(gaddr, data.length);
    int done = 0;
    for (int i = 0; i < mfns.length; i++) {
      int offset = i == 0 ? pageOffset(gaddr) : 0;
      int n = Math.min(FrameTable.PAGE_SIZE - offset, data.length - done);
      byte[] page = frames.page(mfns[i]);
      if (toGuest) {
        System.arraycopy(data, done, page, offset, n);
      } else {
        System.arraycopy(page, offset, data, done, n);
      }
      done += n;
    }
  }

  /** {@code copy_from_guest}: decodes a struct at {@code gaddr} with {@code codec}. */
  public <T> T copyFromGuest(AbiCodec<T> codec, long gaddr) throws GuestFault {
    byte[] bytes = new byte[codec.size()];
    read(gaddr, bytes);
    return codec.read(ByteBuffer.wrap(bytes), 0);
  }

  /** {@code copy_to_guest}: encodes {@code value} at {@code gaddr} with {@code codec}. */
  public <T> void copyToGuest(AbiCodec<T> codec, T value, long gaddr) throws GuestFault {
    translate(gaddr, codec.size());
    byte[] bytes = new byte[codec.size()];
    codec.write(value, ByteBuffer.wrap(bytes), 0);
    write(gaddr, bytes);
  }

  /** {@code copy_from_guest_offset}: element {@code index} of a struct array at {@code handle}. */
  public <T> T copyFromGuestOffset(AbiCodec<T> codec, long handle, long index) throws GuestFault {
    return copyFromGuest(codec, element(handle, index, codec.size()));
  }

  /** {@code copy_to_guest_offset}: element {@code index} of a struct array at {@code handle}. */
  public <T> void copyToGuestOffset(AbiCodec<T> codec, T value, long handle, long index)
      throws GuestFault {
    copyToGuest(codec, value, element(handle, index, codec.size()));
  }

  /** Element {@code index} of a guest array of {@code unsigned long} (raw bits). */
  public long readUlong(long handle, long index) throws GuestFault {
    int size = domain.abi().longBytes();
    byte[] bytes = new byte[size];
    read(element(handle, index, size), bytes);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    return size == 8 ? buf.getLong(0) : Integer.toUnsignedLong(buf.getInt(0));
  }

  /**
   * Stores {@code value}, wrapped to the guest's {@code unsigned long}, at element {@code index}.
   */
  public void writeUlong(long handle, long index, long value) throws GuestFault {
    int size = domain.abi().longBytes();
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    if (size == 8) {
      buf.putLong(0, value);
    } else {
      buf.putInt(0, (int) value);
    }
    write(element(handle, index, size), buf.array());
  }

  /** Element {@code index} of a guest array of C {@code int}. */
  public int readInt(long handle, long index) throws GuestFault {
    byte[] bytes = new byte[Integer.BYTES];
    read(element(handle, index, Integer.BYTES), bytes);
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
  }

  /** Stores a C {@code int} at element {@code index}. */
  public void writeInt(long handle, long index, int value) throws GuestFault {
    ByteBuffer buf =
        ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
    write(element(handle, index, Integer.BYTES), buf.array());
  }

  /**
   * A {@code uint16_t} at {@code gaddr}, e.g. the {@code domid_t} of {@code
   * XENMEM_current_reservation}.
   */
  public int readU16(long gaddr) throws GuestFault {
    byte[] bytes = new byte[2];
    read(gaddr, bytes);
    return Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(0));
  }

  /**
   * The guest address of element {@code index} of {@code size}-byte elements from {@code handle}.
   */
  private long element(long handle, long index, int size) throws GuestFault {
    if (handle < 0 || index < 0 || index > (Long.MAX_VALUE - handle) / size) {
      throw new GuestFault(
          handle, "array element " + Long.toUnsignedString(index) + " is beyond any address");
    }
    return handle + index * size;
  }

  /** The machine frames behind {@code [gaddr, gaddr + length)}, or a fault at the first hole. */
  private long[] translate(long gaddr, int length) throws GuestFault {
    long limit =
        domain.abi().longBytes() == 8 ? (P2m.MAX_GFN + 1) << FrameTable.PAGE_SHIFT : 1L << 32;
    if (gaddr < 0 || length > limit || gaddr > limit - length) {
      throw new GuestFault(gaddr, "outside the guest's address space");
    }
    if (length == 0) {
      return new long[0];
    }
    long firstGfn = gaddr >>> FrameTable.PAGE_SHIFT;
    long lastGfn = (gaddr + length - 1) >>> FrameTable.PAGE_SHIFT;
    long[] mfns = new long[(int) (lastGfn - firstGfn + 1)];
    for (int i = 0; i < mfns.length; i++) {
      long gfn = firstGfn + i;
      P2m.Entry entry = domain.p2m().lookup(gfn).orElse(null);
      if (entry == null) {
        throw new GuestFault(
            Math.max(gfn << FrameTable.PAGE_SHIFT, gaddr),
            "gfn 0x" + Long.toHexString(gfn) + " is not mapped");
      }
      mfns[i] = entry.mfn();
    }
    return mfns;
  }

  private static int pageOffset(long gaddr) {
    return (int) (gaddr & (FrameTable.PAGE_SIZE - 1));
  }
}
