package org.abiguard.processor.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.AbiGuardProcessor;
import org.abiguard.processor.Expected;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the Eclipse compiler (ECJ, the real one from Maven Central) there is no javac tree API: the
 * processor still generates marshallers, manifest and C assertions, and says once, as a warning,
 * that the flow guard is off, never silently.
 *
 * <p>compile-testing cannot drive ECJ (ECJ reads sources through {@code java.io.File}, and
 * compile-testing's in-memory files have {@code mem://} URIs), so this test compiles real files in
 * a temporary directory through ECJ's {@code javax.tools} API.
 */
class EclipseCompilerTest {
  private static final String XEN_4_4_RC2_UNDER_ECJ =
      """
      package ecj;

      import org.abiguard.AbiStruct;
      import org.abiguard.U16;
      import org.abiguard.U32;

      @AbiStruct(name = "xen_add_to_physmap")
      public class Physmap {
        @U16 public int domid;
        @U16 public int size;
        @U32 public long space;

        static int addToPhysmapOne(@U16 int space) {
          return space;
        }

        static int addToPhysmap(Physmap xatp) {
          return addToPhysmapOne((int) xatp.space);
        }
      }
      """;

  @TempDir Path dir;

  /** Compiles the source with ECJ and the processor into {@code dir}; returns the diagnostics. */
  private List<Diagnostic<? extends JavaFileObject>> compileWithEcj() throws IOException {
    Path source = dir.resolve("sources/ecj/Physmap.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, XEN_4_4_RC2_UNDER_ECJ, StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("classes"));
    Files.createDirectories(dir.resolve("generated"));
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "-17",
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-d",
                  dir.resolve("classes").toString(),
                  "-s",
                  dir.resolve("generated").toString()),
              null,
              files.getJavaFileObjects(source));
      task.setProcessors(List.of(new AbiGuardProcessor()));
      assertTrue(task.call(), () -> "ECJ failed: " + diagnostics.getDiagnostics());
    }
    return diagnostics.getDiagnostics();
  }

  private static List<String> messages(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  @Test
  void warnsOnceThatTheGuardIsOffAndStillGeneratesEverything() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compileWithEcj();
    // ECJ shows the Reporter's text as it is (javac indents the link line by two more spaces)
    assertEquals(
        List.of(
            "[abiguard] the flow guard is off: this compiler's processing environment"
                + " (org.eclipse.jdt.internal.compiler.apt.dispatch.BatchProcessingEnvImpl) is not javac's,"
                + " so narrowing conversions are not checked; structs, marshallers and the manifest are still generated."
                + " Build with javac to check them.\n  (see "
                + Expected.DOCS
                + "abiguard.md)"),
        messages(diagnostics, Diagnostic.Kind.WARNING));
    assertEquals(List.of(), messages(diagnostics, Diagnostic.Kind.ERROR));
    assertTrue(Files.isRegularFile(dir.resolve("generated/ecj/PhysmapMarshaller.java")));
    assertTrue(
        Files.readString(dir.resolve("classes/META-INF/abiguard/abi-manifest.json"))
            .contains("\"c\": \"xen_add_to_physmap\""));
    assertTrue(
        Files.readString(dir.resolve("classes/META-INF/abiguard/abi-asserts.h"))
            .contains("offsetof(struct xen_add_to_physmap, space) == 4"));
  }

  @Test
  void marshallerCompiledByEcjRoundTripsAndRangeChecks() throws Exception {
    compileWithEcj();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("classes").toUri().toURL()},
            EclipseCompilerTest.class.getClassLoader())) {
      Class<?> mirror = loader.loadClass("ecj.Physmap");
      Class<?> marshaller = loader.loadClass("ecj.PhysmapMarshaller");
      Method write = marshaller.getMethod("write", mirror, ByteBuffer.class, int.class);
      Method read = marshaller.getMethod("read", ByteBuffer.class, int.class);

      // little endian whatever the buffer's order: domid, size, space
      Object value = mirror.getConstructor().newInstance();
      mirror.getField("domid").setInt(value, 0x7FF0);
      mirror.getField("size").setInt(value, 1);
      mirror.getField("space").setLong(value, 0xFFFF_FFFFL);
      ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
      write.invoke(null, value, buf, 0);
      assertArrayEquals(new byte[] {(byte) 0xF0, 0x7F, 1, 0, -1, -1, -1, -1}, buf.array());
      Object back = read.invoke(null, buf, 0);
      assertEquals(0x7FF0, mirror.getField("domid").getInt(back));
      assertEquals(0xFFFF_FFFFL, mirror.getField("space").getLong(back));

      // the guard is off under ECJ, but the marshaller still refuses a value that does not fit
      mirror.getField("space").setLong(value, 0x1_0000_0000L);
      ByteBuffer clean = ByteBuffer.allocate(8);
      InvocationTargetException e =
          assertThrows(InvocationTargetException.class, () -> write.invoke(null, value, clean, 0));
      assertTrue(e.getCause() instanceof AbiRangeException, e.getCause().toString());
      assertArrayEquals(new byte[8], clean.array());
    }
  }
}
