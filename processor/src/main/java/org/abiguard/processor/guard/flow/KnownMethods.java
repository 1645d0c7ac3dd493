package org.abiguard.processor.guard.flow;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * conversions and arithmetic, {@code Math.min/max/abs/clamp/floorDiv/ceilDiv/floorMod/toIntExact},
 * the {@code ...Exact} arithmetic, {@code Integer}'s and {@code Long}'s {@code min/max/signum/sum},
 * the bit movers ({@code reverseBytes}, {@code reverse}, {@code rotateLeft/Right}: any value) and
 * {@code highestOneBit/lowestOneBit}, {@code Objects.checkIndex}, {@code checkFromIndexSize} and
 * {@code checkFromToIndex}, and Guava's checked and saturated casts ({@code Chars.checkedCast},
 * {@code UnsignedInts.saturatedCast}...) and index checks ({@code checkElementIndex}, {@code
 * checkPositionIndex}, {@code checkPositionIndexes}). The {@code float} and {@code double}
 * overloads of {@code Math}'s methods are {@link FloatingMethods}'.
 */
final class KnownMethods {
  private KnownMethods() {}

  /** Whether {@link #apply} understands the method. */
  static boolean known(ExecutableElement method) {
    String key = key(method);
    return key != null && RULES.containsKey(key);
  }

  /**
   * Whether the method's result lies in its range whatever the argument, known or not: the {@code
   * Abi} helpers and the unsigned conversions.
   */
  static boolean bounding(ExecutableElement method) {
    String key = key(method);
    return key != null
        && (key.startsWith("org.abiguard.Abi.")
            || key.contains(".toUnsigned")
            || GUAVA_CHECKED_CASTS.containsKey(key)
            || GUAVA_SATURATED_CASTS.containsKey(key));
  }

  /**
   * The Java values of its first argument a call returns normally for, when the method throws on
   * the others: an {@code Abi.check...} helper's or a Guava checked cast's width, {@code
   * Objects.checkIndex(i, n)}'s {@code 0..n-1}; null for any other method, or when the length is
   * not known.
   */
  private static @Nullable Range passes(ExecutableElement method, List<@Nullable Fact> arguments) {
    Width width = checked(method);
    if (width != null && arguments.size() == 1) {
      return Range.of(width);
    }
    String key = key(method);
    return key == null ? null : indexPassed(key, arguments);
  }

  /**
   * What each argument of a call is once the call returns normally, when the method throws on the
   * others: {@link #passes} for the first; and for a check of a range, {@code
   * Objects.checkFromIndexSize(from, size, length)}, {@code Objects.checkFromToIndex(from, to,
   * length)} and Guava's {@code checkPositionIndexes(start, end, size)}, {@code 0..length} for each
   * of the first two. Null entries where nothing is proved; null for any other method.
   */
  static @Nullable List<@Nullable Range> passesEach(
      ExecutableElement method, List<@Nullable Fact> arguments) {
    Range first = passes(method, arguments);
    if (first != null) {
      return java.util.Collections.singletonList(first);
    }
    String key = key(method);
    Range bounds = key == null ? null : rangePassed(key, arguments);
    return bounds == null ? null : java.util.Arrays.<@Nullable Range>asList(bounds, bounds, null);
  }

  /** Guava's {@code checkPositionIndexes(start, end, size)}: {@code 0 <= start <= end <= size}. */
  private static final String POSITION_INDEXES =
      "com.google.common.base.Preconditions.checkPositionIndexes";

  /**
   * The values both ends (or the start and the size) of a range check return normally for: {@code
   * 0..length}, where the length is known; null for another method.
   */
  private static @Nullable Range rangePassed(String key, List<@Nullable Fact> arguments) {
    if (arguments.size() != 3
        || !(key.equals("java.util.Objects.checkFromIndexSize")
            || key.equals("java.util.Objects.checkFromToIndex")
            || key.equals(POSITION_INDEXES))) {
      return null;
    }
    return checkedIndex(ZERO, arguments.get(2), 0);
  }

