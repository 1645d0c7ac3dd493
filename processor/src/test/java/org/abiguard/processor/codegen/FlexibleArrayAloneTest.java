package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A flexible array as a struct's only member: Linux's {@code __DECLARE_FLEX_ARRAY(T, x)}, {@code
 * struct { struct { } __empty_x; T x[]; }}, which GNU C lays out as the array alone (size 0, the
 * element's alignment). It is how a union holds flexible arrays: ALSA's {@code
 * snd_soc_tplg_private} (a packed struct ending in a union of two) and io_uring's {@code
 * io_uring_buf_ring} (a union of the ring's head and its array of buffers, the head overlaying the
 * first buffer). gcc proves the layouts and writes the same bytes.
 */
class FlexibleArrayAloneTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Flex",
          """
          package p;

          import org.abiguard.*;

          public final class Flex {
            private Flex() {}

            @AbiStruct(name = "tplg_private", pack = 1)
            public static class TplgPrivate {
              @U32 public long size;
              @AbiAnonymous public Payload payload = new Payload();
            }

            @AbiUnion(untagged = true)
            public static class Payload {
              @AbiAnonymous public Bytes bytes;
              @AbiAnonymous public Words words;
            }

            @AbiStruct(untagged = true)
            public static class Bytes {
              @AbiFlexible @U8 public byte[] data = new byte[0];
            }

            @AbiStruct(untagged = true)
            public static class Words {
              @AbiFlexible @U32 public long[] words = new long[0];
            }

            @AbiStruct(name = "buf")
            public static class Buf {
              @U64 public long addr;
              @U32 public long len;
              @U16 public int bid;
              @U16 public int resv;
            }

            @AbiStruct(name = "buf_ring")
            public static class BufRing {
              @AbiAnonymous public Ring ring = new Ring();
            }

            @AbiUnion(untagged = true)
            public static class Ring {
              @AbiAnonymous public Head head;
              @AbiAnonymous public Bufs bufs;
            }

            @AbiStruct(untagged = true)
            public static class Head {
              @U64 public long resv1;
              @U32 public long resv2;
              @U16 public int resv3;
              @U16 public int tail;
            }

            @AbiStruct(untagged = true)
            public static class Bufs {
              @AbiFlexible public Buf[] bufs = new Buf[0];
            }
          }
          """);

  /**
   * The declarations as Linux writes them, __DECLARE_FLEX_ARRAY expanded, in a system header (where
   * gcc does not call the empty structs pedantic).
   */
  private static final String HEADER =
      """
      #pragma GCC system_header
      #include <stdint.h>
      struct tplg_private {
          uint32_t size;
          union {
              struct { struct { } __empty_data; uint8_t data[]; };
              struct { struct { } __empty_words; uint32_t words[]; };
          };
      } __attribute__((packed));
      struct buf { uint64_t addr; uint32_t len; uint16_t bid; uint16_t resv; };
      struct buf_ring {
          union {
              struct { uint64_t resv1; uint32_t resv2; uint16_t resv3; uint16_t tail; };
              struct { struct { } __empty_bufs; struct buf bufs[]; };
          };
      };
      """;

  /** C fills both structs with their arrays and prints their bytes, up to the arrays' ends. */
  private static final String PROGRAM =
      """
      #include <stddef.h>
      #include <stdio.h>
      #include <string.h>
      #include "flex.h"
      static unsigned char mem[64] __attribute__((aligned(16)));
      static void dump(size_t n) {
          for (size_t i = 0; i < n; i++) printf("%02x", mem[i]);
          printf("\\n");
      }
      int main(void) {
          struct tplg_private *p = (struct tplg_private *) mem;
          memset(mem, 0, sizeof mem);
          p->size = 8;
          p->words[0] = 0x11223344u;
          p->words[1] = 0x55667788u;
          dump(offsetof(struct tplg_private, words) + 2 * sizeof(uint32_t));
          struct buf_ring *r = (struct buf_ring *) mem;
          memset(mem, 0, sizeof mem);
          r->bufs[0].addr = 0x0102030405060708ull;
          r->bufs[0].len = 4096;
          r->bufs[0].bid = 1;
          r->bufs[1].addr = 0x1112131415161718ull;
          r->bufs[1].len = 512;
          r->bufs[1].bid = 2;
          dump(offsetof(struct buf_ring, bufs) + 2 * sizeof(struct buf));
          return 0;
      }
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheLayout(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("offsetof(struct tplg_private, words) == 4"), asserts);
    assertTrue(asserts.contains("sizeof(struct buf_ring) == 16"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theMarshallersWriteTheBytesCWrites(TargetAbi abi, @TempDir Path dir) throws Exception {
    String problem = CHarness.emulatedRunProblem(abi).orElse(null);
    assumeTrue(problem == null, () -> "skipped: " + problem);
    CHarness.write(dir, "flex.h", HEADER);
    CHarness.Result ran = CHarness.buildAndRunEmulated(abi, dir, "flex.c", PROGRAM, List.of());
    assertTrue(ran.ok(), ran::describe);
    List<String> c = ran.output().lines().toList();
    String nested = "$" + abi.className();

    Class<?> tplg = compiled.loadClass("p.Flex_TplgPrivateMarshaller" + nested);
    Object priv = tplgPrivate(0x11223344L, 0x55667788L);
    assertEquals(4, tplg.getField("SIZE").getInt(null), abi.manifestName());
    assertEquals(12, byteSize(tplg, priv));
    ByteBuffer buf = ByteBuffer.allocate(12);
    BufferCalls.write(tplg, priv, buf, 0);
    assertEquals(c.get(0), HexFormat.of().formatHex(buf.array()), abi.manifestName());

    Class<?> ring = compiled.loadClass("p.Flex_BufRingMarshaller" + nested);
    Object bufRing = bufRing();
    assertEquals(16, ring.getField("SIZE").getInt(null), abi.manifestName());
    assertEquals(32, byteSize(ring, bufRing));
    ByteBuffer ringBytes = ByteBuffer.allocate(32);
    BufferCalls.write(ring, bufRing, ringBytes, 0);
    assertEquals(c.get(1), HexFormat.of().formatHex(ringBytes.array()), abi.manifestName());
  }

  @Test
  void theHeadReadsOverTheFirstBufferAndTheCallerCountsTheBuffers() throws Exception {
    Class<?> ring = compiled.loadClass("p.Flex_BufRingMarshaller");
    ByteBuffer buf = ByteBuffer.allocate(32);
    BufferCalls.write(ring, bufRing(), buf, 0);

    Object back = BufferCalls.read(ring, buf, 0);
    Object head = get(get(back, "ring"), "head");
    assertEquals(0x0102030405060708L, get(head, "resv1"), "bufs[0].addr, read as the head");
    assertEquals(4096L, get(head, "resv2"));
    assertEquals(0, get(head, "tail"), "bufs[0].resv");
    Object bufs = get(get(back, "ring"), "bufs");
    assertEquals(0, Array.getLength(get(bufs, "bufs")), "the ring does not count its buffers");

    Object two =
        compiled
            .loadClass("p.Flex_BufsMarshaller")
            .getMethod("read", ByteBuffer.class, int.class, int.class)
            .invoke(null, buf, 0, 2);
    Object[] read = (Object[]) get(two, "bufs");
    assertEquals(2, read.length);
    assertEquals(0x1112131415161718L, get(read[1], "addr"));
    assertEquals(2, get(read[1], "bid"));
  }

  @Test
  void memoryThatEndsBeforeTheArrayIsRefusedBeforeTheFirstByte() throws Exception {
    Class<?> ring = compiled.loadClass("p.Flex_BufRingMarshaller");
    ByteBuffer buf = ByteBuffer.allocate(31);
    Arrays.fill(buf.array(), (byte) 0x5A);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class, () -> BufferCalls.write(ring, bufRing(), buf, 0));
    assertEquals(IndexOutOfBoundsException.class, e.getCause().getClass());
    byte[] untouched = new byte[31];
    Arrays.fill(untouched, (byte) 0x5A);
    assertArrayEquals(untouched, buf.array());
  }

  @Test
  void anEmptyArrayWritesNothingPastTheStruct() throws Exception {
    Class<?> tplg = compiled.loadClass("p.Flex_TplgPrivateMarshaller");
    Object priv = tplgPrivate();
    assertEquals(4, byteSize(tplg, priv));
    ByteBuffer buf = ByteBuffer.allocate(4);
    BufferCalls.write(tplg, priv, buf, 0);
    assertEquals("00000000", HexFormat.of().formatHex(buf.array()));
    Object back = BufferCalls.read(tplg, buf, 0);
    Object payload = get(back, "payload");
    assertEquals(0, ((byte[]) get(get(payload, "bytes"), "data")).length);
    assertNull(get(get(priv, "payload"), "bytes"), "the payload was words");
  }

  /**
   * On Java 22+, {@code LAYOUT} of a struct holding only a flexible array is 0 bytes with the
   * element's alignment, like {@code SIZE} and {@code ALIGNMENT}, and a {@code MemorySegment} gets
   * the bytes a {@code ByteBuffer} does, with the same refusal one byte short.
   */
  @Test
  void inForeignMemoryTheLayoutsAndBytesAreTheSame() throws Exception {
    CompiledMirrors foreign = CompiledMirrors.forForeignMemory(MIRRORS);
    foreign.assertNoDiagnostic();
    foreign.assertLayoutsMatchConstants(
        "p.Flex_", List.of("TplgPrivate", "Payload", "Bytes", "Words", "BufRing", "Ring", "Bufs"));
    Class<?> ring = foreign.loadClass("p.Flex_BufRingMarshaller");
    Object value = bufRing(foreign.loader());
    ByteBuffer expected = ByteBuffer.allocate(32);
    BufferCalls.write(ring, value, expected, 0);
    Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
    Method write = ring.getMethod("write", value.getClass(), segment, long.class);
    byte[] bytes = new byte[32];
    write.invoke(null, value, segment.getMethod("ofArray", byte[].class).invoke(null, bytes), 0L);
    assertArrayEquals(expected.array(), bytes);

    byte[] shortBytes = new byte[31];
    Arrays.fill(shortBytes, (byte) 0x5A);
    Object shortSegment = segment.getMethod("ofArray", byte[].class).invoke(null, shortBytes);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class, () -> write.invoke(null, value, shortSegment, 0L));
    assertEquals(IndexOutOfBoundsException.class, e.getCause().getClass());
    byte[] untouched = new byte[31];
    Arrays.fill(untouched, (byte) 0x5A);
    assertArrayEquals(untouched, shortBytes);
  }

  private static Object tplgPrivate(long... words) throws Exception {
    Object priv = compiled.loadClass("p.Flex$TplgPrivate").getConstructor().newInstance();
    set(priv, "size", 4L * words.length);
    Object w = compiled.loadClass("p.Flex$Words").getConstructor().newInstance();
    set(w, "words", words);
    set(get(priv, "payload"), "words", w);
    return priv;
  }

  private static Object bufRing() throws Exception {
    return bufRing(compiled.loader());
  }

  private static Object bufRing(ClassLoader classes) throws Exception {
    Class<?> bufType = classes.loadClass("p.Flex$Buf");
    Object[] bufs = (Object[]) Array.newInstance(bufType, 2);
    long[] addrs = {0x0102030405060708L, 0x1112131415161718L};
    long[] lens = {4096, 512};
    for (int i = 0; i < 2; i++) {
      bufs[i] = bufType.getConstructor().newInstance();
      set(bufs[i], "addr", addrs[i]);
      set(bufs[i], "len", lens[i]);
      set(bufs[i], "bid", i + 1);
    }
    Object b = classes.loadClass("p.Flex$Bufs").getConstructor().newInstance();
    set(b, "bufs", bufs);
    Object ring = classes.loadClass("p.Flex$BufRing").getConstructor().newInstance();
    set(get(ring, "ring"), "bufs", b);
    return ring;
  }

  private static int byteSize(Class<?> marshaller, Object value) throws Exception {
    return (int) marshaller.getMethod("byteSize", value.getClass()).invoke(null, value);
  }
}
