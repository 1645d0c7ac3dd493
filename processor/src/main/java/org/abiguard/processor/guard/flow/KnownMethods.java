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

/**
 * Methods whose result the guard understands: abiguard's {@code Abi} helpers, the JDK's
 * unsigned conversions and arithmetic, and {@code Math.min/max/floorMod/toIntExact}.
 */
final class KnownMethods {
  private KnownMethods() {}

  /** Whether {@link #apply} understands the method. */
  static boolean known(ExecutableElement m) {
    return KEYS.contains(key(m));
  }

  private static final java.util.Set<String> KEYS = java.util.Set.of(
      "org.abiguard.Abi.checkU8", "org.abiguard.Abi.checkU16", "org.abiguard.Abi.checkU32",
      "org.abiguard.Abi.checkS8", "org.abiguard.Abi.checkS16", "org.abiguard.Abi.checkS32",
      "org.abiguard.Abi.truncU8", "org.abiguard.Abi.truncU16", "org.abiguard.Abi.truncU32",
      "java.lang.Integer.toUnsignedLong", "java.lang.Short.toUnsignedInt", "java.lang.Short.toUnsignedLong",
      "java.lang.Byte.toUnsignedInt", "java.lang.Byte.toUnsignedLong", "java.lang.Integer.divideUnsigned",
      "java.lang.Long.divideUnsigned", "java.lang.Integer.remainderUnsigned", "java.lang.Long.remainderUnsigned",
      "java.lang.Math.min", "java.lang.StrictMath.min", "java.lang.Math.max", "java.lang.StrictMath.max",
      "java.lang.Math.floorMod", "java.lang.StrictMath.floorMod", "java.lang.Math.toIntExact",
      "java.lang.StrictMath.toIntExact");

  private static final Fact NOT_KNOWN = Fact.plain(Range.of(0, 0), "not known");

