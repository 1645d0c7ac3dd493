package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * One walk of a body for what a call of it may change ({@link WrittenFields} for the class
 * analysed, {@link OtherClassWrites} for another class's source parsed again): each variable it
 * writes (by an assignment, a compound assignment, {@code ++} or {@code --}; the parentheses around
 * it dropped), the locals that hold only an object it created ({@link CreatedObjects}), and each
 * call, object creation and method reference, whose method or constructor may run too. Its lambdas
 * and local and anonymous classes are walked as part of it.
 */
abstract class BodyWalk extends TreePathScanner<Void, Void> {
  /** What the body writes, in the order written. */
  final List<TreePath> targets = new ArrayList<>();

  /** The locals of the body that hold only an object it created. */
  final CreatedObjects created = new CreatedObjects();

  /** The element a name, call or declaration of the body names or declares; null when not known. */
  abstract @Nullable Element element(TreePath path);

  /**
   * A call, object creation or method reference in the body, whose target may run; or code that
   * makes calls no call in it names ({@link ImplicitCalls}): a string concatenation, an enhanced
   * for loop, a try-with-resources statement.
   */
  abstract void runs(TreePath call);

  @Override
  public Void visitVariable(VariableTree variable, Void unused) {
    if (variable.getInitializer() != null) {
      created.declared(variable, element(getCurrentPath()));
    }
    return super.visitVariable(variable, null);
  }

  @Override
  public Void visitAssignment(AssignmentTree assignment, Void unused) {
    target(assignment.getVariable());
    return super.visitAssignment(assignment, null);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
    target(assignment.getVariable());
    if (assignment.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
      runs(getCurrentPath()); // text += label runs label.toString()
    }
    return super.visitCompoundAssignment(assignment, null);
  }

  @Override
  public Void visitBinary(BinaryTree binary, Void unused) {
    if (binary.getKind() == Tree.Kind.PLUS) {
      runs(getCurrentPath()); // "op " + label runs label.toString()
    }
    return super.visitBinary(binary, null);
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
    runs(getCurrentPath()); // iterator(), hasNext(), next()
    return super.visitEnhancedForLoop(loop, null);
  }

  @Override
  public Void visitTry(TryTree tryTree, Void unused) {
    if (!tryTree.getResources().isEmpty()) {
      runs(getCurrentPath()); // close() of each resource
    }
    return super.visitTry(tryTree, null);
  }

  @Override
  public Void visitUnary(UnaryTree unary, Void unused) {
    switch (unary.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
          target(unary.getExpression());
      default -> {}
    }
    return super.visitUnary(unary, null);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
    runs(getCurrentPath());
    return super.visitMethodInvocation(call, null);
  }

  @Override
  public Void visitNewClass(NewClassTree creation, Void unused) {
    runs(getCurrentPath());
    return super.visitNewClass(creation, null);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
    // the method it names may run while the body runs (raws.forEach(this::set))
    runs(getCurrentPath());
    return super.visitMemberReference(reference, null);
  }

  /**
   * Whether a write of {@code field} at {@code target} may change an object the body's caller
   * holds: not a field of an object the body created ({@link CreatedObjects}), nor, in a
   * constructor of {@code constructorOf}, the new object's own instance field ({@code this.size =
   * size}).
   */
  final boolean reachesCaller(TreePath target, Element field, @Nullable Element constructorOf) {
    Tree leaf = target.getLeaf();
    if (constructorOf != null
        && ownField(leaf)
        && constructorOf.equals(field.getEnclosingElement())
        && !field.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    return !(leaf instanceof ExpressionTree written)
        || !created.fieldOfCreated(written, receiver -> element(new TreePath(target, receiver)));
  }

  /**
   * Whether a write in a constructor is of its new object's own field: {@code x} or {@code this.x}.
   */
  private static boolean ownField(Tree target) {
    return target instanceof IdentifierTree
        || (target instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree receiver
            && receiver.getName().contentEquals("this"));
  }

  private void target(ExpressionTree variable) {
    TreePath path = new TreePath(getCurrentPath(), variable);
    while (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
      path = new TreePath(path, parenthesized.getExpression());
    }
    created.written(variable);
    targets.add(path);
  }
}
