package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Through the real processor: annotated mirrors (classes, records, typedefs, nested Java types,
 * arrays of structs, big endian) compiled with {@code -Aabiguard.abis=x86_64,i386,aarch64} under
 * {@code -Xlint:all -Werror}; the generated marshallers read what gcc wrote and write it back byte
 * for byte.
 */
class ProcessorEndToEndTest {
  private static final String DIR = "codegen/end-to-end/org/example/xen/";
  private static Compilation compilation;
  private static ClassLoader loader;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    compilation =
        Compile.javac(
            List.of("-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
            Source.resource(DIR + "DomId.java"),
            Source.resource(DIR + "XenAddToPhysmap.java"),
            Source.resource(DIR + "XenMemoryReservation.java"),
            Source.resource(DIR + "Hypercalls.java"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
  }

  @Test
  void everyStructGetsItsMarshaller() {
    for (String name :
        new String[] {
          "XenAddToPhysmapMarshaller",
          "XenMemoryReservationMarshaller",
          "Hypercalls_BatchMarshaller",
          "Hypercalls_ReplyMarshaller"
        }) {
      assertThat(compilation).generatedSourceFile("org.example.xen." + name);
      for (String abi : new String[] {"X86_64", "I386", "Aarch64"}) {
        load("org.example.xen." + name + "$" + abi);
      }
    }
  }

  /** C's struct member name → the mirror's Java name, where they differ. */
  private static final Map<String, String> JAVA_NAMES =
      Map.of(
          "extent_start",
          "extentStart",
          "nr_extents",
          "nrExtents",
          "extent_order",
          "extentOrder",
          "mem_flags",
          "memFlags");

  @ParameterizedTest
  @EnumSource(
      value = TargetAbi.class,
      names = {"X86_64", "I386"})
  void readOfBytesFromGccGivesTheValuesCStoredAndWriteGivesTheBytesBack(TargetAbi abi)
      throws Exception {
    CProgram program =
        CProgram.compile(
            "codegen/c-bytes/xen_structs.c",
            dir,
            abi == TargetAbi.I386 ? new String[] {"-m32"} : new String[] {"-m64"});
    Map<String, String> marshallers =
        Map.of(
            "xen_add_to_physmap",
            "XenAddToPhysmapMarshaller",
            "xen_memory_reservation",
            "XenMemoryReservationMarshaller");
    List<String> lines = program.run();
    assertEquals(2, lines.size());
    for (String line : lines) {
      Map<String, String> c = CBytesTest.parse(line);
      AbiCodec<Object> codec = codec(marshallers.get(c.get("struct")), abi.manifestName());
      byte[] bytes = CBytesTest.hex(c.get("bytes"));
      assertEquals(bytes.length, codec.size());
      Object mirror = codec.read(ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN), 0);
      for (Map.Entry<String, String> member : c.entrySet()) {
        if (!List.of("struct", "sizeof", "bytes").contains(member.getKey())) {
          Object value = member(mirror, JAVA_NAMES.getOrDefault(member.getKey(), member.getKey()));
          int bits =
              member.getKey().equals("domid") || member.getKey().equals("size")
                  ? 16
                  : member.getKey().equals("space")
                          || member.getKey().startsWith("extent_o")
                          || member.getKey().equals("mem_flags")
                      ? 32
                      : abi.longBytes() * 8;
          assertEquals(
              member.getValue(),
              CBytesTest.unsigned(value, new Width(bits, false)),
              c.get("struct") + "." + member.getKey());
        }
      }
      ByteBuffer out = ByteBuffer.allocate(bytes.length);
      codec.write(mirror, out, 0);
      assertArrayEquals(bytes, out.array(), c.get("struct"));
    }
  }

  @Test
  void bigEndianBatchOfLittleEndianStructsOnTwoAbis() throws Exception {
    Class<?> batchType = load("org.example.xen.Hypercalls$Batch");
    Class<?> opType = load("org.example.xen.XenAddToPhysmap");
    Object batch = batchType.getConstructor().newInstance();
    set(batch, "count", 2);
    Object ops = Array.newInstance(opType, 2);
    for (int i = 0; i < 2; i++) {
      Object op = opType.getConstructor().newInstance();
      set(op, "domid", 0x7FF0 + i);
      set(op, "gpfn", 0x1_0000_0000L * i + 5);
      Array.set(ops, i, op);
    }
    set(batch, "ops", ops);
    set(batch, "owners", new char[] {1, 0xFFFF, 0x0102});

    AbiCodec<Object> x86 = codec("Hypercalls_BatchMarshaller", "x86_64");
    ByteBuffer buf = ByteBuffer.allocate(x86.size());
    x86.write(batch, buf, 0);
    assertEquals(64, x86.size());
    assertEquals(2, buf.get(0));
    assertEquals(0x7FF1, Short.toUnsignedInt(buf.order(ByteOrder.LITTLE_ENDIAN).getShort(8 + 24)));
    assertEquals(0x1_0000_0005L, buf.getLong(8 + 24 + 16));
    assertArrayEquals(
        new byte[] {0, 1, -1, -1, 1, 2}, Buffers.slice(buf, 56, 6), "owners, big endian");
    Object back = x86.read(buf, 0);
    assertEquals(0x0102, ((char[]) member(back, "owners"))[2]);

    AbiCodec<Object> i386 = codec("Hypercalls_BatchMarshaller", "i386");
    assertEquals(44, i386.size());
    ByteBuffer small = Buffers.filled(i386.size(), ByteOrder.BIG_ENDIAN);
    AbiRangeException e = assertThrows(AbiRangeException.class, () -> i386.write(batch, small, 0));
    assertEquals(
        "xen_add_to_physmap.gpfn = 4294967301 does not fit u32 (0..4294967295), in batch.ops[1]",
        e.getMessage());
    Buffers.assertUntouched(small, "i386 gpfn");
  }

  @Test
  void recordWithSignedMemberAndNestedRecord() throws Exception {
    Class<?> reservationType = load("org.example.xen.XenMemoryReservation");
    Object reservation =
        reservationType.getConstructors()[0].newInstance(0xFFFF_0000L, 3L, 9, -1, 0xFFFF);
    Class<?> replyType = load("org.example.xen.Hypercalls$Reply");
    Object reply = replyType.getConstructors()[0].newInstance((short) -2, reservation);
    AbiCodec<Object> i386 = codec("Hypercalls_ReplyMarshaller", "i386");
    assertEquals(24, i386.size());
    ByteBuffer buf = ByteBuffer.allocate(24);
    i386.write(reply, buf, 0);
    assertArrayEquals(
        new byte[] {-2, -1, 0, 0, 0, 0, -1, -1, 3, 0, 0, 0}, Buffers.slice(buf, 0, 12));
    assertEquals(reply, i386.read(buf, 0));
    assertEquals(40, codec("Hypercalls_ReplyMarshaller", "aarch64").size());
  }

  @SuppressWarnings("unchecked")
  private static AbiCodec<Object> codec(String marshaller, String abi) {
    return (AbiCodec<Object>)
        LoadedMarshallers.invoke(
            load("org.example.xen." + marshaller), "codec", new Class<?>[] {String.class}, abi);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static Object member(Object mirror, String name) throws ReflectiveOperationException {
    if (mirror.getClass().isRecord()) {
      return mirror.getClass().getMethod(name).invoke(mirror);
    }
    return mirror.getClass().getField(name).get(mirror);
  }

  private static void set(Object mirror, String name, Object value)
      throws ReflectiveOperationException {
    Field field = mirror.getClass().getField(name);
    field.set(mirror, value);
  }
}
