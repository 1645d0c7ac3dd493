package org.abiguard.importer;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.abiguard.AbiCodec;
import org.abiguard.importer.proof.JavaProof;

/** Compiles imported mirrors with abiguard and loads them, to run the generated marshallers. */
final class MirrorRun {
  private MirrorRun() {}

  /**
   * Compiles the mirrors under {@code sourceRoot} into {@code work} (a directory the test owns and
   * JUnit deletes) and loads them.
   */
  static ClassLoader compile(Path sourceRoot, List<String> abis, Path work) throws IOException {
    List<String> sources;
    try (Stream<Path> s = Files.walk(sourceRoot)) {
      sources =
          s.filter(p -> p.toString().endsWith(".java"))
              .map(p -> sourceRoot.relativize(p).toString())
              .toList();
    }
    Files.createDirectories(work);
    JavaProof.Result r = JavaProof.compile(sourceRoot, sources, abis, work);
    if (!r.errorsByFile().isEmpty() || !r.otherErrors().isEmpty()) {
      throw new AssertionError(
          "the imported mirrors do not compile: " + r.errorsByFile() + r.otherErrors());
    }
    return new URLClassLoader(
        new URL[] {r.classes().toUri().toURL()}, MirrorRun.class.getClassLoader());
  }

  static int size(Object codec) {
    return ((AbiCodec<?>) codec).size();
  }

  @SuppressWarnings("unchecked")
  static void write(Object codec, Object value, ByteBuffer buf) {
    ((AbiCodec<Object>) codec).write(value, buf, 0);
  }
}
