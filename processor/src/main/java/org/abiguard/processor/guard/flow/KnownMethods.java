package org.abiguard.processor.guard.flow;

import java.math.BigInteger;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Methods whose result the guard understands: abiguard's {@code Abi} helpers, the JDK's unsigned
 * conversions and arithmetic, and {@code Math.min/max/floorMod/toIntExact}.
 */
final class KnownMethods {
  private KnownMethods() {}

  /** Whether {@link #apply} understands the method. */
  static boolean known(ExecutableElement method) {
    return KEYS.contains(key(method));
  }

  private static final java.util.Set<String> KEYS =
      java.util.Set.of(
          "org.abiguard.Abi.checkU8",
          "org.abiguard.Abi.checkU16",
          "org.abiguard.Abi.checkU32",
          "org.abiguard.Abi.checkS8",
          "org.abiguard.Abi.checkS16",
          "org.abiguard.Abi.checkS32",
          "org.abiguard.Abi.truncU8",
          "org.abiguard.Abi.truncU16",
          "org.abiguard.Abi.truncU32",
          "java.lang.Integer.toUnsignedLong",
          "java.lang.Short.toUnsignedInt",
          "java.lang.Short.toUnsignedLong",
          "java.lang.Byte.toUnsignedInt",
          "java.lang.Byte.toUnsignedLong",
          "java.lang.Integer.divideUnsigned",
          "java.lang.Long.divideUnsigned",
          "java.lang.Integer.remainderUnsigned",
          "java.lang.Long.remainderUnsigned",
          "java.lang.Math.min",
          "java.lang.StrictMath.min",
          "java.lang.Math.max",
          "java.lang.StrictMath.max",
          "java.lang.Math.floorMod",
          "java.lang.StrictMath.floorMod",
          "java.lang.Math.toIntExact",
          "java.lang.StrictMath.toIntExact");

  /**
   * Whether the method's result lies in its range whatever the argument, known or not: the {@code
   * Abi} helpers and the unsigned conversions.
   */
  static boolean bounding(ExecutableElement method) {
    String key = key(method);
    return key != null && (key.startsWith("org.abiguard.Abi.") || key.contains(".toUnsigned"));
  }

  private static final Fact NOT_KNOWN = Fact.plain(Range.of(0, 0), "not known");

