package org.abiguard.processor.guard;

/**
 * Told of each method the flow guard analyses, just before the analysis: how tests see which
 * methods the pre-scan lets through, and what happens when the analysis of one fails.
 */
@FunctionalInterface
interface AnalysisObserver {
  /** Observes nothing (a class, not a lambda: a cold javac would spin one up at start). */
  AnalysisObserver NONE =
      new AnalysisObserver() {
        @Override
        public void beforeMethod(String name) {}
      };

  /**
   * Called with the method's simple name before it is analysed; what it throws fails that analysis.
   */
  void beforeMethod(String name);
}
