package org.abiguard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abiguard.AbiStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A javac that loads the processor for code without a struct must not load the code generator nor
 * JavaPoet (issue 11: the cost of abiguard on code that does not use it). javac runs in a child
 * process with {@code -verbose:class}.
 */
class ColdStartTest {
  @TempDir Path dir;

  @Test
  void withoutAStructNeitherTheGeneratorNorJavaPoetIsLoaded() throws Exception {
    String plain =
        "package q;\n\npublic class Plain {\n  @Override\n  public String toString() {\n    return \"q\";\n  }\n}\n";
    String classes = loadedClasses("Plain", plain);
    assertTrue(classes.contains("org.abiguard.processor.AbiGuardProcessor"), "the processor ran");
    assertFalse(classes.contains("org.abiguard.processor.codegen."), "the generator was loaded");
    assertFalse(classes.contains("javapoet."), "JavaPoet was loaded");
  }

  @Test
  void withAStructBothAre() throws Exception {
    String struct =
        "package q;\n\n@org.abiguard.AbiStruct\npublic class S {\n  public @org.abiguard.U16 int a;\n}\n";
    String classes = loadedClasses("S", struct);
    assertTrue(
        classes.contains("org.abiguard.processor.codegen.MarshallerGenerator"),
        "the generator was not loaded");
    assertTrue(classes.contains("javapoet."), "JavaPoet was not loaded");
  }

  private String loadedClasses(String name, String source) throws Exception {
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
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(javac.waitFor(120, TimeUnit.SECONDS), "javac did not finish");
    assertEquals(0, javac.exitValue(), output);
    return output;
  }
}
