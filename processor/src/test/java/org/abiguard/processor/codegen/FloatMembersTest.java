package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.abiguard.processor.CompiledClasses;
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
 * C's {@code float} and {@code double} as members: a Java {@code float} or {@code double} with no
 * annotation. Their layout is an integer's of the same size (a {@code double} aligned to 4 inside
 * i386 structs, as a {@code uint64_t} is), which gcc proves on three ABIs; their bits move as they
 * are, so the marshallers write what C writes for a NaN with a payload, {@code -0.0}, a subnormal
 * and an infinity, in either byte order, in a packed struct, an array, a flexible array and a
 * union, where {@code -0.0} counts as set.
 */
class FloatMembersTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Fp",
          """
          package p;

          import org.abiguard.*;

          public final class Fp {
            private Fp() {}

            @AbiStruct(name = "sample")
            public static class Sample {
              @U8 public int tag;
              public double time;
              public float gain;
              @AbiArray(3) public float[] xyz = new float[3];
              @U16 public int n;
              @AbiFlexible(count = "n") public double[] samples = new double[0];
            }

            @AbiStruct(name = "wire", order = Endian.BIG, pack = 1)
            public record Wire(@U8 int kind, double value, float scale) {}

            @AbiUnion(name = "num")
            public static class Num {
              public float f;
              @U32 public int bits;
              public double d;
            }
          }
          """);

  private static final String HEADER =
      """
      #include <stdint.h>
      struct sample { uint8_t tag; double time; float gain; float xyz[3]; uint16_t n; double samples[]; };
      struct wire { uint8_t kind; double value; float scale; } __attribute__((packed));
      union num { float f; uint32_t bits; double d; };
      """;

  /**
   * C sets each float through its bits (no FPU on the way: i386's x87 would quiet a signalling NaN)
   * and prints the bytes of each type.
   */
  private static final String PROGRAM =
      """
      #include <stddef.h>
      #include <stdio.h>
      #include <string.h>
      #include "fp.h"
      #define SET32(lv, b) do { uint32_t t_ = (b); memcpy(&(lv), &t_, 4); } while (0)
      #define SET64(lv, b) do { uint64_t t_ = (b); memcpy(&(lv), &t_, 8); } while (0)
      static unsigned char mem[128] __attribute__((aligned(16)));
      static void dump(size_t n) {
          for (size_t i = 0; i < n; i++) printf("%02x", mem[i]);
          printf("\\n");
      }
      int main(void) {
          struct sample *s = (struct sample *) mem;
          memset(mem, 0, sizeof mem);
          s->tag = 7;
          SET64(s->time, 0x7E37E43C8800759CULL);
          SET32(s->gain, 0x7FC12345u);
          SET32(s->xyz[0], 0x80000000u);
          SET32(s->xyz[1], 0x00000001u);
          SET32(s->xyz[2], 0x7F800000u);
          s->n = 2;
          SET64(s->samples[0], 0x400921FB54442D18ULL);
          SET64(s->samples[1], 0xFFF8000000000ABCULL);
          dump(offsetof(struct sample, samples) + 2 * sizeof(double));
          struct wire *w = (struct wire *) mem;
          memset(mem, 0, sizeof mem);
          w->kind = 3;
          SET64(w->value, __builtin_bswap64(0xC00921FB54442D18ULL));
          SET32(w->scale, __builtin_bswap32(0x3F800000u));
          dump(sizeof(struct wire));
          union num *u = (union num *) mem;
          memset(mem, 0, sizeof mem);
          SET64(u->d, 0x8000000000000000ULL);
          dump(sizeof(union num));
          return 0;
      }
      """;

  private static final int GAIN = 0x7FC12345;
  private static final int[] XYZ = {0x80000000, 0x00000001, 0x7F800000};
  private static final long TIME = 0x7E37E43C8800759CL;
  private static final long[] SAMPLES = {0x400921FB54442D18L, 0xFFF8000000000ABCL};

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
    assertTrue(
        asserts.contains("offsetof(struct sample, time) == 4, \"p.Fp.Sample.time: offsetof"),
        "a double is aligned to 4 in i386 structs");
    assertTrue(asserts.contains("offsetof(struct wire, scale) == 9"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @Test
  void theManifestNamesEachFloatBySize() {
    String manifest =
        CompiledClasses.resource(compiled.compilation(), "META-INF/abiguard/abi-manifest.json")
            .orElseThrow();
    assertTrue(
        manifest.contains(
            "{\"name\": \"time\", \"offset\": 4, \"size\": 8, \"align\": 4, \"kind\": \"float\"}"),
        manifest);
    assertTrue(
        manifest.contains(
            "{\"name\": \"xyz\", \"offset\": 16, \"size\": 12, \"align\": 4, \"kind\": \"array\","
                + " \"length\": 3, \"element\": {\"size\": 4, \"align\": 4, \"kind\": \"float\"}}"),
        manifest);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theMarshallersWriteAndReadTheBytesCWrites(TargetAbi abi, @TempDir Path dir)
      throws Exception {
    String problem = CHarness.emulatedRunProblem(abi).orElse(null);
    assumeTrue(problem == null, () -> "skipped: " + problem);
    CHarness.write(dir, "fp.h", HEADER);
    CHarness.Result ran = CHarness.buildAndRunEmulated(abi, dir, "fp.c", PROGRAM, List.of());
    assertTrue(ran.ok(), ran::describe);
    List<String> c = ran.output().lines().toList();
    String nested = "$" + abi.className();
    HexFormat hex = HexFormat.of();

    Class<?> sample = compiled.loadClass("p.Fp_SampleMarshaller" + nested);
    ByteBuffer buf = ByteBuffer.allocate(c.get(0).length() / 2);
    BufferCalls.write(sample, sample(compiled.loader()), buf, 0);
    assertEquals(c.get(0), hex.formatHex(buf.array()), abi.manifestName());
    Object back = BufferCalls.read(sample, ByteBuffer.wrap(hex.parseHex(c.get(0))), 0);
    assertEquals(GAIN, Float.floatToRawIntBits((float) get(back, "gain")), "the NaN's payload");
    assertEquals(TIME, Double.doubleToRawLongBits((double) get(back, "time")));
    float[] xyz = (float[]) get(back, "xyz");
    for (int i = 0; i < 3; i++) {
      assertEquals(XYZ[i], Float.floatToRawIntBits(xyz[i]), "xyz[" + i + "]");
    }
    double[] samples = (double[]) get(back, "samples");
    assertEquals(2, samples.length, "counted by n");
    for (int i = 0; i < 2; i++) {
      assertEquals(SAMPLES[i], Double.doubleToRawLongBits(samples[i]), "samples[" + i + "]");
    }

    Class<?> wire = compiled.loadClass("p.Fp_WireMarshaller" + nested);
    ByteBuffer wireBytes = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
    BufferCalls.write(wire, wire(compiled.loader()), wireBytes, 0);
    assertEquals(c.get(1), hex.formatHex(wireBytes.array()), abi.manifestName());
    Object wireBack = BufferCalls.read(wire, ByteBuffer.wrap(hex.parseHex(c.get(1))), 0);
    assertEquals(-Math.PI, (double) get(wireBack, "value"));
    assertEquals(1.0f, (float) get(wireBack, "scale"));

    Class<?> num = compiled.loadClass("p.Fp_NumMarshaller" + nested);
    Object negativeZero = compiled.loadClass("p.Fp$Num").getConstructor().newInstance();
    set(negativeZero, "d", -0.0);
    ByteBuffer numBytes = ByteBuffer.allocate(8);
    Arrays.fill(numBytes.array(), (byte) 0x5A);
    BufferCalls.write(num, negativeZero, numBytes, 0);
    assertEquals(c.get(2), hex.formatHex(numBytes.array()), "-0.0 is set: its sign bit is");
  }

  @Test
  void aUnionWithTwoFloatsSetIsRefusedAndNoneSetIsZero() throws Throwable {
    Class<?> num = compiled.loadClass("p.Fp_NumMarshaller");
    Object value = compiled.loadClass("p.Fp$Num").getConstructor().newInstance();
    assertEquals(null, Reflection.call(num, "selected", value), "0.0f and 0.0: nothing set");
    set(value, "f", Float.NaN);
    set(value, "d", -0.0);
    ByteBuffer buf = ByteBuffer.allocate(8);
    Arrays.fill(buf.array(), (byte) 0x5A);
    InvocationTargetException e =
        assertThrows(InvocationTargetException.class, () -> BufferCalls.write(num, value, buf, 0));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    assertTrue(e.getCause().getMessage().contains("union num"), e.getCause().getMessage());
    byte[] untouched = new byte[8];
    Arrays.fill(untouched, (byte) 0x5A);
    assertArrayEquals(untouched, buf.array(), "nothing written");
  }

  @Test
  void aShortBufferIsRefusedBeforeAnyByte() throws Exception {
    Class<?> sample = compiled.loadClass("p.Fp_SampleMarshaller");
    ByteBuffer buf = ByteBuffer.allocate(40 + 15);
    Arrays.fill(buf.array(), (byte) 0x5A);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(sample, sample(compiled.loader()), buf, 0));
    assertEquals(IndexOutOfBoundsException.class, e.getCause().getClass());
    byte[] untouched = new byte[55];
    Arrays.fill(untouched, (byte) 0x5A);
    assertArrayEquals(untouched, buf.array());
  }

  /**
   * On Java 22+, {@code LAYOUT} holds {@code float} and {@code double} value layouts at the offsets
   * of {@code OFFSET_*}, aligned as on each ABI, in the struct's byte order; a {@code VarHandle} of
   * it reads what the marshaller wrote, and a {@code MemorySegment} gets the bytes a {@code
   * ByteBuffer} does.
   */
  @Test
  void inForeignMemoryTheLayoutsHoldFloatsAndTheBytesAreTheSame() throws Throwable {
    CompiledMirrors foreign = CompiledMirrors.forForeignMemory(MIRRORS);
    foreign.assertNoDiagnostic();
    Map<String, List<String>> members =
        Map.of(
            "Sample", List.of("time", "gain", "xyz", "samples"),
            "Wire", List.of("value", "scale"),
            "Num", List.of("f", "d"));
    foreign.assertLayoutsMatchConstants("p.Fp_", members.keySet());
    Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
    Class<?> pathElement = Class.forName("java.lang.foreign.MemoryLayout$PathElement");
    Object pathArray = java.lang.reflect.Array.newInstance(pathElement, 1);
    for (Map.Entry<String, List<String>> type : members.entrySet()) {
      for (TargetAbi abi : TargetAbi.values()) {
        Class<?> m = foreign.loadClass("p.Fp_" + type.getKey() + "Marshaller$" + abi.className());
        Object layout = m.getField("LAYOUT").get(null);
        String where = type.getKey() + " " + abi.manifestName();
        for (String member : type.getValue()) {
          java.lang.reflect.Array.set(
              pathArray,
              0,
              pathElement.getMethod("groupElement", String.class).invoke(null, member));
          assertEquals(
              (long) m.getField("OFFSET_" + member.toUpperCase(java.util.Locale.ROOT)).getInt(null),
              memoryLayout.getMethod("byteOffset", pathArray.getClass()).invoke(layout, pathArray),
              where + "." + member);
        }
      }
    }

    Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
    Class<?> sample = foreign.loadClass("p.Fp_SampleMarshaller");
    Object value = sample(foreign.loader());
    ByteBuffer expected = ByteBuffer.allocate(56);
    BufferCalls.write(sample, value, expected, 0);
    byte[] bytes = new byte[56];
    Object seg = segment.getMethod("ofArray", byte[].class).invoke(null, bytes);
    Method write = sample.getMethod("write", value.getClass(), segment, long.class);
    write.invoke(null, value, seg, 0L);
    assertArrayEquals(expected.array(), bytes);

    java.lang.reflect.Array.set(
        pathArray, 0, pathElement.getMethod("groupElement", String.class).invoke(null, "gain"));
    Object layout = sample.getField("LAYOUT").get(null);
    Object gainLayout =
        memoryLayout.getMethod("select", pathArray.getClass()).invoke(layout, pathArray);
    Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
    assertEquals(float.class, valueLayoutType.getMethod("carrier").invoke(gainLayout));
    VarHandle gain =
        (VarHandle)
            memoryLayout.getMethod("varHandle", pathArray.getClass()).invoke(layout, pathArray);
    MethodHandle get = gain.toMethodHandle(VarHandle.AccessMode.GET);
    // the layout's handle wants memory aligned as the struct: a long[]'s
    Object aligned = segment.getMethod("ofArray", long[].class).invoke(null, new long[7]);
    write.invoke(null, value, aligned, 0L);
    assertEquals(GAIN, Float.floatToRawIntBits((float) get.invoke(aligned, 0L)));

    Class<?> wire = foreign.loadClass("p.Fp_WireMarshaller");
    Object wireLayout = wire.getField("LAYOUT").get(null);
    java.lang.reflect.Array.set(
        pathArray, 0, pathElement.getMethod("groupElement", String.class).invoke(null, "value"));
    Object valueLayout =
        memoryLayout.getMethod("select", pathArray.getClass()).invoke(wireLayout, pathArray);
    assertEquals(double.class, valueLayoutType.getMethod("carrier").invoke(valueLayout));
    assertEquals(ByteOrder.BIG_ENDIAN, valueLayoutType.getMethod("order").invoke(valueLayout));
  }

  private static Object sample(ClassLoader classes) throws Exception {
    Object s = classes.loadClass("p.Fp$Sample").getConstructor().newInstance();
    set(s, "tag", 7);
    set(s, "time", Double.longBitsToDouble(TIME));
    set(s, "gain", Float.intBitsToFloat(GAIN));
    float[] xyz = new float[3];
    for (int i = 0; i < 3; i++) {
      xyz[i] = Float.intBitsToFloat(XYZ[i]);
    }
    set(s, "xyz", xyz);
    set(s, "n", 2);
    set(
        s,
        "samples",
        new double[] {Double.longBitsToDouble(SAMPLES[0]), Double.longBitsToDouble(SAMPLES[1])});
    return s;
  }

  private static Object wire(ClassLoader classes) throws Exception {
    return classes
        .loadClass("p.Fp$Wire")
        .getConstructor(int.class, double.class, float.class)
        .newInstance(3, -Math.PI, 1.0f);
  }
}
