package org.abiguard.processor.guard.flow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Explicit boxing and unboxing, which keep a value as implicit boxing does: {@code
 * Integer.valueOf(int)} (and of {@code Long}, {@code Short}, {@code Byte}, {@code Character}) and
 * {@code intValue()}, {@code longValue()}, ... of those boxes; and a box kept in a local of a
 * reference type that is not a box ({@code Object o = op.space;}), which holds the value until it
 * is unboxed: by a cast to its own box ({@code (Integer) o}, {@code (int) o}), a pattern of its own
 * box ({@code o instanceof Integer i}, {@code case Integer i}), or {@code Number}'s {@code
 * intValue()} and siblings, which convert it as Java does.
 */
final class Boxes {
  private static final Set<String> BOXES =
      Set.of(
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character");
  private static final Set<String> FLOATING_BOXES = Set.of("java.lang.Double", "java.lang.Float");
  private static final Set<String> UNBOXING =
      Set.of("intValue", "longValue", "shortValue", "byteValue", "charValue");

  /**
   * The types a box of an integer converts to without being one: a local of such a type may hold a
   * number.
   */
  private static final Set<String> HOLDERS =
      Set.of(
          "java.lang.Object",
          "java.lang.Number",
          "java.io.Serializable",
          "java.lang.Comparable",
          "java.lang.constant.Constable",
          "java.lang.constant.ConstantDesc");

  /**
   * What a local that may hold a box holds: per primitive kind it may be a box of, the fact of its
   * value (null for a plain one). A kind it has no entry for is a box it cannot be here.
   */
  record Held(Map<JavaKind, @Nullable Fact> byKind) {
    /** A box of {@code kind} with value {@code fact}; no box the guard knows when kind is null. */
    static Held of(@Nullable JavaKind kind, @Nullable Fact fact) {
      Map<JavaKind, @Nullable Fact> byKind = new EnumMap<>(JavaKind.class);
      if (kind != null) {
        byKind.put(kind, fact);
      }
      return new Held(byKind);
    }

    /** The same kinds of box, each of a plain value. */
    Held plain() {
      Map<JavaKind, @Nullable Fact> plain = new EnumMap<>(JavaKind.class);
      byKind.keySet().forEach(kind -> plain.put(kind, null));
      return new Held(plain);
    }

    /** The value where it is a box of {@code kind}, or null. */
    @Nullable Fact fact(JavaKind kind) {
      return byKind.get(kind);
    }
  }

  private Boxes() {}

  /** Whether a variable of type {@code t} may hold a box without being of a box type. */
  static boolean holder(@Nullable TypeMirror t) {
    return t instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement type
        && HOLDERS.contains(type.getQualifiedName().toString());
  }

  /**
   * Whether no value of type {@code t} can be a box of a number: {@code null}, an array, a {@code
   * boolean}, or a class or interface that is none of the boxes of numbers ({@code Double} and
   * {@code Float} included) and none of the types they convert to ({@link #holder}).
   */
  static boolean noBox(@Nullable TypeMirror t) {
    if (t == null) {
      return false;
    }
    return switch (t.getKind()) {
      case NULL, ARRAY, BOOLEAN -> true;
      case DECLARED -> {
        String name = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
        yield !HOLDERS.contains(name) && !BOXES.contains(name) && !FLOATING_BOXES.contains(name);
      }
      default -> false;
    };
  }

  /** Whether a variable is a local or parameter whose box the guard follows. */
  static boolean holdingLocal(@Nullable Element variable) {
    return variable != null
        && holder(variable.asType())
        && switch (variable.getKind()) {
          case LOCAL_VARIABLE, PARAMETER, BINDING_VARIABLE -> true;
          default -> false;
        };
  }

  /** {@code Number.intValue()} and its integral siblings, declared by {@code Number}. */
  static boolean isNumberConversion(ExecutableElement m) {
    return m.getParameters().isEmpty()
        && !m.getModifiers().contains(Modifier.STATIC)
        && UNBOXING.contains(m.getSimpleName().toString())
        && m.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals("java.lang.Number");
  }

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
