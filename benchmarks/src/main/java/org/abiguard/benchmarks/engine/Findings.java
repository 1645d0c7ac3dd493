package org.abiguard.benchmarks.engine;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prototype's findings, one per argument expression: the fixpoint visits a node several
 * times, and intervals only grow, so the last finding for an argument is the final one.
 */
final class Findings {
  private final Map<Tree, SinkFinding> byArgument = new IdentityHashMap<>();

  void add(Tree argument, SinkFinding finding) {
    byArgument.put(argument, finding);
  }

  /** The findings by file, line and column. */
  List<SinkFinding> all() {
    List<SinkFinding> all = new ArrayList<>(byArgument.values());
    all.sort(Comparator.comparing(SinkFinding::file).thenComparingLong(SinkFinding::line)
        .thenComparingLong(SinkFinding::column));
    return all;
  }

  int size() {
    return byArgument.size();
  }

  void clear() {
    byArgument.clear();
  }
}
