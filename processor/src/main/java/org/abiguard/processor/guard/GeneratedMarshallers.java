package org.abiguard.processor.guard;

import java.util.List;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.codegen.MarshallerGenerator;
import org.abiguard.processor.model.AbiAnnotations;
import org.abiguard.processor.model.WidthReader;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the marshallers abiguard itself generated. Their reads and writes are range-checked by
 * construction (every value is checked against its member's width before it is written), so the
 * guard does not analyse them again: in a codebase of many structs they are most of the code that
 * mentions widths.
 */
final class GeneratedMarshallers {
  private GeneratedMarshallers() {}

  /** Whether the type carries the {@code @Generated} that {@link MarshallerGenerator} writes. */
  static boolean isOne(TypeElement type) {
    return AbiAnnotations.find(type, AbiAnnotations.GENERATED)
        .map(am -> names(WidthReader.value(am, "value")).contains(MarshallerGenerator.GENERATOR))
        .orElse(false);
  }

  private static List<Object> names(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> v instanceof AnnotationValue av ? av.getValue() : v).toList();
    }
    return List.of();
  }
}
