package org.abiguard.maven;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.manifest.AbiBreak;
import org.abiguard.processor.manifest.BaselineChecker;
import org.abiguard.processor.manifest.LayoutChange;
import org.abiguard.processor.manifest.ManifestComparison;
import org.abiguard.processor.manifest.ManifestModel;

/**
 * {@code check-abi} without Maven: this build's manifest against a baseline's, with the processor's
 * comparison ({@link ManifestComparison}) and wording ({@link BaselineChecker}). Each incompatible
 * change is an error; each compatible one (a type, or a member that moves no other, added) is an
 * info line.
 */
final class AbiCheck {
  /**
   * @param breaks the errors reported, as reported
   */
  record Result(List<String> breaks, int compatible) {
    boolean failed() {
      return !breaks.isEmpty();
    }
  }

  private AbiCheck() {}

  /**
   * @param current this build's manifest text, or null when it wrote none
   * @param failOnBreak whether breaks are errors (else warnings)
   * @throws ConfigurationException when a manifest is not a valid abiguard manifest
   */
  static Result run(String current, Baseline baseline, boolean failOnBreak, BuildLog log)
      throws ConfigurationException {
    if (baseline.manifest().isEmpty()) {
      log.info(
          "abiguard check-abi: "
              + baseline.label()
              + " has no "
              + Baseline.MANIFEST
              + " (it predates abiguard or has no mirror): nothing to compare");
      return new Result(List.of(), 0);
    }
    List<ManifestModel.Struct> was =
        read(baseline.manifest().get(), "the manifest of " + baseline.label());
    List<ManifestModel.Struct> now;
    if (current == null) {
      log.warn(
          "abiguard check-abi: this build wrote no "
              + Baseline.MANIFEST
              + " (it has no @AbiStruct mirror, or"
              + " abiguard-processor is not in the compiler's annotationProcessorPaths): every mirror of "
              + baseline.label()
              + " is gone");
      now = List.of();
    } else {
      now = read(current, "this build's " + Baseline.MANIFEST);
    }
    List<LayoutChange> changes = ManifestComparison.compare(was, now);
    List<String> breaks = new ArrayList<>();
    for (AbiBreak b : BaselineChecker.breaks(changes, baseline.since(), "")) {
      String mirror =
          b.structJavaName() + (b.fieldJavaName() == null ? "" : "." + b.fieldJavaName());
      String message = "[abiguard:abi-break] " + mirror + ": " + b.message();
      breaks.add(message);
      if (failOnBreak) {
        log.error(message);
      } else {
        log.warn(message);
      }
    }
    List<String> additions = BaselineChecker.additions(changes, baseline.since());
    for (String a : additions) {
      log.info("[abiguard:abi-break] compatible: " + a);
    }
    if (breaks.isEmpty()) {
      log.info(
          "abiguard check-abi: "
              + now.size()
              + (now.size() == 1 ? " mirror" : " mirrors")
              + " compatible with "
              + baseline.label()
              + " ("
              + was.size()
              + " in it"
              + (additions.isEmpty()
                  ? ""
                  : "; "
                      + additions.size()
                      + " compatible "
                      + (additions.size() == 1 ? "change" : "changes"))
              + ")");
    }
    return new Result(List.copyOf(breaks), additions.size());
  }

  private static List<ManifestModel.Struct> read(String text, String what)
      throws ConfigurationException {
    try {
      return ManifestModel.read(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "abiguard check-abi: " + what + " is not a valid abiguard manifest: " + e.getMessage(),
          e);
    }
  }
}
