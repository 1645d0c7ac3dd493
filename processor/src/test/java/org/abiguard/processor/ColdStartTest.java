package org.abiguard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.AbiStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A javac that loads the processor for code without a struct loads neither the code generator nor
 * JavaPoet (issue 11: the cost of abiguard on code that does not use it), also when the flow guard
 * has work (a width-annotated field); with an {@code @AbiStruct} it loads both and compiles the
 * marshaller. javac runs as a user runs it: a child process with the processor on its {@code
 * -processorpath}, loaded by javac's own processor class loader; {@code -J-verbose:class} lists
 * every class its JVM loads, by any loader.
 */
class ColdStartTest {
  /** No abiguard annotation at all. */
  private static final String PLAIN =
      """
      package q;

      public class Plain {
        @Override
        public String toString() {
          return "q";
        }
      }
      """;

  /** No struct, but a width-annotated field that the flow guard follows. */
  private static final String GUARDED =
      """
      package q;

      import java.util.List;
      import org.abiguard.U16;

      public class Guarded {
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
      package q;

      import org.abiguard.AbiStruct;
      import org.abiguard.U16;
      import org.abiguard.U32;

      @AbiStruct(name = "pair")
      public class Pair {
        @U16 public int a;
        @U32 public long b;
      }
      """;

  /**
   * A {@code -verbose:class} line: {@code [0.012s][info][class,load] java.lang.Object source: ...}.
   */
  private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"Plain", "Guarded"})
  void withoutAStructNeitherTheGeneratorNorJavaPoetIsLoaded(String name) throws Exception {
    Set<String> loaded = loadedClasses(name, name.equals("Plain") ? PLAIN : GUARDED);
    assertTrue(loaded.contains(AbiGuardProcessor.class.getName()), "the processor ran: " + loaded);
    assertEquals(List.of(), heavy(loaded), "the generator's and JavaPoet's classes loaded");
    assertTrue(Files.exists(dir.resolve("out/q/" + name + ".class")), "compiled " + name);
  }

  @Test
  void withAStructBothAre() throws Exception {
    Set<String> loaded = loadedClasses("Pair", STRUCT);
    assertTrue(loaded.contains(AbiGuardProcessor.class.getName()), "the processor ran: " + loaded);
    assertTrue(loaded.contains(StructStage.class.getName()), "struct stage loaded: " + loaded);
    assertTrue(
        loaded.contains("org.abiguard.processor.codegen.MarshallerGenerator"),
        "the generator was not loaded: " + loaded);
    assertTrue(loaded.contains(JavaFile.class.getName()), "JavaPoet was not loaded: " + loaded);
    assertTrue(
        Files.exists(dir.resolve("out/q/PairMarshaller.class")),
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

  /**
   * Compiles {@code q/<name>.java} with a javac child process that must succeed with no diagnostic
   * at all; the names of the classes its JVM loaded.
   */
  private Set<String> loadedClasses(String name, String source) throws Exception {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
            "-J-verbose:class",
            "-processorpath",
            System.getProperty("java.class.path"),
            "-processor",
            AbiGuardProcessor.class.getName(),
            "-cp",
            new File(AbiStruct.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            "-d",
            dir.resolve("out").toString(),
            file.toString());
    // the JVM logs class loading to standard output, javac writes its diagnostics to standard error
    Path classLog = dir.resolve(name + ".classes");
    Path diagnostics = dir.resolve(name + ".diagnostics");
    Process javac =
        new ProcessBuilder(command)
            .redirectOutput(classLog.toFile())
            .redirectError(diagnostics.toFile())
            .start();
    boolean finished = javac.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      javac.destroyForcibly();
    }
    assertTrue(finished, "javac did not finish");
    String errors = Files.readString(diagnostics, StandardCharsets.UTF_8);
    assertEquals(0, javac.exitValue(), errors);
    assertEquals("", errors, "no diagnostic");
    Set<String> loaded = new TreeSet<>();
    Matcher m = LOADED.matcher(Files.readString(classLog, StandardCharsets.UTF_8));
    while (m.find()) {
      loaded.add(m.group(1));
    }
    assertFalse(loaded.isEmpty(), "no -verbose:class line in javac's output");
    return loaded;
  }
}
