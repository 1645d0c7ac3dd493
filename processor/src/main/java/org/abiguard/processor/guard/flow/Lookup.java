package org.abiguard.processor.guard.flow;

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

/** Finds the declarations behind calls javac resolves indirectly: lambdas, method references, anonymous classes. */
final class Lookup {
  private Lookup() {}

  /** An anonymous class's constructor passes its arguments on to the superclass constructor. */
  static ExecutableElement superConstructor(Types types, ExecutableElement anonymousCtor) {
    Element anon = anonymousCtor.getEnclosingElement();
    if (!(anon instanceof TypeElement te) || !(te.getSuperclass() instanceof DeclaredType sup)) {
      return anonymousCtor;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(sup.asElement().getEnclosedElements())) {
      if (c.getParameters().size() == anonymousCtor.getParameters().size()) {
        boolean same = true;
        for (int i = 0; i < c.getParameters().size() && same; i++) {
          same = types.isSameType(types.erasure(c.getParameters().get(i).asType()),
              types.erasure(anonymousCtor.getParameters().get(i).asType()));
        }
        if (same) {
          return c;
        }
      }
    }
    return anonymousCtor;
  }

  /** The single abstract method of a functional interface type, or null. */
  static ExecutableElement functionalMethod(Elements elements, TypeMirror t) {
    if (!(t instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement te)) {
      return null;
    }
    for (Element member : elements.getAllMembers(te)) {
      if (member instanceof ExecutableElement m && m.getKind() == ElementKind.METHOD
          && m.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(m)) {
        return m;
      }
    }
    return null;
  }

  private static boolean isObjectMethod(ExecutableElement m) {
    String n = m.getSimpleName().toString();
    int arity = m.getParameters().size();
    return n.equals("equals") && arity == 1 || n.equals("hashCode") && arity == 0
        || n.equals("toString") && arity == 0;
  }
}
