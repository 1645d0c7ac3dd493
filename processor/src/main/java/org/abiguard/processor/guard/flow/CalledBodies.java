package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * Which methods' bodies {@link Forwarding} follows the values passed to them into: methods that no
 * subclass can override (as {@link HelperBodies} finds them) and constructors, not varargs, whose
 * body has a sink a value passed could reach (it mentions something with a declared width, or calls
 * a method whose body has one), and is
 *
 * <ul>
 *   <li>of the top-level class analysed, read from javac's trees, and of at most {@link #NODES}
 *       nodes; or
 *   <li>of another top-level class of the compilation, if it is a block of statements such as a
 *       helper may have ({@link HelperBodies}), whose source parsed again resolves every name.
 * </ul>
 */
final class CalledBodies {
  private CalledBodies() {}

  /** The most tree nodes a body of the class analysed may have to be followed. */
  static final int NODES = 1_000;

  /** The body of {@code method} that values passed to it are followed into; empty if none. */
  static Optional<TreePath> of(Context context, ExecutableElement method) {
    Optional<TreePath> known = context.calledBodies.get(method);
    if (known == null) {
      // a method that calls itself, directly or not, is no reason for its own body to be followed
      context.calledBodies.put(method, Optional.empty());
      known = Optional.ofNullable(find(context, method));
      context.calledBodies.put(method, known);
    }
    return known;
  }

  private static @Nullable TreePath find(Context context, ExecutableElement method) {
    boolean constructor = method.getKind() == ElementKind.CONSTRUCTOR;
    if ((!constructor && method.getKind() != ElementKind.METHOD)
        || method.isVarArgs()
        || method.getParameters().isEmpty()
        || (constructor && anonymous(method))
        || (!constructor && !HelperBodies.final_(method))) {
      return null;
    }
    TypeElement top = HelperBodies.outermost(method);
    if (top == null) {
      return null;
    }
    boolean own = top.equals(context.analysed);
    if (!own && constructor) {
      return null;
    }
    TreePath body = HelperBodies.bodyOf(context, method, top);
    if (body == null) {
      return null;
    }
    if (!own) {
      // another class's, from its source parsed again: a helper's kind of block, whose every name
      // and type that source resolves
      return context.parsed.typed(body) && HelperBodies.followable(context, body, new HashSet<>())
          ? body
          : null;
    }
    int[] nodes = {0};
    if (Nodes.any(body, node -> ++nodes[0] > NODES)) {
      return null;
    }
    return context.declarations.returnSink(method) != null || hasSink(context, body) ? body : null;
  }

  /**
   * Whether a body of the class analysed mentions something with a declared width, builds a lambda
   * or class (whose bodies are followed too), or calls a method whose body values are followed
   * into.
   */
  private static boolean hasSink(Context context, TreePath body) {
    return Nodes.any(
        body,
        node -> {
          Tree.Kind kind = node.getLeaf().getKind();
          if (BODIES.contains(kind)) {
            return true;
          }
          if (!NAMES.contains(kind)) {
            return false;
          }
          Element element = context.elementOf(node);
          return context.declarations.relevant(element)
              || (kind != Tree.Kind.IDENTIFIER
                  && kind != Tree.Kind.MEMBER_SELECT
                  && element instanceof ExecutableElement called
                  && of(context, called).isPresent());
        });
  }

  /** Trees that name an element a value may reach: variables, fields, methods and constructors. */
  private static final Set<Tree.Kind> NAMES =
      java.util.EnumSet.of(
          Tree.Kind.IDENTIFIER,
          Tree.Kind.MEMBER_SELECT,
          Tree.Kind.METHOD_INVOCATION,
          Tree.Kind.NEW_CLASS,
          Tree.Kind.VARIABLE);

  /** Trees with bodies of their own. */
  private static final Set<Tree.Kind> BODIES =
      java.util.EnumSet.of(
          Tree.Kind.LAMBDA_EXPRESSION, Tree.Kind.MEMBER_REFERENCE, Tree.Kind.CLASS);

  private static boolean anonymous(ExecutableElement constructor) {
    return constructor.getEnclosingElement() instanceof TypeElement type
        && type.getNestingKind() == NestingKind.ANONYMOUS;
  }
}
