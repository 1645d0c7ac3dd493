package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.AbiCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C of abiguard 0.2 imported end to end: unions, bit-fields, anonymous members, flexible
 * arrays, packing and aligned types are mirrored, proven by abi-asserts.h and abi-check.c for the
 * three ABIs, and the marshallers write the bytes gcc lays out.
 */
class LayoutsImportTest {
  static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");

  @TempDir Path out;
  @TempDir Path classes;

  @Test
  void everyLayoutOfTheRestOfCIsProvenAndItsMarshallersRun() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    RecordingLog log = new RecordingLog();
    ImportResult r =
        Importer.run(
            ImportOptions.builder(List.of("layouts.h"), List.of(PortabilityTest.HEADERS), "p", out)
                .abis(ABIS)
                .build(),
            log);
    assertTrue(r.success(), () -> r.leftOut() + " " + r.problem());
    assertEquals(19, r.proven().size());
    assertEquals(List.of(), log.warnings);

    ClassLoader loader = MirrorRun.compile(out, ABIS, classes);
    // struct with_union { uint32_t cmd; union { uint64_t big; uint16_t small; } u; }:
    // u at 8 where uint64_t is aligned to 8, at 4 on i386
    Class<?> withUnion = loader.loadClass("p.WithUnion");
    Object value = withUnion.getConstructor().newInstance();
    withUnion.getField("cmd").setLong(value, 7);
    Object u = withUnion.getField("u").get(value);
    u.getClass().getField("small").setInt(u, 0xBEEF);
    Method codec = loader.loadClass("p.WithUnionMarshaller").getMethod("codec", String.class);
    for (String abi : ABIS) {
      ByteBuffer buf = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      MirrorRun.write(codec.invoke(null, abi), value, buf);
      int offset = abi.equals("i386") ? 4 : 8;
      assertEquals(abi.equals("i386") ? 12 : 16, MirrorRun.size(codec.invoke(null, abi)), abi);
      assertEquals(7, buf.getInt(0), abi);
      assertEquals((short) 0xBEEF, buf.getShort(offset), abi);
    }
    // struct with_bits { unsigned version : 4; unsigned : 4; unsigned flags : 24; }: one 32-bit
    // unit
    Class<?> withBits = loader.loadClass("p.WithBits");
    Object bits = withBits.getConstructor().newInstance();
    withBits.getField("version").setInt(bits, 5);
    withBits.getField("flags").setInt(bits, 0xABCDEF);
    ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    MirrorRun.write(
        loader
            .loadClass("p.WithBitsMarshaller")
            .getMethod("codec", String.class)
            .invoke(null, "aarch64"),
        bits,
        buf);
    assertEquals(0xABCDEF05, buf.getInt(0));
    // struct __zero_len { uint8_t opcode; uint64_t __mid[0]; union { uint64_t optval; uint8_t
    // cmd[0]; }; }: __mid has no bytes, the union starts where it does (8, 4 on i386)
    Class<?> zeroLen = loader.loadClass("p.ZeroLen");
    Object zero = zeroLen.getConstructor().newInstance();
    zeroLen.getField("opcode").setInt(zero, 0x7F);
    Method zeroCodec = loader.loadClass("p.ZeroLenMarshaller").getMethod("codec", String.class);
    for (String abi : ABIS) {
      assertEquals(abi.equals("i386") ? 12 : 16, MirrorRun.size(zeroCodec.invoke(null, abi)), abi);
      ByteBuffer bytes = ByteBuffer.allocate(16);
      MirrorRun.write(zeroCodec.invoke(null, abi), zero, bytes);
      assertEquals(0x7F, bytes.get(0), abi);
    }
    // struct aligned_flex { uint32_t handle, rkey; uint64_t __attribute__((aligned(8)))
    // driver_data[]; }: 8 bytes aligned to 8 on every ABI, i386 included
    Method flexCodec = loader.loadClass("p.AlignedFlexMarshaller").getMethod("codec", String.class);
    for (String abi : ABIS) {
      AbiCodec<?> c = (AbiCodec<?>) flexCodec.invoke(null, abi);
      assertEquals(8, c.size(), abi);
      assertEquals(8, c.alignment(), abi);
    }
    // struct flex_union { uint32_t size; union { __DECLARE_FLEX_ARRAY(uint8_t, data);
    // __DECLARE_FLEX_ARRAY(uint32_t, words); }; } packed: the words follow size
    Class<?> flexUnion = loader.loadClass("p.FlexUnion");
    Object fu = flexUnion.getConstructor().newInstance();
    flexUnion.getField("size").setLong(fu, 8);
    Object union = flexUnion.getField("anonymousUnion").get(fu);
    Object words =
        union.getClass().getField("wordsStruct").getType().getConstructor().newInstance();
    words.getClass().getField("words").set(words, new int[] {0x11223344, 0x55667788});
    union.getClass().getField("wordsStruct").set(union, words);
    // struct with_empty { uint8_t pending; struct placeholder {} arch; struct {} marker; uint32_t
    // time; }: the empty members take no bytes, time is at 4
    Class<?> withEmpty = loader.loadClass("p.WithEmptyMarshaller");
    assertEquals(4, withEmpty.getField("OFFSET_TIME").getInt(null));
    assertEquals(1, withEmpty.getField("OFFSET_MARKER").getInt(null));
    assertEquals(0, loader.loadClass("p.PlaceholderMarshaller").getField("SIZE").getInt(null));
    Class<?> fuMarshaller = loader.loadClass("p.FlexUnionMarshaller");
    assertEquals(
        4, MirrorRun.size(fuMarshaller.getMethod("codec", String.class).invoke(null, "i386")));
    ByteBuffer fuBytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    fuMarshaller
        .getMethod("write", flexUnion, ByteBuffer.class, int.class)
        .invoke(null, fu, fuBytes, 0);
    assertEquals(8, fuBytes.getInt(0));
    assertEquals(0x11223344, fuBytes.getInt(4));
    assertEquals(0x55667788, fuBytes.getInt(8));

    // struct with_floats { uint8_t kind; double when; float gain[2]; seconds_t timeout; uint16_t
    // n; float samples[]; }: Java floats and doubles, no annotation; when at 8, at 4 on i386
    String floats = java.nio.file.Files.readString(out.resolve("p/WithFloats.java"));
    XenImportTest.assertContains(floats, "public double when;");
    XenImportTest.assertContains(floats, "@AbiArray(2) public float[] gain = new float[2];");
    XenImportTest.assertContains(floats, "public double timeout;");
    XenImportTest.assertContains(floats, "@AbiFlexible public float[] samples = new float[0];");
    Class<?> withFloats = loader.loadClass("p.WithFloats");
    Object wf = withFloats.getConstructor().newInstance();
    withFloats.getField("when").setDouble(wf, -1.5);
    withFloats.getField("gain").set(wf, new float[] {0.25f, -0.0f});
    Method floatCodec = loader.loadClass("p.WithFloatsMarshaller").getMethod("codec", String.class);
    for (String abi : ABIS) {
      ByteBuffer bytes = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
      MirrorRun.write(floatCodec.invoke(null, abi), wf, bytes);
      int when = abi.equals("i386") ? 4 : 8;
      assertEquals(-1.5, bytes.getDouble(when), abi);
      assertEquals(0.25f, bytes.getFloat(when + 8), abi);
      assertEquals(0x80000000, bytes.getInt(when + 12), abi + ": -0.0f, its sign bit");
    }
  }
}
