package org.abiguard.processor.guard.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.abiguard.processor.model.JavaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The floating-point transfer functions are sound: for operands drawn from two facts (NaN among
 * them when a fact allows it), Java's own result always lies in the result fact. Operands are drawn
 * around the edges where floating point rounds, saturates or overflows as well as at random.
 */
class FloatsSoundnessTest {
  private static final double[] EDGES = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    0.5,
    1.0,
    1.5,
    -1.0,
    65535.0,
    65535.5,
    65536.0,
    0x1p24,
    0x1p24 + 1,
    0x1p31 - 1,
    0x1p31,
    0x1p32 - 1,
    0x1p32,
    0x1p53,
    0x1p63,
    0x1p64,
    -0x1p31,
    -0x1p63,
    Float.MAX_VALUE,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  private static final int ROUNDS = 4000;

  private final Random random = new Random(Long.getLong("abiguard.fuzz.seed", 7));

  private double pick(Floating type) {
    double v =
        switch (random.nextInt(3)) {
          case 0 -> EDGES[random.nextInt(EDGES.length)];
          case 1 -> (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(70));
          default -> (double) (random.nextLong() >> random.nextInt(64));
        };
    return type.round(v);
  }

  /** A random fact of {@code type}: an interval of its values, NaN or not. */
  private Fact randomFact(Floating type) {
    double a = pick(type);
    double b = random.nextInt(4) == 0 ? a : pick(type);
    return Fact.ofFloating(
        type.range(Math.min(a, b), Math.max(a, b)), type, random.nextInt(4) == 0, "random", false);
  }

  /** A value of the fact's type that the fact allows. */
  private double sample(Fact f) {
    if (f.nan() && random.nextInt(5) == 0) {
      return Double.NaN;
    }
    double value = f.floating().value(ArithSoundnessTest.sampleIn(f.range(), random));
    // ordinal 0 is both zeros
    return value == 0 && random.nextBoolean() ? -value : value;
  }

  private static boolean allows(Fact f, double v) {
    if (Double.isNaN(v)) {
      return f.nan();
    }
    return f.floating().round(v) == v && f.range().contains(f.floating().ordinalOf(v));
  }

  private static boolean allowsInteger(Fact f, long v) {
    return f.range().contains(BigInteger.valueOf(v));
  }

