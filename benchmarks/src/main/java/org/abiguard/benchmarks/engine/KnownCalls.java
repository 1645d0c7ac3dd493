package org.abiguard.benchmarks.engine;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The results of the library calls the prototype knows: {@code Math.min/max}, abiguard's
 * {@code Abi.check*} and {@code Abi.trunc*} helpers, {@code Integer.toUnsignedLong},
 * {@code Byte/Short.toUnsignedInt/Long}.
 */
final class KnownCalls {
  private KnownCalls() {}

  /** The result of a call to {@code m} with argument values {@code args}, or null when not known. */
  static Interval result(ExecutableElement m, List<Interval> args) {
    if (!(m.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    String key = owner.getQualifiedName() + "." + m.getSimpleName();
    return switch (key) {
      case "org.abiguard.Abi.checkU8", "org.abiguard.Abi.truncU8" -> new Interval(0, 0xFF);
      case "org.abiguard.Abi.checkU16", "org.abiguard.Abi.truncU16" -> new Interval(0, 0xFFFF);
      case "org.abiguard.Abi.checkU32", "org.abiguard.Abi.truncU32" -> new Interval(0, 0xFFFF_FFFFL);
      case "org.abiguard.Abi.checkS8" -> new Interval(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "org.abiguard.Abi.checkS16" -> new Interval(Short.MIN_VALUE, Short.MAX_VALUE);
      case "org.abiguard.Abi.checkS32" -> new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "java.lang.Integer.toUnsignedLong" -> toUnsigned(arg(args, 0), 0xFFFF_FFFFL);
      case "java.lang.Short.toUnsignedInt", "java.lang.Short.toUnsignedLong" -> toUnsigned(arg(args, 0), 0xFFFF);
      case "java.lang.Byte.toUnsignedInt", "java.lang.Byte.toUnsignedLong" -> toUnsigned(arg(args, 0), 0xFF);
      case "java.lang.Math.min", "java.lang.StrictMath.min" -> minMax(args, true);
      case "java.lang.Math.max", "java.lang.StrictMath.max" -> minMax(args, false);
      default -> null;
    };
  }

  private static Interval arg(List<Interval> args, int i) {
    return i < args.size() ? args.get(i) : null;
  }

  private static Interval toUnsigned(Interval v, long max) {
    return v != null && v.lo() >= 0 && v.hi() <= max ? v : new Interval(0, max);
  }

  private static Interval minMax(List<Interval> args, boolean min) {
    Interval a = arg(args, 0);
    Interval b = arg(args, 1);
    if (a == null || b == null) {
      return null;
    }
    return min ? new Interval(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()))
        : new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
  }
}