  private static String key(ExecutableElement m) {
    if (!(m.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    return owner.getQualifiedName() + "." + m.getSimpleName();
  }

  /**
   * The fact of the call's result; {@code args} are the argument facts converted to the
   * parameter types (null where unknown). Null when the method is known but the result is not.
   */
  static Fact apply(ExecutableElement m, List<Fact> args, JavaKind result) {
    Fact f = result(key(m), args, result);
    return f == NOT_KNOWN ? null : f;
  }

  private static Fact result(String key, List<Fact> a, JavaKind k) {
    if (key == null) {
      return NOT_KNOWN;
    }
    switch (key) {
      case "org.abiguard.Abi.checkU8": return check(Width.U8, arg(a, 0), k, "checkU8");
      case "org.abiguard.Abi.checkU16": return check(Width.U16, arg(a, 0), k, "checkU16");
      case "org.abiguard.Abi.checkU32": return check(Width.U32, arg(a, 0), k, "checkU32");
      case "org.abiguard.Abi.checkS8": return check(Width.S8, arg(a, 0), k, "checkS8");
      case "org.abiguard.Abi.checkS16": return check(Width.S16, arg(a, 0), k, "checkS16");
      case "org.abiguard.Abi.checkS32": return check(Width.S32, arg(a, 0), k, "checkS32");
      case "org.abiguard.Abi.truncU8": return trunc(Width.U8, arg(a, 0), k, "truncU8");
      case "org.abiguard.Abi.truncU16": return trunc(Width.U16, arg(a, 0), k, "truncU16");
      case "org.abiguard.Abi.truncU32": return trunc(Width.U32, arg(a, 0), k, "truncU32");
      case "java.lang.Integer.toUnsignedLong": return toUnsigned(32, arg(a, 0), k, "Integer.toUnsignedLong");
      case "java.lang.Short.toUnsignedInt", "java.lang.Short.toUnsignedLong":
        return toUnsigned(16, arg(a, 0), k, "Short.toUnsigned...");
      case "java.lang.Byte.toUnsignedInt", "java.lang.Byte.toUnsignedLong":
        return toUnsigned(8, arg(a, 0), k, "Byte.toUnsigned...");
      case "java.lang.Integer.divideUnsigned": return divideUnsigned(32, a, k);
      case "java.lang.Long.divideUnsigned": return divideUnsigned(64, a, k);
      case "java.lang.Integer.remainderUnsigned": return remainderUnsigned(32, a, k);
      case "java.lang.Long.remainderUnsigned": return remainderUnsigned(64, a, k);
      case "java.lang.Math.min", "java.lang.StrictMath.min":
        return k == null ? null : Arith.minMax(true, arg(a, 0), arg(a, 1), "Math.min(...)");
      case "java.lang.Math.max", "java.lang.StrictMath.max":
        return k == null ? null : Arith.minMax(false, arg(a, 0), arg(a, 1), "Math.max(...)");
      case "java.lang.Math.floorMod", "java.lang.StrictMath.floorMod": return floorMod(a, k);
      case "java.lang.Math.toIntExact", "java.lang.StrictMath.toIntExact": {
        Fact x = arg(a, 0);
        Range r = x == null ? Range.of(JavaKind.INT) : x.javaRange().intersect(Range.of(JavaKind.INT));
        return r == null ? null : x == null ? null : Fact.plain(r, x.origin()).withAbi(x.fromAbi());
      }
      default: return NOT_KNOWN;
    }
  }

  private static Fact arg(List<Fact> a, int i) {
    return i < a.size() ? a.get(i) : null;
  }

  private static Fact check(Width w, Fact x, JavaKind k, String name) {
    Range r = Range.of(w);
    if (x != null && r.intersect(x.range()) != null) {
      r = r.intersect(x.range());
    }
    return Fact.in(r, k, "result of Abi." + name + "(...) (" + w + ")", null, true);
  }

  private static Fact trunc(Width w, Fact x, JavaKind k, String name) {
    if (x != null && Range.of(w).contains(x.range())) {
      return Fact.in(x.range(), k, x.origin(), null, true);
    }
    return Fact.in(Range.of(w), k, "result of Abi." + name + "(...) (" + w + ")", null, true);
  }

  private static Fact toUnsigned(int bits, Fact x, JavaKind k, String name) {
    if (x == null) {
      return Fact.in(Range.unsigned(bits), k, "result of " + name + "(...) (u" + bits + ")", null, false);
    }
    return Fact.in(Arith.unsignedView(x, bits), k, x.origin(), null, x.fromAbi());
  }

  private static Fact divideUnsigned(int bits, List<Fact> a, JavaKind k) {
    Fact x = arg(a, 0);
    Fact y = arg(a, 1);
    Range ux = x == null ? Range.unsigned(bits) : Arith.unsignedView(x, bits);
    BigInteger hi = ux.hi();
    BigInteger lo = BigInteger.ZERO;
    if (y != null) {
      Range uy = Arith.unsignedView(y, bits);
      if (uy.lo().signum() > 0) {
        hi = ux.hi().divide(uy.lo());
        lo = ux.lo().divide(uy.hi());
      }
    }
    return Fact.in(new Range(lo, hi), k, "result of divideUnsigned(...) (u" + bits + ")", null,
        Fact.fromAbi(x) || Fact.fromAbi(y));
  }

  private static Fact remainderUnsigned(int bits, List<Fact> a, JavaKind k) {
    Fact x = arg(a, 0);
    Fact y = arg(a, 1);
    BigInteger hi = x == null ? Range.unsignedMax(bits) : Arith.unsignedView(x, bits).hi();
    if (y != null) {
      BigInteger m = Arith.unsignedView(y, bits).hi().subtract(BigInteger.ONE);
      if (m.signum() >= 0) {
        hi = hi.min(m);
      }
    }
    return Fact.in(new Range(BigInteger.ZERO, hi), k, "result of remainderUnsigned(...) (u" + bits + ")", null,
        Fact.fromAbi(x) || Fact.fromAbi(y));
  }

  private static Fact floorMod(List<Fact> a, JavaKind k) {
    Fact y = arg(a, 1);
    if (y == null || k == null) {
      return null;
    }
    Range m = y.javaRange();
    if (m.lo().signum() > 0) {
      return Fact.plain(new Range(BigInteger.ZERO, m.hi().subtract(BigInteger.ONE)), "result of Math.floorMod(...)")
          .withAbi(y.fromAbi() || Fact.fromAbi(arg(a, 0)));
    }
    if (m.hi().signum() < 0) {
      return Fact.plain(new Range(m.lo().add(BigInteger.ONE), BigInteger.ZERO), "result of Math.floorMod(...)")
          .withAbi(y.fromAbi() || Fact.fromAbi(arg(a, 0)));
    }
    return null;
  }
}
