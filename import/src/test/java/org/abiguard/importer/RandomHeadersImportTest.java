package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer's fuzz: headers of random structs and unions ({@link RandomHeaders}), some declared
 * differently per architecture, imported with {@code --split-abis} for x86_64, i386 and aarch64.
 * Every type must be written, and proven by each ABI's compiler (the importer's own C proof and
 * {@code abi-check.c}); a type left out, or a mirror a compiler disproves, fails the test with the
 * importer's reason and the header kept under {@code target/}. The seed is {@code
 * -Dabiguard.fuzz.seed}; each run prints its figures.
 */
class RandomHeadersImportTest {
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261130L);
  private static final List<String> ABIS = List.of("x86_64", "i386", "aarch64");
  private static final int HEADERS = 3;
  private static final int TYPES = 40;

  @TempDir Path out;

  @Test
  void everyRandomTypeIsImportedAndProvenForTheThreeAbis() throws Exception {
    String missing = Compilers.missing(ABIS);
    assumeTrue(missing == null, () -> "skipped: " + missing);
    int types = 0;
    int mirrors = 0;
    int perAbi = 0;
    for (int h = 0; h < HEADERS; h++) {
      long seed = SEED * 1000 + h;
      RandomHeaders header = RandomHeaders.of(seed, TYPES);
      Path dir = Files.createDirectories(Path.of("target", "random-headers"));
      Path file = dir.resolve("fuzz_" + seed + ".h");
      Files.writeString(file, header.text());
      RecordingLog log = new RecordingLog();
      ImportResult r =
          Importer.run(
              ImportOptions.builder(
                      List.of(file.toAbsolutePath().toString()),
                      List.of(),
                      "fuzz.h" + h,
                      out.resolve("h" + h))
                  .abis(ABIS)
                  .splitAbis(true)
                  .build(),
              log);
      assertNull(r.problem(), () -> file + ": " + r.problem());
      assertEquals(List.of(), r.leftOut(), () -> file + " (seed " + SEED + ")");
      assertEquals(header.declared, r.found().subList(0, header.declared.size()), file::toString);
      assertEquals(r.found(), r.proven());
      types += r.found().size();
      mirrors += r.mirrors().size();
      perAbi += header.perAbiMembers;
    }
    System.out.println(
        "[import fuzz] seed "
            + SEED
            + ": "
            + HEADERS
            + " headers, "
            + types
            + " types ("
            + perAbi
            + " members declared per ABI) imported with --split-abis as "
            + mirrors
            + " mirrors, all proven by gcc, gcc -m32 and aarch64-linux-gnu-gcc");
  }
}
