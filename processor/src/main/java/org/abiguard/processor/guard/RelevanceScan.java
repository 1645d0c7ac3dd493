package org.abiguard.processor.guard;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import org.abiguard.processor.guard.flow.Declarations;

/**
 * The cheap pre-scan: does a method body (or initializer) mention anything with a declared width? A
 * body that reads no annotated field, parameter, local or method, calls nothing with an annotated
 * parameter and builds no lambda for an annotated interface has no sink a width fact could reach (a
 * method with a declared result width is always analysed, for its returns), so the dataflow skips
 * it and unannotated code costs one tree walk.
 */
final class RelevanceScan extends TreeScanner<Void, Void> {
  private final Trees trees;
  private final Declarations declarations;

  /**
   * The path of the tree the walk started at. A plain {@code TreeScanner} makes no path per node;
   * the few nodes whose element or type is looked up get a path of their own under this one (javac
   * reads an attributed tree's element and type from the node itself).
   */
  private final TreePath root;

  private boolean found;

  private RelevanceScan(Trees trees, Declarations declarations, TreePath root) {
    this.trees = trees;
    this.declarations = declarations;
    this.root = root;
  }

  /** Whether the tree at the path mentions an element with a declared width. */
  static boolean mentionsWidths(Trees trees, Declarations declarations, TreePath path) {
    RelevanceScan scan = new RelevanceScan(trees, declarations, path);
    scan.scan(path.getLeaf(), null);
    return scan.found;
  }

  @Override
  public Void scan(Tree tree, Void v) {
    return found ? null : super.scan(tree, null);
  }

  private TreePath at(Tree tree) {
    return tree == root.getLeaf() ? root : new TreePath(root, tree);
  }

  private void look(Tree tree) {
    if (!found && declarations.relevant(trees.getElement(at(tree)))) {
      found = true;
    }
  }

  @Override
  public Void visitIdentifier(IdentifierTree t, Void v) {
    look(t);
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree t, Void v) {
    look(t);
    return super.visitMemberSelect(t, null);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree t, Void v) {
    look(t);
    return super.visitMethodInvocation(t, null);
  }

  @Override
  public Void visitNewClass(NewClassTree t, Void v) {
    look(t);
    return super.visitNewClass(t, null);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree t, Void v) {
    look(t);
    return super.visitMemberReference(t, null);
  }

  /** A lambda whose functional interface declares widths: its body's values meet them. */
  @Override
  public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
    if (!found && trees.getTypeMirror(at(t)) instanceof DeclaredType dt) {
      for (Element member : dt.asElement().getEnclosedElements()) {
        if (member.getModifiers().contains(Modifier.ABSTRACT) && declarations.relevant(member)) {
          found = true;
          return null;
        }
      }
    }
    return super.visitLambdaExpression(t, null);
  }

  @Override
  public Void visitVariable(VariableTree t, Void v) {
    look(t);
    return super.visitVariable(t, null);
  }

  /** A method with a declared result width, or a parameter with one (its own or inherited). */
  @Override
  public Void visitMethod(MethodTree t, Void v) {
    look(t);
    return super.visitMethod(t, null);
  }

  /**
   * An annotated local or anonymous class: it may be a mirror no processor receives ({@code
   * LocalDeclarations} reports that), so the class around it is checked.
   */
  @Override
  public Void visitClass(ClassTree t, Void v) {
    if (!found
        && !t.getModifiers().getAnnotations().isEmpty()
        && trees.getElement(at(t)) instanceof TypeElement type
        && (type.getNestingKind() == NestingKind.LOCAL
            || type.getNestingKind() == NestingKind.ANONYMOUS)) {
      found = true;
      return null;
    }
    return super.visitClass(t, null);
  }
}
