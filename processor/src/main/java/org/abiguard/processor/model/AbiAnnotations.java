package org.abiguard.processor.model;

import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names of abiguard's struct annotations and how to find them on an element. The
 * processor reads annotation mirrors by name and never loads the annotation classes.
 */
public final class AbiAnnotations {
  public static final String ABI_STRUCT = "org.abiguard.AbiStruct";
  public static final String ABI_ARRAY = "org.abiguard.AbiArray";
  public static final String ABI_ALIGN = "org.abiguard.AbiAlign";
  public static final String ABI_NAME = "org.abiguard.AbiName";

  private AbiAnnotations() {}

  /** The annotation of the given type on the construct, if present. */
  public static Optional<AnnotationMirror> find(AnnotatedConstruct construct, String annotationType) {
    for (AnnotationMirror am : construct.getAnnotationMirrors()) {
      Element type = am.getAnnotationType().asElement();
      if (type instanceof TypeElement te && te.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(am);
      }
    }
    return Optional.empty();
  }

  /** Whether the type is a struct mirror ({@code @AbiStruct}), in a source or a class file. */
  public static boolean isStruct(Element type) {
    return type instanceof TypeElement && find(type, ABI_STRUCT).isPresent();
  }

  /** How a diagnostic writes an annotation: {@code @U16}. */
  public static String display(AnnotationMirror am) {
    return "@" + am.getAnnotationType().asElement().getSimpleName();
  }
}
