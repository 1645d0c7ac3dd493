package org.abiguard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.abiguard.AbiStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation without {@code @AbiStruct} never loads the code generator or JavaPoet, also when
 * the flow guard has work (a width-annotated field): the processor is loaded, as javac loads it, by
 * a class loader of its own, which records every class it defines. ({@code ColdStartTest} checks
 * the same with a javac child process and {@code -verbose:class}.)
 */
class LazyLoadingTest {
  private static final String NO_STRUCT =
      """
      package p;

      import java.util.List;
      import org.abiguard.U16;

      class Plain {
        @U16 int domid;

        int readsAField() {
          return domid & 0xFF;
        }

        static String join(List<String> names) {
          return String.join(",", names);
        }
      }
      """;

  private static final String STRUCT =
      """
      package p;

      import org.abiguard.AbiStruct;
      import org.abiguard.U16;
      import org.abiguard.U32;

      @AbiStruct(name = "pair")
      public class Pair {
        @U16 public int a;
        @U32 public long b;
      }
      """;

  @TempDir Path out;

  @Test
  void aCompilationWithoutStructsLoadsNeitherCodegenNorJavaPoet() throws Exception {
    Set<String> loaded = compile("p.Plain", NO_STRUCT);
    assertTrue(
        loaded.contains(AbiGuardProcessor.class.getName()),
        "the recorder saw the processor: " + loaded);
    assertEquals(List.of(), heavy(loaded));
    assertTrue(Files.exists(out.resolve("p/Plain.class")));
  }

  @Test
  void aCompilationWithAStructLoadsThem() throws Exception {
    Set<String> loaded = compile("p.Pair", STRUCT);
    assertTrue(loaded.contains(StructStage.class.getName()), "struct stage loaded: " + loaded);
    assertTrue(
        loaded.contains("org.abiguard.processor.codegen.MarshallerGenerator"),
        "codegen loaded: " + loaded);
    assertTrue(loaded.contains(JavaFile.class.getName()), "JavaPoet loaded: " + loaded);
    assertTrue(
        Files.exists(out.resolve("p/PairMarshaller.class")),
        "the marshaller was generated and compiled");
  }

  /**
   * The code generator's and JavaPoet's classes among those loaded. (The struct stage itself is
   * light and always loaded: it also validates width annotations outside structs.)
   */
  private static List<String> heavy(Set<String> loaded) {
    List<String> heavy = new ArrayList<>();
    for (String name : loaded) {
      if (name.startsWith("com.palantir.javapoet.")
          || name.startsWith("org.abiguard.processor.codegen.")) {
        heavy.add(name);
      }
    }
    return heavy;
  }

  /** Compiles one source with a freshly loaded processor; the classes that loader defined. */
  private Set<String> compile(String name, String source) throws Exception {
    Set<String> loaded = Collections.synchronizedSet(new TreeSet<>());
    URL[] path = {location(AbiGuardProcessor.class), location(JavaFile.class)};
    try (URLClassLoader loader = new RecordingLoader(path, loaded)) {
      Processor processor =
          (Processor)
              loader
                  .loadClass(AbiGuardProcessor.class.getName())
                  .getDeclaredConstructor()
                  .newInstance();
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      List<String> options =
          List.of(
              "-classpath",
              Path.of(location(AbiStruct.class).toURI()).toString(),
              "-d",
              out.toString(),
              "-s",
              Files.createDirectories(out.resolve("generated")).toString());
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              null,
              diagnostics,
              options,
              null,
              List.of(JavaFileObjects.forSourceString(name, source)));
      task.setProcessors(List.of(processor));
      boolean ok = task.call();
      assertTrue(ok, "compiled: " + diagnostics.getDiagnostics());
      assertEquals(List.of(), diagnostics.getDiagnostics(), "no diagnostic");
    }
    assertFalse(loaded.isEmpty());
    return new TreeSet<>(loaded);
  }

  private static URL location(Class<?> type) throws IOException, URISyntaxException {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Defines the processor's and JavaPoet's classes itself (no delegation to the test's loader). */
  private static final class RecordingLoader extends URLClassLoader {
    private final Set<String> loaded;

    RecordingLoader(URL[] path, Set<String> loaded) {
      super(path, ClassLoader.getPlatformClassLoader());
      this.loaded = loaded;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> type = super.findClass(name);
      loaded.add(name);
      return type;
    }
  }
}
