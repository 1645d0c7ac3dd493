package org.abiguard.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;

/**
 * The struct half, round by round: elements → model → layouts → generated files; at the end
 * of processing the manifest, the C assertions and the baseline check.
 *
 * <p>PLACEHOLDER during initial development: owned by the struct-pipeline work.
 */
final class StructStage {
  StructStage(ProcessingEnvironment env, Reporter reporter, Options options) {}

  void round(RoundEnvironment round) {}

  void finish() {}
}
