package org.abiguard.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did.
 *
 * @param found the C structs and unions asked for (by {@code types}, or declared in the headers),
 *     with what they need, by C name ({@code struct foo}, {@code union bar}, {@code foo_t})
 * @param written the C types whose mirrors were written
 * @param mirrors the qualified Java names of the mirrors written: one per C type, or one per group
 *     of ABIs for a type split per group ({@code splitAbis})
 * @param proven the C types whose mirrors abiguard compiled and every ABI's C compiler proved
 * @param leftOut each type that was asked for but not written, with the reason and C location
 * @param files the source files written
 * @param problem an error that stopped the import before any type could be mirrored (a header that
 *     does not compile, a missing compiler, bad options); {@code null} otherwise
 * @param millis the wall time of the import
 */
public record ImportResult(
    List<String> found,
    List<String> written,
    List<String> mirrors,
    List<String> proven,
    List<LeftOut> leftOut,
    List<Path> files,
    String problem,
    long millis) {

  /** A type that was not written. */
  public record LeftOut(String cType, String reason, String location) {
    /**
     * Whether it is left out because the ABIs declare it differently (what {@code --split-abis}
     * imports per group of ABIs).
     */
    public boolean notPortable() {
      return reason.startsWith("not portable");
    }

    @Override
    public String toString() {
      return cType + " (" + location + "): " + reason;
    }
  }

  public ImportResult {
    found = List.copyOf(found);
    written = List.copyOf(written);
    mirrors = List.copyOf(mirrors);
    proven = List.copyOf(proven);
    leftOut = List.copyOf(leftOut);
    files = List.copyOf(files);
  }

  /** Whether everything asked for was written and proven. */
  public boolean success() {
    return problem == null && leftOut.isEmpty() && proven.size() == found.size();
  }
}
