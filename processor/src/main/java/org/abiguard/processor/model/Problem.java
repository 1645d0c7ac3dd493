package org.abiguard.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * A misuse of abiguard's annotations found while reading a struct, to be reported as an {@code
 * [abiguard:annotation]} error. The reader only collects problems; the struct stage reports them
 * (on the element itself for sources, on the nesting member for class files).
 *
 * @param element the offending element (struct, field or record component)
 * @param annotation the offending annotation on it, or null
 * @param value the offending value of that annotation, or null
 * @param message the text after the {@code [abiguard:annotation]} prefix
 */
public record Problem(
    Element element,
    @Nullable AnnotationMirror annotation,
    @Nullable AnnotationValue value,
    String message) {

  /** A problem with the element as a whole. */
  public static Problem on(Element element, String message) {
    return new Problem(element, null, null, message);
  }

  /** A problem with one annotation of the element. */
  public static Problem on(Element element, @Nullable AnnotationMirror annotation, String message) {
    return new Problem(element, annotation, null, message);
  }
}
