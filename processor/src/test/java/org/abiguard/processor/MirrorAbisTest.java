package org.abiguard.processor;

import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code abis = {...}}: a C type declared differently per architecture (Xen's {@code
 * vcpu_guest_context}, Linux's {@code struct stat}) gets a mirror per declaration, each for the
 * ABIs that declare it so, under one C name. Each marshaller, manifest entry and C assertion is of
 * its mirror's ABIs only, and gcc proves them on each; a mirror nests only types that are for all
 * of its ABIs.
 */
class MirrorAbisTest {
  private static final List<String> EVERY_ABI = List.of("-Aabiguard.abis=x86_64,i386,aarch64");

  private static final Source PER_ABI =
      Source.of(
          "p.Ctx",
          """
          package p;

          import org.abiguard.*;

          public final class Ctx {
            private Ctx() {}

            @AbiStruct(name = "regs", abis = {"x86_64", "aarch64"})
            public static class Regs64 {
              @U64 public long ip;
              @U64 public long sp;
            }

            @AbiStruct(name = "regs", abis = "i386")
            public static class Regs32 {
              @U32 public long eip;
              @U32 public long esp;
              @U16 public int cs;
            }

            @AbiStruct(name = "context", abis = "i386")
            public static class Context32 {
              @U32 public long flags;
              public Regs32 regs = new Regs32();
            }

            @AbiStruct(name = "context", abis = {"aarch64", "x86_64"})
            public static class Context64 {
              @U32 public long flags;
              public Regs64 regs = new Regs64();
            }
          }
          """);

  /** One C header, two declarations of {@code struct regs}. */
  private static final String HEADER =
      """
      #include <stdint.h>
      #if defined(__x86_64__) || defined(__aarch64__)
      struct regs { uint64_t ip, sp; };
      #else
      struct regs { uint32_t eip, esp; uint16_t cs; };
      #endif
      struct context { uint32_t flags; struct regs regs; };
      """;

