package org.abiguard.processor.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The rules of the width annotations on declarations outside structs: a parameter, a method (its
 * return value), a field, a record component, and a typedef annotation type. The SPEC makes each
 * misuse an {@code [abiguard:annotation]} error on the element, as for struct members (which {@link
 * MemberReader} checks): two widths, bits outside {8, 16, 32, 64}, a Java type that is not integral
 * or is narrower than the width, {@code @Pointer} on anything but a {@code long}.
 *
 * <p>An array declaration's width is that of its elements, as for {@code @AbiArray} members; a
 * boxed integer is read as its primitive.
 */
public final class WidthDeclarations {
  private final WidthReader widths = new WidthReader();

  /**
   * Whether the annotation type declares a width: a width annotation itself, an alias or a typedef.
   */
  public boolean declaresWidth(TypeElement annotationType) {
    String name = annotationType.getQualifiedName().toString();
    return name.equals(WidthReader.ABI_WIDTH)
        || name.equals(WidthReader.NATIVE_LONG)
        || name.equals(WidthReader.POINTER)
        || !widths.declarations(annotationType).isEmpty();
  }

  /**
   * The problems of a typedef annotation type: more than one width, or bits that are no C width.
   */
  public List<Problem> checkTypedef(TypeElement typedef) {
    List<DeclaredWidth> declared = widths.declarations(typedef);
    String describe = "typedef @" + typedef.getSimpleName();
    if (declared.size() > 1) {
      return List.of(
          Problem.on(
              typedef,
              declared.get(1).annotation(),
              describe
                  + " declares two C widths, with "
                  + declared.get(0).via()
                  + " and "
                  + declared.get(1).via()
                  + "; a typedef has exactly one: keep one of them"));
    }
    if (declared.size() == 1
        && !declared.get(0).nativeLong()
        && !declared.get(0).pointer()
        && !Width.isValidBits(declared.get(0).width().bits())) {
      return List.of(bitsProblem(typedef, declared.get(0), describe));
    }
    return List.of();
  }

