package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * {@code --split-abis}: one import for three ABIs mirrors a type the header declares one way on
 * x86_64 and aarch64 and another on i386 once per group of ABIs, each group in a package of its
 * own, with the types that nest it; the types every ABI declares alike stay in the package once,
 * and the group's mirrors use them. A typedef whose width is the group's gets the group's typedef
 * annotation. What the importer writes compiles in one build for the three ABIs, and each ABI's C
 * compiler proves it.
 */
class SplitAbisImportTest {
  private static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");

  @TempDir Path out;
  @TempDir Path work;

  @Test
  void typesDeclaredDifferentlyAreImportedPerGroupBesideTheSharedOnes() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    RecordingLog log = new RecordingLog();
    ImportResult r = importSplit(List.of(), log);
    assertTrue(r.success(), () -> r.leftOut().toString());
    assertEquals(List.of("struct hdr", "struct cpu", "struct frame", "struct word"), r.found());
    assertEquals(
        List.of(
            "p/Hdr.java",
            "p/RegT.java",
            "p/Word.java",
            "p/i386/Cpu.java",
            "p/i386/Frame.java",
            "p/i386/RegT.java",
            "p/x86_64_aarch64/Cpu.java",
            "p/x86_64_aarch64/Frame.java",
            "p/x86_64_aarch64/RegT.java"),
        sources());
    assertEquals(
        List.of(
            "p.Hdr",
            "p.Word",
            "p.x86_64_aarch64.Cpu",
            "p.x86_64_aarch64.Frame",
            "p.i386.Cpu",
            "p.i386.Frame"),
        r.mirrors());
    assertEquals(r.found(), r.written());
    assertTrue(
        log.infos.contains("split: 2 mirrors for x86_64, aarch64 alone in p.x86_64_aarch64"));
    assertTrue(log.infos.contains("split: 2 mirrors for i386 alone in p.i386"));

    String cpu = Files.readString(out.resolve("p/x86_64_aarch64/Cpu.java"));
    assertTrue(cpu.contains("import p.Hdr;\n"), cpu);
    assertTrue(cpu.contains("@AbiStruct(name = \"cpu\", abis = {\"x86_64\", \"aarch64\"})"), cpu);
    assertTrue(cpu.contains("@RegT public long ip;"), cpu);
    String frame32 = Files.readString(out.resolve("p/i386/Frame.java"));
    assertTrue(frame32.contains("@AbiStruct(name = \"frame\", abis = \"i386\")"), frame32);
    assertTrue(frame32.contains("public Cpu cpu = new Cpu();"), frame32);
    // reg_t: as wide as C long on every ABI (struct word), 64 bits for the one group, 32 for the
    // other
    assertTrue(Files.readString(out.resolve("p/RegT.java")).contains("\n@NativeLong\n"));
    assertTrue(
        Files.readString(out.resolve("p/x86_64_aarch64/RegT.java")).contains("\n@AbiWidth(64)\n"));
    assertTrue(Files.readString(out.resolve("p/i386/RegT.java")).contains("\n@AbiWidth(32)\n"));
    assertTrue(Files.readString(out.resolve("p/Word.java")).contains("@RegT public long value;"));

