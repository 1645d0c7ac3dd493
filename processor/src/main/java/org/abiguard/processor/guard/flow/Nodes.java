package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Searches of a tree: whether some node in it, the root included, has a property. */
final class Nodes {
  private Nodes() {}

  /**
   * Whether {@code test} holds for {@code root} or a node below it; the nodes below one for which
   * it holds are not looked at.
   */
  static boolean any(TreePath root, Predicate<TreePath> test) {
    if (test.test(root)) {
      return true;
    }
    Boolean found =
        new TreePathScanner<Boolean, Void>() {
          @Override
          public Boolean scan(@Nullable Tree tree, Void unused) {
            return tree != null
                && (test.test(new TreePath(getCurrentPath(), tree))
                    || Boolean.TRUE.equals(super.scan(tree, null)));
          }

          @Override
          public Boolean reduce(@Nullable Boolean a, @Nullable Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(root, null);
    return Boolean.TRUE.equals(found);
  }
}