  /** The problems of the width annotations on a parameter, method, field or record component. */
  public List<Problem> check(Element element) {
    List<DeclaredWidth> declared = widths.declarations(element);
    if (declared.isEmpty()) {
      return List.of();
    }
    String describe = describe(element);
    if (declared.size() > 1) {
      return List.of(
          Problem.on(
              element,
              declared.get(1).annotation(),
              describe
                  + " declares its C type twice, with "
                  + declared.get(0).via()
                  + " and "
                  + declared.get(1).via()
                  + "; keep exactly one of them"));
    }
    DeclaredWidth width = declared.get(0);
    TypeMirror type =
        element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
    if (type.getKind() == TypeKind.ARRAY && !elementsChecked(element)) {
      return List.of(arrayProblem(element, width, describe, type));
    }
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
    }
    if (type.getKind() == TypeKind.ERROR) {
      return List.of();
    }
    Optional<JavaKind> kind = kindOf(type);
    if (width.pointer()) {
      return kind.orElse(null) == JavaKind.LONG
          ? List.of()
          : List.of(
              Problem.on(
                  element,
                  width.annotation(),
                  width.via()
                      + " on "
                      + describe
                      + " of type "
                      + MemberReader.display(type)
                      + ": a pointer is held in a Java long (8 bytes on x86_64 and aarch64); declare it long"));
    }
    Width w = width.width();
    if (!width.nativeLong() && !Width.isValidBits(w.bits())) {
      return List.of(bitsProblem(element, width, describe));
    }
    if (kind.isEmpty()) {
      return List.of(Problem.on(element, width.annotation(), cannotHold(describe, type, width)));
    }
    if (!kind.get().canHold(w)) {
      return List.of(
          Problem.on(
              element,
              width.annotation(),
              describe
                  + " of type "
                  + MemberReader.display(type)
                  + " is narrower than "
                  + declaredText(width)
                  + "; declare it "
                  + MemberReader.holders(w)));
    }
    return List.of();
  }

  /**
   * Whether a width on an array declaration is taken as its elements' width: on a field or record
   * component (as for {@code @AbiArray} members) and on a varargs parameter, whose elements are the
   * call's arguments, which the guard checks. On any other parameter, or a method's return, the
   * guard checks no element, so the width is an error rather than silently ignored, as on a local
   * array.
   */
  private static boolean elementsChecked(Element element) {
    return switch (element.getKind()) {
      case METHOD -> false;
      case PARAMETER ->
          element.getEnclosingElement() instanceof ExecutableElement owner
              && owner.isVarArgs()
              && owner.getParameters().get(owner.getParameters().size() - 1).equals(element);
      default -> true;
    };
  }

  private static Problem arrayProblem(
      Element element, DeclaredWidth width, String describe, TypeMirror type) {
    return Problem.on(
        element,
        width.annotation(),
        cannotHold(describe, type, width)
            + (element.getKind() == ElementKind.PARAMETER
                ? " (or "
                    + MemberReader.display(((ArrayType) type).getComponentType())
                    + "... as the last parameter)"
                : ""));
  }

  /**
   * {@code @U32 (u32)}, {@code @NativeLong (C long, up to u64)}, {@code @Pointer (a pointer, ...)}.
   */
  private static String declaredText(DeclaredWidth width) {
    Width w = width.width();
    return width.nativeLong()
        ? width.via() + " (C long, up to " + w + ")"
        : width.pointer()
            ? width.via() + " (a pointer, up to " + w + ")"
            : width.via() + " (" + w + ")";
  }

  /** "{@code describe} of type T cannot hold @U32 (u32), which is an integer; declare it ...". */
  private static String cannotHold(String describe, TypeMirror type, DeclaredWidth width) {
    return describe
        + " of type "
        + MemberReader.display(type)
        + " cannot hold "
        + declaredText(width)
        + ", which is an integer; declare it "
        + MemberReader.holders(width.width());
  }

  private static Problem bitsProblem(Element element, DeclaredWidth width, String describe) {
    AnnotationMirror am = width.annotation();
    AnnotationValue value = WidthReader.annotationValue(am, "value");
    boolean explicit = value != null && am.getElementValues().values().contains(value);
    return new Problem(
        element,
        am,
        explicit ? value : null,
        width.via()
            + " declares "
            + width.width().bits()
            + " bits on "
            + describe
            + ", which is no C integer width; use 8, 16, 32 or 64");
  }

  /**
   * {@code parameter 'space' of addToPhysmapOne}, {@code the return of method 'domOf'}, {@code
   * field 'idx'}.
   */
  static String describe(Element element) {
    String name = "'" + element.getSimpleName() + "'";
    return switch (element.getKind()) {
      case PARAMETER -> "parameter " + name + " of " + ownerName(owner(element));
      case METHOD -> "the return of method " + name;
      case RECORD_COMPONENT -> "record component " + name;
      default ->
          owner(element).getKind() == ElementKind.RECORD
                  && !element.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
              ? "record component " + name
              : "field " + name;
    };
  }

  private static String ownerName(Element executable) {
    return executable.getKind() == ElementKind.CONSTRUCTOR
        ? "the constructor of " + owner(executable).getSimpleName()
        : executable.getSimpleName().toString();
  }

  /** The method, type or record that declares a parameter, member or component. */
  private static Element owner(Element element) {
    return Objects.requireNonNull(
        element.getEnclosingElement(), "a parameter, member or component has an owner");
  }

  /** The primitive integral kind of a type, its boxed forms included. */
  private static Optional<JavaKind> kindOf(TypeMirror type) {
    Optional<JavaKind> primitive = MemberReader.javaKindOf(type);
    if (primitive.isPresent() || type.getKind() != TypeKind.DECLARED) {
      return primitive;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return switch (name) {
      case "java.lang.Byte" -> Optional.of(JavaKind.BYTE);
      case "java.lang.Short" -> Optional.of(JavaKind.SHORT);
      case "java.lang.Character" -> Optional.of(JavaKind.CHAR);
      case "java.lang.Integer" -> Optional.of(JavaKind.INT);
      case "java.lang.Long" -> Optional.of(JavaKind.LONG);
      default -> Optional.empty();
    };
  }
}
