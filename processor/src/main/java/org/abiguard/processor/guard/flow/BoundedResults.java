package org.abiguard.processor.guard.flow;

import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Range;
import org.jspecify.annotations.Nullable;

/**
 * Methods of the JDK whose result, a plain value, lies in a range whatever their arguments: a count
 * is never negative ({@code String.length()}, a collection's or map's {@code size()}, a buffer's
 * {@code remaining()}), a bit count is at most the type's width ({@code Long.numberOfLeadingZeros}
 * 0..64), a search gives -1 or an index ({@code String.indexOf}), {@code Character.digit} -1..35,
 * and {@code ordinal()} of an enum type 0 to its constants less one. In strict mode such a result
 * is held to that range, not to its Java type's: {@code @U32 long len = s.length();} passes, as
 * {@code body.length} does. A collection's or map's size is the JDK interface's contract ("the
 * number of elements", at most {@code Integer.MAX_VALUE}), which the guard takes of the
 * implementations as javac takes their types.
 */
final class BoundedResults {
  private BoundedResults() {}

  private static final Range COUNT = Range.of(0, Integer.MAX_VALUE);
  private static final Range INDEX = Range.of(-1, Integer.MAX_VALUE);

  /** By the declaring class's qualified name, a dot, and the method's name. */
  private static final Map<String, Range> RESULTS =
      Map.ofEntries(
          Map.entry("java.lang.String.length", COUNT),
          Map.entry("java.lang.StringBuilder.length", COUNT),
          Map.entry("java.lang.StringBuffer.length", COUNT),
          Map.entry("java.lang.AbstractStringBuilder.length", COUNT),
          Map.entry("java.lang.String.indexOf", INDEX),
          Map.entry("java.lang.String.lastIndexOf", INDEX),
          Map.entry("java.nio.Buffer.capacity", COUNT),
          Map.entry("java.nio.Buffer.position", COUNT),
          Map.entry("java.nio.Buffer.limit", COUNT),
          Map.entry("java.nio.Buffer.remaining", COUNT),
          Map.entry("java.lang.Integer.bitCount", Range.of(0, 32)),
          Map.entry("java.lang.Integer.numberOfLeadingZeros", Range.of(0, 32)),
          Map.entry("java.lang.Integer.numberOfTrailingZeros", Range.of(0, 32)),
          Map.entry("java.lang.Long.bitCount", Range.of(0, 64)),
          Map.entry("java.lang.Long.numberOfLeadingZeros", Range.of(0, 64)),
          Map.entry("java.lang.Long.numberOfTrailingZeros", Range.of(0, 64)),
          Map.entry("java.lang.Character.digit", Range.of(-1, 35)));

  /**
   * The range the result of a call of {@code method} lies in, on a receiver of static type {@code
   * receiver} (null for a static call or an unqualified one); null when the method is not one of
   * these.
   */
  static @Nullable Range of(
      Context context, ExecutableElement method, @Nullable TypeMirror receiver) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    String name = method.getSimpleName().toString();
    Range known = RESULTS.get(owner.getQualifiedName() + "." + name);
    if (known != null) {
      return known;
    }
    if (name.equals("ordinal") && owner.getQualifiedName().contentEquals("java.lang.Enum")) {
      return ordinals(receiver);
    }
    if (name.equals("size")
        && method.getParameters().isEmpty()
        && owner.getQualifiedName().toString().startsWith("java.util.")
        && (subtype(context, owner, "java.util.Collection")
            || subtype(context, owner, "java.util.Map"))) {
      return COUNT;
    }
    return null;
  }

  /** 0 to the constants of the receiver's enum type less one; null where the type is not known. */
  private static @Nullable Range ordinals(@Nullable TypeMirror receiver) {
    if (!(receiver instanceof DeclaredType declared)
        || declared.asElement().getKind() != ElementKind.ENUM) {
      return null;
    }
    long constants = 0;
    for (Element member : declared.asElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants++;
      }
    }
    return constants == 0 ? null : Range.of(0, constants - 1);
  }

  private static boolean subtype(Context context, TypeElement owner, String supertype) {
    TypeElement other = context.elements.getTypeElement(supertype);
    return other != null
        && context.types.isSubtype(
            context.types.erasure(owner.asType()), context.types.erasure(other.asType()));
  }
}
