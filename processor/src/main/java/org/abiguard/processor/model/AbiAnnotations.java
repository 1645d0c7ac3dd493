package org.abiguard.processor.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The names of abiguard's struct annotations and how to find them on an element. The processor
 * reads annotation mirrors by name and never loads the annotation classes.
 */
public final class AbiAnnotations {
  public static final String ABI_STRUCT = "org.abiguard.AbiStruct";
  public static final String ABI_ARRAY = "org.abiguard.AbiArray";
  public static final String ABI_ALIGN = "org.abiguard.AbiAlign";
  public static final String ABI_NAME = "org.abiguard.AbiName";
  public static final String ABI_UNION = "org.abiguard.AbiUnion";
  public static final String ABI_BITS = "org.abiguard.AbiBits";
  public static final String ABI_ANONYMOUS = "org.abiguard.AbiAnonymous";
  public static final String ABI_FLEXIBLE = "org.abiguard.AbiFlexible";

  /** What marks every generated marshaller (module {@code java.compiler}). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AbiAnnotations() {}

  /** The annotation of the given type on the construct, if present. */
  public static Optional<AnnotationMirror> find(
      AnnotatedConstruct construct, String annotationType) {
    for (AnnotationMirror am : construct.getAnnotationMirrors()) {
      Element type = am.getAnnotationType().asElement();
      if (type instanceof TypeElement te && te.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(am);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether one of the annotation types a round presents is abiguard's: one of {@code org.abiguard}
   * (a struct, a width), or a typedef annotation, an annotation type that carries one.
   */
  public static boolean anyOurs(Set<? extends TypeElement> present) {
    for (TypeElement annotation : present) {
      if (ours(annotation)) {
        return true;
      }
      for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
        if (meta.getAnnotationType().asElement() instanceof TypeElement type && ours(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an annotation type is one of abiguard's own ({@code org.abiguard.*}). */
  public static boolean ours(TypeElement annotation) {
    return annotation.getQualifiedName().toString().startsWith("org.abiguard.");
  }

  /**
   * Whether the type is a struct or union mirror ({@code @AbiStruct} or {@code @AbiUnion}), in a
   * source or a class file.
   */
  public static boolean isStruct(Element type) {
    return type instanceof TypeElement && mirrorAnnotation(type).isPresent();
  }

  /** The type's {@code @AbiStruct}, else its {@code @AbiUnion}, if it has one. */
  public static Optional<AnnotationMirror> mirrorAnnotation(AnnotatedConstruct type) {
    Optional<AnnotationMirror> struct = find(type, ABI_STRUCT);
    return struct.isPresent() ? struct : find(type, ABI_UNION);
  }

  /**
   * Whether a value written in the annotation could not be resolved (e.g. a constant that does not
   * exist, or not yet: it may be generated in a later round). javac reports the cause itself;
   * abiguard must not read such a value as 0 or "" and report a misleading error.
   */
  public static boolean hasUnresolvedValue(AnnotationMirror am) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        am.getElementValues().entrySet()) {
      if (!fits(e.getKey().getReturnType(), e.getValue().getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an annotation value is one of the element's type. An array's elements are each checked
   * ({@code @AbiArray({3, LENGTH})}); a lone value of the component type is accepted as well, as a
   * class file compiled when the element was not yet an array holds it.
   */
  private static boolean fits(TypeMirror type, Object value) {
    return switch (type.getKind()) {
      case BOOLEAN -> value instanceof Boolean;
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> value instanceof Number;
      case CHAR -> value instanceof Character;
      case DECLARED -> fitsDeclared((DeclaredType) type, value);
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (value instanceof java.util.List<?> list) {
          yield list.stream()
              .allMatch(v -> v instanceof AnnotationValue av && fits(component, av.getValue()));
        }
        yield fits(component, value);
      }
      default -> true;
    };
  }

  private static boolean fitsDeclared(DeclaredType type, Object value) {
    Element element = type.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return value instanceof VariableElement;
    }
    if (element.getKind() == ElementKind.ANNOTATION_TYPE) {
      return value instanceof AnnotationMirror;
    }
    String name = ((TypeElement) element).getQualifiedName().toString();
    return switch (name) {
      // javac hands an unresolvable String value over as the text "<error>", no C name anyway
      case "java.lang.String" -> value instanceof String text && !text.equals("<error>");
      case "java.lang.Class" -> value instanceof TypeMirror;
      default -> true;
    };
  }

  /** How a diagnostic writes an annotation: {@code @U16}. */
  public static String display(AnnotationMirror am) {
    return "@" + am.getAnnotationType().asElement().getSimpleName();
  }
}