  /**
   * The indexes an index check returns normally for: {@code Objects.checkIndex(i, n)} and Guava's
   * {@code checkElementIndex(i, n)} (with or without a description) {@code 0..n-1}, Guava's {@code
   * checkPositionIndex(i, n)} {@code 0..n}; null for another method or when not known.
   */
  private static @Nullable Range indexPassed(String key, List<@Nullable Fact> arguments) {
    boolean guava = key.equals(ELEMENT_INDEX) || key.equals(POSITION_INDEX);
    if (!(key.equals("java.util.Objects.checkIndex") && arguments.size() == 2)
        && !(guava && (arguments.size() == 2 || arguments.size() == 3))) {
      return null;
    }
    return checkedIndex(arguments.get(0), arguments.get(1), key.equals(POSITION_INDEX) ? 0 : 1);
  }

  /**
   * The width an {@code Abi.checkU8...checkS32} call or a Guava checked cast proves its argument to
   * have once it returns (it throws otherwise); null for any other method.
   */
  private static @Nullable Width checked(ExecutableElement method) {
    String key = key(method);
    if (key == null) {
      return null;
    }
    Width guava = GUAVA_CHECKED_CASTS.get(key);
    if (guava != null || !key.startsWith("org.abiguard.Abi.check")) {
      return guava;
    }
    return switch (key.substring("org.abiguard.Abi.check".length())) {
      case "U8" -> Width.U8;
      case "U16" -> Width.U16;
      case "U32" -> Width.U32;
      case "S8" -> Width.S8;
      case "S16" -> Width.S16;
      case "S32" -> Width.S32;
      default -> null;
    };
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

  /**
   * Guava's checked casts from {@code long}, each of which throws unless its argument is within the
   * width of its result type ({@code UnsignedBytes} and {@code UnsignedInts} return the raw bits of
   * an unsigned value), by owner and name, with that width.
   */
  private static final Map<String, Width> GUAVA_CHECKED_CASTS =
      Map.of(
          "com.google.common.primitives.Chars.checkedCast", Width.U16,
          "com.google.common.primitives.Shorts.checkedCast", Width.S16,
          "com.google.common.primitives.Ints.checkedCast", Width.S32,
          "com.google.common.primitives.SignedBytes.checkedCast", Width.S8,
          "com.google.common.primitives.UnsignedBytes.checkedCast", Width.U8,
          "com.google.common.primitives.UnsignedInts.checkedCast", Width.U32);

  /**
   * Guava's saturated casts from {@code long}, each of which returns the nearest value its result
   * type holds ({@code UnsignedBytes} and {@code UnsignedInts} the raw bits of an unsigned one), by
   * owner and name, with that width.
   */
  private static final Map<String, Width> GUAVA_SATURATED_CASTS =
      Map.of(
          "com.google.common.primitives.Chars.saturatedCast", Width.U16,
          "com.google.common.primitives.Shorts.saturatedCast", Width.S16,
          "com.google.common.primitives.Ints.saturatedCast", Width.S32,
          "com.google.common.primitives.SignedBytes.saturatedCast", Width.S8,
          "com.google.common.primitives.UnsignedBytes.saturatedCast", Width.U8,
          "com.google.common.primitives.UnsignedInts.saturatedCast", Width.U32);

  /** Guava's {@code checkElementIndex(index, size)}: like {@code Objects.checkIndex}. */
  private static final String ELEMENT_INDEX =
      "com.google.common.base.Preconditions.checkElementIndex";

  /** Guava's {@code checkPositionIndex(index, size)}: an index from 0 to {@code size}. */
  private static final String POSITION_INDEX =
      "com.google.common.base.Preconditions.checkPositionIndex";

  /** What a known method returns, by its key (the class's qualified name, a dot, its name). */
  private static final Map<String, Rule> RULES = rules();

  /** The result of a call of a known method: null when known but not what it returns. */
  private interface Rule {
    @Nullable Fact apply(List<@Nullable Fact> arguments, @Nullable JavaKind kind, String key);
  }

  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new HashMap<>();
    GUAVA_SATURATED_CASTS.forEach(
        (key, width) ->
            rule(
                rules,
                (arguments, kind, k) ->
                    saturate(width, argument(arguments, 0), kind, shortName(key)),
                key));
    GUAVA_CHECKED_CASTS.forEach(
        (key, width) ->
            rule(
                rules,
                (arguments, kind, k) -> check(width, argument(arguments, 0), kind, shortName(key)),
                key));
    rule(
        rules,
        (arguments, kind, key) -> check(Width.U8, argument(arguments, 0), kind, "Abi.checkU8"),
        "org.abiguard.Abi.checkU8");
    rule(
        rules,
        (arguments, kind, key) -> check(Width.U16, argument(arguments, 0), kind, "Abi.checkU16"),
        "org.abiguard.Abi.checkU16");
    rule(
        rules,
        (arguments, kind, key) -> check(Width.U32, argument(arguments, 0), kind, "Abi.checkU32"),
        "org.abiguard.Abi.checkU32");
    rule(
        rules,
        (arguments, kind, key) -> check(Width.S8, argument(arguments, 0), kind, "Abi.checkS8"),
        "org.abiguard.Abi.checkS8");
    rule(
        rules,
        (arguments, kind, key) -> check(Width.S16, argument(arguments, 0), kind, "Abi.checkS16"),
        "org.abiguard.Abi.checkS16");
    rule(
        rules,
        (arguments, kind, key) -> check(Width.S32, argument(arguments, 0), kind, "Abi.checkS32"),
        "org.abiguard.Abi.checkS32");
    rule(
        rules,
        (arguments, kind, key) -> trunc(Width.U8, argument(arguments, 0), kind, "truncU8"),
        "org.abiguard.Abi.truncU8");
    rule(
        rules,
        (arguments, kind, key) -> trunc(Width.U16, argument(arguments, 0), kind, "truncU16"),
        "org.abiguard.Abi.truncU16");
    rule(
        rules,
        (arguments, kind, key) -> trunc(Width.U32, argument(arguments, 0), kind, "truncU32"),
        "org.abiguard.Abi.truncU32");
    rule(
        rules,
        (arguments, kind, key) ->
            toUnsigned(32, argument(arguments, 0), kind, "Integer.toUnsignedLong"),
        "java.lang.Integer.toUnsignedLong");
    rule(
        rules,
        (arguments, kind, key) ->
            toUnsigned(16, argument(arguments, 0), kind, "Short.toUnsigned..."),
        "java.lang.Short.toUnsignedInt",
        "java.lang.Short.toUnsignedLong");
    rule(
        rules,
        (arguments, kind, key) -> toUnsigned(8, argument(arguments, 0), kind, "Byte.toUnsigned..."),
        "java.lang.Byte.toUnsignedInt",
        "java.lang.Byte.toUnsignedLong");
    rule(
        rules,
        (arguments, kind, key) -> divideUnsigned(32, arguments, kind),
        "java.lang.Integer.divideUnsigned");
    rule(
        rules,
        (arguments, kind, key) -> divideUnsigned(64, arguments, kind),
        "java.lang.Long.divideUnsigned");
    rule(
        rules,
        (arguments, kind, key) -> remainderUnsigned(32, arguments, kind),
        "java.lang.Integer.remainderUnsigned");
    rule(
        rules,
        (arguments, kind, key) -> remainderUnsigned(64, arguments, kind),
        "java.lang.Long.remainderUnsigned");
    rule(
        rules,
        (arguments, kind, key) ->
            kind == null
                ? null
                : Arith.minMax(
                    true, argument(arguments, 0), argument(arguments, 1), "Math.min(...)"),
        "java.lang.Math.min",
        "java.lang.StrictMath.min",
        "java.lang.Integer.min",
        "java.lang.Long.min");
    rule(
        rules,
        (arguments, kind, key) ->
            kind == null
                ? null
                : Arith.minMax(
                    false, argument(arguments, 0), argument(arguments, 1), "Math.max(...)"),
        "java.lang.Math.max",
        "java.lang.StrictMath.max",
        "java.lang.Integer.max",
        "java.lang.Long.max");
    rule(
        rules,
        (arguments, kind, key) -> abs(argument(arguments, 0), kind),
        "java.lang.Math.abs",
        "java.lang.StrictMath.abs");
    rule(
        rules,
        (arguments, kind, key) -> exact('+', arguments, kind, "Math.addExact"),
        "java.lang.Math.addExact",
        "java.lang.StrictMath.addExact");
    rule(
        rules,
        (arguments, kind, key) -> exact('-', arguments, kind, "Math.subtractExact"),
        "java.lang.Math.subtractExact",
        "java.lang.StrictMath.subtractExact");
    rule(
        rules,
        (arguments, kind, key) -> exact('*', arguments, kind, "Math.multiplyExact"),
        "java.lang.Math.multiplyExact",
        "java.lang.StrictMath.multiplyExact");
    rule(
        rules,
        (arguments, kind, key) -> floorDiv(arguments, kind),
        "java.lang.Math.floorDiv",
        "java.lang.StrictMath.floorDiv");
    rule(
        rules,
        (arguments, kind, key) -> ceilDiv(arguments, kind),
        "java.lang.Math.ceilDiv",
        "java.lang.StrictMath.ceilDiv");
    rule(
        rules,
        (arguments, kind, key) -> signum(argument(arguments, 0)),
        "java.lang.Integer.signum",
        "java.lang.Long.signum");
    rule(
        rules,
        (arguments, kind, key) -> floorMod(arguments, kind),
        "java.lang.Math.floorMod",
        "java.lang.StrictMath.floorMod");
    rule(
        rules,
        (arguments, kind, key) -> {
          Fact value = argument(arguments, 0);
          Range range =
              value == null
                  ? Range.of(JavaKind.INT)
                  : value.javaRange().intersect(Range.of(JavaKind.INT));
          return range == null
              ? null
              : value == null ? null : Fact.plain(range, value.origin()).withAbi(value.fromAbi());
        },
        "java.lang.Math.toIntExact",
        "java.lang.StrictMath.toIntExact");
    rule(
        rules,
        (arguments, kind, key) ->
            exact('+', pair(argument(arguments, 0), ONE), kind, "Math.incrementExact"),
        "java.lang.Math.incrementExact",
        "java.lang.StrictMath.incrementExact");
    rule(
        rules,
        (arguments, kind, key) ->
            exact('-', pair(argument(arguments, 0), ONE), kind, "Math.decrementExact"),
        "java.lang.Math.decrementExact",
        "java.lang.StrictMath.decrementExact");
    rule(
        rules,
        (arguments, kind, key) ->
            exact('-', pair(ZERO, argument(arguments, 0)), kind, "Math.negateExact"),
        "java.lang.Math.negateExact",
        "java.lang.StrictMath.negateExact");
    rule(
        rules,
        (arguments, kind, key) -> {
          // throws for the type's least value, which abs keeps negative
          Fact value = argument(arguments, 0);
          Fact returning =
              value == null || kind == null
                  ? null
                  : value.restrictJava(
                      new Range(Range.of(kind).lo().add(BigInteger.ONE), Range.of(kind).hi()));
          return abs(returning, kind);
        },
        "java.lang.Math.absExact",
        "java.lang.StrictMath.absExact");
    rule(
        rules,
        (arguments, kind, key) -> clamp(arguments, kind),
        "java.lang.Math.clamp",
        "java.lang.StrictMath.clamp");
    rule(
        rules,
        (arguments, kind, key) ->
            kind == null
                ? null
                : Arith.additive(
                    '+',
                    argument(arguments, 0),
                    argument(arguments, 1),
                    kind,
                    "result of sum(...)"),
        "java.lang.Integer.sum",
        "java.lang.Long.sum");
    rule(
        rules,
        (arguments, kind, key) -> {
          // a bit of a non-negative value is at most the value; of a negative one, any
          Fact value = argument(arguments, 0);
          if (value == null || kind == null) {
            return null;
          }
          Range java = value.javaRange();
          return java.nonNegative()
              ? Fact.plain(new Range(BigInteger.ZERO, java.hi()), value.origin())
                  .withAbi(value.fromAbi())
              : anyValue(value, kind, "result of " + key.substring(key.lastIndexOf('.') + 1));
        },
        "java.lang.Integer.highestOneBit",
        "java.lang.Long.highestOneBit",
        "java.lang.Integer.lowestOneBit",
        "java.lang.Long.lowestOneBit");
    rule(
        rules,
        (arguments, kind, key) -> {
          // the bits move: any value of the type, unless the value is 0
          Fact value = argument(arguments, 0);
          if (value == null || kind == null) {
            return null;
          }
          return value.javaRange().isPoint() && value.javaRange().lo().signum() == 0
              ? value
              : anyValue(value, kind, "result of " + key.substring(key.lastIndexOf('.') + 1));
        },
        "java.lang.Integer.reverseBytes",
        "java.lang.Long.reverseBytes",
        "java.lang.Short.reverseBytes",
        "java.lang.Character.reverseBytes",
        "java.lang.Integer.reverse",
        "java.lang.Long.reverse",
        "java.lang.Integer.rotateLeft",
        "java.lang.Long.rotateLeft",
        "java.lang.Integer.rotateRight",
        "java.lang.Long.rotateRight");
    rule(
        rules,
        (arguments, kind, key) -> {
          // each returns its first argument, which lies in what the check proves of it
          Range index = indexPassed(key, arguments);
          Range passed = index != null ? index : rangePassed(key, arguments);
          Fact value = argument(arguments, 0);
          return passed == null || value == null ? null : value.restrictJava(passed);
        },
        "java.util.Objects.checkIndex",
        ELEMENT_INDEX,
        POSITION_INDEX,
        "java.util.Objects.checkFromIndexSize",
        "java.util.Objects.checkFromToIndex",
        POSITION_INDEXES);
    return Map.copyOf(rules);
  }

