package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.abiguard.AbiCodec;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.Test;

/** The shape of the generated source: names, annotation, modifiers, Javadoc, warning-free. */
class GeneratedSourceTest {
  @Test
  void everyKindOfStructOnEveryAbiCompilesWithoutWarningsUnderXlintAllWerror() {
    // LoadedMarshallers compiles with -Xlint:all -Werror and asserts there is no diagnostic at all
    LoadedMarshallers generated =
        LoadedMarshallers.compile(
            List.of(TargetAbi.values()), RichStructs.all().toArray(new StructModel[0]));
    for (StructModel struct : RichStructs.all()) {
      for (TargetAbi abi : TargetAbi.values()) {
        assertEquals(
            generated.layout(struct, abi).size(),
            generated.codec(struct, abi.manifestName()).size());
      }
    }
  }

  @Test
  void generatedJavadocIsValidForDoclint() {
    // every reference resolves and the HTML is well formed ("missing" aside: not every parameter is
    // documented)
    LoadedMarshallers.compile(
        List.of(TargetAbi.values()),
        List.of("-Xlint:all", "-Xdoclint:all,-missing", "-Werror"),
        RichStructs.all().toArray(new StructModel[0]));
  }

  @Test
  void classOnlyStructsNeedNoLanguageFeatureBeyondJava11() {
    List<StructModel> structs =
        List.of(Xen.addToPhysmap(), Xen.memoryReservation(), RichStructs.INNER, RichStructs.OTHER);
    FixtureLayouts layouts =
        new FixtureLayouts(Map.of(RichStructs.INNER.javaName(), RichStructs.INNER));
    List<JavaFileObject> files = new ArrayList<>(MirrorSources.of(structs));
    for (StructModel struct : structs) {
      String source =
          SourceText.of(
              new MarshallerGenerator()
                  .generate(
                      struct, layouts.layouts(struct, List.of(TargetAbi.values())), s -> null));
      files.add(
          JavaFileObjects.forSourceString(
              struct.packageName() + "." + struct.marshallerSimpleName(), source));
    }
    Compilation compilation =
        Compiler.javac().withOptions("--release", "11", "-Xlint:all", "-Werror").compile(files);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void belowJava22NothingOfForeignMemoryIsGenerated() throws java.io.IOException {
    // the highest release below 22 this javac has: 21 under JDK 21+, else 17
    String release = Runtime.version().feature() >= 21 ? "21" : "17";
    Compilation compilation =
        org.abiguard.processor.Compile.javac(
            List.of("--release", release, "-Werror"),
            org.abiguard.processor.Expected.Source.resource(
                "codegen/end-to-end/org/example/xen/DomId.java"),
            org.abiguard.processor.Expected.Source.resource(
                "codegen/end-to-end/org/example/xen/XenAddToPhysmap.java"));
    assertThat(compilation).succeededWithoutWarnings();
    String source =
        compilation
            .generatedSourceFile("org.example.xen.XenAddToPhysmapMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(
        !source.contains("java.lang.foreign")
            && !source.contains("LAYOUT")
            && !source.contains("MemorySegment"),
        source);
  }

  /**
   * A class of integers only is read into locals, then made (the JIT then initialises the object
   * with the values); one that nests a struct or has an array is made first, then filled. A member
   * named like a local of the method ({@code value}) gets a local of another name.
   */
  @Test
  void aClassOfIntegersOnlyIsReadIntoLocalsBeforeItIsMade() {
    LoadedMarshallers generated =
        LoadedMarshallers.compile(
            List.of(TargetAbi.X86_64),
            RichStructs.INNER,
            RichStructs.POINT,
            RichStructs.OTHER,
            RichStructs.RICH);
    assertTrue(
        generated
            .source(RichStructs.INNER)
            .contains(
                """
                        int tag = buf.get(offset + OFFSET_TAG) & 0xFF;
                        long value_ = AbiRuntime.getInt(buf, offset + OFFSET_VALUE, swap) & 0xFFFFFFFFL;
                        Inner value = new Inner();
                        value.tag = tag;
                        value.value = value_;
                        return value;
                """),
        generated.source(RichStructs.INNER));
    assertTrue(
        generated
            .source(RichStructs.RICH)
            .contains(
                "boolean swap = AbiRuntime.swapForLittleEndian(buf); // reverse each integer's bytes"
                    + " if the buffer's order is big endian\n"
                    + "        Rich value = new Rich();\n"
                    + "        value.flag = buf.get(offset + OFFSET_FLAG);\n"),
        generated.source(RichStructs.RICH));
  }

  @Test
  void nestedJavaTypesGetOuterUnderscoreNameMarshallers() {
    LoadedMarshallers generated = LoadedMarshallers.compile(RichStructs.POINT);
    Class<?> marshaller = generated.marshaller(RichStructs.POINT);
    assertEquals("p.Shapes_PointMarshaller", marshaller.getName());
    assertEquals("p.Shapes$Point", generated.mirror(RichStructs.POINT).getName());
  }

  /**
   * The marshaller holds the primary ABI's constants and methods once; its nested class inherits
   * them. Every constructor is private, so the primary ABI's class is the marshaller's only
   * subclass and no class can be instantiated.
   */
  @Test
  void publicClassesWithPrivateConstructorsAndGeneratedAnnotation() throws Exception {
    StructModel xatp = Xen.addToPhysmap();
    LoadedMarshallers generated = LoadedMarshallers.compile(xatp);
    String source = generated.source(xatp);
    assertTrue(source.contains("import javax.annotation.processing.Generated;"), source);
    assertTrue(
        source.contains(
            "@Generated(\"org.abiguard.processor.AbiGuardProcessor\")\npublic class "
                + "XenAddToPhysmapMarshaller {"),
        source);
    assertTrue(
        source.contains(
            "    public static final class X86_64 extends XenAddToPhysmapMarshaller {\n"
                + "        private X86_64() {}\n    }\n"),
        source);
    Class<?> marshaller = generated.load("org.example.xen.XenAddToPhysmapMarshaller");
    Class<?> x86 = generated.load("org.example.xen.XenAddToPhysmapMarshaller$X86_64");
    Class<?> i386 = generated.load("org.example.xen.XenAddToPhysmapMarshaller$I386");
    assertTrue(Modifier.isPublic(marshaller.getModifiers()));
    assertFalse(Modifier.isFinal(marshaller.getModifiers()), "the primary ABI's class extends it");
    assertEquals(marshaller, x86.getSuperclass());
    assertEquals(Object.class, i386.getSuperclass());
    assertEquals(0, x86.getDeclaredFields().length, "x86_64 inherits the marshaller's constants");
    for (Class<?> type : List.of(x86, i386)) {
      assertTrue(
          Modifier.isPublic(type.getModifiers())
              && Modifier.isStatic(type.getModifiers())
              && Modifier.isFinal(type.getModifiers()),
          type.getName());
    }
    Map<String, Integer> x86Values = new HashMap<>();
    for (Class<?> type : List.of(marshaller, x86, i386)) {
      Constructor<?>[] constructors = type.getDeclaredConstructors();
      assertEquals(1, constructors.length);
      assertTrue(Modifier.isPrivate(constructors[0].getModifiers()), type.getName());
      for (String constant :
          new String[] {
            "SIZE",
            "ALIGNMENT",
            "OFFSET_DOMID",
            "OFFSET_SIZE",
            "OFFSET_SPACE",
            "OFFSET_IDX",
            "OFFSET_GPFN"
          }) {
        java.lang.reflect.Field field = type.getField(constant);
        int modifiers = field.getModifiers();
        assertTrue(
            Modifier.isPublic(modifiers)
                && Modifier.isStatic(modifiers)
                && Modifier.isFinal(modifiers));
        if (type != i386) {
          x86Values.merge(
              constant,
              field.getInt(null),
              (a, b) -> {
                assertEquals(a, b, constant);
                return a;
              });
        }
      }
    }
    assertEquals(24, x86Values.get("SIZE"));
    assertEquals(16, i386.getField("SIZE").getInt(null));
    assertEquals(16, x86Values.get("OFFSET_GPFN"));
    assertEquals(12, i386.getField("OFFSET_GPFN").getInt(null));
  }

  @Test
  void javadocShowsEachCMemberItsOffsetAndTheLaidOutStructWithPadding() {
    StructModel reservation = Xen.memoryReservation();
    String source = LoadedMarshallers.compile(reservation).source(reservation);
    assertTrue(
        source.contains(
            "/** {@code uint32_t extent_order;} at offset 16, u32 (Java field {@code extentOrder})"
                + " on x86_64. */\n    public static final int OFFSET_EXTENT_ORDER = 16;"),
        source);
    // i386, the other ABI: its own constants
    assertTrue(
        source.contains("        public static final int OFFSET_EXTENT_ORDER = 8;\n"), source);
    assertTrue(source.contains("     *     unsigned long nr_extents; // offset 4, u32\n"), source);
    assertTrue(
        source.contains(
            """
             * struct xen_memory_reservation {  // x86_64: sizeof 32, _Alignof 8, little endian
             *     void *extent_start;       // offset 0, pointer, u64
             *     unsigned long nr_extents; // offset 8, u64
             *     uint32_t extent_order;    // offset 16, u32
             *     uint32_t mem_flags;       // offset 20, u32
             *     uint16_t domid;           // offset 24, u16
             *                               // 6 bytes of padding at offset 26
             * };
        """),
        source);
    assertTrue(source.contains("    public static final int OFFSET_NR_EXTENTS = 8;\n"), source);
    assertTrue(source.contains("        public static final int OFFSET_NR_EXTENTS = 4;\n"), source);
  }

  @Test
  void typedefsAndOverAlignedMembersAreShownAsCDeclaresThem() {
    LoadedMarshallers generated =
        LoadedMarshallers.compile(
            RichStructs.INNER, RichStructs.POINT, RichStructs.OTHER, RichStructs.RICH);
    assertTrue(
        generated
            .source(RichStructs.POINT)
            .contains("* typedef struct {  // x86_64: sizeof 4, _Alignof 2"));
    assertTrue(generated.source(RichStructs.POINT).contains("* } point_t;"));
    assertTrue(
        generated
            .source(RichStructs.RICH)
            .contains("{@code uint32_t aligned __attribute__((aligned(16)));} at offset 64, u32"));
    assertTrue(
        generated
            .source(RichStructs.RICH)
            .contains("{@code point_t points[2];} at offset 18, 2 x point_t"));
  }

  @Test
  void membersWhoseConstantsWouldClashAreRefused() {
    StructModel clash =
        StructFixture.struct("Clash")
            .integer("nrExtents", Width.U32, JavaKind.INT)
            .integer("nr_extents", Width.U32, JavaKind.INT)
            .build();
    List<StructLayout> layouts =
        new FixtureLayouts(Map.of()).layouts(clash, List.of(TargetAbi.X86_64));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MarshallerGenerator().generate(clash, layouts, s -> null));
    assertTrue(e.getMessage().contains("OFFSET_NR_EXTENTS=nrExtents, nr_extents"), e.getMessage());
  }

