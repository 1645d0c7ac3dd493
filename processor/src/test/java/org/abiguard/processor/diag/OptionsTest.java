package org.abiguard.processor.diag;

import static com.google.common.truth.Truth.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The processor options: a value abiguard does not understand is a problem to report, and so is an
 * option given without a value or an empty ABI in the list, which would otherwise fall back to the
 * default unnoticed.
 */
class OptionsTest {
  private static Options parse(String name, @Nullable String value) {
    Map<String, String> raw = new HashMap<>();
    raw.put(name, value); // javac maps -Aname (no '=') to null
    return Options.parse(raw);
  }

  @Test
  void goodValuesAreReadWithoutProblems() {
    Options o =
        Options.parse(
            Map.of(
                Options.ABIS, "x86_64, I386",
                Options.MODE, "strict",
                Options.SEVERITY, "warning",
                Options.BASELINE, "old.json"));
    assertThat(o.problems()).isEmpty();
    assertThat(o.abis()).containsExactly("x86_64", "i386").inOrder();
    assertThat(o.strict()).isTrue();
    assertThat(o.warningsOnly()).isTrue();
    assertThat(o.baseline()).isEqualTo("old.json");
  }

  @Test
  void noOptionsAreTheDefaults() {
    Options o = Options.parse(Map.of());
    assertThat(o.problems()).isEmpty();
    assertThat(o.abis()).containsExactly("x86_64");
    assertThat(o.strict()).isFalse();
    assertThat(o.warningsOnly()).isFalse();
    assertThat(o.baseline()).isNull();
  }

  @Test
  void anOptionWithoutAValueIsAProblem() {
    assertThat(parse(Options.SEVERITY, null).problems())
        .containsExactly("no value for -Aabiguard.severity; use error or warning");
    assertThat(parse(Options.SEVERITY, "").problems())
        .containsExactly("no value for -Aabiguard.severity; use error or warning");
    assertThat(parse(Options.MODE, " ").problems())
        .containsExactly("no value for -Aabiguard.mode; use lenient or strict");
    assertThat(parse(Options.ABIS, "").problems())
        .containsExactly("no value for -Aabiguard.abis; use a comma list of x86_64, i386, aarch64");
    Options baseline = parse(Options.BASELINE, "");
    assertThat(baseline.problems())
        .containsExactly(
            "no value for -Aabiguard.baseline; use the path of a manifest abiguard wrote");
    assertThat(baseline.baseline()).isNull();
  }

  @Test
  void anEmptyAbiInTheListIsOneProblemAndTheOthersStay() {
    Options o = parse(Options.ABIS, "x86_64,,i386,");
    assertThat(o.problems())
        .containsExactly(
            "empty ABI name in -Aabiguard.abis=x86_64,,i386,; use a comma list of x86_64, i386,"
                + " aarch64");
    assertThat(o.abis()).containsExactly("x86_64", "i386").inOrder();
  }

  @Test
  void aMisspelledValueIsAProblem() {
    assertThat(parse(Options.ABIS, "x64").problems())
        .isEqualTo(
            List.of(
                "unknown ABI 'x64' in -Aabiguard.abis; use a comma list of x86_64, i386, aarch64"));
    assertThat(parse(Options.SEVERITY, "warn").problems())
        .containsExactly("unknown value 'warn' for -Aabiguard.severity; use error or warning");
  }
}