  private static void rule(Map<String, Rule> rules, Rule rule, String... keys) {
    for (String key : keys) {
      rules.put(key, rule);
    }
  }

  private static @Nullable Fact result(
      @Nullable String key, List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    if (key == null) {
      return NOT_KNOWN;
    }
    Rule rule = RULES.get(key);
    return rule == null ? NOT_KNOWN : rule.apply(arguments, kind, key);
  }

  private static final Fact ONE = Fact.plain(Range.point(BigInteger.ONE), "1");
  private static final Fact ZERO = Fact.plain(Range.point(BigInteger.ZERO), "0");

  /** Two operands, either not known. */
  private static List<@Nullable Fact> pair(@Nullable Fact x, @Nullable Fact y) {
    return java.util.Arrays.<@Nullable Fact>asList(x, y);
  }

  /** Any value of the result's type, from the value {@code value} (an ABI value stays one). */
  private static Fact anyValue(Fact value, JavaKind kind, String origin) {
    return Fact.plain(Range.of(kind), origin + "(...)").withAbi(value.fromAbi());
  }

  /**
   * {@code Math.clamp(value, min, max)}: {@code max(min, min(value, max))}, which grows with each
   * argument, so its least and greatest results are those of the arguments' least and greatest
   * values; a value not known gives what the bounds allow. It throws when {@code min > max}.
   */
  private static @Nullable Fact clamp(List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact value = argument(arguments, 0);
    Fact min = argument(arguments, 1);
    Fact max = argument(arguments, 2);
    if (kind == null || min == null || max == null) {
      return null;
    }
    Range lows = min.javaRange();
    Range highs = max.javaRange();
    Range values = value == null ? null : value.javaRange();
    BigInteger lo = values == null ? lows.lo() : lows.lo().max(values.lo().min(highs.lo()));
    BigInteger hi = values == null ? highs.hi() : lows.hi().max(values.hi().min(highs.hi()));
    Range result = Range.orNull(lo, hi);
    if (result == null) {
      return null;
    }
    Range returned = result.intersect(Range.of(kind));
    return returned == null
        ? null
        : Fact.plain(returned, value == null ? "result of Math.clamp(...)" : value.origin())
            .withAbi(Fact.fromAbi(value) || min.fromAbi() || max.fromAbi());
  }

