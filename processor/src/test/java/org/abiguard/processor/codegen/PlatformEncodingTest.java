package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abiguard.AbiCodec;
import org.abiguard.AbiStruct;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-ASCII identifiers through a javac whose platform encoding is US-ASCII ({@code LANG=C}, no
 * {@code -encoding}): the generated marshaller must keep them, not write {@code ??}. javac runs in
 * a child process, as a build would start it.
 */
class PlatformEncodingTest {
  @TempDir Path dir;

  /**
   * The mirror's own source is ASCII, its identifiers written as Unicode escapes, as such a build
   * needs.
   */
  private static final String MIRROR =
      """
      package p;

      import org.abiguard.*;

      /** Gr\\u00f6\\u00dfen: a struct whose Java member names are not ASCII. */
      @AbiStruct(name = "sizes")
      public class Sizes {
        @AbiName("width") @U16 public int Breite\\u00d6;
        @AbiName("depth") @U32 public long Tiefe\\u03b1;
      }
      """;

  @Test
  void nonAsciiIdentifiersSurviveAnAsciiPlatformEncoding() throws Exception {
    Path src = dir.resolve("src/p");
    Files.createDirectories(src);
    // the type names stay ASCII: an ASCII file system encoding cannot name a file of another
    Files.writeString(src.resolve("Sizes.java"), MIRROR, StandardCharsets.US_ASCII);
    Path classes = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    Files.createDirectories(classes);
    Files.createDirectories(generated);

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                // javac 18+ defaults to UTF-8 whatever LANG says; COMPAT restores the platform's
                // (ASCII under LANG=C)
                "-J-Dfile.encoding="
                    + (Runtime.version().feature() >= 18 ? "COMPAT" : "ANSI_X3.4-1968"),
                "-J-Dsun.jnu.encoding=ANSI_X3.4-1968",
                "-processorpath",
                System.getProperty("java.class.path"),
                "-processor",
                AbiGuardProcessor.class.getName(),
                "-Aabiguard.abis=x86_64,i386",
                "-cp",
                codeSource(AbiStruct.class),
                "-s",
                generated.toString(),
                "-d",
                classes.toString(),
                src.resolve("Sizes.java").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LANG", "C");
    builder.environment().put("LC_ALL", "C");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process javac = builder.start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertTrue(javac.waitFor(120, TimeUnit.SECONDS), "javac did not finish");
    assertEquals(0, javac.exitValue(), output);

    Path marshaller = generated.resolve("p/SizesMarshaller.java");
    String source = Files.readString(marshaller, StandardCharsets.ISO_8859_1);
    assertTrue(source.chars().allMatch(c -> c < 0x80), "generated source is not ASCII");
    assertTrue(source.contains("value.Breite\\u00d6 = "), source);
    assertTrue(source.contains("OFFSET_TIEFE\\u0391"), source);
    assertTrue(!source.contains("??"), source);
    // the manifest and the C assertions are UTF-8 whatever the platform's encoding
    String manifest =
        Files.readString(
            classes.resolve("META-INF/abiguard/abi-manifest.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains("\"java\": \"Breite\u00d6\""), manifest);
    assertTrue(manifest.contains("\"java\": \"Tiefe\u03b1\""), manifest);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> mirror = loader.loadClass("p.Sizes");
      @SuppressWarnings("unchecked")
      AbiCodec<Object> codec =
          (AbiCodec<Object>)
              loader
                  .loadClass("p.SizesMarshaller")
                  .getMethod("codec", String.class)
                  .invoke(null, "i386");
      var constructor = mirror.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object value = constructor.newInstance();
      var breite = mirror.getDeclaredField("Breite\u00d6");
      var tiefe = mirror.getDeclaredField("Tiefe\u03b1");
      breite.setAccessible(true);
      tiefe.setAccessible(true);
      breite.setInt(value, 0xBEEF);
      tiefe.setLong(value, 0xFFFF_FFFEL);
      ByteBuffer buf = ByteBuffer.allocate(codec.size());
      codec.write(value, buf, 0);
      Object back = codec.read(buf, 0);
      assertEquals(0xBEEF, breite.getInt(back));
      assertEquals(0xFFFF_FFFEL, tiefe.getLong(back));
    }
  }

  private static String codeSource(Class<?> type) throws Exception {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
