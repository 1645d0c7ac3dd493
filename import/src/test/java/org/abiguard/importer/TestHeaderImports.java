package org.abiguard.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Imports of one header of the tests' own ({@code src/test/resources/headers}) into {@code p}. */
final class TestHeaderImports {
  private TestHeaderImports() {}

  /** Skips the calling test, with the reason, where a compiler of {@code abis} is missing. */
  static void assumeCompilers(List<String> abis) {
    String missing = Compilers.missing(abis);
    assumeTrue(missing == null, () -> "skipped: " + missing);
  }

  /** Imports {@code header} for {@code abis}, split per group of ABIs or not, into {@code out}. */
  static ImportResult run(
      Path out, String header, List<String> abis, boolean split, RecordingLog log) {
    return Importer.run(
        ImportOptions.builder(List.of(header), List.of(PortabilityTest.HEADERS), "p", out)
            .abis(abis)
            .splitAbis(split)
            .build(),
        log);
  }

  /** Each type left out, by C name, with its reason. */
  static Map<String, String> reasons(ImportResult r) {
    return r.leftOut().stream()
        .collect(Collectors.toMap(ImportResult.LeftOut::cType, ImportResult.LeftOut::reason));
  }
}
