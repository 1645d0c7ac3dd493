package org.abiguard.benchmarks.engine;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.lang.reflect.Method;

/**
 * Where javac points at a tree: its preferred position (for {@code xatp.space} the
 * {@code .space}), which is where diagnostics reported on a tree appear, so the prototype's
 * findings and abiguard's diagnostics compare by line and column. The preferred position is
 * javac-internal ({@code JCTree.getPreferredPosition}), read by reflection (the run exports
 * {@code jdk.compiler}'s packages for the Checker Framework anyway); without it, the start.
 */
final class Positions {
  private static final Method PREFERRED = preferred();

  private Positions() {}

  private static Method preferred() {
    try {
      return Class.forName("com.sun.tools.javac.tree.JCTree").getMethod("getPreferredPosition");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static long of(SourcePositions positions, CompilationUnitTree unit, Tree tree) {
    if (PREFERRED != null) {
      try {
        return ((Number) PREFERRED.invoke(tree)).longValue();
      } catch (ReflectiveOperationException | RuntimeException e) {
        // fall back to the start
      }
    }
    return positions.getStartPosition(unit, tree);
  }
}
