package org.abiguard.processor.guard.facts;

import java.math.BigInteger;
import java.util.Objects;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * What the guard knows about a value: the range of its mathematical (C) value, how the Java value
 * holds it, and where it came from. A {@code float} or {@code double} value's range counts
 * {@linkplain Floating ordinals}.
 *
 * @param range the values the C side would see
 * @param raw when non-null, the Java value holds the raw bits of this unsigned width in a signed
 *     Java type of the same size ({@code u32} in {@code int}): Java's signed operations
 *     (comparison, {@code /}, {@code >>}, widening) see {@code value - 2^bits} for the upper half
 * @param origin the source, written for messages, e.g. {@code field XenAddToPhysmap.space (u32)}
 * @param signExtended when non-null, the raw width whose bits Java sign-extended while widening
 *     them (e.g. a {@code u8} in a {@code byte} passed to an {@code int}): the negative part of the
 *     range only exists because of that
 * @param fromAbi the value derives from an ABI-annotated declaration (a field, parameter, return
 *     value or array element with a width) or an {@code Abi} helper, not only from constants and
 *     plain Java values: a plain variable that accumulates it in a loop is held to its Java type's
 *     range instead of becoming a plain value
 * @param javaBound for raw bits, null or a bound on the value as Java's signed operations see it,
 *     which one interval of unsigned values cannot express: after {@code x > 0xFFFF} fails on a
 *     {@code u32} in an {@code int}, {@code x} is {@code 0..0xFFFF} or {@code 0x80000000} and up
 *     (negative in Java), so a later {@code x < 0} check leaves {@code 0..0xFFFF}
 * @param floating when non-null, the value is of this floating-point type and {@code range} holds
 *     the {@linkplain Floating ordinals} of its values, not values (such a fact is never raw bits)
 * @param nan for a floating-point value, whether it may be NaN, which no range holds
 * @param partial the value may also be a plain one, with no fact (a lenient join of a known value
 *     and a plain one): the range holds what is known, which a sink is held to, but a check cannot
 *     prove an outcome impossible, since the plain value may take it
 * @param truncated the Java value kept only the low bits of some of these values (a cast to a
 *     narrower Java type, or a compound assignment's implicit one): the range holds the values from
 *     before as well, which a sink is still held to, and a check of the Java value cannot narrow
 *     them, since it sees only the bits that were kept ({@code int off = (int) u64; if (off <
 *     4096)} says nothing of the upper 32 bits)
 */
public record Fact(
    Range range,
    @Nullable Width raw,
    CharSequence origin,
    @Nullable Width signExtended,
    boolean fromAbi,
    @Nullable Range javaBound,
    @Nullable Floating floating,
    boolean nan,
    boolean partial,
    boolean truncated) {
  public Fact {
    Objects.requireNonNull(range);
    Objects.requireNonNull(origin);
  }

  /** An integral fact. */
  public Fact(
      Range range,
      @Nullable Width raw,
      CharSequence origin,
      @Nullable Width signExtended,
      boolean fromAbi,
      @Nullable Range javaBound) {
    this(range, raw, origin, signExtended, fromAbi, javaBound, null, false, false, false);
  }

  /** A fact with no bound beyond its range. */
  public Fact(
      Range range,
      @Nullable Width raw,
      CharSequence origin,
      @Nullable Width signExtended,
      boolean fromAbi) {
    this(range, raw, origin, signExtended, fromAbi, null);
  }

  /**
   * The fact of a floating-point value of type {@code type}: {@code ordinals} counts its values
   * other than NaN, {@code nan} says whether it may be NaN.
   */
  public static Fact ofFloating(
      Range ordinals, Floating type, boolean nan, CharSequence origin, boolean fromAbi) {
    return new Fact(ordinals, null, origin, null, fromAbi, null, type, nan, false, false);
  }

  /** A plain fact: the Java value is the value. */
  public static Fact plain(Range range, CharSequence origin) {
    return new Fact(range, null, origin, null, false);
  }

  /**
   * A literal written as raw bits ({@code 0xFFFFFFFF}, {@code 0xFFFFFFFFFFFFFFFEL}): Java reads it
   * as negative, but it is the bit pattern of an unsigned value of the literal's size, which is
   * what it means in an unsigned sink of that size.
   */
  public static Fact rawLiteral(BigInteger javaValue, JavaKind k) {
    BigInteger unsigned = javaValue.add(BigInteger.ONE.shiftLeft(k.bits()));
    return new Fact(
        Range.point(unsigned),
        new Width(k.bits(), false),
        "constant " + Range.hex(unsigned),
        null,
        false);
  }

  /**
   * The fact of a value of width {@code width} held in Java type {@code kind}: raw bits when the
   * Java type has exactly the width of an unsigned C type.
   */
  public static Fact declared(Width width, @Nullable JavaKind kind, CharSequence origin) {
    return new Fact(
        Range.of(width),
        kind != null && kind.holdsRawBits(width) ? width : null,
        origin,
        null,
        true);
  }

  /**
   * A value with range {@code values} held in Java type {@code kind}: plain when every value fits
   * the Java type as Java reads it, raw bits when it fits the unsigned type of the same size.
   * Otherwise Java keeps the low bits of each value (a cast, or a compound assignment's implicit
   * one), and the fact holds both: the values from before (a cast does not launder a value, so a
   * sink still reports them) and the values the wrap-around makes of them (so that a value made
   * negative, or large, is not missed: {@code (char) -1} is 0xFFFF). A non-negative value in a
   * signed type wraps to raw bits of its size, as {@code (short) u32} holds a {@code u16}'s bits.
   */
  public static Fact in(
      Range values,
      @Nullable JavaKind kind,
      CharSequence origin,
      @Nullable Width signExtended,
      boolean fromAbi) {
    if (kind == null || Range.of(kind).contains(values)) {
      return new Fact(values, null, origin, signExtended, fromAbi);
    }
    Range unsigned = Range.unsigned(kind.bits());
    if (kind.signed() && unsigned.contains(values)) {
      return new Fact(values, new Width(kind.bits(), false), origin, signExtended, fromAbi);
    }
    return kind.signed() && values.nonNegative()
        ? new Fact(
                values.hull(wrapped(values, unsigned)),
                new Width(kind.bits(), false),
                origin,
                signExtended,
                fromAbi)
            .truncatedIf(true)
        : new Fact(
                values.hull(wrapped(values, Range.of(kind))), null, origin, signExtended, fromAbi)
            .truncatedIf(true);
  }

  /** The values {@code values} take modulo the size of {@code target}, a type's range. */
  private static Range wrapped(Range values, Range target) {
    BigInteger size = target.hi().subtract(target.lo()).add(BigInteger.ONE);
    if (values.hi().subtract(values.lo()).compareTo(size) >= 0) {
      return target;
    }
    BigInteger lo = values.lo().subtract(target.lo()).mod(size).add(target.lo());
    BigInteger hi = values.hi().subtract(target.lo()).mod(size).add(target.lo());
    return lo.compareTo(hi) <= 0 ? new Range(lo, hi) : target;
  }

  /** The range of the Java value as Java's signed operations see it. */
  public Range javaRange() {
    Range r = unboundJavaRange();
    Range bounded = javaBound == null ? null : r.intersect(javaBound);
    return bounded == null ? r : bounded;
  }

  private Range unboundJavaRange() {
    if (raw == null) {
      return range;
    }
    BigInteger half = BigInteger.ONE.shiftLeft(raw.bits() - 1);
    BigInteger full = half.shiftLeft(1);
    if (range.hi().compareTo(half) < 0) {
      return range;
    }
    if (range.lo().compareTo(half) >= 0) {
      return new Range(range.lo().subtract(full), range.hi().subtract(full));
    }
    // both halves: the upper one becomes -half..hi-full, the lower one stays lo..half-1
    return new Range(half.negate(), half.subtract(BigInteger.ONE));
  }

  /**
   * Maps a range of Java values (as {@link #javaRange()} sees them) back to this fact's
   * representation, intersected with what it already knew; null when nothing is left. A {@link
   * #truncated()} fact stays as it is.
   */
  public @Nullable Fact restrictJava(Range java) {
    if (truncated) {
      return this; // the check saw the kept bits only
    }
    Range known = javaRange().intersect(java);
    if (known == null) {
      return null;
    }
    if (raw == null) {
      return withRange(known);
    }
    BigInteger full = BigInteger.ONE.shiftLeft(raw.bits());
    Range unsignedView;
    Range bound = null;
    if (known.nonNegative()) {
      unsignedView = known;
    } else if (known.hi().signum() < 0) {
      unsignedView = new Range(known.lo().add(full), known.hi().add(full));
    } else {
      // both signs: two intervals of unsigned values; keep the Java view as a bound
      unsignedView = Range.unsigned(raw.bits());
      bound = known;
    }
    Range left = range.intersect(unsignedView);
    return left == null
        ? null
        : new Fact(left, raw, origin, signExtended, fromAbi, bound).partialIf(partial);
  }

  /** This fact with other values (ordinals, for a floating-point value), and no Java bound. */
  public Fact withRange(Range values) {
    return new Fact(
        values, raw, origin, signExtended, fromAbi, null, floating, nan, partial, truncated);
  }

  /** This fact of a floating-point value, known not to be NaN. */
  public Fact notNan() {
    return nan
        ? new Fact(
            range,
            raw,
            origin,
            signExtended,
            fromAbi,
            javaBound,
            floating,
            false,
            partial,
            truncated)
        : this;
  }

  public Fact withOrigin(CharSequence newOrigin) {
    return new Fact(
        range, raw, newOrigin, signExtended, fromAbi, javaBound, floating, nan, partial, truncated);
  }

  /** This fact, derived from an ABI declaration as well when {@code abi} is true. */
  public Fact withAbi(boolean abi) {
    return abi == fromAbi || !abi
        ? this
        : new Fact(
            range, raw, origin, signExtended, true, javaBound, floating, nan, partial, truncated);
  }

  /** This fact, of a value that may also be a plain one when {@code plainToo} is true. */
  public Fact partialIf(boolean plainToo) {
    return !plainToo || partial
        ? this
        : new Fact(
            range, raw, origin, signExtended, fromAbi, javaBound, floating, nan, true, truncated);
  }

  /**
   * This fact, computed from {@code sources}: derived from an ABI declaration if one of them is,
   * and possibly plain if one of them may be.
   */
  public Fact from(@Nullable Fact... sources) {
    Fact result = this;
    for (Fact source : sources) {
      if (source != null) {
        result = result.withAbi(source.fromAbi).partialIf(source.partial);
      }
    }
    return result;
  }

  /** Whether {@code fact} is a fact derived from an ABI declaration. */
  @SuppressWarnings("AmbiguousMethodReference") // called, never referenced as Fact::fromAbi
  public static boolean fromAbi(@Nullable Fact fact) {
    return fact != null && fact.fromAbi;
  }

  /** Same values and representation (the origin does not count). */
  public boolean sameValues(@Nullable Fact other) {
    return other != null
        && range.equals(other.range)
        && Objects.equals(raw, other.raw)
        && Objects.equals(signExtended, other.signExtended)
        && Objects.equals(javaBound, other.javaBound)
        && floating == other.floating
        && nan == other.nan
        && partial == other.partial
        && truncated == other.truncated;
  }

  /**
   * The fact of a value that is either {@code a} or {@code b}. A side without a fact (null) adds
   * nothing the guard could check, so the other side is kept, marked {@link #partial()}: only known
   * values are held to a sink in lenient mode, but the plain ones may still take any branch.
   */
  public static @Nullable Fact join(@Nullable Fact a, @Nullable Fact b) {
    if (a == null || b == null) {
      Fact known = a == null ? b : a;
      return known == null ? null : known.partialIf(true);
    }
    return joinKnown(a, b)
        .partialIf(a.partial || b.partial)
        .truncatedIf(a.truncated || b.truncated);
  }

  /** This fact, of a value a cast may have truncated when {@code cut} is true. */
  public Fact truncatedIf(boolean cut) {
    return !cut || truncated
        ? this
        : new Fact(
            range, raw, origin, signExtended, fromAbi, javaBound, floating, nan, partial, true);
  }

  private static Fact joinKnown(Fact a, Fact b) {
    if (a.sameValues(b)) {
      return a.withAbi(b.fromAbi);
    }
    if (a.floating != null || b.floating != null) {
      return Floats.join(a, b);
    }
    CharSequence named = wider(a, b).origin;
    Width extended = a.signExtended != null ? a.signExtended : b.signExtended;
    boolean abi = a.fromAbi || b.fromAbi;
    if (Objects.equals(a.raw, b.raw)) {
      Range bound =
          a.javaBound != null && b.javaBound != null ? a.javaBound.hull(b.javaBound) : null;
      CharSequence origin = JoinedOrigin.of(named, a, a.range, b, b.range);
      return new Fact(a.range.hull(b.range), a.raw, origin, extended, abi, bound);
    }
    // one is raw bits, the other plain: join in the raw view when the plain side is non-negative
    Fact rawSide = a.raw != null ? a : b;
    Fact plainSide = a.raw != null ? b : a;
    Width rawWidth = Objects.requireNonNull(rawSide.raw, "the sides differ, so one holds raw bits");
    if (plainSide.range.nonNegative()
        && Range.unsigned(rawWidth.bits()).contains(plainSide.range)) {
      CharSequence origin = JoinedOrigin.of(named, a, a.range, b, b.range);
      return new Fact(rawSide.range.hull(plainSide.range), rawWidth, origin, extended, abi);
    }
    CharSequence origin = JoinedOrigin.of(named, a, a.javaRange(), b, b.javaRange());
    return new Fact(a.javaRange().hull(b.javaRange()), null, origin, extended, abi);
  }

  /**
   * The side a joined value's origin is named after: the wider one, unless that is a constant
   * beside a value.
   */
  static Fact wider(Fact a, Fact b) {
    return wider(a.range, b.range) ? a : b;
  }

  /**
   * Whether values {@code a} name a joined value rather than values {@code b}: the wider, unless
   * that is a constant beside a value.
   */
  static boolean wider(Range a, Range b) {
    if (a.isPoint() != b.isPoint()) {
      return b.isPoint();
    }
    int hi = a.hi().compareTo(b.hi());
    if (hi != 0) {
      return hi > 0;
    }
    return a.lo().compareTo(b.lo()) <= 0;
  }

  @Override
  public String toString() {
    return origin
        + " "
        + range
        + (raw != null ? " raw " + raw : "")
        + (signExtended != null ? " sign-extended " + signExtended : "")
        + (javaBound != null ? " java " + javaBound : "")
        + (floating != null ? " " + floating.keyword() + " ordinals" : "")
        + (nan ? " or NaN" : "")
        + (partial ? " or plain" : "");
  }
}