  @Test
  void mirrorsOfOneCNameForOtherAbisCompileWithoutAnyDiagnostic() {
    assertExactly(Compile.javac(EVERY_ABI, PER_ABI));
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void eachAbiProvesItsOwnMirrors(TargetAbi abi, @TempDir Path dir) {
    String asserts = CompiledClasses.abiAsserts(Compile.javac(EVERY_ABI, PER_ABI));
    assertTrue(asserts.contains("sizeof(struct regs) == 12, \"p.Ctx.Regs32"), asserts);
    assertTrue(asserts.contains("sizeof(struct regs) == 16, \"p.Ctx.Regs64"), asserts);
    assertFalse(asserts.contains("p.Ctx.Regs32: sizeof(struct regs) must be 12 (x86_64)"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @Test
  void theMarshallerIsOfItsAbisOnlyTheFirstOfThemPrimary() throws Exception {
    Compilation c = Compile.javac(EVERY_ABI, PER_ABI);
    ClassLoader loader = CompiledClasses.loader(c);
    Class<?> regs32 = loader.loadClass("p.Ctx_Regs32Marshaller");
    assertEquals(12, regs32.getField("SIZE").getInt(null), "i386's, its only ABI");
    assertEquals(4, regs32.getField("ALIGNMENT").getInt(null));
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> regs32.getMethod("codec", String.class).invoke(null, "x86_64"));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    assertTrue(e.getCause().getMessage().contains("i386"), e.getCause().getMessage());
    Class<?> context64 = loader.loadClass("p.Ctx_Context64Marshaller");
    assertEquals(24, context64.getField("SIZE").getInt(null), "x86_64's: the build's order");
    assertEquals(2, context64.getClasses().length, "X86_64 and Aarch64");
    String manifest =
        CompiledClasses.resource(c, "META-INF/abiguard/abi-manifest.json").orElseThrow();
    for (org.abiguard.processor.manifest.ManifestModel.Struct struct :
        org.abiguard.processor.manifest.ManifestModel.read(manifest)) {
      List<String> expected =
          switch (struct.java()) {
            case "p.Ctx.Regs32", "p.Ctx.Context32" -> List.of("i386");
            default -> List.of("x86_64", "aarch64");
          };
      assertEquals(expected, List.copyOf(struct.layouts().keySet()), struct.java());
    }
  }

  /** On Java 22+, each ABI class of a mirror's ABIs has its LAYOUT, nesting the nested one's. */
  @Test
  void inForeignMemoryEachAbiClassHasItsLayout() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Runtime.version().feature() >= 22,
        "java.lang.foreign is final from Java 22; this JDK is " + Runtime.version().feature());
    List<String> options = List.of("--release", "22", EVERY_ABI.get(0));
    Compilation c = Compile.javac(options, PER_ABI);
    assertExactly(c);
    ClassLoader loader = CompiledClasses.loader(c);
    Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
    for (String name :
        List.of(
            "p.Ctx_Context32Marshaller$I386",
            "p.Ctx_Context64Marshaller$X86_64",
            "p.Ctx_Context64Marshaller$Aarch64")) {
      Class<?> m = loader.loadClass(name);
      Object layout = m.getField("LAYOUT").get(null);
      assertEquals(
          (long) m.getField("SIZE").getInt(null),
          memoryLayout.getMethod("byteSize").invoke(layout),
          name);
    }
  }

  @Test
  void aMirrorForEveryAbiCannotNestOneForSomeOfThem() {
    Source s =
        Source.of(
            "p.Frame",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(name = "frame")
            public class Frame {
              @U32 public long flags;
              public Ctx.Regs32 regs = new Ctx.Regs32();
            }
            """);
    assertExactly(
        Compile.javac(EVERY_ABI, PER_ABI, s),
        s.error(
            "public Ctx.Regs32 regs",
            "regs",
            "[abiguard:annotation] 'regs' nests p.Ctx.Regs32, which is not for x86_64 and aarch64"
                + " (its abis); Frame is for x86_64, i386 and aarch64: nest a mirror for those ABIs"
                + " too, or give Frame the abis of Regs32"));
  }

  @Test
  void twoMirrorsOfOneCNameForACommonAbiClash() {
    Source s =
        Source.of(
            "p.Twice",
            """
            package p;

            import org.abiguard.*;

            public final class Twice {
              private Twice() {}

              @AbiStruct(name = "dup", abis = {"x86_64", "i386"})
              public static class A {
                @U32 public long a;
              }

              @AbiStruct(name = "dup", abis = "i386")
              public static class B {
                @U16 public int b;
              }
            }
            """);
    String clash =
        "; a C name names one type on each ABI: keep one mirror of it (delete the other, or leave"
            + " the type out of abiguard-import with --types), or, if they mirror two C types, give"
            + " one its own C name with @AbiStruct(name = \"...\")";
    assertExactly(
        Compile.javac(EVERY_ABI, s),
        s.error(
            "@AbiStruct(name = \"dup\", abis = {",
            "\"dup\"",
            "[abiguard:annotation] struct dup is also the C name of p.Twice.B" + clash),
        s.error(
            "@AbiStruct(name = \"dup\", abis = \"i386\")",
            "\"dup\"",
            "[abiguard:annotation] struct dup is also the C name of p.Twice.A" + clash));
  }

  @Test
  void anAbiAbiguardDoesNotKnowIsAnErrorOnTheValue() {
    Source s =
        Source.of(
            "p.Odd",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(abis = {"x86_64", "x64"})
            public class Odd {
              @U32 public long a;
            }
            """);
    assertExactly(
        Compile.javac(s),
        s.error(
            "@AbiStruct(abis",
            "{\"x86_64\"",
            "[abiguard:annotation] abis names \"x64\" on struct Odd, which is no ABI abiguard"
                + " knows; use x86_64, i386 or aarch64"));
  }

  @Test
  void aMirrorForNoneOfTheBuildsAbisIsAnError() {
    Source s =
        Source.of(
            "p.Arm",
            """
            package p;

            import org.abiguard.*;

            @AbiUnion(abis = "aarch64")
            public class Arm {
              @U32 public long a;
            }
            """);
    assertExactly(
        Compile.javac(List.of("-Aabiguard.abis=x86_64,i386"), s),
        s.error(
            "@AbiUnion(abis",
            "\"aarch64\"",
            "[abiguard:annotation] union Arm is for aarch64 only, and this build generates x86_64"
                + " and i386 (-Aabiguard.abis): there is nothing to generate; add one of its ABIs"
                + " to -Aabiguard.abis, or leave the mirror out of this build"));
  }
}
