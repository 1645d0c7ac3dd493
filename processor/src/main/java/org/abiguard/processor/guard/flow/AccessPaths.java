package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/** Which {@link AccessPath} an expression reads: the values the state keeps facts for. */
final class AccessPaths {
  private final Context context;
  private final JavaValues values;

  AccessPaths(Context context) {
    this.context = context;
    this.values = new JavaValues(context);
  }

  /**
   * The local or parameter an expression names (through parentheses) when it is one that may hold a
   * box ({@link Boxes#holdingLocal}); null for any other expression.
   */
  @Nullable Element holdingLocal(TreePath path) {
    TreePath bare = skipParentheses(path);
    Element local = bare.getLeaf() instanceof IdentifierTree ? context.elementOf(bare) : null;
    return Boxes.holdingLocal(local) ? local : null;
  }

  /** The access path an expression reads, or null when it is not one the guard tracks. */
  @Nullable AccessPath of(TreePath path) {
    path = skipParentheses(path);
    Tree tree = path.getLeaf();
    if (tree instanceof IdentifierTree identifier) {
      if (identifier.getName().contentEquals("this")) {
        return AccessPath.of(AccessPath.THIS);
      }
      Element element = context.elementOf(path);
      if (element == null) {
        return null;
      }
      switch (element.getKind()) {
        case LOCAL_VARIABLE:
          {
            AccessPath alias = context.aliases.aliasOf(element, path, context, this);
            return alias != null ? alias : AccessPath.of(element);
          }
        case PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE:
          return AccessPath.of(element);
        case FIELD:
          return element.getModifiers().contains(Modifier.STATIC)
              ? AccessPath.of(element)
              : AccessPath.of(receiverOf(path, element)).then(element);
        default:
          return null;
      }
    }
    if (tree instanceof MethodInvocationTree call) {
      AccessPath accessor = ofAccessor(path, call);
      return accessor != null ? accessor : ofHelper(path, call);
    }
    if (tree instanceof TypeCastTree cast) {
      // (Integer) o, (int) o of a local holding a box: that box's value, which a check narrows
      JavaKind kind = values.kind(path);
      Element local = holdingLocal(new TreePath(path, cast.getExpression()));
      return kind != null && local != null ? AccessPath.box(local, kind) : null;
    }
    if (tree instanceof ArrayAccessTree access) {
      return element(path, access);
    }
    if (tree instanceof com.sun.source.tree.AssignmentTree assignment) {
      // the value of (s = a.space) is s from then on: a check of it is a check of s
      return of(new TreePath(path, assignment.getVariable()));
    }
    if (tree instanceof MemberSelectTree select) {
      if (select.getIdentifier().contentEquals("this")
          && context.elementOf(new TreePath(path, select.getExpression()))
              instanceof TypeElement named) {
        // F1.this: the instance of F1 that encloses this code, this itself in F1's own code
        return AccessPath.of(named.equals(innermostClass(path)) ? AccessPath.THIS : named);
      }
      Element element = context.elementOf(path);
      if (element == null || element.getKind() != ElementKind.FIELD) {
        return null;
      }
      if (element.getModifiers().contains(Modifier.STATIC)) {
        return AccessPath.of(element);
      }
      AccessPath receiver = of(new TreePath(path, select.getExpression()));
      return receiver == null ? null : receiver.then(element);
    }
    return null;
  }

  /**
   * The element of a local array at a constant index ({@code args[2]}), where the local's every
   * element is tracked ({@link LocalArrays}); null for any other array access.
   */
  private @Nullable AccessPath element(TreePath path, ArrayAccessTree access) {
    LocalArrays.Tracked tracked =
        context.localArrays.of(new TreePath(path, access.getExpression()), context);
    Integer index =
        tracked == null
            ? null
            : LocalArrays.constantIndex(new TreePath(path, access.getIndex()), context);
    return tracked == null || index == null || index < 0 || index >= tracked.length()
        ? null
        : AccessPath.element(tracked.local(), index, tracked.kind());
  }

