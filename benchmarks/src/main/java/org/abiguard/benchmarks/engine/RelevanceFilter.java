package org.abiguard.benchmarks.engine;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;

/**
 * The prototype's pre-scan, the same test as abiguard's {@code RelevanceScan} (which is package
 * private): a body that mentions no element with a declared width (read, called, declared, or
 * a lambda of an interface that declares one) is skipped, so both engines analyse the same
 * kind of methods.
 */
final class RelevanceFilter extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final Widths widths;
  private boolean found;

  private RelevanceFilter(Trees trees, Widths widths) {
    this.trees = trees;
    this.widths = widths;
  }

  static boolean mentionsWidths(Trees trees, Widths widths, TreePath path) {
    RelevanceFilter f = new RelevanceFilter(trees, widths);
    f.scan(path, null);
    return f.found;
  }

  @Override
  public Void scan(Tree tree, Void v) {
    return found ? null : super.scan(tree, v);
  }

  private void look() {
    if (!found && widths.relevant(trees.getElement(getCurrentPath()))) {
      found = true;
    }
  }

  @Override
  public Void visitIdentifier(IdentifierTree t, Void v) {
    look();
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree t, Void v) {
    look();
    return super.visitMemberSelect(t, v);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree t, Void v) {
    look();
    return super.visitMethodInvocation(t, v);
  }

  @Override
  public Void visitNewClass(NewClassTree t, Void v) {
    look();
    return super.visitNewClass(t, v);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree t, Void v) {
    look();
    return super.visitMemberReference(t, v);
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
    if (!found && trees.getTypeMirror(getCurrentPath()) instanceof DeclaredType dt) {
      for (Element member : dt.asElement().getEnclosedElements()) {
        if (member.getModifiers().contains(Modifier.ABSTRACT) && widths.relevant(member)) {
          found = true;
          return null;
        }
      }
    }
    return super.visitLambdaExpression(t, v);
  }

  @Override
  public Void visitVariable(VariableTree t, Void v) {
    look();
    return super.visitVariable(t, v);
  }
}
