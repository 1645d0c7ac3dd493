package org.abiguard.benchmarks.engine;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
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

  List<SinkFinding> all() {
    return new ArrayList<>(byArgument.values());
  }

  int size() {
    return byArgument.size();
  }

  void clear() {
    byArgument.clear();
  }
}
