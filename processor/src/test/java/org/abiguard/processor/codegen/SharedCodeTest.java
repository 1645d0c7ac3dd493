package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.Test;

/**
 * An ABI whose layout of a type is exactly the primary ABI's inherits the marshaller's code, as the
 * primary ABI's class does; every ABI still reads, writes and has a codec, and the bounds messages
 * of the shared code name every ABI that runs it. An ABI whose layout differs but whose members all
 * have the primary ABI's C widths calls the marshaller's range checks; one whose C longs and
 * pointers are narrower calls them too, then checks those members itself.
 */
class SharedCodeTest {
  private static final List<TargetAbi> X86_64_I386 = List.of(TargetAbi.X86_64, TargetAbi.I386);
  private static final List<TargetAbi> X86_64_AARCH64 =
      List.of(TargetAbi.X86_64, TargetAbi.AARCH64);

  /** {@code struct small { uint8_t a; uint16_t b; uint32_t c; }}: 8 bytes on every ABI. */
  private static final StructModel SMALL =
      StructFixture.struct("Small")
          .cName("small")
          .integer("a", Width.U8, JavaKind.INT)
          .integer("b", Width.U16, JavaKind.INT)
          .integer("c", Width.U32, JavaKind.LONG)
          .build();

  /** {@code struct wide { uint32_t a; uint64_t b; }}: b at 8 on x86_64, at 4 on i386. */
  private static final StructModel WIDE =
      StructFixture.struct("Wide")
          .cName("wide")
          .integer("a", Width.U32, JavaKind.LONG)
          .integer("b", Width.U64, JavaKind.LONG)
          .build();

  /** Pointers, a C long and a u64: the same on the two LP64 ABIs, 40 bytes. */
  private static final StructModel LP64 =
      StructFixture.struct("Lp64")
          .cName("lp64")
          .integer("flags", Width.U16, JavaKind.INT)
          .pointer("buffer")
          .nativeLong("count", true)
          .integer("id", Width.U64, JavaKind.LONG)
          .pointer("next")
          .build();

  /**
   * {@code struct __attribute__((aligned(8))) inner { uint32_t a; uint64_t b; }}: 16 bytes aligned
   * to 8 on both x86_64 and i386, but b lies at 8 on x86_64 and at 4 on i386.
   */
  private static final StructModel INNER =
      StructFixture.struct("Inner")
          .cName("inner")
          .alignAtLeast(8)
          .integer("a", Width.U32, JavaKind.LONG)
          .integer("b", Width.U64, JavaKind.LONG)
          .build();

  /** {@code struct outer { struct inner in; }}: at its own level the same on x86_64 and i386. */
  private static final StructModel OUTER =
      StructFixture.struct("Outer").cName("outer").nested("in", "p.Inner").build();

  /**
   * {@code struct nests_longs { uint32_t id; struct lp64 inner; }}: C longs and pointers, nested.
   */
  private static final StructModel NESTS_LONGS =
      StructFixture.struct("NestsLongs")
          .cName("nests_longs")
          .integer("id", Width.U32, JavaKind.LONG)
          .nested("inner", "p.Lp64")
          .build();