  /**
   * The path of a record component read through its accessor ({@code xatp.space()}): a record's
   * components are final, so a check of {@code xatp.space()} holds for a later {@code xatp.space()}
   * as long as {@code xatp} is not reassigned.
   */
  private @Nullable AccessPath ofAccessor(TreePath path, MethodInvocationTree call) {
    if (!call.getArguments().isEmpty()
        || !(context.elementOf(path) instanceof ExecutableElement method)
        || method.getEnclosingElement() == null
        || method.getEnclosingElement().getKind() != ElementKind.RECORD
        || method.getModifiers().contains(Modifier.STATIC)
        || context.elements.recordComponentFor(method) == null) {
      return null;
    }
    AccessPath receiver =
        call.getMethodSelect() instanceof MemberSelectTree select
            ? of(new TreePath(new TreePath(path, select), select.getExpression()))
            : AccessPath.of(AccessPath.THIS);
    if (receiver == null) {
      return null;
    }
    return receiver.then(componentStep(method));
  }

  /**
   * The step a path takes for a record component read through its accessor: the component's field
   * when the accessor returns it as it is, else the accessor ({@link #returnedField}).
   */
  Element componentStep(ExecutableElement accessor) {
    Element field = returnedField(accessor);
    return field != null ? field : accessor;
  }