  @ParameterizedTest
  @EnumSource(Floating.class)
  void ordinalsCountTheValuesInOrder(Floating type) {
    for (int i = 0; i < ROUNDS; i++) {
      double a = pick(type);
      double b = pick(type);
      BigInteger oa = type.ordinalOf(a);
      assertEquals(a == 0 ? 0.0 : a, type.value(oa) == 0 ? 0.0 : type.value(oa));
      assertEquals(
          Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b), oa.compareTo(type.ordinalOf(b)));
    }
    double next = type == Floating.FLOAT ? Math.nextUp(1.0f) : Math.nextUp(1.0);
    assertEquals(type.ordinalOf(1.0).add(BigInteger.ONE), type.ordinalOf(next));
    assertEquals(BigInteger.ZERO, type.ordinalOf(-0.0));
  }

  @ParameterizedTest
  @EnumSource(Floating.class)
  void arithmeticIsSound(Floating type) {
    for (char op : new char[] {'+', '-', '*', '/', '%'}) {
      for (int i = 0; i < ROUNDS; i++) {
        Fact a = randomFact(type);
        Fact b = randomFact(type);
        Fact result = Floats.arithmetic(op, a, b, type, "r");
        assertNotNull(result);
        double x = sample(a);
        double y = sample(b);
        double r = javaArithmetic(op, x, y, type);
        assertTrue(
            allows(result, r), () -> x + " " + op + " " + y + " = " + r + " not in " + result);
      }
    }
  }

  private static double javaArithmetic(char op, double x, double y, Floating type) {
    if (type == Floating.FLOAT) {
      float a = (float) x;
      float b = (float) y;
      return switch (op) {
        case '+' -> a + b;
        case '-' -> a - b;
        case '*' -> a * b;
        case '/' -> a / b;
        default -> a % b;
      };
    }
    return switch (op) {
      case '+' -> x + y;
      case '-' -> x - y;
      case '*' -> x * y;
      case '/' -> x / y;
      default -> x % y;
    };
  }

  @ParameterizedTest
  @EnumSource(Floating.class)
  void integersConvertAsJavaRoundsThem(Floating type) {
    for (int i = 0; i < ROUNDS; i++) {
      long a = random.nextLong() >> random.nextInt(64);
      long b = random.nextLong() >> random.nextInt(64);
      Fact integral = Fact.plain(Range.of(Math.min(a, b), Math.max(a, b)), "i");
      Fact converted = Floats.convert(integral, JavaKind.LONG, type);
      long v = random.nextBoolean() ? Math.min(a, b) : Math.max(a, b);
      double java = type == Floating.FLOAT ? (float) v : (double) v;
      assertTrue(allows(converted, java), () -> v + " -> " + java + " not in " + converted);
    }
    // a u32 through a float rounds up past its width
    Fact u32 = Fact.plain(Range.of(0, 0xFFFF_FFFFL), "u32");
    assertEquals(
        Range.of(0, 0x1_0000_0000L),
        Floats.toInteger(Floats.convert(u32, JavaKind.LONG, Floating.FLOAT), JavaKind.LONG)
            .range());
  }

  @ParameterizedTest
  @EnumSource(Floating.class)
  void conversionsToIntegersTruncateAndSaturateAsJavaDoes(Floating type) {
    for (JavaKind kind : JavaKind.values()) {
      for (int i = 0; i < ROUNDS / 4; i++) {
        Fact f = randomFact(type);
        Fact result = Floats.toInteger(f, kind);
        double v = sample(f);
        long java =
            switch (kind) {
              case BYTE -> (byte) v;
              case SHORT -> (short) v;
              case CHAR -> (char) v;
              case INT -> (int) v;
              case LONG -> (long) v;
            };
        // a narrowing to byte, short or char keeps the int's range: Java's value is that int
        // wrapped, and the guard reports the range before the wrap
        long before = kind == JavaKind.LONG ? (long) v : (int) v;
        assertTrue(
            allowsInteger(result, before) || allowsInteger(result, java),
            () -> v + " -> " + java + " not in " + result);
      }
    }
  }

  @Test
  void floatAndDoubleConvertIntoEachOther() {
    for (int i = 0; i < ROUNDS; i++) {
      Fact d = randomFact(Floating.DOUBLE);
      Fact asFloat = Floats.convert(d, null, Floating.FLOAT);
      double v = sample(d);
      assertTrue(allows(asFloat, (float) v), () -> v + " not in " + asFloat);
      Fact f = randomFact(Floating.FLOAT);
      Fact asDouble = Floats.convert(f, null, Floating.DOUBLE);
      double w = sample(f);
      assertTrue(allows(asDouble, w), () -> w + " not in " + asDouble);
    }
  }

  @Test
  void aFloatNarrowedAsADoubleKeepsTheFloatsWithin() {
    for (int i = 0; i < ROUNDS; i++) {
      Fact d = randomFact(Floating.DOUBLE);
      Fact within = Floats.within(d, Floating.FLOAT);
      double v = sample(d);
      if (Double.isNaN(v) || (float) v != v) {
        continue;
      }
      assertNotNull(within, () -> v + " is a float within " + d);
      assertTrue(allows(within, v), () -> v + " not in " + within);
    }
  }

  @ParameterizedTest
  @EnumSource(Floating.class)
  void mathMethodsAreSound(Floating type) {
    for (int i = 0; i < ROUNDS; i++) {
      Fact a = randomFact(type);
      Fact b = randomFact(type);
      double x = sample(a);
      double y = sample(b);
      double min = type == Floating.FLOAT ? Math.min((float) x, (float) y) : Math.min(x, y);
      double max = type == Floating.FLOAT ? Math.max((float) x, (float) y) : Math.max(x, y);
      Fact minFact = Floats.minMax(true, a, b, type, "min");
      Fact maxFact = Floats.minMax(false, a, b, type, "max");
      assertTrue(allows(minFact, min), () -> "min " + x + " " + y + " not in " + minFact);
      assertTrue(allows(maxFact, max), () -> "max " + x + " " + y + " not in " + maxFact);
      Fact abs = Floats.abs(a);
      assertTrue(allows(abs, Math.abs(x)), () -> "abs " + x + " not in " + abs);
      long round = type == Floating.FLOAT ? Math.round((float) x) : Math.round(x);
      Fact rounded = Floats.round(a);
      assertTrue(allowsInteger(rounded, round), () -> "round " + x + " not in " + rounded);
      if (type == Floating.DOUBLE) {
        for (String method : new String[] {"floor", "ceil", "rint"}) {
          double r =
              switch (method) {
                case "floor" -> Math.floor(x);
                case "ceil" -> Math.ceil(x);
                default -> Math.rint(x);
              };
          Fact result = Floats.toIntegral(method, a);
          assertTrue(allows(result, r), () -> method + " " + x + " not in " + result);
        }
      }
    }
  }

  @Test
  void aJoinHoldsBothSides() {
    for (int i = 0; i < ROUNDS; i++) {
      Fact a = randomFact(Floating.FLOAT);
      Fact b = random.nextBoolean() ? randomFact(Floating.DOUBLE) : randomFact(Floating.FLOAT);
      Fact joined = Fact.join(a, b);
      assertNotNull(joined);
      double x = sample(a);
      double y = sample(b);
      assertTrue(allows(joined, x) && allows(joined, y), () -> x + ", " + y + " not in " + joined);
    }
  }
}