  @Test
  void aStructOfOneTwoAndFourByteMembersIsTheSameOnI386AndItsClassInheritsTheMarshaller() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, SMALL);
    assertInherits(generated, SMALL, "I386");
    String source = generated.source(SMALL);
    assertTrue(
        source.contains(
            "{@code struct small} on i386, the same layout as on x86_64, the primary ABI: the"
                + " constants and methods of {@link SmallMarshaller}, which\n"),
        source);
    assertTrue(source.contains("struct small {  // i386: sizeof 8, _Alignof 4"), source);
    assertTrue(
        source.contains(
            "inherits them, as does {@link I386} (i386), the same layout. Each ABI has its own"),
        source);

    Object value = generated.newMirror(SMALL, Map.of("a", 0xAB, "b", 0xBEEF, "c", 0xDEADBEEFL));
    for (String abi : List.of("x86_64", "i386")) {
      AbiCodec<Object> codec = generated.codec(SMALL, abi);
      assertEquals(8, codec.size(), abi);
      assertEquals(4, codec.alignment(), abi);
      ByteBuffer buf = Buffers.filled(12, ByteOrder.BIG_ENDIAN);
      codec.write(value, buf, 4);
      assertEquals(
          "ab00efbeefbeadde", hex(Buffers.slice(buf, 4, 8)), abi + ": the C bytes, padding zero");
      assertEquals(generated.toMap(SMALL, value), generated.toMap(SMALL, codec.read(buf, 4)), abi);
    }
    assertNotSame(generated.codec(SMALL, "x86_64"), generated.codec(SMALL, "i386"));
    assertEquals("SmallMarshaller.codec(\"i386\")", generated.codec(SMALL, "i386").toString());
    assertRoundTripThroughTheStaticMethods(generated, SMALL, "I386", value, 8);
  }

  @Test
  void theBoundsMessagesOfSharedCodeNameEveryAbiThatRunsIt() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, SMALL);
    ByteBuffer buf = Buffers.filled(10, ByteOrder.LITTLE_ENDIAN);
    Object value = generated.newMirror(SMALL, Map.of("a", 1));
    for (String abi : List.of("x86_64", "i386")) {
      AbiCodec<Object> codec = generated.codec(SMALL, abi);
      IndexOutOfBoundsException read =
          assertThrows(IndexOutOfBoundsException.class, () -> codec.read(buf, 3));
      assertEquals(
          "struct small (x86_64 and i386, 8 bytes) at offset 3 does not fit in a buffer with"
              + " limit 10",
          read.getMessage(),
          abi);
      IndexOutOfBoundsException write =
          assertThrows(IndexOutOfBoundsException.class, () -> codec.write(value, buf, -1));
      assertEquals(
          "struct small (x86_64 and i386, 8 bytes) at offset -1 does not fit in a buffer with"
              + " limit 10",
          write.getMessage(),
          abi);
      Buffers.assertUntouched(buf, abi);
    }

    LoadedMarshallers three = LoadedMarshallers.compile(List.of(TargetAbi.values()), SMALL);
    assertInherits(three, SMALL, "I386");
    assertInherits(three, SMALL, "Aarch64");
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> three.codec(SMALL, "aarch64").read(buf, 5));
    assertEquals(
        "struct small (x86_64, i386 and aarch64, 8 bytes) at offset 5 does not fit in a buffer"
            + " with limit 10",
        e.getMessage());
  }

  @Test
  void aU64MemberAlignedTo4OnI386MakesI386ALayoutOfItsOwn() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, WIDE);
    Class<?> i386 = generated.load(generated.marshaller(WIDE).getName() + "$I386");
    assertEquals(Object.class, i386.getSuperclass());
    assertEquals(12, generated.constant(WIDE, "I386", "SIZE"));
    assertEquals(4, generated.constant(WIDE, "I386", "OFFSET_B"));
    assertEquals(8, generated.constant(WIDE, null, "OFFSET_B"));
    ByteBuffer buf = ByteBuffer.allocate(12);
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> generated.codec(WIDE, "x86_64").read(buf, 0));
    assertEquals(
        "struct wide (x86_64, 16 bytes) at offset 0 does not fit in a buffer with limit 12",
        e.getMessage(),
        "the primary ABI's code is its own alone: its message names it alone");
    Object value = generated.newMirror(WIDE, Map.of("a", 7L, "b", 0x1122334455667788L));
    generated.codec(WIDE, "i386").write(value, buf.order(ByteOrder.BIG_ENDIAN), 0);
    assertEquals("070000008877665544332211", hex(Buffers.slice(buf, 0, 12)));
  }

  @Test
  void pointersLongsAndU64sAreTheSameOnX86_64AndAarch64() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_AARCH64, LP64);
    assertInherits(generated, LP64, "Aarch64");
    assertEquals(40, generated.codec(LP64, "aarch64").size());
    assertEquals(32, generated.constant(LP64, "Aarch64", "OFFSET_NEXT"));
    Object value =
        generated.newMirror(
            LP64,
            Map.of(
                "flags", 0xF00F,
                "buffer", 0x7FFF_0000_1000L,
                "count", -3L,
                "id", -1L,
                "next", 0xFFFF_8000_0000_0000L));
    for (String abi : List.of("x86_64", "aarch64")) {
      AbiCodec<Object> codec = generated.codec(LP64, abi);
      ByteBuffer buf = ByteBuffer.allocate(40);
      codec.write(value, buf, 0);
      assertEquals(-3L, buf.order(ByteOrder.LITTLE_ENDIAN).getLong(16), abi);
      assertEquals(generated.toMap(LP64, value), generated.toMap(LP64, codec.read(buf, 0)), abi);
    }
    assertRoundTripThroughTheStaticMethods(generated, LP64, "Aarch64", value, 40);
  }

  @Test
  void aNestedTypeLaidOutDifferentlyMakesTheOuterTypeDifferEvenWhereItsOwnLevelIsTheSame() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, INNER, OUTER);
    assertEquals(
        generated.layout(OUTER, TargetAbi.X86_64).fields(),
        generated.layout(OUTER, TargetAbi.I386).fields(),
        "the outer struct's own members lie alike");
    for (StructModel struct : List.of(INNER, OUTER)) {
      Class<?> i386 = generated.load(generated.marshaller(struct).getName() + "$I386");
      assertEquals(Object.class, i386.getSuperclass(), struct.cName());
    }
    Object value =
        generated.newMirror(OUTER, Map.of("in", Map.of("a", 1L, "b", 0x0102030405060708L)));
    for (String abi : List.of("x86_64", "i386")) {
      AbiCodec<Object> codec = generated.codec(OUTER, abi);
      ByteBuffer buf = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      codec.write(value, buf, 0);
      assertEquals(0x0102030405060708L, buf.getLong(abi.equals("i386") ? 4 : 8), abi);
      assertEquals(generated.toMap(OUTER, value), generated.toMap(OUTER, codec.read(buf, 0)), abi);
    }
  }

  @Test
  void whereTheLayoutsDifferButNoWidthDoesI386CallsThePrimaryAbisRangeChecks() {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, WIDE, INNER, OUTER);
    for (StructModel struct : List.of(WIDE, INNER, OUTER)) {
      String i386 = abiClassSource(generated, struct, "I386");
      String marshaller = struct.marshallerSimpleName();
      assertTrue(
          i386.contains(
              "        public static void check("
                  + struct.relativeName()
                  + " value) {\n"
                  + "            "
                  + marshaller
                  + ".check(value);\n"
                  + "        }\n"),
          i386);
      assertTrue(
          i386.contains(
              "what {@link "
                  + marshaller
                  + "#check} throws on x86_64, the primary ABI. The two layouts differ, but\n"),
          i386);
    }

    Object tooWide = generated.newMirror(WIDE, Map.of("a", 1L << 32, "b", -1L));
    Class<?> i386 = generated.load(generated.marshaller(WIDE).getName() + "$I386");
    ByteBuffer buf = Buffers.filled(12, ByteOrder.LITTLE_ENDIAN);
    AbiRangeException e =
        assertThrows(
            AbiRangeException.class,
            () ->
                LoadedMarshallers.invoke(
                    i386,
                    "write",
                    new Class<?>[] {generated.mirror(WIDE), ByteBuffer.class, int.class},
                    tooWide,
                    buf,
                    0));
    assertEquals("wide.a = 4294967296 does not fit u32 (0..4294967295)", e.getMessage());
    Buffers.assertUntouched(buf, "I386.write");
    AbiRangeException viaCodec =
        assertThrows(
            AbiRangeException.class, () -> generated.codec(WIDE, "i386").write(tooWide, buf, 0));
    assertEquals(e.getMessage(), viaCodec.getMessage());
    Buffers.assertUntouched(buf, "codec(\"i386\").write");

    Object nested = generated.newMirror(OUTER, Map.of("in", Map.of("a", -1L, "b", 0L)));
    AbiRangeException inner =
        assertThrows(
            AbiRangeException.class, () -> generated.codec(OUTER, "i386").write(nested, buf, 0));
    assertEquals("inner.a = -1 does not fit u32 (0..4294967295), in outer.in", inner.getMessage());
    Buffers.assertUntouched(buf, "the nested struct's check");
  }

  @Test
  void cLongsAndPointersHereOrInANestedTypeAreCheckedOnI386AfterThePrimaryAbisChecks()
      throws ReflectiveOperationException {
    LoadedMarshallers generated = LoadedMarshallers.compile(X86_64_I386, LP64, NESTS_LONGS);
    String lp64 = abiClassSource(generated, LP64, "I386");
    assertTrue(
        lp64.contains(
            """
                    public static void check(Lp64 value) {
                        Lp64Marshaller.check(value);
                        AbiRuntime.checkU32OfU64(value.buffer, "lp64.buffer");
                        AbiRuntime.checkS32(value.count, "lp64.count");
                        AbiRuntime.checkU32OfU64(value.next, "lp64.next");
                    }
            """),
        lp64);
    assertTrue(
        lp64.contains(
            "what {@link Lp64Marshaller#check} throws on x86_64, the primary ABI, then the checks"
                + " on i386\n"
                + "         * of the members that are narrower here, or nest a type that is, and"
                + " have no range\n"
                + "         * to check on x86_64:\n"
                + "         * {@code buffer}, {@code count}, {@code next}.\n"),
        lp64);
    assertTrue(
        abiClassSource(generated, NESTS_LONGS, "I386")
            .contains(
                """
                        public static void check(NestsLongs value) {
                            NestsLongsMarshaller.check(value);
                            try {
                                Lp64Marshaller.I386.check(value.inner);
                            } catch (AbiRangeException e) {
                                throw AbiRuntime.within(e, "nests_longs.inner", -1);
                            }
                        }
                """),
        abiClassSource(generated, NESTS_LONGS, "I386"));

    Object wide = generated.newMirror(NESTS_LONGS, Map.of("inner", Map.of("count", 1L << 40)));
    generated.codec(NESTS_LONGS, "x86_64").write(wide, ByteBuffer.allocate(48), 0);
    ByteBuffer buf = Buffers.filled(28, ByteOrder.LITTLE_ENDIAN);
    AbiRangeException e =
        assertThrows(
            AbiRangeException.class,
            () -> generated.codec(NESTS_LONGS, "i386").write(wide, buf, 0));
    assertTrue(
        e.getMessage().startsWith("lp64.count = 1099511627776 does not fit s32"), e.getMessage());
    assertTrue(e.getMessage().endsWith(", in nests_longs.inner"), e.getMessage());
    Buffers.assertUntouched(buf, "i386");

    // a pointer's or unsigned long's bits above 2^63 are named as C sees them, unsigned
    Object high =
        generated.newMirror(NESTS_LONGS, Map.of("inner", Map.of("next", 0xFFFF_FFFF_0000_0000L)));
    AbiRangeException unsigned =
        assertThrows(
            AbiRangeException.class,
            () -> generated.codec(NESTS_LONGS, "i386").write(high, buf, 0));
    assertEquals(
        "lp64.next = 18446744069414584320 does not fit u32 (0..4294967295), in nests_longs.inner",
        unsigned.getMessage());
    Buffers.assertUntouched(buf, "i386, a pointer above 2^63");

    // what both ABIs check, the primary ABI's check reports on i386 too, with its message, and
    // before the narrower members
    Object wideAndTooLong =
        generated.newMirror(
            NESTS_LONGS, Map.of("id", 1L << 32, "inner", Map.of("count", 1L << 40)));
    AbiRangeException first =
        assertThrows(
            AbiRangeException.class,
            () -> generated.codec(NESTS_LONGS, "i386").write(wideAndTooLong, buf, 0));
    assertEquals(
        "nests_longs.id = 4294967296 does not fit u32 (0..4294967295)", first.getMessage());
    Object noInner = generated.newMirror(NESTS_LONGS, Map.of("id", 7L));
    Field inner = generated.mirror(NESTS_LONGS).getDeclaredField("inner");
    inner.setAccessible(true);
    inner.set(noInner, null);
    NullPointerException onX86 =
        assertThrows(
            NullPointerException.class,
            () -> generated.codec(NESTS_LONGS, "x86_64").write(noInner, buf, 0));
    NullPointerException onI386 =
        assertThrows(
            NullPointerException.class,
            () -> generated.codec(NESTS_LONGS, "i386").write(noInner, buf, 0));
    assertEquals(onX86.getMessage(), onI386.getMessage());
    Buffers.assertUntouched(buf, "i386");
  }

  @Test
  void withI386PrimaryX8664ChecksEveryMemberItselfForItsCLongsAreWider() {
    LoadedMarshallers generated =
        LoadedMarshallers.compile(List.of(TargetAbi.I386, TargetAbi.X86_64), LP64, NESTS_LONGS);
    for (StructModel struct : List.of(LP64, NESTS_LONGS)) {
      String x86 = abiClassSource(generated, struct, "X86_64");
      assertFalse(x86.contains(struct.marshallerSimpleName() + ".check("), x86);
    }
    Object wide = generated.newMirror(NESTS_LONGS, Map.of("inner", Map.of("count", 1L << 40)));
    generated.codec(NESTS_LONGS, "x86_64").write(wide, ByteBuffer.allocate(48), 0);
    ByteBuffer buf = Buffers.filled(28, ByteOrder.LITTLE_ENDIAN);
    assertThrows(
        AbiRangeException.class, () -> generated.codec(NESTS_LONGS, "i386").write(wide, buf, 0));
    Buffers.assertUntouched(buf, "i386");
  }

  @Test
  void unionsThroughTheProcessorShareLayoutsAndRangeChecksAlike() throws Exception {
    Compilation compilation =
        Compile.javac(
            List.of("-Aabiguard.abis=x86_64,i386", "-Werror"),
            Source.of(
                "p.Unions",
                """
                package p;

                import org.abiguard.AbiUnion;
                import org.abiguard.U16;
                import org.abiguard.U32;
                import org.abiguard.U64;
                import org.abiguard.U8;

                public final class Unions {
                  private Unions() {}

                  @AbiUnion(name = "narrow")
                  public static class Narrow {
                    @U8 public int tag;
                    @U16 public int port;
                  }

                  @AbiUnion(name = "num")
                  public static class Num {
                    @U32 public long small;
                    @U64 public long big;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = CompiledClasses.loader(compilation);
    Class<?> narrow = Class.forName("p.Unions_NarrowMarshaller", true, loader);
    assertEquals(
        narrow, Class.forName("p.Unions_NarrowMarshaller$I386", true, loader).getSuperclass());
    String num =
        compilation
            .generatedSourceFile("p.Unions_NumMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(
        num.contains(
            "        public static void check(Unions.Num value, Member member) {\n"
                + "            Unions_NumMarshaller.check(value, member);\n"),
        num);

    Class<?> mirror = Class.forName("p.Unions$Num", true, loader);
    @SuppressWarnings("unchecked")
    AbiCodec<Object> i386 =
        (AbiCodec<Object>)
            LoadedMarshallers.invoke(
                Class.forName("p.Unions_NumMarshaller", true, loader),
                "codec",
                new Class<?>[] {String.class},
                "i386");
    assertEquals(4, i386.alignment());
    Object value = mirror.getDeclaredConstructor().newInstance();
    mirror.getField("small").setLong(value, 1L << 32);
    ByteBuffer buf = Buffers.filled(8, ByteOrder.LITTLE_ENDIAN);
    AbiRangeException e = assertThrows(AbiRangeException.class, () -> i386.write(value, buf, 0));
    assertEquals("num.small = 4294967296 does not fit u32 (0..4294967295)", e.getMessage());
    Buffers.assertUntouched(buf, "union num on i386");
    mirror.getField("small").setLong(value, 0xCAFEL);
    i386.write(value, buf, 0);
    assertEquals(0xCAFEL, mirror.getField("small").getLong(i386.read(buf, 0)));
  }

  /** The source of one ABI's nested class, the last one in the marshaller. */
  private static String abiClassSource(
      LoadedMarshallers generated, StructModel struct, String abiClass) {
    String source = generated.source(struct);
    int at = source.indexOf("public static final class " + abiClass + " ");
    assertTrue(at > 0, source);
    return source.substring(at);
  }

  /** The ABI's class extends the marshaller and declares nothing but its private constructor. */
  private static void assertInherits(
      LoadedMarshallers generated, StructModel struct, String abiClass) {
    Class<?> marshaller = generated.marshaller(struct);
    Class<?> type = generated.load(marshaller.getName() + "$" + abiClass);
    assertEquals(marshaller, type.getSuperclass(), abiClass);
    assertEquals(0, type.getDeclaredFields().length, abiClass);
    assertEquals(0, type.getDeclaredMethods().length, abiClass);
    assertEquals(1, type.getDeclaredConstructors().length, abiClass);
    assertTrue(
        java.lang.reflect.Modifier.isPrivate(type.getDeclaredConstructors()[0].getModifiers()));
    assertEquals(
        generated.constant(struct, null, "SIZE"),
        generated.constant(struct, abiClass, "SIZE"),
        abiClass);
  }

  /** {@code write} and {@code read} called on the ABI's class itself, not through a codec. */
  private static void assertRoundTripThroughTheStaticMethods(
      LoadedMarshallers generated, StructModel struct, String abiClass, Object value, int size) {
    Class<?> type = generated.load(generated.marshaller(struct).getName() + "$" + abiClass);
    ByteBuffer buf = ByteBuffer.allocate(size);
    LoadedMarshallers.invoke(
        type,
        "write",
        new Class<?>[] {generated.mirror(struct), ByteBuffer.class, int.class},
        value,
        buf,
        0);
    Object back =
        LoadedMarshallers.invoke(
            type, "read", new Class<?>[] {ByteBuffer.class, int.class}, buf, 0);
    assertEquals(generated.toMap(struct, value), generated.toMap(struct, back));
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b & 0xFF));
    }
    return out.toString();
  }
}