  /**
   * The Java values an index check returns (it throws for the others): {@code 0..length-below}
   * ({@code Objects.checkIndex(index, length)}: {@code 0..length-1}), for a length known to be at
   * most {@code length}'s largest value; null when the index or the length is not known, or no
   * index passes.
   */
  private static @Nullable Range checkedIndex(
      @Nullable Fact index, @Nullable Fact length, int below) {
    if (index == null || length == null || length.partial()) {
      return null;
    }
    BigInteger largest = length.javaRange().hi().subtract(BigInteger.valueOf(below));
    return largest.signum() < 0 ? null : new Range(BigInteger.ZERO, largest);
  }

  private static @Nullable Fact argument(List<@Nullable Fact> arguments, int i) {
    return i < arguments.size() ? arguments.get(i) : null;
  }

  /** {@code Chars.checkedCast} of {@code com.google.common.primitives.Chars.checkedCast}. */
  private static String shortName(String key) {
    return key.substring(key.lastIndexOf('.', key.lastIndexOf('.') - 1) + 1);
  }

  /**
   * A saturated cast's result: the argument's values moved into the width's range, each to the
   * nearer end (the cast is monotonic, so the ends of the argument's range give those of the
   * result's); the whole range when the argument is not known.
   */
  private static Fact saturate(
      Width width, @Nullable Fact value, @Nullable JavaKind kind, String name) {
    Range bounds = Range.of(width);
    Range range = bounds;
    if (value != null) {
      Range values = value.javaRange();
      range =
          new Range(
              values.lo().max(bounds.lo()).min(bounds.hi()),
              values.hi().min(bounds.hi()).max(bounds.lo()));
    }
    return Fact.in(
        range, kind, "result of " + name + "(...) (" + width + ")", null, Fact.fromAbi(value));
  }

