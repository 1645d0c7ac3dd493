package org.abiguard.processor.guard;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.model.WidthReader;

/**
 * Recognises the marshallers abiguard itself generated. Their reads and writes are range-checked
 * by construction (every value is checked against its member's width before it is written), so
 * the guard does not analyse them again: in a codebase of many structs they are most of the
 * code that mentions widths.
 */
final class GeneratedMarshallers {
  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String GENERATOR = "org.abiguard.processor.AbiGuardProcessor";

  private GeneratedMarshallers() {}

  /** Whether the type carries {@code @Generated("org.abiguard.processor.AbiGuardProcessor")}. */
  static boolean isOne(TypeElement type) {
    for (AnnotationMirror am : type.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals(GENERATED)
          && names(WidthReader.value(am, "value")).contains(GENERATOR)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> names(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> v instanceof AnnotationValue av ? av.getValue() : v).toList();
    }
    return List.of();
  }
}
