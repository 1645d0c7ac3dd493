package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.importer.proof.CProof;
import org.abiguard.importer.proof.JavaProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --abi-specific}: a type the header declares differently per architecture (as Xen declares
 * {@code vcpu_guest_context}) is left out of an import for every ABI as not portable, and is
 * imported once per group of ABIs that declare it alike, each into a package of its own, every
 * mirror saying which ABIs it is for. Compiled together for all three ABIs, the mirrors of both
 * declarations share their C names, and each ABI's compiler proves its own.
 */
class AbiSpecificImportTest {
  private static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");

  @TempDir Path out;
  @TempDir Path work;

  @Test
  void eachDeclarationIsImportedForItsAbisAndProvenWithTheOthers() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult all = importFor(ABIS, "p.all", false);
    assertEquals(List.of(), all.proven(), "not portable between the three");

    ImportResult lp64 = importFor(List.of("x86_64", "aarch64"), "p.lp64", true);
    ImportResult ilp32 = importFor(List.of("i386"), "p.ilp32", true);
    assertTrue(lp64.success(), () -> lp64.leftOut().toString());
    assertTrue(ilp32.success(), () -> ilp32.leftOut().toString());
    assertEquals(List.of("struct regs", "struct frame"), ilp32.proven());
    String regs = Files.readString(out.resolve("p/lp64/Regs.java"));
    assertTrue(
        regs.contains("@AbiStruct(name = \"regs\", abis = {\"x86_64\", \"aarch64\"})"), regs);
    assertTrue(
        Files.readString(out.resolve("p/ilp32/Frame.java"))
            .contains("@AbiStruct(name = \"frame\", abis = \"i386\")"));

    // both packages in one build for the three ABIs, proven by each ABI's compiler
    List<String> sources;
    try (Stream<Path> s = Files.walk(out)) {
      sources =
          s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/all/"))
              .map(p -> out.relativize(p).toString())
              .toList();
    }
    JavaProof.Result compiled = JavaProof.compile(out, sources, ABIS, work.resolve("classes"));
    assertEquals(Map.of(), compiled.errorsByFile());
    assertEquals(List.of(), compiled.otherErrors());
    Path asserts = compiled.classes().resolve("META-INF/abiguard/abi-asserts.h");
    for (String abi : ABIS) {
      Abi a = Abi.of(abi);
      Toolchain tc =
          new Toolchain(
              a,
              a.defaultCompiler(),
              List.of(PortabilityTest.HEADERS),
              List.of(),
              List.of("per_abi.h"),
              Files.createDirectories(work.resolve(abi)));
      tc.check();
      CProof.Result proof = CProof.asserts(tc, asserts);
      assertTrue(proof.ok(), () -> abi + ": " + proof.byMirror() + " " + proof.other());
    }

    ClassLoader loader =
        new URLClassLoader(
            new URL[] {compiled.classes().toUri().toURL()}, getClass().getClassLoader());
    assertEquals(16, loader.loadClass("p.lp64.RegsMarshaller").getField("SIZE").getInt(null));
    Class<?> regs32 = loader.loadClass("p.ilp32.RegsMarshaller");
    assertEquals(12, regs32.getField("SIZE").getInt(null));
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> regs32.getMethod("codec", String.class).invoke(null, "x86_64"));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
  }

  private ImportResult importFor(List<String> abis, String pkg, boolean abiSpecific) {
    return Importer.run(
        ImportOptions.builder(List.of("per_abi.h"), List.of(PortabilityTest.HEADERS), pkg, out)
            .abis(abis)
            .abiSpecific(abiSpecific)
            .build(),
        new RecordingLog());
  }
}
