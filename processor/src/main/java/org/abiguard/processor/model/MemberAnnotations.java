package org.abiguard.processor.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * The annotations of one struct member. For a record component javac places each annotation on the
 * component, on the private field, or on both, depending on the annotation's {@code @Target}; a
 * user's typedef annotation may target fields only. This view holds the union, each annotation type
 * once, so the reader sees the member's declaration as written.
 */
final class MemberAnnotations implements AnnotatedConstruct {
  private final List<AnnotationMirror> mirrors;

  private MemberAnnotations(List<AnnotationMirror> mirrors) {
    this.mirrors = List.copyOf(mirrors);
  }

  /** The union of the constructs' annotations, the first construct's first. */
  static MemberAnnotations of(AnnotatedConstruct... constructs) {
    List<AnnotationMirror> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AnnotatedConstruct c : constructs) {
      if (c == null) {
        continue;
      }
      for (AnnotationMirror am : c.getAnnotationMirrors()) {
        if (seen.add(
            ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString())) {
          all.add(am);
        }
      }
    }
    return new MemberAnnotations(all);
  }

  @Override
  public List<? extends AnnotationMirror> getAnnotationMirrors() {
    return mirrors;
  }

  /** Not used by abiguard, which reads mirrors by name and never loads annotation classes. */
  @Override
  public <A extends Annotation> @Nullable A getAnnotation(Class<A> annotationType) {
    return null;
  }

  /** Not used by abiguard, which reads mirrors by name and never loads annotation classes. */
  @Override
  @SuppressWarnings("unchecked")
  public <A extends Annotation> A[] getAnnotationsByType(Class<A> annotationType) {
    return (A[]) Array.newInstance(annotationType, 0);
  }
}