    // what was written compiles in one build for the three ABIs; each C compiler proves it
    JavaProof.Result compiled = JavaProof.compile(out, sources(), ABIS, work.resolve("classes"));
    assertEquals(Map.of(), compiled.errorsByFile());
    assertEquals(List.of(), compiled.otherErrors());
    assertEquals(List.of(), compiled.warnings());
    Path asserts = compiled.classes().resolve("META-INF/abiguard/abi-asserts.h");
    for (String abi : ABIS) {
      CProof.Result proof = CProof.asserts(toolchain(abi, List.of()), asserts);
      assertTrue(proof.ok(), () -> abi + ": " + proof.byMirror() + " " + proof.other());
    }
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {compiled.classes().toUri().toURL()}, getClass().getClassLoader());
    assertEquals(24, size(loader, "p.x86_64_aarch64.CpuMarshaller"));
    assertEquals(32, size(loader, "p.x86_64_aarch64.FrameMarshaller"));
    assertEquals(16, size(loader, "p.i386.CpuMarshaller"));
    assertEquals(20, size(loader, "p.i386.FrameMarshaller"));
    Class<?> cpu32 = loader.loadClass("p.i386.CpuMarshaller");
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> cpu32.getMethod("codec", String.class).invoke(null, "aarch64"));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    assertEquals(
        "no codec of struct cpu for ABI aarch64; generated for i386 (the ABIs of -Aabiguard.abis"
            + " the mirror is for)",
        e.getCause().getMessage());

    // reg_t is 32 bits in i386's package and 64 in the other's: each marshaller holds a frame's
    // registers to its own width, and writes the bytes its ABI lays out
    long big = 0x1_0000_0000L;
    ByteBuffer lp64 = ByteBuffer.allocate(32);
    write(loader, "p.x86_64_aarch64", frame(loader, "p.x86_64_aarch64", big), lp64);
    assertEquals(big, lp64.order(ByteOrder.LITTLE_ENDIAN).getLong(8 + 8), "cpu.ip at 16");
    ByteBuffer ilp32 = ByteBuffer.allocate(20);
    InvocationTargetException range =
        assertThrows(
            InvocationTargetException.class,
            () -> write(loader, "p.i386", frame(loader, "p.i386", big), ilp32));
    assertEquals("org.abiguard.AbiRangeException", range.getCause().getClass().getName());
    assertEquals(ByteBuffer.allocate(20), ilp32, "nothing written");
    write(loader, "p.i386", frame(loader, "p.i386", big - 1), ilp32);
    assertEquals(
        (int) (big - 1), ilp32.order(ByteOrder.LITTLE_ENDIAN).getInt(4 + 4), "cpu.ip at 8");
  }

  /** A {@code Frame} of package {@code pkg} whose {@code cpu.ip} is {@code ip}. */
  private static Object frame(ClassLoader loader, String pkg, long ip) throws Exception {
    Object frame = loader.loadClass(pkg + ".Frame").getConstructor().newInstance();
    Object cpu = frame.getClass().getField("cpu").get(frame);
    cpu.getClass().getField("ip").setLong(cpu, ip);
    return frame;
  }

  private static void write(ClassLoader loader, String pkg, Object frame, ByteBuffer buf)
      throws Exception {
    loader
        .loadClass(pkg + ".FrameMarshaller")
        .getMethod("write", frame.getClass(), ByteBuffer.class, int.class)
        .invoke(null, frame, buf, 0);
  }

  @Test
  void aTypeSomeAbisLackIsInTheirPackageAlone() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult r = importSplit(List.of("ARM_EXTRA"), new RecordingLog());
    assertTrue(r.success(), () -> r.leftOut().toString());
    // struct arm_only keeps x86_64 and aarch64 apart: each ABI is a group of its own
    assertEquals(
        List.of(
            "p/Hdr.java",
            "p/RegT.java",
            "p/Word.java",
            "p/aarch64/ArmOnly.java",
            "p/aarch64/Cpu.java",
            "p/aarch64/Frame.java",
            "p/aarch64/RegT.java",
            "p/i386/Cpu.java",
            "p/i386/Frame.java",
            "p/i386/RegT.java",
            "p/x86_64/Cpu.java",
            "p/x86_64/Frame.java",
            "p/x86_64/RegT.java"),
        sources());
    assertTrue(
        Files.readString(out.resolve("p/aarch64/ArmOnly.java"))
            .contains("@AbiStruct(name = \"arm_only\", abis = \"aarch64\")"));
  }

  @Test
  void aTypeOneGroupCannotMirrorIsLeftOutForThatGroupAlone() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    ImportResult r = importSplit(List.of("ARM_LONG_DOUBLE"), new RecordingLog());
    assertEquals(
        List.of("struct sample (aarch64)"),
        r.leftOut().stream().map(ImportResult.LeftOut::cType).toList());
    ImportResult.LeftOut sample = r.leftOut().get(0);
    assertTrue(sample.reason().contains("long double"), sample.reason());
    assertEquals("split_abi.h:52", sample.location(), "the member C cannot mirror");
    assertTrue(r.mirrors().contains("p.x86_64.Sample"), r.mirrors()::toString);
    assertTrue(r.mirrors().contains("p.i386.Sample"), r.mirrors()::toString);
    assertTrue(r.mirrors().contains("p.aarch64.Cpu"), r.mirrors()::toString);
    assertEquals(1, Main.run(args("-DARM_LONG_DOUBLE"), new RecordingLog()), "not everything");
  }

  @Test
  void withoutTheOptionTheyAreLeftOutAndTheHintNamesIt() {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    RecordingLog log = new RecordingLog();
    ImportResult r =
        Importer.run(
            ImportOptions.builder(
                    List.of("split_abi.h"), List.of(PortabilityTest.HEADERS), "p", out)
                .abis(ABIS)
                .build(),
            log);
    assertEquals(List.of("struct hdr", "struct word"), r.proven());
    assertEquals(
        List.of("struct cpu", "struct frame"),
        r.leftOut().stream().map(ImportResult.LeftOut::cType).toList());
    assertTrue(
        log.infos.stream()
            .anyMatch(
                l ->
                    l.startsWith("1 type is not portable between x86_64, i386, aarch64:")
                        && l.contains("with --split-abis")),
        () -> log.infos.toString());
  }

  private ImportResult importSplit(List<String> defines, RecordingLog log) {
    return Importer.run(
        ImportOptions.builder(List.of("split_abi.h"), List.of(PortabilityTest.HEADERS), "p", out)
            .defines(defines)
            .abis(ABIS)
            .splitAbis(true)
            .build(),
        log);
  }

  private String[] args(String define) {
    return new String[] {
      "--header",
      "split_abi.h",
      "-I",
      PortabilityTest.HEADERS.toString(),
      define,
      "--package",
      "p",
      "--out",
      out.toString(),
      "--split-abis"
    };
  }

  private List<String> sources() throws Exception {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.toString().endsWith(".java"))
          .map(p -> out.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private Toolchain toolchain(String abi, List<String> defines) throws Exception {
    Abi a = Abi.of(abi);
    Toolchain tc =
        new Toolchain(
            a,
            a.defaultCompiler(),
            List.of(PortabilityTest.HEADERS),
            defines,
            List.of("split_abi.h"),
            Files.createDirectories(work.resolve(abi)));
    tc.check();
    return tc;
  }

  private static int size(ClassLoader loader, String marshaller) throws Exception {
    return loader.loadClass(marshaller).getField("SIZE").getInt(null);
  }
}
