package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Local arrays whose elements the state tracks one by one, as if each were a local variable of its
 * own ({@link AccessPath#element}): {@code long[] args = {op.space, op.gpfn};} then {@code
 * useU16((int) args[0])}. A local qualifies in its method when
 *
 * <ul>
 *   <li>it is an array of an integral type without an {@code @AbiArray} width, created by its
 *       declaration with at most {@value #MAX_LENGTH} elements ({@code new long[4]}, {@code {a,
 *       b}});
 *   <li>and every other use of it, in the code its declaration is in (not in a lambda or a class
 *       body inside it), reads or writes an element at a constant index within its length, reads
 *       its {@code length}, or is the array an enhanced {@code for} runs over.
 * </ul>
 *
 * Such an array is never reassigned, never passed, stored or captured: no code but these uses reads
 * or writes it, so what the state knows of each element is all there is. Any other local array
 * keeps what {@link ArrayContents} knows of it, its elements read as plain values.
 */
final class LocalArrays {
  /** The longest array whose elements are tracked, so that a state stays small. */
  static final int MAX_LENGTH = 16;

  /** Per method, its local arrays that qualify. */
  private final Map<MethodTree, Map<Element, Tracked>> methods = new HashMap<>();

  /** A local array that qualifies: its length and the Java kind of its elements. */
  record Tracked(Element local, int length, JavaKind kind) {}

  /** The local array an expression names ({@code args}), if it qualifies; otherwise null. */
  @Nullable Tracked of(TreePath arrayExpression, Context context) {
    TreePath bare = AccessPaths.skipParentheses(arrayExpression);
    Element local = bare.getLeaf() instanceof IdentifierTree ? context.elementOf(bare) : null;
    return local == null ? null : of(local, bare, context);
  }

  /** {@code local}, if it qualifies in the method of {@code use}; otherwise null. */
  @Nullable Tracked of(Element local, TreePath use, Context context) {
    if (local.getKind() != ElementKind.LOCAL_VARIABLE || !(local.asType() instanceof ArrayType)) {
      return null;
    }
    TreePath methodPath = use;
    while (methodPath != null && !(methodPath.getLeaf() instanceof MethodTree)) {
      methodPath = methodPath.getParentPath();
    }
    if (methodPath == null || ((MethodTree) methodPath.getLeaf()).getBody() == null) {
      return null;
    }
    MethodTree method = (MethodTree) methodPath.getLeaf();
    TreePath body = new TreePath(methodPath, method.getBody());
    return methods.computeIfAbsent(method, m -> scan(body, context)).get(local);
  }

  /**
   * What any element of a local array tracked one by one may hold here: the join of their facts;
   * null when {@code array} is not such a local, or an element is not tracked here.
   */
  static @Nullable Elements elements(TreePath array, Context context, State state) {
    Tracked tracked = context.localArrays.of(array, context);
    if (tracked == null || tracked.length() == 0 || !state.reachable()) {
      return null;
    }
    Fact joined = null;
    for (int i = 0; i < tracked.length(); i++) {
      AccessPath element = AccessPath.element(tracked.local(), i, tracked.kind());
      if (!state.tracks(element)) {
        return null;
      }
      Fact fact = state.fact(element);
      joined = i == 0 ? fact : Fact.join(joined, fact);
    }
    return new Elements(joined, tracked.kind());
  }

  /** The join of a local array's elements, of Java type {@code kind}. */
  record Elements(@Nullable Fact value, JavaKind kind) {}

  /** The constant value of an index expression ({@code 2}, {@code ARG_SPACE}), or null. */
  static @Nullable Integer constantIndex(TreePath index, Context context) {
    TreePath bare = AccessPaths.skipParentheses(index);
    Tree tree = bare.getLeaf();
    if (tree instanceof LiteralTree literal) {
      return literal.getValue() instanceof Integer value ? value : null;
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      return context.elementOf(bare) instanceof VariableElement variable
              && variable.getConstantValue() instanceof Integer value
          ? value
          : null;
    }
    return null;
  }

  /** The qualifying local arrays of a method body. */
  private static Map<Element, Tracked> scan(TreePath body, Context context) {
    Map<Element, Tracked> found = new HashMap<>();
    Map<Element, Tree> owners = new HashMap<>();
    Nodes.any(
        body,
        node -> {
          if (node.getLeaf() instanceof VariableTree declaration
              && declaration.getInitializer() != null) {
            Element local = context.elementOf(node);
            Tracked tracked =
                local == null
                    ? null
                    : created(local, new TreePath(node, declaration.getInitializer()), context);
            if (tracked != null) {
              found.put(local, tracked);
              owners.put(local, owner(node));
            }
          }
          return false;
        });
    if (found.isEmpty()) {
      return Map.of();
    }
    Set<Element> disqualified = new HashSet<>();
    Nodes.any(
        body,
        node -> {
          if (node.getLeaf() instanceof IdentifierTree) {
            Element local = context.elementOf(node);
            Tracked tracked = local == null ? null : found.get(local);
            if (tracked != null
                && (owner(node) != owners.get(local)
                    || !allowedUse(node, tracked.length(), context))) {
              disqualified.add(local);
            }
          }
          return false;
        });
    found.keySet().removeAll(disqualified);
    return found;
  }

  /**
   * The local a declaration gives the array its initializer creates, when it is one of an integral
   * type without a width whose elements are few enough to track (before its uses are looked at);
   * otherwise null.
   */
  private static @Nullable Tracked created(Element local, TreePath initializer, Context context) {
    JavaKind kind =
        local.asType() instanceof ArrayType type
            ? context.declarations.kindOf(type.getComponentType())
            : null;
    if (local.getKind() != ElementKind.LOCAL_VARIABLE
        || kind == null
        || context.declarations.elementWidth(local) != null
        || !(initializer.getLeaf() instanceof NewArrayTree created)) {
      return null;
    }
    Integer length;
    if (created.getInitializers() != null) {
      length = created.getInitializers().size();
    } else if (created.getDimensions().size() == 1) {
      length = constantIndex(new TreePath(initializer, created.getDimensions().get(0)), context);
    } else {
      length = null;
    }
    return length != null && length >= 0 && length <= MAX_LENGTH
        ? new Tracked(local, length, kind)
        : null;
  }

  /** Whether a use of the local reads or writes an element at a constant index, or its length. */
  private static boolean allowedUse(TreePath use, int length, Context context) {
    TreePath parent = use.getParentPath();
    Tree leaf = parent.getLeaf();
    if (leaf instanceof ArrayAccessTree access && access.getExpression() == use.getLeaf()) {
      Integer index = constantIndex(new TreePath(parent, access.getIndex()), context);
      return index != null && index >= 0 && index < length;
    }
    if (leaf instanceof EnhancedForLoopTree loop) {
      return loop.getExpression() == use.getLeaf();
    }
    return leaf instanceof MemberSelectTree select
        && select.getExpression() == use.getLeaf()
        && select.getIdentifier().contentEquals("length");
  }

  /** The body a tree runs in: its innermost lambda, class or method. */
  private static @Nullable Tree owner(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree
          || leaf instanceof MethodTree) {
        return leaf;
      }
    }
    return null;
  }
}
