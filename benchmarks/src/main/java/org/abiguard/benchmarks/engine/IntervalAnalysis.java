package org.abiguard.benchmarks.engine;

import org.checkerframework.shaded.dataflow.analysis.ForwardAnalysisImpl;

/**
 * The Checker Framework's forward worklist analysis over {@link Interval}s, widening a block's
 * store after it was visited {@value #VISITS_BEFORE_WIDENING} times (loops would not terminate
 * otherwise: intervals have infinite ascending chains). The engine counts visits per block, not
 * per loop, so a merge block with many predecessors (a {@code switch}) is visited once per
 * predecessor: a small threshold widened joins that are not loops.
 */
final class IntervalAnalysis extends ForwardAnalysisImpl<Interval, IntervalStore, IntervalTransfer> {
  static final int VISITS_BEFORE_WIDENING = 10;

  IntervalAnalysis(IntervalTransfer transfer) {
    super(VISITS_BEFORE_WIDENING);
    this.transferFunction = transfer;
  }
}
