package org.abiguard.processor.guard.sinks;

import java.math.BigInteger;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Holds a fact against a sink and, where values can be lost, writes the diagnostic: which
 * source reaches which sink, which values are lost, and how to fix it.
 */
public final class SinkChecker {
  private static final int MAX_EXPRESSION_TEXT = 40;

  private SinkChecker() {}

  /** A diagnostic to report. */
  public record Finding(AbiKind kind, String message) {}

  /**
   * Checks the fact of the value that reaches the sink; {@code text} is the source text of the
   * value (casts stripped) for the suggested check. Null when every value fits.
   */
  public static @Nullable Finding check(@Nullable Fact f, Sink sink, @Nullable CharSequence text) {
    if (f == null) {
      return null;
    }
    Range allowed = Range.of(sink.width());
    Range r = f.range();
    if (allowed.contains(r) && (f.signExtended() == null || r.lo().signum() >= 0)) {
      return null;
    }
    String e = text == null || text.length() > MAX_EXPRESSION_TEXT ? "value" : text.toString();
    Width extended = f.signExtended();
    if (extended != null && r.lo().signum() < 0) {
      return signExtension(f, extended, sink, e);
    }
    if (allowed.contains(r)) {
      return null;
    }
    boolean above = r.hi().compareTo(allowed.hi()) > 0;
    if (!above && !sink.width().signed()) {
      return negative(f, sink, e);
    }
    return narrowing(f, sink, e, allowed);
  }

  private static Finding narrowing(Fact f, Sink sink, String e, Range allowed) {
    Range r = f.range();
    Width w = sink.width();
    StringBuilder lost = new StringBuilder();
    if (r.lo().compareTo(allowed.lo()) < 0) {
      lost.append(new Range(r.lo(), r.hi().min(allowed.lo().subtract(BigInteger.ONE))));
    }
    if (r.hi().compareTo(allowed.hi()) > 0) {
      if (lost.length() > 0) {
        lost.append(" and ");
      }
      lost.append(new Range(r.lo().max(allowed.hi().add(BigInteger.ONE)), r.hi()));
    }
    boolean turnsNegative = w.signed() && r.lo().compareTo(allowed.lo()) >= 0
        && r.hi().compareTo(Range.unsignedMax(w.bits())) <= 0;
    String fits = smallestWidth(r);
    String check = "if (" + rangeCheck(f, e, allowed) + ") return -EINVAL;";
    StringBuilder m = new StringBuilder()
        .append(f.origin()).append(" can reach ").append(sink.description()).append(": values ").append(lost)
        .append(turnsNegative ? " would turn negative. " : " would be truncated. ")
        .append(fits == null ? "" : "Widen the " + sink.noun() + " to " + fits + ", ")
        .append(fits == null ? "Check the range first (" : "check the range first (").append(check).append(")");
    String helpers = helpers(w);
    if (helpers != null) {
      m.append(", or write ").append(helpers).append(" to make the conversion explicit.");
    } else {
      m.append('.');
    }
    return new Finding(AbiKind.NARROWING, m.toString());
  }

  private static Finding negative(Fact f, Sink sink, String e) {
    Range r = f.range();
    Range neg = new Range(r.lo(), r.hi().min(BigInteger.ONE.negate()));
    String helper = checker(sink.width());
    String m = f.origin() + " can reach " + sink.description() + ": negative values " + neg
        + " would become huge " + sink.width() + " values. Check the sign first (if (" + e
        + " < 0) return -EINVAL;)" + (helper == null ? "." : ", or write " + helper + " to make the conversion explicit.");
    return new Finding(AbiKind.SIGN, m);
  }

  private static Finding signExtension(Fact f, Width raw, Sink sink, String e) {
    Range neg = new Range(f.range().lo(), f.range().hi().min(BigInteger.ONE.negate()));
    BigInteger full = BigInteger.ONE.shiftLeft(raw.bits());
    Range orig = new Range(neg.lo().add(full), neg.hi().add(full));
    String fix = switch (raw.bits()) {
      case 8 -> (sink.kind().bits() > 32 ? "Byte.toUnsignedLong(" : "Byte.toUnsignedInt(") + e + ") or (" + e + " & 0xFF)";
      case 16 -> (sink.kind().bits() > 32 ? "Short.toUnsignedLong(" : "Short.toUnsignedInt(") + e + ") or (" + e + " & 0xFFFF)";
      default -> "Integer.toUnsignedLong(" + e + ") or (" + e + " & 0xFFFFFFFFL)";
    };
    String m = f.origin() + " can reach " + sink.description() + " through Java's sign-extending widening: raw "
        + raw + " values " + orig + " arrive as " + neg + ". Write " + fix + " to widen them as unsigned.";
    return new Finding(AbiKind.SIGN, m);
  }

  private static String rangeCheck(Fact f, String e, Range allowed) {
    String hi = e + " > " + Range.hex(allowed.hi());
    if (f.raw() != null) {
      // raw bits: the upper half of the unsigned values is negative in Java
      boolean sameWidth = allowed.hi().compareTo(Range.signedMax(f.raw().bits())) >= 0;
      return sameWidth ? e + " < 0" : e + " < 0 || " + hi;
    }
    if (allowed.lo().signum() < 0) {
      return f.range().lo().compareTo(allowed.lo()) < 0 ? e + " < " + Range.hex(allowed.lo()) + " || " + hi : hi;
    }
    return f.range().lo().signum() < 0 ? e + " < 0 || " + hi : hi;
  }

  /** The narrowest C width that holds every value of the range, or null. */
  static @Nullable String smallestWidth(Range r) {
    for (int bits : new int[] {8, 16, 32, 64}) {
      Width w = new Width(bits, !r.nonNegative());
      if (Range.of(w).contains(r)) {
        return w.toString();
      }
    }
    return null;
  }

  private static @Nullable String checker(Width w) {
    return w.bits() == 64 ? null : "Abi.check" + (w.signed() ? "S" : "U") + w.bits() + "(...)";
  }

  private static @Nullable String helpers(Width w) {
    String check = checker(w);
    if (check == null) {
      return null;
    }
    return w.signed() ? check : check + " / Abi.truncU" + w.bits() + "(...)";
  }
}
