package org.abiguard.maven;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ABIs {@code import} proves its mirrors for, and where they come from, for its messages.
 *
 * @param names the ABIs, the first primary
 * @param from where they come from
 */
record ImportAbis(List<String> names, ImportAbis.Origin from) {
  /** Where the ABIs of an import come from. */
  enum Origin {
    /** {@code <abis>} (or {@code -Dabiguard.abis}). */
    CONFIGURED,
    /** {@code -Aabiguard.abis} in the maven-compiler-plugin's configuration. */
    COMPILER,
    /** Neither: the importer's default, every ABI. */
    DEFAULT
  }

  /** The importer's alternative to installing a missing compiler, {@code Importer.withoutAbi}. */
  private static final Pattern WITHOUT = Pattern.compile("or import without (\\w+): --abis \\S+");

  /** Where the names are written, for a message about one of them. */
  String where() {
    return switch (from) {
      case CONFIGURED -> "<abis>";
      case COMPILER -> "-Aabiguard.abis of the maven-compiler-plugin";
      case DEFAULT -> "the default ABIs";
    };
  }

  /** What the summary adds after the ABIs: where they come from, unless the user wrote them. */
  String note() {
    return switch (from) {
      case CONFIGURED -> "";
      case COMPILER -> " (the build's -Aabiguard.abis)";
      case DEFAULT ->
          " (the default: the maven-compiler-plugin sets no -Aabiguard.abis; <abis> picks some)";
    };
  }

  /**
   * The importer's {@code problem} with its alternative to a missing compiler worded for where the
   * ABIs come from: an import that follows {@code -Aabiguard.abis} leaves an ABI out by leaving it
   * out of the build, since {@code check-c} would still need its compiler.
   */
  String advice(String problem) {
    if (from != Origin.COMPILER || problem == null) {
      return problem;
    }
    Matcher m = WITHOUT.matcher(problem);
    return m.replaceAll(
        r ->
            Matcher.quoteReplacement(
                "or, if the build is not for "
                    + r.group(1)
                    + ", leave it out of -Aabiguard.abis in the maven-compiler-plugin's"
                    + " <compilerArgs> (import follows it)"));
  }
}
