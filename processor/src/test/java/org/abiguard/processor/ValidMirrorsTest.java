package org.abiguard.processor;

import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.AbiCodec;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correct mirrors of every kind (classes, records, nested types, typedefs of this compilation,
 * typedefs of typedefs, every annotation) compile with no diagnostic at all, and their generated
 * marshallers carry what the annotations said.
 */
class ValidMirrorsTest {
  private static final Source[] MIRRORS = {
    Source.resource("valid-mirrors/p/DomId.java"),
    Source.resource("valid-mirrors/p/XenUlong.java"),
    Source.resource("valid-mirrors/p/XenPfn.java"),
    Source.resource("valid-mirrors/p/XenAddToPhysmap.java"),
    Source.resource("valid-mirrors/p/MemRange.java"),
    Source.resource("valid-mirrors/p/Outer.java"),
  };

  private static Compilation compileMirrors() {
    return Compile.javac(List.of("-Aabiguard.abis=x86_64,i386"), MIRRORS);
  }

  @Test
  void validMirrorsCompileWithoutAnyDiagnostic() {
    Compilation c = compileMirrors();
    assertExactly(c);
    for (String marshaller :
        List.of(
            "p.XenAddToPhysmapMarshaller",
            "p.MemRangeMarshaller",
            "p.OuterMarshaller",
            "p.Outer_InnerMarshaller",
            "p.Outer_PairMarshaller")) {
      assertTrue(c.generatedSourceFile(marshaller).isPresent(), marshaller + " not generated");
    }
  }

  @Test
  void typedefsAliasesAndPointersGiveTheCLayoutOnEachAbi() throws Exception {
    Class<?> m = CompiledClasses.loader(compileMirrors()).loadClass("p.XenAddToPhysmapMarshaller");
    // gcc: sizeof 56, offsetof(nr_extents) 24, offsetof(bytes) 40 on x86_64; 40, 16, 24 on i386
    assertEquals(56, m.getField("SIZE").getInt(null));
    assertEquals(24, m.getField("OFFSET_NR_EXTENTS").getInt(null));
    assertEquals(40, m.getField("OFFSET_BYTES").getInt(null));
    AbiCodec<?> i386 = codec(m, "i386");
    assertEquals(40, i386.size());
    assertEquals(8, i386.alignment());
  }

  @Test
  void nestedStructsAndArraysOfStructsAreLaidOutInline() throws Exception {
    Class<?> m = CompiledClasses.loader(compileMirrors()).loadClass("p.OuterMarshaller");
    // gcc: sizeof 80, _Alignof 16, offsetof(ranges) 24 on x86_64 and 20 on i386
    assertEquals(80, m.getField("SIZE").getInt(null));
    assertEquals(16, m.getField("ALIGNMENT").getInt(null));
    assertEquals(24, m.getField("OFFSET_RANGES").getInt(null));
    assertEquals(
        20,
        m.getClassLoader()
            .loadClass("p.OuterMarshaller$I386")
            .getField("OFFSET_RANGES")
            .getInt(null));
  }

  @Test
  void recordMirrorRoundTripsInItsDeclaredByteOrder() throws Exception {
    ClassLoader loader = CompiledClasses.loader(compileMirrors());
    Class<?> record = loader.loadClass("p.MemRange");
    Object range =
        record
            .getConstructor(long.class, int.class, byte[].class)
            .newInstance(0x0102030405060708L, -2, new byte[] {9, 8, 7, 6});
    @SuppressWarnings("unchecked")
    AbiCodec<Object> codec =
        (AbiCodec<Object>) codec(loader.loadClass("p.MemRangeMarshaller"), "x86_64");
    ByteBuffer buf = ByteBuffer.allocate(codec.size());
    codec.write(range, buf, 0);
    assertEquals(1, buf.get(0), "big-endian: the most significant byte first");
    assertEquals(-2, buf.getInt(8));
    Object back = codec.read(buf, 0);
    assertEquals(0x0102030405060708L, record.getMethod("start").invoke(back));
    assertEquals(-2, record.getMethod("nrPages").invoke(back));
    assertArrayEquals(new byte[] {9, 8, 7, 6}, (byte[]) record.getMethod("tag").invoke(back));
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void cCompilerProvesTheMirrorsMatchTheirCDeclarations(TargetAbi abi, @TempDir Path dir) {
    CHarness.assumeCompiler(abi);
    Compilation c = Compile.javac(List.of("-Aabiguard.abis=x86_64,i386,aarch64"), MIRRORS);
    String asserts = CompiledClasses.abiAsserts(c);
    Path header = CHarness.copyResource("valid-mirrors/mirrors.h", dir);
    CHarness.Result result = CHarness.checkAsserts(abi, dir, header, asserts);
    assertTrue(result.ok(), result.describe());
  }

  static AbiCodec<?> codec(Class<?> marshaller, String abi) throws ReflectiveOperationException {
    return (AbiCodec<?>) marshaller.getMethod("codec", String.class).invoke(null, abi);
  }
}
