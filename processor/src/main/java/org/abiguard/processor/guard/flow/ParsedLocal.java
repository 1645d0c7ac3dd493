package org.abiguard.processor.guard.flow;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ElementVisitor;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * A local variable of a helper in another class's source parsed again ({@link ParsedSource}), which
 * has no element of javac's: one of a primitive type or a class that is not generic, declared once,
 * equal only to itself. Its annotations are not read (a width on it is the helper's own analysis's
 * business: the value it holds is what was stored).
 */
final class ParsedLocal implements VariableElement {
  private final Name name;
  private final TypeMirror type;
  private final Element method;

  ParsedLocal(Name name, TypeMirror type, Element method) {
    this.name = name;
    this.type = type;
    this.method = method;
  }

  @Override
  public TypeMirror asType() {
    return type;
  }

  @Override
  public ElementKind getKind() {
    return ElementKind.LOCAL_VARIABLE;
  }

  @Override
  public Set<Modifier> getModifiers() {
    return Set.of();
  }

  @Override
  public Name getSimpleName() {
    return name;
  }

  @Override
  public Element getEnclosingElement() {
    return method;
  }

  @Override
  public List<? extends Element> getEnclosedElements() {
    return List.of();
  }

  @Override
  public @Nullable Object getConstantValue() {
    return null;
  }

  @Override
  public List<? extends AnnotationMirror> getAnnotationMirrors() {
    return List.of();
  }

  @Override
  public <A extends Annotation> @Nullable A getAnnotation(Class<A> annotationType) {
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A extends Annotation> A[] getAnnotationsByType(Class<A> annotationType) {
    return (A[]) Array.newInstance(annotationType, 0);
  }

  @Override
  public <R, P> R accept(ElementVisitor<R, P> visitor, P p) {
    return visitor.visitVariable(this, p);
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
