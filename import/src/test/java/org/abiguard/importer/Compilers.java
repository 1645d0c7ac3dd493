package org.abiguard.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.importer.cc.Toolchain;

/**
 * Which ABIs' compilers this host has: the tests of an ABI whose compiler is missing are skipped
 * with the reason.
 */
final class Compilers {
  private Compilers() {}

  /** Why {@code abis} cannot be imported here, or {@code null} if they can. */
  static String missing(List<String> abis) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("abiguard-cc-check");
      for (String abi : abis) {
        Abi a = Abi.of(abi);
        try {
          Toolchain tc =
              new Toolchain(a, a.defaultCompiler(), List.of(), List.of(), List.of("stdint.h"), dir);
          tc.check();
          tc.preprocess();
        } catch (Toolchain.CompilerFailure e) {
          return e.getMessage();
        }
      }
      return null;
    } catch (IOException e) {
      return e.toString();
    } finally {
      Importer.deleteTree(dir); // a probe leaves nothing behind
    }
  }
}
