package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Paths chosen by an enum constant or a string a variable is known to hold ({@link
 * State#constant}): {@code bySize(v, Size.WORD)} enters {@code bySize} with {@code size} holding
 * {@code WORD}, and there {@code size == Size.WORD}, {@code "word".equals(name)} and {@code switch
 * (size)} take the one branch or case that constant chooses.
 *
 * <p>{@link Forwarding} follows a value into a method called with such a constant only when every
 * use of the constant's parameter there is one of those tests, its {@code ordinal()} or a final
 * field its source gives every constant ({@link EnumFields}), a copy into a local used the same
 * way, text that only names it in a message ({@code log("size " + size)}), or passes it on to a
 * method that uses it the same way: a method that chooses by a field its constructor computes, or
 * by the length of its name, would be run down every path, the one the constant chooses among them,
 * and so is not followed.
 */
final class ConstantChoices {
  private ConstantChoices() {}

  /**
   * What a variable given {@code null} holds: it decides {@code == null} and {@code != null} (and a
   * comparison with a constant, which is never null), nothing else.
   */
  static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  /**
   * What a variable given a new object or array holds: it is not {@code null}, which decides {@code
   * == null} and {@code != null}, nothing else.
   */
  static final Object NOT_NULL =
      new Object() {
        @Override
        public String toString() {
          return "not null";
        }
      };

  /** How deep {@link #decidedUses} follows a constant passed on from method to method. */
  private static final int DEPTH = Helpers.DEPTH;

  /**
   * The enum constant (its element) or string the expression at {@code path} is known to hold in
   * {@code state}, or {@link #NULL}, or {@link #NOT_NULL} for a new object or array: a constant, or
   * a variable known to hold one; null for anything else, booleans and integers included (their
   * facts choose by themselves).
   */
  static @Nullable Object of(Context context, State state, TreePath path) {
    TreePath bare = AccessPaths.skipParentheses(path);
    if (bare.getLeaf().getKind() == Tree.Kind.NULL_LITERAL) {
      return NULL;
    }
    if (bare.getLeaf() instanceof NewClassTree || bare.getLeaf() instanceof NewArrayTree) {
      return NOT_NULL;
    }
    Object constant = enumOrString(context, bare);
    if (constant != null) {
      return constant;
    }
    Element variable = bare.getLeaf() instanceof IdentifierTree ? context.elementOf(bare) : null;
    return variable == null ? null : state.constant(variable);
  }

  /**
   * The enum constant (its element) or string constant an expression is; null for anything else.
   */
  private static @Nullable Object enumOrString(Context context, TreePath path) {
    Object constant = Constants.other(context, AccessPaths.skipParentheses(path));
    return constant instanceof Boolean ? null : constant;
  }

  /**
   * Whether a value of {@link #of} says only whether it is null ({@link #NULL}, {@link #NOT_NULL}).
   */
  static boolean nullness(Object value) {
    return value == NULL || value == NOT_NULL;
  }

  /** After a local is given {@code value}: the enum constant or string it now holds, if known. */
  static void note(Parts parts, @Nullable Element variable, TreePath value) {
    if (variable == null
        || !parts.frame.reachable()
        || (variable.getKind() != ElementKind.LOCAL_VARIABLE
            && variable.getKind() != ElementKind.PARAMETER)) {
      return;
    }
    Object constant = of(parts.context, parts.frame.state, value);
    if (constant != null) {
      parts.frame.state.constant(variable, constant);
    }
  }

  /**
   * Whether {@code left == right} holds, when both are known (constants, or {@code null}); null
   * when either is not.
   */
  static @Nullable Boolean equal(Context context, State state, TreePath left, TreePath right) {
    Object a = of(context, state, left);
    Object b = of(context, state, right);
    if (a == null || b == null) {
      return null;
    }
    if (a == NOT_NULL || b == NOT_NULL) {
      return (a == NULL || b == NULL) ? Boolean.FALSE : null; // two objects may be the same
    }
    return a.equals(b);
  }

  /**
   * Whether an equality call ({@link #equalsOperands}) returns true, when both operands are known
   * constants; null when either is not, or is only known to be null or not (a null receiver throws,
   * and {@code equals(null)} is left to the call).
   */
  static @Nullable Boolean equalsHolds(Context context, State state, List<TreePath> operands) {
    Object a = of(context, state, operands.get(0));
    Object b = of(context, state, operands.get(1));
    return (a == null || b == null || nullness(a) || nullness(b)) ? null : a.equals(b);
  }

  /**
   * The two operands of an equality call, {@code a.equals(b)} (of a {@code String} or an enum, as
   * every constant is) or {@code Objects.equals(a, b)}; null for any other call.
   */
  static @Nullable List<TreePath> equalsOperands(
      Context context, TreePath path, MethodInvocationTree call) {
    if (!(context.elementOf(path) instanceof ExecutableElement method)
        || !method.getSimpleName().contentEquals("equals")) {
      return null;
    }
    if (call.getArguments().size() == 1
        && method.getParameters().size() == 1
        && call.getMethodSelect() instanceof MemberSelectTree select) {
      TreePath receiver = new TreePath(new TreePath(path, select), select.getExpression());
      return List.of(receiver, new TreePath(path, call.getArguments().get(0)));
    }
    if (call.getArguments().size() == 2
        && method.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals("java.util.Objects")) {
      return List.of(
          new TreePath(path, call.getArguments().get(0)),
          new TreePath(path, call.getArguments().get(1)));
    }
    return null;
  }

  /**
   * Which cases of a switch on a value known to hold {@code selected} are chosen: the case whose
   * label is that constant, else {@code default}; null when a case has another kind of label (a
   * pattern, {@code null}, one the guard cannot resolve), and the switch is not decided by it.
   */
  static boolean @Nullable [] chosenCases(
      Context context, TreePath switchPath, List<? extends CaseTree> cases, Object selected) {
    if (selected == NULL || selected == NOT_NULL) {
      return null; // a switch on null throws, or takes its case null: not decided here
    }
    List<@Nullable List<Object>> labels = caseConstants(context, switchPath, cases);
    if (labels == null) {
      return null;
    }
    boolean[] chosen = new boolean[cases.size()];
    boolean matched = false;
    for (int i = 0; i < cases.size(); i++) {
      List<Object> constants = labels.get(i);
      chosen[i] = constants != null && constants.contains(selected);
      matched |= chosen[i];
    }
    for (int i = 0; i < cases.size(); i++) {
      if (labels.get(i) == null) {
        chosen[i] = !matched; // default
      }
    }
    return chosen;
  }

  /**
   * Per case, its labels' constants, or null for {@code default}; null when a case has another kind
   * of label.
   */
  private static @Nullable List<@Nullable List<Object>> caseConstants(
      Context context, TreePath switchPath, List<? extends CaseTree> cases) {
    List<@Nullable List<Object>> out = new ArrayList<>();
    for (CaseTree caseTree : cases) {
      TreePath casePath = new TreePath(switchPath, caseTree);
      List<? extends ExpressionTree> expressions = caseTree.getExpressions();
      List<? extends Tree> labels = Patterns.labels(caseTree);
      if (Patterns.guard(caseTree) != null) {
        return null;
      }
      if (expressions.isEmpty()) {
        if (!Patterns.plainDefault(caseTree)) {
          return null; // a pattern
        }
        out.add(null);
        continue;
      }
      if (labels.size() != expressions.size()) {
        return null;
      }
      List<Object> constants = new ArrayList<>();
      for (ExpressionTree expression : expressions) {
        Object constant = enumOrString(context, new TreePath(casePath, expression));
        if (constant == null) {
          return null;
        }
        constants.add(constant);
      }
      out.add(constants);
    }
    return out;
  }

  /**
   * What the uses of a variable may be for a call that passes it a constant to be followed: tests
   * the constant decides, or text that only describes it.
   */
  private enum Role {
    /** The constant itself: tested, copied, passed on, or described. */
    CHOOSER,
    /** Text made of it ({@code "size " + size}, {@code size.name()}): only put in a message. */
    TEXT
  }

  /**
   * Whether every use of {@code parameter} in {@code body} is a test that a constant it holds
   * decides ({@code switch}, {@code ==}, {@code !=}, {@code equals} against a constant), a copy
   * into a local used only so, text that only describes it ({@code log("size " + size)}, {@code
   * throw new IllegalArgumentException(size.name())}), or passes it on to a method that uses it so,
   * or whose result nothing uses.
   */
  static boolean decidedUses(Context context, TreePath body, VariableElement parameter) {
    return usesOnly(context, body, parameter, Role.CHOOSER, new HashSet<>());
  }

  /** Whether every use of {@code variable} below {@code scope} is one its role allows. */
  private static boolean usesOnly(
      Context context, TreePath scope, Element variable, Role role, Set<ExecutableElement> seen) {
    return !Nodes.any(
        scope,
        node ->
            node.getLeaf() instanceof IdentifierTree
                && variable.equals(context.elementOf(node))
                && !allowed(context, node, role, seen));
  }

  /** The expression at {@code path}, or the outermost parentheses around it. */
  private static TreePath withParentheses(TreePath path) {
    TreePath at = path;
    while (at.getParentPath() != null
        && at.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      at = at.getParentPath();
    }
    return at;
  }

  /**
   * Whether a use of the constant, or of text made of it ({@code role}), is one the call can be
   * followed with. Either may be put into more text ({@code "size " + size}), or passed on to a
   * method that uses it so; the constant may also be tested ({@link #tested}).
   */
  private static boolean allowed(
      Context context, TreePath use, Role role, Set<ExecutableElement> seen) {
    TreePath at = withParentheses(use);
    TreePath parent = at.getParentPath();
    if (parent == null) {
      return false;
    }
    Tree leaf = at.getLeaf();
    Tree owner = parent.getLeaf();
    if (owner.getKind() == Tree.Kind.PLUS) {
      return allowed(context, parent, Role.TEXT, seen);
    }
    if (role == Role.CHOOSER && tested(context, at, seen)) {
      return true;
    }
    if (owner instanceof MethodInvocationTree call && call.getArguments().contains(leaf)) {
      return (role == Role.CHOOSER && equalsOther(context, parent, call, leaf))
          || passedOn(context, parent, call.getArguments().indexOf(leaf), role, seen);
    }
    if (owner instanceof NewClassTree creation && creation.getArguments().contains(leaf)) {
      return passedOn(context, parent, creation.getArguments().indexOf(leaf), role, seen);
    }
    return false;
  }

  /**
   * Whether the constant at {@code at} (its outermost parentheses) is tested as the guard decides:
   * a {@code switch} on it, {@code ==} or {@code !=} with a constant, {@code equals} of it, its
   * {@code ordinal()} or a final field its source gives every constant, a copy into a local used
   * the same way, or its name only described.
   */
  private static boolean tested(Context context, TreePath at, Set<ExecutableElement> seen) {
    TreePath parent = Objects.requireNonNull(at.getParentPath(), "a use has a holder");
    Tree leaf = at.getLeaf();
    Tree owner = parent.getLeaf();
    if (owner instanceof SwitchTree s && s.getExpression() == leaf) {
      return caseConstants(context, parent, s.getCases()) != null;
    }
    if (owner instanceof SwitchExpressionTree s && s.getExpression() == leaf) {
      return caseConstants(context, parent, s.getCases()) != null;
    }
    if (owner instanceof BinaryTree binary
        && (owner.getKind() == Tree.Kind.EQUAL_TO || owner.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      Tree other =
          binary.getLeftOperand() == leaf ? binary.getRightOperand() : binary.getLeftOperand();
      return constant(context, new TreePath(parent, other));
    }
    if (owner instanceof VariableTree local && local.getInitializer() == leaf) {
      return copiedOnly(context, parent, seen);
    }
    if (owner instanceof MemberSelectTree
        && context.elementOf(parent) instanceof VariableElement field
        && field.getKind() == ElementKind.FIELD) {
      return everyConstantKnows(context, field); // size.bytes: known for the constant passed
    }
    if (owner instanceof MemberSelectTree
        && parent.getParentPath() != null
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == owner) {
      TreePath callPath = parent.getParentPath();
      return equalsOther(context, callPath, call, leaf)
          || (EnumFields.ordinalReceiver(context, callPath) != null && sourceEnum(context, at))
          || (naming(context, callPath, call) && allowed(context, callPath, Role.TEXT, seen));
    }
    return false;
  }

  /**
   * Whether a local a constant is copied into ({@code Size copy = size;}) is used only as the
   * constant may be: an assignment to it is a use that is not, so the copy keeps the constant.
   */
  private static boolean copiedOnly(
      Context context, TreePath declaration, Set<ExecutableElement> seen) {
    Element local = context.elementOf(declaration);
    // its uses in the whole method (or lambda): a local declared in a case is seen in the next
    TreePath scope = declaration.getParentPath();
    while (scope != null
        && !(scope.getLeaf() instanceof MethodTree)
        && !(scope.getLeaf() instanceof LambdaExpressionTree)) {
      scope = scope.getParentPath();
    }
    return local != null
        && local.getKind() == ElementKind.LOCAL_VARIABLE
        && scope != null
        && usesOnly(context, scope, local, Role.CHOOSER, seen);
  }

  /**
   * Whether every constant of the field's enum has a value of the field the source says ({@link
   * EnumFields#value}): reading it gives the one value of the constant passed, whichever it is.
   */
  private static boolean everyConstantKnows(Context context, VariableElement field) {
    if (!(field.getEnclosingElement() instanceof TypeElement type)
        || type.getKind() != ElementKind.ENUM) {
      return false;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT
          && EnumFields.value(context, (VariableElement) member, field) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the variable at {@code use} is of an enum of the compilation's source, whose constants'
   * {@code ordinal()} {@link EnumFields#ordinal} knows.
   */
  private static boolean sourceEnum(Context context, TreePath use) {
    return context.typeOf(use) instanceof DeclaredType type
        && type.asElement().getKind() == ElementKind.ENUM
        && type.asElement() instanceof TypeElement element
        && EnumFields.inSource(context, element);
  }

  /**
   * Whether a call on a constant only names it ({@code size.name()}, {@code size.toString()}): no
   * arguments, and a {@code String} result.
   */
  private static boolean naming(Context context, TreePath callPath, MethodInvocationTree call) {
    return call.getArguments().isEmpty()
        && context.elementOf(callPath) instanceof ExecutableElement method
        && (method.getSimpleName().contentEquals("name")
            || method.getSimpleName().contentEquals("toString"))
        && text(method);
  }

  /** Whether a method returns a {@code String}. */
  private static boolean text(ExecutableElement method) {
    return method.getReturnType() instanceof DeclaredType type
        && type.asElement() instanceof TypeElement element
        && element.getQualifiedName().contentEquals("java.lang.String");
  }

  /** Whether {@code use} is compared by an equality call with a constant. */
  private static boolean equalsOther(
      Context context, TreePath callPath, MethodInvocationTree call, Tree use) {
    List<TreePath> operands = equalsOperands(context, callPath, call);
    if (operands == null) {
      return false;
    }
    TreePath other = operands.get(0).getLeaf() == use ? operands.get(1) : operands.get(0);
    return enumOrString(context, other) != null;
  }

  /** Whether an operand is an enum constant, a string constant or {@code null}. */
  private static boolean constant(Context context, TreePath path) {
    return AccessPaths.skipParentheses(path).getLeaf().getKind() == Tree.Kind.NULL_LITERAL
        || enumOrString(context, path) != null;
  }

  /**
   * A constant, or text describing one ({@code role}), passed on as the {@code index}th argument:
   * allowed when the method called (a helper, or a method values are followed into) uses its
   * parameter only as the role allows. A method whose body is not followed is allowed when nothing
   * uses its result, or when it is a constructor of what is thrown; and, given text or the
   * constant, when its result is text only described in turn ({@code String.valueOf(size)}, {@code
   * String.format("%s", size)}).
   */
  private static boolean passedOn(
      Context context, TreePath call, int index, Role role, Set<ExecutableElement> seen) {
    if (!(context.elementOf(call) instanceof ExecutableElement method)) {
      return false;
    }
    Optional<TreePath> body = CalledBodies.of(context, method);
    if (body.isEmpty() && method.getReturnType().getKind() != TypeKind.VOID) {
      // (a void helper, followed for what it proves when it returns, uses nothing it is passed)
      body = HelperBodies.of(context, method).map(HelperBodies.Body::path);
    }
    if (body.isEmpty()) {
      Tree holder = call.getParentPath() == null ? null : call.getParentPath().getLeaf();
      return holder instanceof ExpressionStatementTree
          || (holder instanceof ThrowTree && call.getLeaf() instanceof NewClassTree)
          || (text(method) && allowed(context, call, Role.TEXT, seen));
    }
    if (method.isVarArgs()
        || index >= method.getParameters().size()
        || seen.size() >= DEPTH
        || seen.contains(method)) {
      return false;
    }
    seen.add(method);
    try {
      return usesOnly(context, body.get(), method.getParameters().get(index), role, seen);
    } finally {
      seen.remove(method);
    }
  }
}
