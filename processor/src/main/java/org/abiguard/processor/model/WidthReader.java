package org.abiguard.processor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads the C width an element declares: {@code @AbiWidth}, an alias ({@code @U16}), a typedef
 * annotation (any annotation type meta-annotated with {@code @AbiWidth}, also from class files,
 * also a typedef of a typedef), {@code @NativeLong} or {@code @Pointer}.
 *
 * <p>Shared by the struct model and the flow guard; it reads annotation mirrors by name, so the
 * processor never loads the annotation classes.
 */
public final class WidthReader {
  public static final String ABI_WIDTH = "org.abiguard.AbiWidth";
  public static final String NATIVE_LONG = "org.abiguard.NativeLong";
  public static final String POINTER = "org.abiguard.Pointer";

  private final IdentityHashMap<TypeElement, String> qualifiedNames = new IdentityHashMap<>();

  /**
   * What each typedef annotation type declares, searched once per type: a typedef means the same
   * wherever it is written, and a mirror declares hundreds of members with the same few typedefs.
   */
  private final IdentityHashMap<TypeElement, Optional<TypeWidth>> typedefs =
      new IdentityHashMap<>();

  /** The width an annotation declares, apart from where it is written. */
  private record TypeWidth(Width width, boolean nativeLong, boolean pointer) {}

  /**
   * Every width declaration on the construct, direct or through typedefs; more than one is a
   * conflict.
   */
  public List<DeclaredWidth> declarations(AnnotatedConstruct construct) {
    List<DeclaredWidth> found = new ArrayList<>();
    for (AnnotationMirror am : construct.getAnnotationMirrors()) {
      resolve(am).ifPresent(found::add);
    }
    return found;
  }

  /** The width the construct declares, if exactly one or the first of several. */
  public Optional<DeclaredWidth> widthOf(AnnotatedConstruct construct) {
    for (AnnotationMirror am : construct.getAnnotationMirrors()) {
      Optional<DeclaredWidth> w = resolve(am);
      if (w.isPresent()) {
        return w;
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves one annotation written on an element: a width annotation itself, or a typedef whose
   * annotation type carries one.
   */
  private Optional<DeclaredWidth> resolve(AnnotationMirror am) {
    TypeElement type = (TypeElement) am.getAnnotationType().asElement();
    String name = qualifiedName(type);
    Optional<TypeWidth> width =
        isWidth(name) ? Optional.of(widthAnnotation(am, name)) : typedef(type, name);
    return width.map(w -> new DeclaredWidth(w.width(), w.nativeLong(), w.pointer(), am, via(am)));
  }

  /**
   * What a typedef annotation type declares: the first width among its meta-annotations, typedefs
   * followed transitively. Each type's answer comes from a search that starts at that type, so it
   * does not depend on which type was asked first, even when typedefs form a cycle. A type javac
   * could not resolve (yet: a later round may generate it) is not remembered.
   */
  private Optional<TypeWidth> typedef(TypeElement type, String name) {
    Optional<TypeWidth> known = typedefs.get(type);
    if (known == null) {
      Set<String> seen = new HashSet<>();
      seen.add(name);
      known = isPlatformName(name) ? Optional.empty() : search(type, seen);
      if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
        typedefs.put(type, known);
      }
    }
    return known;
  }

  /** The first width among {@code type}'s meta-annotations; cycles end the search. */
  private Optional<TypeWidth> search(TypeElement type, Set<String> seen) {
    for (AnnotationMirror meta : type.getAnnotationMirrors()) {
      TypeElement metaType = (TypeElement) meta.getAnnotationType().asElement();
      String name = qualifiedName(metaType);
      if (isWidth(name)) {
        return Optional.of(widthAnnotation(meta, name));
      }
      if (!isPlatformName(name) && seen.add(name)) {
        Optional<TypeWidth> w = search(metaType, seen);
        if (w.isPresent()) {
          return w;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isWidth(String name) {
    return name.equals(ABI_WIDTH) || name.equals(NATIVE_LONG) || name.equals(POINTER);
  }

  /** The width of {@code @AbiWidth}, {@code @NativeLong} or {@code @Pointer}, from its values. */
  private static TypeWidth widthAnnotation(AnnotationMirror am, String name) {
    return switch (name) {
      case ABI_WIDTH ->
          new TypeWidth(
              new Width(intValue(am, "value", 0), boolValue(am, "signed", false)), false, false);
      case NATIVE_LONG -> new TypeWidth(new Width(64, boolValue(am, "signed", false)), true, false);
      default -> new TypeWidth(Width.U64, false, true);
    };
  }

  /**
   * An annotation type's qualified name, read once per type: javac decodes it from its name table
   * on every call, and the guard asks for the same few annotations again and again.
   */
  private String qualifiedName(TypeElement type) {
    String name = qualifiedNames.get(type);
    if (name == null) {
      name = type.getQualifiedName().toString();
      qualifiedNames.put(type, name);
    }
    return name;
  }

  /**
   * Whether a qualified name is in a package of the Java platform ({@code java.}, {@code javax.},
   * {@code jdk.}, {@code sun.}, {@code com.sun.}): no annotation there is a typedef of a width, so
   * its type is not even loaded to look at its meta-annotations.
   */
  public static boolean isPlatformName(String qualifiedName) {
    return qualifiedName.startsWith("java.")
        || qualifiedName.startsWith("javax.")
        || qualifiedName.startsWith("jdk.")
        || qualifiedName.startsWith("sun.")
        || qualifiedName.startsWith("com.sun.");
  }

  private static String via(AnnotationMirror am) {
    return "@" + am.getAnnotationType().asElement().getSimpleName();
  }

  /** An int member of an annotation, defaults applied. */
  public static int intValue(AnnotationMirror am, String member, int fallback) {
    Object v = value(am, member);
    return v instanceof Integer i ? i : fallback;
  }

  /**
   * An {@code int[]} member of an annotation, defaults applied: its elements, or the one int a
   * class file compiled when the member was an {@code int} holds; empty if it has none.
   */
  public static List<Integer> intValues(AnnotationMirror am, String member) {
    return values(am, member, Integer.class);
  }

  /** A {@code String[]} member of an annotation, defaults applied (a single value as one). */
  public static List<String> stringValues(AnnotationMirror am, String member) {
    return values(am, member, String.class);
  }

  /** The elements of type {@code type} of an array member, or its single value as one. */
  private static <T> List<T> values(AnnotationMirror am, String member, Class<T> type) {
    Object v = value(am, member);
    if (type.isInstance(v)) {
      return List.of(type.cast(v));
    }
    List<T> values = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof AnnotationValue av && type.isInstance(av.getValue())) {
          values.add(type.cast(av.getValue()));
        }
      }
    }
    return values;
  }

  /** A boolean member of an annotation, defaults applied. */
  public static boolean boolValue(AnnotationMirror am, String member, boolean fallback) {
    Object v = value(am, member);
    return v instanceof Boolean b ? b : fallback;
  }

  /** A member's value (explicit or default), or null. */
  public static @Nullable Object value(AnnotationMirror am, String member) {
    AnnotationValue av = annotationValue(am, member);
    return av == null ? null : av.getValue();
  }

  /** A member's {@link AnnotationValue} (explicit or default), or null. */
  public static @Nullable AnnotationValue annotationValue(AnnotationMirror am, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        am.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    for (javax.lang.model.element.Element e :
        am.getAnnotationType().asElement().getEnclosedElements()) {
      if (e instanceof ExecutableElement m && m.getSimpleName().contentEquals(member)) {
        return m.getDefaultValue();
      }
    }
    return null;
  }
}
