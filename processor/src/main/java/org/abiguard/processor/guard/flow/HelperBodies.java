package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Which methods are <em>helpers</em>, whose calls the guard follows ({@link Helpers}): methods that
 * no subclass can override (static, private or final, or of a final class, a record, or an enum
 * whose constants have no bodies), not varargs, and whose body is either
 *
 * <ul>
 *   <li>one {@code return} of an expression that assigns nothing and builds no lambda or class body
 *       (it may create an object to throw: {@code default -> throw new
 *       IllegalArgumentException()}), or
 *   <li>a block of statements that assigns only its locals and parameters (not fields or array
 *       elements), has no {@code try} or {@code synchronized} statement, builds no lambda or class
 *       body, and has at most {@link #STATEMENT_NODES} nodes: {@code if (v < 0) return false;
 *       return v <= 0xFFFF;}, {@code if (v > 0xFFFF) v = 0xFFFF; return (int) v;}. A {@code void}
 *       method's block is one when it throws or calls a method (a validator: {@code if (v > 0xFFFF)
 *       throw new IllegalArgumentException();}); one that does neither proves nothing.
 * </ul>
 *
 * <p>A helper of the top-level class being analysed is read from its trees, as javac attributed
 * them. A helper of another top-level class of the compilation is read from its source parsed again
 * ({@link ParsedSources}), and only if every name and type of its expression or statements {@link
 * ParsedSource} can resolve: its parameters and primitive locals, fields, literals, primitive
 * casts, operators, {@code ?:}, {@code switch} expressions of arrows and statements without
 * patterns, calls of methods whose overloads it can tell apart, and the statements it knows.
 */
final class HelperBodies {
  private HelperBodies() {}

  /** The most tree nodes a helper's block of statements may have to be followed. */
  static final int STATEMENT_NODES = 320;

  /**
   * What is followed of a helper: the expression it returns ({@code statements} false), or its
   * body, a block of statements whose {@code return}s give its values.
   */
  record Body(TreePath path, boolean statements, Set<Element> writtenParameters) {
    /** A helper's expression, which writes nothing. */
    Body(TreePath path) {
      this(path, false, Set.of());
    }
  }

  /**
   * The expression a helper returns, when its body is one {@code return}; empty when {@code method}
   * is not a helper, or one of statements.
   */
  static Optional<TreePath> returned(Context context, ExecutableElement method) {
    return of(context, method).filter(body -> !body.statements()).map(Body::path);
  }

  /** What is followed of a helper, found once per class analysed; empty when it is not one. */
  static Optional<Body> of(Context context, ExecutableElement method) {
    Optional<Body> known = context.helperBodies.get(method);
    if (known == null) {
      known = Optional.ofNullable(find(context, method));
      context.helperBodies.put(method, known);
    }
    return known;
  }

  private static @Nullable Body find(Context context, ExecutableElement method) {
    if (method.getKind() != ElementKind.METHOD || method.isVarArgs() || !final_(method)) {
      return null;
    }
    // the class analysed now is attributed and not yet lowered: its own trees; another top-level
    // class may not be typed yet, or no longer as written (javac attributes, and lowers, one
    // top-level class after another): its source parsed again, in which ParsedSource resolves
    // what an expression of the allowed kinds names
    TypeElement top = outermost(method);
    if (top == null) {
      return null;
    }
    boolean own = top.equals(context.analysed);
    TreePath body = bodyOf(context, method, top);
    if (body == null) {
      return null;
    }
    ReturnTree only = onlyReturn((MethodTree) body.getParentPath().getLeaf());
    if (only == null) {
      Set<Element> writtenParameters = new java.util.HashSet<>();
      return (own || context.parsed.typed(body))
              && followable(context, body, writtenParameters)
              && (method.getReturnType().getKind() != TypeKind.VOID || mayNotReturn(body))
          ? new Body(body, true, Set.copyOf(writtenParameters))
          : null;
    }
    TreePath expression = new TreePath(new TreePath(body, only), only.getExpression());
    if (Nodes.any(expression, node -> WRITES.contains(node.getLeaf().getKind()))) {
      return null; // an expression that assigns, or makes a body of its own
    }
    return own || context.parsed.typed(expression) ? new Body(expression) : null;
  }

  /**
   * The body of {@code method}, a method of top-level class {@code top}: from javac's trees in the
   * class analysed, from its source parsed again in another; null when it has none.
   */
  static @Nullable TreePath bodyOf(Context context, ExecutableElement method, TypeElement top) {
    TreePath declaration =
        top.equals(context.analysed)
            ? context.trees.getPath(method)
            : context.parsed.declaration(method, top);
    return declaration != null
            && declaration.getLeaf() instanceof MethodTree tree
            && tree.getBody() != null
        ? new TreePath(declaration, tree.getBody())
        : null;
  }

  /**
   * Whether a helper's block of statements is one to follow: small, assigning only its own locals
   * and parameters (added to {@code writtenParameters}), with no {@code try} or {@code
   * synchronized} statement and no lambda or class body. What it proves of a parameter it does not
   * write is then proved of the value passed, which it cannot have changed.
   */
  static boolean followable(Context context, TreePath body, Set<Element> writtenParameters) {
    int[] nodes = {0};
    return !Nodes.any(
        body,
        node ->
            node.getLeaf() != body.getLeaf()
                && (++nodes[0] > STATEMENT_NODES
                    || REFUSED.contains(node.getLeaf().getKind())
                    || !writesOwnVariable(context, node, writtenParameters)));
  }

