package org.abiguard.processor.guard.flow;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Explicit boxing and unboxing, which keep a value as implicit boxing does: {@code
 * Integer.valueOf(int)} (and of {@code Long}, {@code Short}, {@code Byte}, {@code Character}) and
 * {@code intValue()}, {@code longValue()}, ... of those boxes.
 */
final class Boxes {
  private static final Set<String> BOXES =
      Set.of(
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character");
  private static final Set<String> UNBOXING =
      Set.of("intValue", "longValue", "shortValue", "byteValue", "charValue");

  private Boxes() {}

  /** {@code Integer.valueOf(int)} and its siblings: a static factory of a box from a primitive. */
  static boolean isValueOf(ExecutableElement m) {
    return m.getSimpleName().contentEquals("valueOf")
        && m.getModifiers().contains(Modifier.STATIC)
        && m.getParameters().size() == 1
        && m.getParameters().get(0).asType().getKind().isPrimitive()
        && isBox(m);
  }

  /** {@code intValue()} and its siblings on a box. */
  static boolean isUnboxing(ExecutableElement m) {
    return m.getParameters().isEmpty()
        && !m.getModifiers().contains(Modifier.STATIC)
        && UNBOXING.contains(m.getSimpleName().toString())
        && m.getReturnType().getKind() != TypeKind.VOID
        && isBox(m);
  }

  private static boolean isBox(ExecutableElement m) {
    return m.getEnclosingElement() instanceof TypeElement owner
        && BOXES.contains(owner.getQualifiedName().toString());
  }
}