  /**
   * The component field a record's accessor returns as it is (the implicit accessor, or one written
   * {@code return gfn;}): then {@code e.gfn()} is the path of {@code e.gfn}, which the record's own
   * methods read, so a check in one counts for the other. Null for another accessor, or a record
   * whose source is not at hand (one from a jar).
   */
  private @Nullable Element returnedField(ExecutableElement accessor) {
    TypeElement top = HelperBodies.outermost(accessor);
    if (top == null) {
      return null;
    }
    // not written in the source: the implicit accessor, which returns its field; for a record of
    // another top-level class, its source parsed again tells
    Boolean implicit =
        top.equals(context.analysed)
            ? Boolean.valueOf(context.trees.getPath(accessor) == null)
            : context.parsed.implicitAccessor(accessor, top);
    if (implicit == null) {
      return null;
    }
    if (implicit) {
      Element record = accessor.getEnclosingElement();
      for (Element member : record == null ? List.<Element>of() : record.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD
            && !member.getModifiers().contains(Modifier.STATIC)
            && member.getSimpleName().equals(accessor.getSimpleName())) {
          return member;
        }
      }
      return null;
    }
    TreePath returned = HelperBodies.returned(context, accessor).orElse(null);
    if (returned == null) {
      return null;
    }
    TreePath bare = skipParentheses(returned);
    Element read = context.elementOf(bare);
    boolean ownField =
        bare.getLeaf() instanceof IdentifierTree
            || (bare.getLeaf() instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree self
                && self.getName().contentEquals("this"));
    return ownField
            && read != null
            && read.getKind() == ElementKind.FIELD
            && java.util.Objects.equals(read.getEnclosingElement(), accessor.getEnclosingElement())
            && read.getSimpleName().equals(accessor.getSimpleName())
        ? read
        : null;
  }

  /** How many helpers deep {@link #ofHelper} is following calls now. */
  private int following;

  /**
   * The path a call of a helper reads ({@link HelperBodies}) when the expression it returns is one,
   * of its parameters, receiver or static fields, of the type it returns: {@code spaceOf(x)}
   * returning {@code h.space} reads {@code x.space}, so a check of {@code spaceOf(x)} is one of
   * {@code x.space}.
   */
  private @Nullable AccessPath ofHelper(TreePath path, MethodInvocationTree call) {
    if (following >= Helpers.DEPTH
        || !(context.elementOf(path) instanceof ExecutableElement method)
        || call.getArguments().size() != method.getParameters().size()
        || context.declarations.kindOf(method.getReturnType()) == null) {
      return null; // a path of a number only
    }
    TreePath returned = HelperBodies.returned(context, method).orElse(null);
    JavaKind kind = returned == null ? null : values.kind(returned);
    if (returned == null
        || kind == null
        || kind != context.declarations.kindOf(method.getReturnType())) {
      return null;
    }
    AccessPath inner;
    following++;
    try {
      inner = of(returned);
    } finally {
      following--;
    }
    if (inner == null) {
      return null;
    }
    if (inner.ofStaticField()) {
      return inner;
    }
    Object root = inner.chain().get(0);
    AccessPath caller = null;
    if (root == AccessPath.THIS) {
      caller = receiverOf(path, call, method);
    } else {
      int index = method.getParameters().indexOf(root);
      if (index >= 0) {
        TreePath argument = new TreePath(path, call.getArguments().get(index));
        // a parameter itself is the value passed only if no conversion changed it
        caller = inner.chain().size() == 1 && values.kind(argument) != kind ? null : of(argument);
      }
    }
    return caller == null ? null : inner.replacingPrefix(1, caller);
  }

  /**
   * The receiver a call passes to an instance method, as the caller names it: {@code this} for a
   * call with none (or {@code this.m()}, {@code super.m()}) on the class's own instance, the path
   * of an explicit receiver; null when the caller has no name for it (an enclosing instance, a
   * computed receiver).
   */
  @Nullable AccessPath receiverOf(
      TreePath path, MethodInvocationTree call, ExecutableElement method) {
    if (call.getMethodSelect() instanceof MemberSelectTree select) {
      ExpressionTree receiver = select.getExpression();
      if (receiver instanceof IdentifierTree name && name.getName().contentEquals("super")) {
        return AccessPath.of(AccessPath.THIS);
      }
      return of(new TreePath(new TreePath(path, select), receiver));
    }
    TypeElement innermost = innermostClass(path);
    return innermost != null
            && method.getEnclosingElement() instanceof TypeElement owner
            && context.types.isSubtype(
                context.types.erasure(innermost.asType()), context.types.erasure(owner.asType()))
        ? AccessPath.of(AccessPath.THIS)
        : null;
  }

  /**
   * The instance a bare instance field is read from: {@code this} when the innermost class has the
   * field (declared or inherited), else the enclosing class that has it ({@code space} in an inner
   * class of {@code F1} is {@code F1.this.space}), named by that class as {@code F1.this} is.
   */
  private Object receiverOf(TreePath path, Element field) {
    Element owner = field.getEnclosingElement();
    TypeElement innermost = innermostClass(path);
    if (!(owner instanceof TypeElement declaring) || innermost == null) {
      return AccessPath.THIS;
    }
    for (TypeElement c = innermost; c != null; c = enclosingClass(c)) {
      if (context.types.isSubtype(
          context.types.erasure(c.asType()), context.types.erasure(declaring.asType()))) {
        return c.equals(innermost) ? AccessPath.THIS : c;
      }
    }
    return AccessPath.THIS;
  }

  /** The class whose code the expression is in. */
  @Nullable TypeElement innermostClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof com.sun.source.tree.ClassTree
          && context.elementOf(p) instanceof TypeElement type) {
        return type;
      }
    }
    return null;
  }

  private static @Nullable TypeElement enclosingClass(TypeElement type) {
    for (Element e = type.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement outer) {
        return outer;
      }
    }
    return null;
  }

  /** The path of {@code a + b} for two tracked values, or null for any other expression. */
  @Nullable AccessPath sumOf(TreePath path) {
    TreePath bare = skipParentheses(path);
    if (!(bare.getLeaf() instanceof com.sun.source.tree.BinaryTree plus)
        || plus.getKind() != Tree.Kind.PLUS) {
      return null;
    }
    AccessPath a = of(new TreePath(bare, plus.getLeftOperand()));
    AccessPath b = of(new TreePath(bare, plus.getRightOperand()));
    return a == null || b == null ? null : AccessPath.sum(a, b);
  }

  /** The expression inside any parentheses. */
  static TreePath skipParentheses(TreePath path) {
    while (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
      path = new TreePath(path, parenthesized.getExpression());
    }
    return path;
  }
}