  @Test
  void structsInTheUnnamedPackageWork() {
    StructModel plain =
        StructFixture.struct("", "Plain").integer("a", Width.U8, JavaKind.INT).build();
    LoadedMarshallers generated = LoadedMarshallers.compile(plain);
    assertEquals("PlainMarshaller", generated.marshaller(plain).getName());
    assertEquals(1, generated.codec(plain, "i386").size());
  }

  @Test
  void membersNamedLikeGeneratedLocalsAndTypesNamedLikeGeneratedClassesWork() {
    StructModel codecRecord =
        StructFixture.struct("Codec")
            .cName("codec")
            .record()
            .integer("buf", Width.U8, JavaKind.INT)
            .integer("offset", Width.U16, JavaKind.INT)
            .integer("swap", Width.U32, JavaKind.LONG)
            .integer("i", Width.S8, JavaKind.BYTE)
            .integer("value", Width.U16, JavaKind.CHAR)
            .array("value_", 2, new MemberType.IntType(Width.U16, false, JavaKind.INT))
            .build();
    StructModel x86Class =
        StructFixture.struct("X86_64")
            .cName("x86")
            .integer("value", Width.U16, JavaKind.INT)
            .nested("codec", "p.Codec")
            .array("i", 2, new MemberType.StructType("p.Codec"))
            .build();
    LoadedMarshallers generated =
        LoadedMarshallers.compile(List.of(TargetAbi.values()), codecRecord, x86Class);
    Map<String, Object> codecValues =
        Map.of(
            "buf",
            255,
            "offset",
            65535,
            "swap",
            0xFFFF_FFFFL,
            "i",
            (byte) -1,
            "value",
            '\uFFFE',
            "value_",
            new int[] {1, 65535});
    Map<String, Object> values =
        Map.of("value", 7, "codec", codecValues, "i", List.of(codecValues, codecValues));
    Object mirror = generated.newMirror(x86Class, values);
    for (TargetAbi abi : TargetAbi.values()) {
      AbiCodec<Object> codec = generated.codec(x86Class, abi.manifestName());
      ByteBuffer buf = ByteBuffer.allocate(codec.size());
      codec.write(mirror, buf, 0);
      assertEquals(
          generated.toMap(x86Class, mirror), generated.toMap(x86Class, codec.read(buf, 0)));
    }
  }
}