  private static @Nullable String key(ExecutableElement method) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    return owner.getQualifiedName() + "." + method.getSimpleName();
  }

  /**
   * The fact of the call's result; {@code arguments} are the argument facts converted to the
   * parameter types (null where unknown). Null when the method is known but the result is not.
   */
  @SuppressWarnings(
      "ReferenceEquality") // NOT_KNOWN is a marker: the very object, not an equal fact
  static @Nullable Fact apply(
      ExecutableElement method, List<@Nullable Fact> arguments, @Nullable JavaKind result) {
    Fact value = result(key(method), arguments, result);
    return value == NOT_KNOWN ? null : value;
  }

  private static @Nullable Fact result(
      @Nullable String key, List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    if (key == null) {
      return NOT_KNOWN;
    }
    switch (key) {
      case "org.abiguard.Abi.checkU8":
        return check(Width.U8, argument(arguments, 0), kind, "checkU8");
      case "org.abiguard.Abi.checkU16":
        return check(Width.U16, argument(arguments, 0), kind, "checkU16");
      case "org.abiguard.Abi.checkU32":
        return check(Width.U32, argument(arguments, 0), kind, "checkU32");
      case "org.abiguard.Abi.checkS8":
        return check(Width.S8, argument(arguments, 0), kind, "checkS8");
      case "org.abiguard.Abi.checkS16":
        return check(Width.S16, argument(arguments, 0), kind, "checkS16");
      case "org.abiguard.Abi.checkS32":
        return check(Width.S32, argument(arguments, 0), kind, "checkS32");
      case "org.abiguard.Abi.truncU8":
        return trunc(Width.U8, argument(arguments, 0), kind, "truncU8");
      case "org.abiguard.Abi.truncU16":
        return trunc(Width.U16, argument(arguments, 0), kind, "truncU16");
      case "org.abiguard.Abi.truncU32":
        return trunc(Width.U32, argument(arguments, 0), kind, "truncU32");
      case "java.lang.Integer.toUnsignedLong":
        return toUnsigned(32, argument(arguments, 0), kind, "Integer.toUnsignedLong");
      case "java.lang.Short.toUnsignedInt", "java.lang.Short.toUnsignedLong":
        return toUnsigned(16, argument(arguments, 0), kind, "Short.toUnsigned...");
      case "java.lang.Byte.toUnsignedInt", "java.lang.Byte.toUnsignedLong":
        return toUnsigned(8, argument(arguments, 0), kind, "Byte.toUnsigned...");
      case "java.lang.Integer.divideUnsigned":
        return divideUnsigned(32, arguments, kind);
      case "java.lang.Long.divideUnsigned":
        return divideUnsigned(64, arguments, kind);
      case "java.lang.Integer.remainderUnsigned":
        return remainderUnsigned(32, arguments, kind);
      case "java.lang.Long.remainderUnsigned":
        return remainderUnsigned(64, arguments, kind);
      case "java.lang.Math.min", "java.lang.StrictMath.min":
        return kind == null
            ? null
            : Arith.minMax(true, argument(arguments, 0), argument(arguments, 1), "Math.min(...)");
      case "java.lang.Math.max", "java.lang.StrictMath.max":
        return kind == null
            ? null
            : Arith.minMax(false, argument(arguments, 0), argument(arguments, 1), "Math.max(...)");
      case "java.lang.Math.floorMod", "java.lang.StrictMath.floorMod":
        return floorMod(arguments, kind);
      case "java.lang.Math.toIntExact", "java.lang.StrictMath.toIntExact":
        {
          Fact value = argument(arguments, 0);
          Range range =
              value == null
                  ? Range.of(JavaKind.INT)
                  : value.javaRange().intersect(Range.of(JavaKind.INT));
          return range == null
              ? null
              : value == null ? null : Fact.plain(range, value.origin()).withAbi(value.fromAbi());
        }
      default:
        return NOT_KNOWN;
    }
  }

  private static @Nullable Fact argument(List<@Nullable Fact> arguments, int i) {
    return i < arguments.size() ? arguments.get(i) : null;
  }

  private static Fact check(
      Width width, @Nullable Fact value, @Nullable JavaKind kind, String name) {
    Range range = Range.of(width);
    // the helper sees the Java value: raw bits of the upper half are negative to it
    Range checked = value == null ? null : range.intersect(value.javaRange());
    if (checked != null) {
      range = checked;
    }
    return Fact.in(range, kind, "result of Abi." + name + "(...) (" + width + ")", null, true);
  }

  private static Fact trunc(
      Width width, @Nullable Fact value, @Nullable JavaKind kind, String name) {
    if (value != null && Range.of(width).contains(value.javaRange())) {
      return Fact.in(value.javaRange(), kind, value.origin(), null, true);
    }
    return Fact.in(
        Range.of(width), kind, "result of Abi." + name + "(...) (" + width + ")", null, true);
  }

  private static Fact toUnsigned(
      int bits, @Nullable Fact value, @Nullable JavaKind kind, String name) {
    if (value == null) {
      return Fact.in(
          Range.unsigned(bits), kind, "result of " + name + "(...) (u" + bits + ")", null, false);
    }
    return Fact.in(Arith.unsignedView(value, bits), kind, value.origin(), null, value.fromAbi());
  }

  private static Fact divideUnsigned(
      int bits, List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact x = argument(arguments, 0);
    Fact y = argument(arguments, 1);
    Range dividend = x == null ? Range.unsigned(bits) : Arith.unsignedView(x, bits);
    BigInteger hi = dividend.hi();
    BigInteger lo = BigInteger.ZERO;
    if (y != null) {
      Range divisor = Arith.unsignedView(y, bits);
      if (divisor.lo().signum() > 0) {
        hi = dividend.hi().divide(divisor.lo());
        lo = dividend.lo().divide(divisor.hi());
      }
    }
    return Fact.in(
        new Range(lo, hi),
        kind,
        "result of divideUnsigned(...) (u" + bits + ")",
        null,
        Fact.fromAbi(x) || Fact.fromAbi(y));
  }

  private static Fact remainderUnsigned(
      int bits, List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact x = argument(arguments, 0);
    Fact y = argument(arguments, 1);
    BigInteger hi = x == null ? Range.unsignedMax(bits) : Arith.unsignedView(x, bits).hi();
    if (y != null) {
      BigInteger largest = Arith.unsignedView(y, bits).hi().subtract(BigInteger.ONE);
      if (largest.signum() >= 0) {
        hi = hi.min(largest);
      }
    }
    return Fact.in(
        new Range(BigInteger.ZERO, hi),
        kind,
        "result of remainderUnsigned(...) (u" + bits + ")",
        null,
        Fact.fromAbi(x) || Fact.fromAbi(y));
  }

  private static @Nullable Fact floorMod(List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact y = argument(arguments, 1);
    if (y == null || kind == null) {
      return null;
    }
    Range divisor = y.javaRange();
    if (divisor.lo().signum() > 0) {
      return Fact.plain(
              new Range(BigInteger.ZERO, divisor.hi().subtract(BigInteger.ONE)),
              "result of Math.floorMod(...)")
          .withAbi(y.fromAbi() || Fact.fromAbi(argument(arguments, 0)));
    }
    if (divisor.hi().signum() < 0) {
      return Fact.plain(
              new Range(divisor.lo().add(BigInteger.ONE), BigInteger.ZERO),
              "result of Math.floorMod(...)")
          .withAbi(y.fromAbi() || Fact.fromAbi(argument(arguments, 0)));
    }
    return null;
  }
}