  private static Fact check(
      Width width, @Nullable Fact value, @Nullable JavaKind kind, String name) {
    Range range = Range.of(width);
    // the helper sees the Java value: raw bits of the upper half are negative to it
    Range checked = value == null ? null : range.intersect(value.javaRange());
    if (checked != null) {
      range = checked;
    }
    return Fact.in(range, kind, "result of " + name + "(...) (" + width + ")", null, true);
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
    // the conversion keeps only the low bits: a cast's wider values before it are gone
    Range low = Arith.unsignedView(value, bits).intersect(Range.unsigned(bits));
    return Fact.in(
        low == null ? Range.unsigned(bits) : low, kind, value.origin(), null, value.fromAbi());
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

  /**
   * {@code Math.abs} of an {@code int} or {@code long}: the magnitudes, except that the type's
   * least value is its own absolute value (negative), so a range that holds it gives the whole
   * type.
   */
  private static @Nullable Fact abs(@Nullable Fact value, @Nullable JavaKind kind) {
    if (value == null || kind == null) {
      return null;
    }
    Range java = value.javaRange();
    Range magnitudes;
    if (java.nonNegative()) {
      magnitudes = java;
    } else if (java.hi().signum() <= 0) {
      magnitudes = java.negate();
    } else {
      magnitudes = new Range(BigInteger.ZERO, java.lo().negate().max(java.hi()));
    }
    Range result = Range.of(kind).contains(magnitudes) ? magnitudes : Range.of(kind);
    return Fact.plain(result, value.origin()).withAbi(value.fromAbi());
  }

  /**
   * {@code Math.addExact}, {@code subtractExact}, {@code multiplyExact}: the arithmetic's result,
   * of which only the values the type holds return (the others throw).
   */
  private static @Nullable Fact exact(
      char op, List<@Nullable Fact> arguments, @Nullable JavaKind kind, String name) {
    Fact x = argument(arguments, 0);
    Fact y = argument(arguments, 1);
    if (x == null || y == null || kind == null) {
      return null;
    }
    Range a = x.javaRange();
    Range b = y.javaRange();
    Range result =
        switch (op) {
          case '+' -> a.add(b);
          case '-' -> a.subtract(b);
          default -> a.multiply(b);
        };
    Range returned = result.intersect(Range.of(kind));
    return returned == null
        ? null
        : Fact.plain(returned, "result of " + name + "(...)").withAbi(x.fromAbi() || y.fromAbi());
  }

  /** {@code Math.floorDiv}: the quotient rounded down; by a divisor not known, at most |x|. */
  private static @Nullable Fact floorDiv(List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact x = argument(arguments, 0);
    Fact y = argument(arguments, 1);
    if (x == null || kind == null) {
      return null;
    }
    Range dividend = x.javaRange();
    Range result = null;
    if (y == null) {
      BigInteger largest = dividend.lo().abs().max(dividend.hi().abs());
      result = new Range(largest.negate(), largest);
    } else {
      Range divisor = y.javaRange();
      Range negative = Range.orNull(divisor.lo(), divisor.hi().min(BigInteger.ONE.negate()));
      Range positive = Range.orNull(divisor.lo().max(BigInteger.ONE), divisor.hi());
      for (Range divisors : new Range[] {negative, positive}) {
        if (divisors != null) {
          Range quotients = floorCorners(dividend, divisors);
          result = result == null ? quotients : result.hull(quotients);
        }
      }
    }
    if (result == null) {
      return null; // the divisor is 0: it throws
    }
    // floorDiv(MIN_VALUE, -1) overflows to MIN_VALUE
    Range returned = Range.of(kind).contains(result) ? result : Range.of(kind);
    return Fact.plain(returned, "result of Math.floorDiv(...)")
        .withAbi(x.fromAbi() || Fact.fromAbi(y));
  }

  /**
   * {@code Math.ceilDiv} (Java 18): the quotient rounded up, which is {@code -floorDiv(-x, y)},
   * computed on unbounded integers; a range the type does not hold (from {@code MIN_VALUE}) gives
   * the whole type.
   */
  private static @Nullable Fact ceilDiv(List<@Nullable Fact> arguments, @Nullable JavaKind kind) {
    Fact x = argument(arguments, 0);
    if (x == null || kind == null) {
      return null;
    }
    Fact negated = Fact.plain(x.javaRange().negate(), x.origin()).withAbi(x.fromAbi());
    Fact floor = floorDiv(pair(negated, argument(arguments, 1)), kind);
    if (floor == null) {
      return null; // the divisor is 0: it throws
    }
    Range result = floor.javaRange().negate();
    Range returned = Range.of(kind).contains(result) ? result : Range.of(kind);
    return Fact.plain(returned, "result of Math.ceilDiv(...)").withAbi(floor.fromAbi());
  }

  private static Range floorCorners(Range x, Range divisors) {
    BigInteger lo = null;
    BigInteger hi = null;
    for (BigInteger n : new BigInteger[] {x.lo(), x.hi()}) {
      for (BigInteger d : new BigInteger[] {divisors.lo(), divisors.hi()}) {
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q =
            qr[1].signum() != 0 && qr[1].signum() != d.signum()
                ? qr[0].subtract(BigInteger.ONE)
                : qr[0];
        lo = lo == null ? q : lo.min(q);
        hi = hi == null ? q : hi.max(q);
      }
    }
    return new Range(Objects.requireNonNull(lo), Objects.requireNonNull(hi));
  }

  /** {@code Integer.signum}, {@code Long.signum}: -1, 0 or 1 as the value's sign. */
  private static @Nullable Fact signum(@Nullable Fact value) {
    if (value == null) {
      return null;
    }
    Range java = value.javaRange();
    Range result =
        new Range(BigInteger.valueOf(java.lo().signum()), BigInteger.valueOf(java.hi().signum()));
    return Fact.plain(result, value.origin()).withAbi(value.fromAbi());
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
    if (divisor.lo().signum() < 0 && divisor.hi().signum() > 0) {
      // the sign of whichever divisor, smaller than it in magnitude
      return Fact.plain(
              new Range(divisor.lo().add(BigInteger.ONE), divisor.hi().subtract(BigInteger.ONE)),
              "result of Math.floorMod(...)")
          .withAbi(y.fromAbi() || Fact.fromAbi(argument(arguments, 0)));
    }
    return null; // the divisor is 0: it throws
  }
}
