package org.abiguard.processor.guard;

import javax.annotation.processing.ProcessingEnvironment;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;

/**
 * Entry point of the flow guard: attaches a javac {@code TaskListener} that analyses each
 * compilation unit after attribution.
 *
 * <p>PLACEHOLDER during initial development: owned by the flow-guard work.
 */
public final class FlowGuard {
  private FlowGuard() {}

  /** Attaches the guard to the running javac task. */
  public static void install(ProcessingEnvironment env, Reporter reporter, Options options) {}
}
