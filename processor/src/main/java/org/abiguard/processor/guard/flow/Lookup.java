package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Finds the declarations behind calls javac resolves indirectly: lambdas, method references,
 * anonymous classes.
 */
final class Lookup {
  private Lookup() {}

  /** An anonymous class's constructor passes its arguments on to the superclass constructor. */
  static ExecutableElement superConstructor(Types types, ExecutableElement anonymousConstructor) {
    Element anonymous = anonymousConstructor.getEnclosingElement();
    if (!(anonymous instanceof TypeElement type)
        || !(type.getSuperclass() instanceof DeclaredType superclass)) {
      return anonymousConstructor;
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(superclass.asElement().getEnclosedElements())) {
      if (constructor.getParameters().size() == anonymousConstructor.getParameters().size()) {
        boolean same = true;
        for (int i = 0; i < constructor.getParameters().size() && same; i++) {
          same =
              types.isSameType(
                  types.erasure(constructor.getParameters().get(i).asType()),
                  types.erasure(anonymousConstructor.getParameters().get(i).asType()));
        }
        if (same) {
          return constructor;
        }
      }
    }
    return anonymousConstructor;
  }

  /** The single abstract method of a functional interface type, or null. */
  static @Nullable ExecutableElement functionalMethod(
      Elements elements, @Nullable TypeMirror type) {
    if (!(type instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement functional)) {
      return null;
    }
    for (Element member : elements.getAllMembers(functional)) {
      if (member instanceof ExecutableElement method
          && method.getKind() == ElementKind.METHOD
          && method.getModifiers().contains(Modifier.ABSTRACT)
          && !isObjectMethod(method)) {
        return method;
      }
    }
    return null;
  }

  /**
   * The element of {@code tree}, a tree under {@code parent} in an attributed compilation unit
   * (javac reads it from the tree itself); null where javac has none or fails to give one.
   */
  static @Nullable Element elementAt(Trees trees, TreePath parent, Tree tree) {
    try {
      return trees.getElement(new TreePath(parent, tree));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code method} is one of {@code Object}'s that an interface may declare again. */
  static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (name.equals("equals") && arity == 1)
        || (name.equals("hashCode") && arity == 0)
        || (name.equals("toString") && arity == 0);
  }
}
