package org.abiguard.processor.guard;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import org.abiguard.processor.guard.flow.Declarations;
import org.abiguard.processor.model.AbiAnnotations;

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

  /**
   * Also a method call's method ({@code a.m(x)}'s {@code a.m}): the call itself is not looked at.
   */
  @Override
  public Void visitMemberSelect(MemberSelectTree t, Void v) {
    look(t);
    return super.visitMemberSelect(t, null);
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
    if (!found
        && trees.getTypeMirror(at(t)) instanceof DeclaredType dt
        && dt.asElement() instanceof TypeElement type
        && declarations.abstractMethodsRelevant(type)) {
      found = true;
      return null;
    }
    return super.visitLambdaExpression(t, null);
  }

  /**
   * A field or local, then its initializer: its type and annotations name types, never a value with
   * a width.
   */
  @Override
  public Void visitVariable(VariableTree t, Void v) {
    look(t);
    return scan(t.getInitializer(), null);
  }

  /**
   * A method with a declared result width, or a parameter with one (its own or inherited), then its
   * body: {@code relevant(method)} has looked at every parameter, and the signature's types and
   * annotations mention no value.
   */
  @Override
  public Void visitMethod(MethodTree t, Void v) {
    look(t);
    scan(t.getBody(), null);
    return scan(t.getDefaultValue(), null);
  }

  /**
   * A local or anonymous class with an abiguard annotation: it may be a mirror no processor
   * receives ({@code LocalDeclarations} reports that), so the class around it is checked. Otherwise
   * its members: its header (annotations, type parameters, supertypes) names types only.
   */
  @Override
  public Void visitClass(ClassTree t, Void v) {
    if (!found
        && annotatedByAbiguard(t)
        && trees.getElement(at(t)) instanceof TypeElement type
        && (type.getNestingKind() == NestingKind.LOCAL
            || type.getNestingKind() == NestingKind.ANONYMOUS)) {
      found = true;
      return null;
    }
    return scan(t.getMembers(), null);
  }

  /**
   * Whether one of the class's annotations is abiguard's ({@code @AbiStruct}, {@code @AbiUnion}):
   * not any annotation, since libraries put theirs on local and anonymous classes too (Guava's
   * {@code @WeakOuter}).
   */
  private boolean annotatedByAbiguard(ClassTree t) {
    for (AnnotationTree annotation : t.getModifiers().getAnnotations()) {
      if (trees.getElement(at(annotation.getAnnotationType())) instanceof TypeElement type
          && AbiAnnotations.ours(type)) {
        return true;
      }
    }
    return false;
  }

  /** An annotation's arguments are constants: no value flows from them into a sink. */
  @Override
  public Void visitAnnotation(AnnotationTree t, Void v) {
    return null;
  }

  /** A cast's type names a type; its operand is looked at. */
  @Override
  public Void visitTypeCast(TypeCastTree t, Void v) {
    return scan(t.getExpression(), null);
  }

  @Override
  public Void visitParameterizedType(ParameterizedTypeTree t, Void v) {
    return null;
  }

  @Override
  public Void visitArrayType(ArrayTypeTree t, Void v) {
    return null;
  }

  @Override
  public Void visitPrimitiveType(PrimitiveTypeTree t, Void v) {
    return null;
  }

  @Override
  public Void visitWildcard(WildcardTree t, Void v) {
    return null;
  }

  @Override
  public Void visitUnionType(UnionTypeTree t, Void v) {
    return null;
  }

  @Override
  public Void visitIntersectionType(IntersectionTypeTree t, Void v) {
    return null;
  }

  @Override
  public Void visitTypeParameter(TypeParameterTree t, Void v) {
    return null;
  }
}
