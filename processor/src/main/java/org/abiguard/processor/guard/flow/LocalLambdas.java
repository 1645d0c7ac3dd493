package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Whether a call's receiver is a local variable that only ever holds the lambda it is declared with
 * ({@code IntSupplier next = () -> ...; next.getAsInt();}, the local never assigned again): such a
 * call runs that lambda, which is part of the body the call is in, and no other function.
 */
final class LocalLambdas {
  private LocalLambdas() {}

  /**
   * Whether the name at {@code receiver} is a local that only ever holds its lambda: one
   * declaration of it in the outermost member of a class around the call (a method, an initializer,
   * or the body the path was made from), before the call, in a block around it, with a lambda, and
   * no assignment, compound assignment, {@code ++} or {@code --} of it there. {@code variable}
   * tells the variable a name or declaration stands for (its element, or, where elements are not
   * known, its name: then any variable of the name counts).
   */
  static boolean holdsOnlyItsLambda(
      TreePath receiver, Function<TreePath, @Nullable Object> variable) {
    Object local = receiver.getLeaf() instanceof IdentifierTree ? variable.apply(receiver) : null;
    TreePath member = outermostMember(receiver);
    if (local == null || member == null) {
      return false;
    }
    int[] declarations = {0};
    boolean[] withALambda = {false};
    boolean[] assigned = {false};
    boolean[] called = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree declared, Void unused) {
        if (local.equals(variable.apply(getCurrentPath()))) {
          declarations[0]++;
          withALambda[0] =
              declared.getInitializer() != null
                  && Nodes.bare(declared.getInitializer()) instanceof LambdaExpressionTree
                  && encloses(getCurrentPath().getParentPath(), receiver)
                  && !called[0]; // declared after the call, the name there is another variable
        }
        return super.visitVariable(declared, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree name, Void unused) {
        called[0] |= name == receiver.getLeaf();
        return super.visitIdentifier(name, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        written(assignment.getVariable());
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        written(assignment.getVariable());
        return super.visitCompoundAssignment(assignment, null);
      }

      @Override
      public Void visitUnary(UnaryTree unary, Void unused) {
        switch (unary.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              written(unary.getExpression());
          default -> {}
        }
        return super.visitUnary(unary, null);
      }

      private void written(ExpressionTree target) {
        ExpressionTree bare = Nodes.bare(target);
        if (bare instanceof IdentifierTree
            && local.equals(variable.apply(new TreePath(getCurrentPath(), bare)))) {
          assigned[0] = true;
        }
      }
    }.scan(member, null);
    return declarations[0] == 1 && withALambda[0] && !assigned[0];
  }

  /** The name a name or declaration at {@code path} stands for; null for any other tree. */
  static @Nullable Object name(TreePath path) {
    if (path.getLeaf() instanceof IdentifierTree named) {
      return named.getName().toString();
    }
    return path.getLeaf() instanceof VariableTree declared ? declared.getName().toString() : null;
  }

  /** The outermost path around {@code path} whose parent is a class. */
  private static @Nullable TreePath outermostMember(TreePath path) {
    TreePath member = null;
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof ClassTree) {
        member = p;
      }
    }
    return member;
  }

  /** Whether {@code outer}'s tree is on the path to {@code inner}. */
  private static boolean encloses(TreePath outer, TreePath inner) {
    for (TreePath p = inner; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == outer.getLeaf()) {
        return true;
      }
    }
    return false;
  }
}