  /**
   * Whether a node, if it writes a variable, writes a local or a parameter of the helper's own (a
   * lambda, whose parameters would be others, is refused); a parameter is added to {@code
   * writtenParameters}.
   */
  private static boolean writesOwnVariable(
      Context context, TreePath node, Set<Element> writtenParameters) {
    ExpressionTree written = written(node.getLeaf());
    if (written == null) {
      return true;
    }
    Element variable =
        written instanceof IdentifierTree ? context.elementOf(new TreePath(node, written)) : null;
    if (variable != null && variable.getKind() == ElementKind.PARAMETER) {
      writtenParameters.add(variable);
      return true;
    }
    return variable != null && variable.getKind() == ElementKind.LOCAL_VARIABLE;
  }

  /**
   * Whether a {@code void} method's statements may end otherwise than by returning: they throw, or
   * call what may throw. One that cannot proves nothing when it returns, and is not followed.
   */
  private static boolean mayNotReturn(TreePath body) {
    return Nodes.any(
        body,
        node ->
            node.getLeaf() instanceof ThrowTree || node.getLeaf() instanceof MethodInvocationTree);
  }

  /** What a helper's block of statements may not have. */
  private static final Set<Tree.Kind> REFUSED =
      java.util.EnumSet.of(
          Tree.Kind.TRY,
          Tree.Kind.SYNCHRONIZED,
          Tree.Kind.LAMBDA_EXPRESSION,
          Tree.Kind.MEMBER_REFERENCE,
          Tree.Kind.CLASS);

  /** The {@code return} of a value that is a method's whole body, or null. */
  private static @Nullable ReturnTree onlyReturn(MethodTree method) {
    return method.getBody() != null
            && method.getBody().getStatements().size() == 1
            && method.getBody().getStatements().get(0) instanceof ReturnTree returned
            && returned.getExpression() != null
        ? returned
        : null;
  }

  /** Whether no subclass can override the method. */
  static boolean final_(ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    Element owner = method.getEnclosingElement();
    return modifiers.contains(Modifier.STATIC)
        || modifiers.contains(Modifier.PRIVATE)
        || modifiers.contains(Modifier.FINAL)
        || (owner instanceof TypeElement type
            // a final class, a record, an enum whose constants have no bodies
            && (type.getKind() == ElementKind.RECORD
                || type.getModifiers().contains(Modifier.FINAL)));
  }

  /** The top-level class a member is declared in. */
  static @Nullable TypeElement outermost(Element member) {
    TypeElement type = null;
    for (Element e = member.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement outer) {
        type = outer;
      } else if (e.getKind() == ElementKind.PACKAGE || e.getKind() == ElementKind.MODULE) {
        break;
      }
    }
    return type;
  }

  /** The variable a tree writes: of an assignment, increment or decrement; null for others. */
  static @Nullable ExpressionTree written(Tree tree) {
    return tree instanceof AssignmentTree assignment
        ? assignment.getVariable()
        : tree instanceof CompoundAssignmentTree compound
            ? compound.getVariable()
            : tree instanceof UnaryTree unary && ASSIGNMENTS.contains(tree.getKind())
                ? unary.getExpression()
                : null;
  }

  /** The assignments, compound assignments, increments and decrements. */
  static final Set<Tree.Kind> ASSIGNMENTS =
      java.util.EnumSet.of(
          Tree.Kind.ASSIGNMENT,
          Tree.Kind.MULTIPLY_ASSIGNMENT,
          Tree.Kind.DIVIDE_ASSIGNMENT,
          Tree.Kind.REMAINDER_ASSIGNMENT,
          Tree.Kind.PLUS_ASSIGNMENT,
          Tree.Kind.MINUS_ASSIGNMENT,
          Tree.Kind.LEFT_SHIFT_ASSIGNMENT,
          Tree.Kind.RIGHT_SHIFT_ASSIGNMENT,
          Tree.Kind.UNSIGNED_RIGHT_SHIFT_ASSIGNMENT,
          Tree.Kind.AND_ASSIGNMENT,
          Tree.Kind.XOR_ASSIGNMENT,
          Tree.Kind.OR_ASSIGNMENT,
          Tree.Kind.PREFIX_INCREMENT,
          Tree.Kind.POSTFIX_INCREMENT,
          Tree.Kind.PREFIX_DECREMENT,
          Tree.Kind.POSTFIX_DECREMENT);

  /** What an expression that writes nothing may not have: assignments, and bodies of its own. */
  private static final Set<Tree.Kind> WRITES = writes();

  private static Set<Tree.Kind> writes() {
    Set<Tree.Kind> writes = java.util.EnumSet.copyOf(ASSIGNMENTS);
    writes.addAll(
        List.of(Tree.Kind.LAMBDA_EXPRESSION, Tree.Kind.MEMBER_REFERENCE, Tree.Kind.CLASS));
    return writes;
  }
}
