package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The calls that code makes without a call in it naming them, each a {@link Call} on the object it
 * is made on:
 *
 * <ul>
 *   <li>a string concatenation ({@code "op " + label}, {@code text += label}) runs {@code
 *       toString()} on each object it joins;
 *   <li>an enhanced {@code for} loop over an object runs its {@code iterator()}, then {@code
 *       hasNext()} and {@code next()} on what that returns, at each round;
 *   <li>a {@code try}-with-resources statement runs {@code close()} on each resource as its try
 *       block ends.
 * </ul>
 *
 * Where the method the object runs is from a jar or class file ({@code Object.toString}, which
 * calls {@code hashCode()}), what that code may run of the object too ({@link JarCallbacks}). An
 * object of a type not known (a source parsed again may not give it), or of a final class from a
 * jar ({@code String}, {@code Integer}), runs none of the compilation's code.
 */
final class ImplicitCalls {
  /** A method a class has, by name, taking no argument. */
  private record Named(TypeElement type, String name) {}

  private final Elements elements;
  private final Types types;
  private final JarCallbacks callbacks;

  /** Per class and name, the method found, or empty where the class has none. */
  private final Map<Named, Optional<ExecutableElement>> found = new HashMap<>();

  ImplicitCalls(Elements elements, Types types, JarCallbacks callbacks) {
    this.elements = elements;
    this.types = types;
    this.callbacks = callbacks;
  }

  /** The calls {@code site} makes without naming them; none for a tree that makes none. */
  List<Call> at(TreePath site, Call.Names names) {
    Tree leaf = site.getLeaf();
    List<Call> out = new ArrayList<>();
    switch (leaf.getKind()) {
      case PLUS -> {
        BinaryTree plus = (BinaryTree) leaf;
        TreePath left = new TreePath(site, plus.getLeftOperand());
        TreePath right = new TreePath(site, plus.getRightOperand());
        if (isString(site, names) || isString(left, names) || isString(right, names)) {
          runOn(names.type(left), "toString", out, names);
          runOn(names.type(right), "toString", out, names);
        }
      }
      case PLUS_ASSIGNMENT -> {
        CompoundAssignmentTree assignment = (CompoundAssignmentTree) leaf;
        if (isString(new TreePath(site, assignment.getVariable()), names)) {
          TreePath value = new TreePath(site, assignment.getExpression());
          runOn(names.type(value), "toString", out, names);
        }
      }
      case ENHANCED_FOR_LOOP -> {
        ExpressionTree looped = ((EnhancedForLoopTree) leaf).getExpression();
        TypeMirror iterable = names.type(new TreePath(site, looped));
        ExecutableElement iterator = runOn(iterable, "iterator", out, names);
        if (iterable != null && iterator != null) {
          TypeMirror returned = returnType(iterable, iterator);
          runOn(returned, "hasNext", out, names);
          runOn(returned, "next", out, names);
        }
      }
      case TRY -> {
        for (Tree resource : ((TryTree) leaf).getResources()) {
          runOn(resourceType(new TreePath(site, resource), names), "close", out, names);
        }
      }
      default -> {}
    }
    return out;
  }

  /** Whether an expression is a {@code String}: its type, or a string literal's. */
  private static boolean isString(TreePath expression, Call.Names names) {
    if (expression.getLeaf().getKind() == Tree.Kind.STRING_LITERAL) {
      return true;
    }
    TypeElement type = Call.classOf(names.type(expression));
    return type != null && type.getQualifiedName().contentEquals("java.lang.String");
  }

  /** The type of a resource: its variable's declared type, or its expression's. */
  private static @Nullable TypeMirror resourceType(TreePath resource, Call.Names names) {
    if (resource.getLeaf() instanceof VariableTree variable) {
      Element declared = names.element(resource);
      if (declared instanceof VariableElement element) {
        return element.asType();
      }
      Element named = names.element(new TreePath(resource, variable.getType()));
      return named instanceof TypeElement type ? type.asType() : null;
    }
    return names.type(resource);
  }

  /**
   * What {@code method} returns when called on an object of type {@code on}: {@code Iterator<Op>}
   * for {@code iterator()} of a {@code List<Op>}, not {@code Iterator<E>}.
   */
  private @Nullable TypeMirror returnType(TypeMirror on, ExecutableElement method) {
    if (on instanceof DeclaredType declared) {
      try {
        return ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
      } catch (IllegalArgumentException e) {
        // not a member of the type as javac sees it: its declared return type below
      }
    }
    return method.getReturnType();
  }

  /**
   * Adds the call of the method {@code name}, taking no argument, on an object of type {@code
   * typed}, and, where that method is from a jar, what it may run of the object and the objects it
   * holds; returns the method, or null where the type is not known or has none.
   */
  private @Nullable ExecutableElement runOn(
      @Nullable TypeMirror typed, String name, List<Call> out, Call.Names names) {
    TypeElement type = Call.classOf(typed);
    if (typed == null || type == null) {
      return null;
    }
    ExecutableElement method =
        found
            .computeIfAbsent(
                new Named(type, name), n -> Optional.ofNullable(noArgumentMethod(type, name)))
            .orElse(null);
    if (method == null) {
      return null;
    }
    out.add(Call.on(type, method)); // or an override of it in a subclass of type
    if (callbacks.fromAJar(method)) {
      out.addAll(callbacks.onObject(typed, names));
    }
    return method;
  }

  private @Nullable ExecutableElement noArgumentMethod(TypeElement type, String name) {
    List<ExecutableElement> members;
    try {
      members = ElementFilter.methodsIn(elements.getAllMembers(type));
    } catch (RuntimeException e) {
      return null; // a class javac cannot complete: it reports its own error
    }
    ExecutableElement found = null;
    for (ExecutableElement member : members) {
      if (member.getSimpleName().contentEquals(name)
          && member.getParameters().isEmpty()
          && !member.getModifiers().contains(Modifier.STATIC)
          && (found == null || !member.getModifiers().contains(Modifier.ABSTRACT))) {
        found = member; // the concrete one, where an abstract one redeclares it too
      }
    }
    return found;
  }
}
