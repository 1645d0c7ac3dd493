package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Searches of a tree: whether some node in it, the root included, has a property; and what an
 * expression is under its parentheses and casts.
 */
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

  /** An expression without the parentheses and casts around it. */
  static ExpressionTree bare(ExpressionTree expression) {
    ExpressionTree bare = expression;
    while (true) {
      if (bare instanceof ParenthesizedTree parenthesized) {
        bare = parenthesized.getExpression();
      } else if (bare instanceof TypeCastTree cast) {
        bare = cast.getExpression();
      } else {
        return bare;
      }
    }
  }
}
