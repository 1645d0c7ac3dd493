package org.abiguard.processor.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The processor options ({@code -Aabiguard.*}), parsed once. Invalid values are collected as
 * problems for the processor to report rather than thrown.
 */
public final class Options {
  public static final String ABIS = "abiguard.abis";
  public static final String MODE = "abiguard.mode";
  public static final String SEVERITY = "abiguard.severity";
  public static final String BASELINE = "abiguard.baseline";

  /** All option names, for {@code Processor.getSupportedOptions()}. */
  public static final Set<String> NAMES = Set.of(ABIS, MODE, SEVERITY, BASELINE);

  private static final List<String> KNOWN_ABIS = List.of("x86_64", "i386", "aarch64");

  private final List<String> abis;
  private final boolean strict;
  private final boolean warningsOnly;
  private final @Nullable String baseline;
  private final List<String> problems;

  private Options(
      List<String> abis,
      boolean strict,
      boolean warningsOnly,
      @Nullable String baseline,
      List<String> problems) {
    this.abis = List.copyOf(abis);
    this.strict = strict;
    this.warningsOnly = warningsOnly;
    this.baseline = baseline;
    this.problems = List.copyOf(problems);
  }

  /**
   * Parses javac's {@code -A} options. An option given without a value ({@code -Aabiguard.severity}
   * or {@code -Aabiguard.severity=}) or with an empty ABI in its list is a problem, as a misspelled
   * value is: falling back to the default would hide the mistake.
   */
  public static Options parse(Map<String, String> raw) {
    List<String> problems = new ArrayList<>();
    List<String> abis = new ArrayList<>();
    String abiList = value(raw, ABIS, "a comma list of " + String.join(", ", KNOWN_ABIS), problems);
    if (abiList != null) {
      boolean emptyReported = false;
      for (String part : abiList.split(",", -1)) {
        String abi = part.trim().toLowerCase(Locale.ROOT);
        if (abi.isEmpty()) {
          if (emptyReported) {
            continue;
          }
          emptyReported = true;
          problems.add(
              "empty ABI name in -A"
                  + ABIS
                  + "="
                  + abiList
                  + "; use a comma list of "
                  + String.join(", ", KNOWN_ABIS));
        } else if (!KNOWN_ABIS.contains(abi)) {
          problems.add(
              "unknown ABI '"
                  + part.trim()
                  + "' in -A"
                  + ABIS
                  + "; use a comma list of "
                  + String.join(", ", KNOWN_ABIS));
        } else if (!abis.contains(abi)) {
          abis.add(abi);
        }
      }
    }
    if (abis.isEmpty()) {
      abis.add("x86_64");
    }
    boolean strict = false;
    String mode = value(raw, MODE, "lenient or strict", problems);
    if (mode != null) {
      switch (mode.trim().toLowerCase(Locale.ROOT)) {
        case "strict" -> strict = true;
        case "lenient" -> strict = false;
        default ->
            problems.add("unknown value '" + mode + "' for -A" + MODE + "; use lenient or strict");
      }
    }
    boolean warningsOnly = false;
    String severity = value(raw, SEVERITY, "error or warning", problems);
    if (severity != null) {
      switch (severity.trim().toLowerCase(Locale.ROOT)) {
        case "warning" -> warningsOnly = true;
        case "error" -> warningsOnly = false;
        default ->
            problems.add(
                "unknown value '" + severity + "' for -A" + SEVERITY + "; use error or warning");
      }
    }
    String baseline = value(raw, BASELINE, "the path of a manifest abiguard wrote", problems);
    return new Options(abis, strict, warningsOnly, baseline, problems);
  }

  /**
   * The option's value; null when it is not given, or given without a value (then a problem that
   * says what to write, {@code use}).
   */
  private static @Nullable String value(
      Map<String, String> raw, String name, String use, List<String> problems) {
    if (!raw.containsKey(name)) {
      return null;
    }
    String value = raw.get(name);
    if (value == null || value.isBlank()) {
      problems.add("no value for -A" + name + "; use " + use);
      return null;
    }
    return value;
  }

  /**
   * The target ABIs by manifest name ({@code x86_64}, {@code i386}, {@code aarch64}); the first is
   * primary.
   */
  public List<String> abis() {
    return abis;
  }

  /** {@code -Aabiguard.mode=strict}: values with no fact are held to their Java type's width. */
  public boolean strict() {
    return strict;
  }

  /** {@code -Aabiguard.severity=warning}. */
  public boolean warningsOnly() {
    return warningsOnly;
  }

  /** The baseline manifest path, or null. */
  public @Nullable String baseline() {
    return baseline;
  }

  /** Messages for option values that were not understood. */
  public List<String> problems() {
    return problems;
  }
}
