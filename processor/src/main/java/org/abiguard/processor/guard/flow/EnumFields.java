package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * What an enum constant of the compilation's source says about itself: its {@code ordinal()}, and
 * the value of a final integer field its constructor stores from a constant argument ({@code
 * WORD(4)} with {@code this.bytes = bytes;}) or that a constant initializes. A method called with
 * {@code Size.WORD} that chooses its path by {@code size.bytes} then takes the one path 4 takes.
 */
final class EnumFields {
  private EnumFields() {}

  /** The integer types whose values a field of an enum constant may be known in. */
  private static final List<TypeKind> INTEGRAL =
      List.of(TypeKind.BYTE, TypeKind.SHORT, TypeKind.CHAR, TypeKind.INT, TypeKind.LONG);

  /**
   * The value of {@code field} in the enum constant {@code constant}; null when the source does not
   * say it plainly (the constant or its constructor not in the compilation's source, a constructor
   * that calls another, stores the field more than once or not at all, or is given a value that is
   * not a constant).
   */
  static @Nullable BigInteger value(Context context, VariableElement constant, Element field) {
    if (!(field instanceof VariableElement fieldVariable)
        || field.getKind() != ElementKind.FIELD
        || !field.getModifiers().contains(Modifier.FINAL)
        || field.getModifiers().contains(Modifier.STATIC)
        || !INTEGRAL.contains(field.asType().getKind())
        || !Objects.equals(field.getEnclosingElement(), constant.getEnclosingElement())) {
      return null;
    }
    BigInteger initialized = Constants.integral(fieldVariable.getConstantValue());
    if (initialized != null) {
      return initialized;
    }
    TreePath enumPath =
        constant.getEnclosingElement() instanceof TypeElement type ? written(context, type) : null;
    if (enumPath == null) {
      return null;
    }
    VariableTree variable = constantTree((ClassTree) enumPath.getLeaf(), constant);
    if (variable == null || !(variable.getInitializer() instanceof NewClassTree creation)) {
      return null;
    }
    TreePath declaration = new TreePath(enumPath, variable);
    MethodTree constructor =
        constructor((ClassTree) enumPath.getLeaf(), creation.getArguments().size());
    if (constructor == null || constructor.getBody() == null) {
      return null;
    }
    String name = field.getSimpleName().toString();
    boolean hidden =
        constructor.getParameters().stream().anyMatch(p -> p.getName().contentEquals(name));
    ExpressionTree stored = null;
    for (StatementTree statement : constructor.getBody().getStatements()) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && call.getMethodSelect() instanceof IdentifierTree callee
          && callee.getName().contentEquals("this")) {
        return null; // the fields are stored by the other constructor
      }
      hidden |= statement instanceof VariableTree local && local.getName().contentEquals(name);
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof AssignmentTree assignment
          && stores(assignment.getVariable(), name, hidden)) {
        if (stored != null) {
          return null;
        }
        stored = assignment.getExpression();
      }
    }
    if (stored == null) {
      return null;
    }
    if (stored instanceof IdentifierTree identifier) {
      List<? extends VariableTree> parameters = constructor.getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).getName().contentEquals(identifier.getName())) {
          TreePath body = new TreePath(new TreePath(enumPath, constructor), constructor.getBody());
          return reassigned(body, identifier.getName().toString())
              ? null
              : Constants.constant(
                  context,
                  new TreePath(
                      new TreePath(declaration, creation), creation.getArguments().get(i)));
        }
      }
      return null;
    }
    return stored instanceof LiteralTree literal ? Constants.integral(literal.getValue()) : null;
  }

  /**
   * The {@code ordinal()} of an enum constant of the compilation's source: its place among the
   * enum's constants.
   */
  static @Nullable BigInteger ordinal(Context context, VariableElement constant) {
    if (!(constant.getEnclosingElement() instanceof TypeElement type) || !inSource(context, type)) {
      return null;
    }
    int index = 0;
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        if (member.equals(constant)) {
          return BigInteger.valueOf(index);
        }
        index++;
      }
    }
    return null;
  }

  /**
   * Whether {@code path} calls {@code ordinal()} of {@code java.lang.Enum}; its receiver, if any,
   * is returned.
   */
  static @Nullable TreePath ordinalReceiver(Context context, TreePath path) {
    if (path.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("ordinal")
        && context.elementOf(path) instanceof ExecutableElement method
        && method.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals("java.lang.Enum")) {
      return new TreePath(new TreePath(path, select), select.getExpression());
    }
    return null;
  }

  /** Whether an enum is declared in the compilation's source, whose constants are in order. */
  static boolean inSource(Context context, TypeElement type) {
    return written(context, type) != null;
  }

  /**
   * The declaration of a type as written: javac's tree for the class analysed (typed, and not
   * lowered yet); for another, its source parsed again ({@link ParsedSources}), since javac may
   * have lowered its trees already (an enum's constructors then take its constants' names and
   * ordinals first). Null for a type from a jar.
   */
  private static @Nullable TreePath written(Context context, TypeElement type) {
    TypeElement top = HelperBodies.outermost(type);
    if (top == null) {
      top = type;
    }
    return top.equals(context.analysed)
        ? context.trees.getPath(type)
        : context.parsed.declaration(type, top);
  }

  /** The declaration of an enum constant among its enum's members. */
  private static @Nullable VariableTree constantTree(ClassTree enumTree, VariableElement constant) {
    for (Tree member : enumTree.getMembers()) {
      if (member instanceof VariableTree variable
          && variable.getName().contentEquals(constant.getSimpleName())) {
        return variable;
      }
    }
    return null;
  }

  /** The one constructor of an enum that takes {@code arity} arguments. */
  private static @Nullable MethodTree constructor(ClassTree enumTree, int arity) {
    List<MethodTree> found = new ArrayList<>();
    for (Tree member : enumTree.getMembers()) {
      if (member instanceof MethodTree method
          && method.getName().contentEquals("<init>")
          && method.getParameters().size() == arity) {
        found.add(method);
      }
    }
    boolean varargs = found.size() == 1 && arity > 0 && varargs(found.get(0));
    return found.size() == 1 && !varargs ? found.get(0) : null;
  }

  private static boolean varargs(MethodTree method) {
    VariableTree last = method.getParameters().get(method.getParameters().size() - 1);
    return last.getType() instanceof ArrayTypeTree;
  }

  /**
   * Whether an assignment's target is the field {@code name}: {@code this.name}, or {@code name}
   * where no parameter or local of that name hides it.
   */
  private static boolean stores(ExpressionTree target, String name, boolean hidden) {
    if (target instanceof IdentifierTree identifier) {
      return !hidden && identifier.getName().contentEquals(name);
    }
    return target instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals(name)
        && select.getExpression() instanceof IdentifierTree receiver
        && receiver.getName().contentEquals("this");
  }

  /** Whether the parameter {@code name} is written anywhere in {@code body}. */
  private static boolean reassigned(TreePath body, String name) {
    return Nodes.any(
        body,
        node ->
            HelperBodies.written(node.getLeaf()) instanceof IdentifierTree target
                && target.getName().contentEquals(name));
  }
}
