package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Locals of a class type (not a box: a {@code Long} holds a number) that name a path for the whole
 * method: {@code InnerOp in = op.inner;}, where neither the local nor a variable or field of {@code
 * op.inner} is written anywhere in the method (lambdas and local classes included). {@code in.x} is
 * then {@code op.inner.x}, so a check of one is a check of the other, and a helper's check of
 * {@code in.x} is one of what its caller passed. A field a callee writes is not seen, as for any
 * checked field.
 */
final class LocalAliases {
  /** Per method, its locals that are aliases, and the variables and fields it writes. */
  private final Map<MethodTree, Method> methods = new HashMap<>();

  /** What one method declares and writes. */
  private static final class Method {
    final Map<Element, TreePath> declarations = new HashMap<>();
    final Set<Element> written = new HashSet<>();
    final Map<Element, Optional<AccessPath>> aliases = new HashMap<>();
  }

  /**
   * The path a local of a class type stands for at {@code use}, or null when it is none: it is
   * written, or its initializer is not a path, or a part of that path is written.
   */
  @Nullable AccessPath aliasOf(Element local, TreePath use, Context context, AccessPaths paths) {
    if (local.getKind() != ElementKind.LOCAL_VARIABLE
        || local.asType().getKind() != TypeKind.DECLARED
        || Declarations.boxed(local.asType())
        || Boxes.holder(local.asType())) {
      // a Long holds a value, which the guard follows as a number, and so may an Object
      return null;
    }
    MethodTree methodTree = null;
    TreePath methodPath = null;
    for (TreePath p = use; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        methodTree = m;
        methodPath = p;
        break;
      }
    }
    if (methodTree == null || methodTree.getBody() == null) {
      return null;
    }
    TreePath body = new TreePath(methodPath, methodTree.getBody());
    Method method = methods.computeIfAbsent(methodTree, m -> scan(body, context));
    Optional<AccessPath> known = method.aliases.get(local);
    if (known == null) {
      method.aliases.put(local, Optional.empty()); // while computing: no cycle in Java, but safe
      known = Optional.ofNullable(compute(local, method, paths));
      method.aliases.put(local, known);
    }
    return known.orElse(null);
  }

  private static @Nullable AccessPath compute(Element local, Method method, AccessPaths paths) {
    TreePath declaration = method.declarations.get(local);
    if (declaration == null
        || method.written.contains(local)
        || !(declaration.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() == null) {
      return null;
    }
    AccessPath path = paths.of(new TreePath(declaration, variable.getInitializer()));
    if (path == null || path.chain().stream().anyMatch(method.written::contains)) {
      return null;
    }
    return path;
  }

  /** The method's local declarations, and every variable and field it writes. */
  private static Method scan(TreePath body, Context context) {
    Method method = new Method();
    Nodes.any(
        body,
        node -> {
          if (node.getLeaf() instanceof VariableTree) {
            Element element = context.elementOf(node);
            if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
              method.declarations.put(element, node);
            }
          }
          ExpressionTree target = HelperBodies.written(node.getLeaf());
          if (target != null) {
            Element element =
                context.elementOf(AccessPaths.skipParentheses(new TreePath(node, target)));
            if (element != null) {
              method.written.add(element);
            }
          }
          return false; // every node
        });
    return method;
  }
}
