package org.abiguard.example.xen.hv;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compile-time half of the 2014 regression. This module's own {@code PhysmapOps.java} is
 * compiled with the processor twice: as it is, it compiles without a single diagnostic; with the
 * {@code space} parameter of {@code xenmemAddToPhysmapOne} narrowed to {@code @U16} (Xen 4.4-rc2's
 * {@code uint16_t space}), the build fails with {@code [abiguard:narrowing]} on the {@code
 * xatp.space} argument of the single-frame call, and only there: the call in the {@code gmfn_range}
 * loop is dominated by {@code if (xatp.space != XENMAPSPACE_gmfn_range) return}, so the guard knows
 * its value is 3, and the batch's {@code xatpb.space} is a u16 already.
 */
class NarrowedSpaceCompileTest {
  private static final Path SOURCE =
      Path.of("src/main/java/org/abiguard/example/xen/hv/PhysmapOps.java");

  /** The {@code space} parameter of {@code xenmemAddToPhysmapOne}, however the line breaks. */
  private static final Pattern PARAMETER =
      Pattern.compile("@U32 long space,(\\s+@DomidT int foreignDomid)");

  private static final String NARROWED = "@U16 long space,$1";

  private static Compilation compile(String source) {
    JavaFileObject file =
        JavaFileObjects.forSourceString("org.abiguard.example.xen.hv.PhysmapOps", source);
    return javac()
        .withProcessors(new AbiGuardProcessor())
        .withOptions("-Aabiguard.abis=x86_64,i386", "-Xlint:all,-processing")
        .compile(file);
  }

  private static String source() throws IOException {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    assertEquals(
        1,
        PARAMETER.matcher(source).results().count(),
        "PhysmapOps declares " + PARAMETER.pattern() + " once");
    return source;
  }

  @Test
  void theRealSourceCompilesWithoutDiagnostics() throws IOException {
    Compilation c = compile(source());
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void narrowingSpaceToU16FailsTheBuildOnTheArgument() throws IOException {
    String narrowed =
        source()
            .transform(text -> PARAMETER.matcher(text).replaceFirst(NARROWED))
            .replace(
                "import org.abiguard.U32;", "import org.abiguard.U16;\nimport org.abiguard.U32;");
    Compilation c = compile(narrowed);
    assertThat(c).failed();

    String[] lines = narrowed.split("\n", -1);
    List<Integer> calls = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("xenmemAddToPhysmapOne(d, xatp.space")) {
        calls.add(i);
      }
    }
    assertEquals(2, calls.size(), "the single-frame call and the gmfn_range loop's call");
    int line = calls.get(0);
    assertTrue(lines[line].trim().startsWith("return"), "the single-frame call comes first");
    assertThat(c)
        .hadErrorContaining(
            "[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter "
                + "'space' of xenmemAddToPhysmapOne (u16)")
        .inFile(c.sourceFiles().get(0))
        .onLine(line + 1)
        // javac's position of a field access, where its caret points: the '.' of xatp.space
        .atColumn(lines[line].indexOf("xatp.space") + "xatp".length() + 1);
    List<String> errors = c.errors().stream().map(d -> d.getMessage(null)).toList();
    assertEquals(1, errors.size(), "only that argument narrows:" + messages(c));
  }

  /**
   * With the parameter narrowed, each of the fixes the diagnostic offers compiles without a
   * diagnostic: a range check that dominates the call, {@code Abi.checkU16}, {@code Abi.truncU16}.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "if (xatp.space > 0xFFFF) {\n        return -Errno.EINVAL;\n      }\n      return xenmemAddToPhysmapOne(d, xatp.space,",
        "return xenmemAddToPhysmapOne(d, org.abiguard.Abi.checkU16(xatp.space),",
        "return xenmemAddToPhysmapOne(d, org.abiguard.Abi.truncU16(xatp.space),"
      })
  void eachOfferedFixCompiles(String fixedCall) throws IOException {
    String call = "return xenmemAddToPhysmapOne(d, xatp.space,";
    String source = source();
    assertTrue(source.contains(call));
    String fixed =
        source
            .transform(text -> PARAMETER.matcher(text).replaceFirst(NARROWED))
            .replace(
                "import org.abiguard.U32;", "import org.abiguard.U16;\nimport org.abiguard.U32;")
            .replace(call, fixedCall);
    assertThat(compile(fixed)).succeededWithoutWarnings();
  }

  private static String messages(Compilation c) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      out.append('\n')
          .append(d.getKind())
          .append(' ')
          .append(d.getLineNumber())
          .append(':')
          .append(d.getColumnNumber())
          .append(' ')
          .append(d.getMessage(null));
    }
    return out.toString();
  }
}
