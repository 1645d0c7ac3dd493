package org.abiguard.benchmarks.engine;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.Declarations;
import org.abiguard.processor.model.Width;

/**
 * Declared widths as intervals, for the prototype. Widths are resolved by abiguard's own
 * {@link Declarations#width}: {@code @AbiWidth}, the {@code @U8..@S64} aliases, typedef
 * annotations meta-annotated with {@code @AbiWidth}, {@code @NativeLong}, {@code @Pointer}; from
 * source and class files; once per element.
 *
 * <p>A width at least as wide as the Java type holds raw bits ({@code @U32 int}), so a read
 * gives the whole Java type and a sink accepts the whole Java type: the prototype does not
 * model abiguard's raw-bits sign rules.
 */
final class Widths {
  private final Declarations declarations;

  Widths(Declarations declarations) {
    this.declarations = declarations;
  }

  /** The declared width, or null (abiguard's own lookup, cached per element). */
  Width width(Element e) {
    return declarations.width(e);
  }

  /** The interval a read of the element gives (a field, parameter, local or method's result), or null. */
  Interval read(Element e) {
    Width w = width(e);
    if (w == null) {
      return null;
    }
    TypeMirror t = e instanceof ExecutableElement m ? m.getReturnType() : e.asType();
    return range(w, primitive(t));
  }

  /** The values a parameter or variable with this declaration accepts, or null when it declares none. */
  Interval sink(VariableElement p) {
    Width w = width(p);
    return w == null ? null : range(w, primitive(p.asType()));
  }

  /** A {@code static final} constant's value. */
  static Interval constant(Element e) {
    if (e instanceof VariableElement v && v.getConstantValue() instanceof Number n
        && !(n instanceof Float) && !(n instanceof Double)) {
      return Interval.of(n.longValue());
    }
    if (e instanceof VariableElement v && v.getConstantValue() instanceof Character c) {
      return Interval.of(c);
    }
    return null;
  }

  private static Interval range(Width w, TypeKind kind) {
    Interval java = Interval.ofKind(kind);
    if (java == null) {
      return null;
    }
    Interval declared = w.bits() == 64 ? Interval.LONG
        : new Interval(w.min(), w.max());
    // raw bits: a width that the Java type cannot hold as a value is read as the Java type's bit patterns
    return declared.within(java) ? declared : java;
  }

  /** The primitive kind of a type, boxes unboxed by name. */
  static TypeKind primitive(TypeMirror t) {
    if (t == null) {
      return TypeKind.NONE;
    }
    if (t.getKind().isPrimitive()) {
      return t.getKind();
    }
    if (t.getKind() == TypeKind.DECLARED) {
      return switch (t.toString()) {
        case "java.lang.Byte" -> TypeKind.BYTE;
        case "java.lang.Short" -> TypeKind.SHORT;
        case "java.lang.Character" -> TypeKind.CHAR;
        case "java.lang.Integer" -> TypeKind.INT;
        case "java.lang.Long" -> TypeKind.LONG;
        default -> TypeKind.NONE;
      };
    }
    return TypeKind.NONE;
  }
}
