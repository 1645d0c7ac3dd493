package org.abiguard.processor.guard.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transfer functions are sound: for operands drawn from two facts' ranges, Java's result always
 * lies in the result fact. Operands are drawn around the interesting edges (0, the signed and
 * unsigned limits) as well as at random.
 */
class ArithSoundnessTest {
  private static final long[] EDGES = {
    0,
    1,
    2,
    0x7F,
    0x80,
    0xFF,
    0x100,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x10000,
    0x7FFF_FFFFL,
    0x8000_0000L,
    0xFFFF_FFFFL,
    -1,
    -2,
    -0x80,
    -0x8000,
    Integer.MIN_VALUE
  };

  private final Random random = new Random(42);

  /** A random fact on int: plain within int, or raw u32 bits. */
  private Fact randomIntFact() {
    if (random.nextInt(3) == 0) {
      long a = random.nextLong() & 0xFFFF_FFFFL;
      long b = random.nextLong() & 0xFFFF_FFFFL;
      return new Fact(Range.of(Math.min(a, b), Math.max(a, b)), Width.U32, "raw", null, false);
    }
    long a = pick();
    long b = pick();
    return Fact.plain(Range.of(Math.min(a, b), Math.max(a, b)), "plain");
  }

  private long pick() {
    return random.nextBoolean()
        ? (int) EDGES[random.nextInt(EDGES.length)]
        : random.nextInt(1 << (1 + random.nextInt(30))) * (random.nextBoolean() ? 1L : -1L);
  }

  /** A Java int whose value the fact allows. */
  private int sample(Fact f) {
    return sampleIn(f.range(), random).intValue();
  }

  /** A value of {@code range}: its lower bound, its upper bound or one between, at random. */
  static BigInteger sampleIn(Range range, Random random) {
    BigInteger lo = range.lo();
    BigInteger span = range.hi().subtract(lo);
    BigInteger offset =
        switch (random.nextInt(3)) {
          case 0 -> BigInteger.ZERO;
          case 1 -> span;
          default -> new BigInteger(span.bitLength() + 1, random).mod(span.add(BigInteger.ONE));
        };
    return lo.add(offset);
  }

  /** Whether the Java int {@code v} is a value the fact allows. */
  private static boolean allows(Fact f, int v) {
    BigInteger value =
        f.raw() != null ? BigInteger.valueOf(Integer.toUnsignedLong(v)) : BigInteger.valueOf(v);
    return f.range().contains(value);
  }

  private void checkSound(String name, IntBinaryOperator java, Op op) {
    for (int round = 0; round < 400; round++) {
      Fact a = randomIntFact();
      Fact b = randomIntFact();
      Fact r = op.apply(a, b);
      if (r == null) {
        continue;
      }
      for (int i = 0; i < 20; i++) {
        int x = sample(a);
        int y = sample(b);
        int v;
        try {
          v = java.applyAsInt(x, y);
        } catch (ArithmeticException divisionByZero) {
          continue;
        }
        assertTrue(
            allows(r, v),
            () ->
                name
                    + ": "
                    + x
                    + " op "
                    + y
                    + " = "
                    + v
                    + " outside "
                    + r
                    + " for "
                    + a
                    + ", "
                    + b);
      }
    }
  }

  private interface Op {
    Fact apply(Fact a, Fact b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+", "-", "*"})
  void additiveOperatorsAreSound(String op) {
    char c = op.charAt(0);
    IntBinaryOperator java =
        switch (c) {
          case '+' -> (x, y) -> x + y;
          case '-' -> (x, y) -> x - y;
          default -> (x, y) -> x * y;
        };
    checkSound(op, java, (a, b) -> Arith.additive(c, a, b, JavaKind.INT, "r"));
  }

  @Test
  void divisionAndRemainderAreSound() {
    checkSound("/", (x, y) -> x / y, (a, b) -> Arith.divide(a, b, JavaKind.INT, "r"));
    checkSound("%", (x, y) -> x % y, (a, b) -> Arith.remainder(a, b, JavaKind.INT, "r"));
  }

  @Test
  void bitwiseOperatorsAreSound() {
    checkSound("&", (x, y) -> x & y, (a, b) -> Arith.and(a, b, JavaKind.INT, "r"));
    checkSound("|", (x, y) -> x | y, (a, b) -> Arith.orXor(true, a, b, JavaKind.INT, "r"));
    checkSound("^", (x, y) -> x ^ y, (a, b) -> Arith.orXor(false, a, b, JavaKind.INT, "r"));
  }

  @Test
  void shiftsByConstantsAreSound() {
    for (int k : new int[] {0, 1, 8, 16, 31, 33}) {
      Fact amount = Fact.plain(Range.of(k, k), "k");
      checkSound("<<" + k, (x, y) -> x << k, (a, b) -> Arith.shift("<<", a, k, JavaKind.INT, "r"));
      checkSound(">>" + k, (x, y) -> x >> k, (a, b) -> Arith.shift(">>", a, k, JavaKind.INT, "r"));
      checkSound(
          ">>>" + k, (x, y) -> x >>> k, (a, b) -> Arith.shift(">>>", a, k, JavaKind.INT, "r"));
      assertNotNull(amount);
    }
    checkSound(
        ">>> unknown", (x, y) -> x >>> y, (a, b) -> Arith.shift(">>>", a, null, JavaKind.INT, "r"));
    checkSound(
        ">> unknown", (x, y) -> x >> y, (a, b) -> Arith.shift(">>", a, null, JavaKind.INT, "r"));
  }

  @Test
  void minAndMaxAreSound() {
    checkSound("min", Math::min, (a, b) -> Arith.minMax(true, a, b, "r"));
    checkSound("max", Math::max, (a, b) -> Arith.minMax(false, a, b, "r"));
  }

  @Test
  void wideningRawBytesSignExtends() {
    Fact u8 = Fact.declared(Width.U8, JavaKind.BYTE, "field f (u8)");
    Fact widened = Arith.convert(u8, JavaKind.BYTE, JavaKind.INT);
    assertEquals(Range.of(-0x80, 0x7F), widened.range());
    assertEquals(Width.U8, widened.signExtended());
    Fact small = new Fact(Range.of(0, 0x7F), Width.U8, "small", null, false);
    assertNull(Arith.convert(small, JavaKind.BYTE, JavaKind.INT).signExtended());
  }

  /**
   * A cast keeps the values it cannot hold, so that it does not silence a narrowing, and gains the
   * values Java's wrap-around makes of them, so that a value made negative or large is not missed
   * ({@code (char) -1} is 0xFFFF).
   */
  @Test
  void aCastKeepsTheValuesItCannotHoldAndGainsTheirWrapAround() {
    Fact u32 = Fact.declared(Width.U32, JavaKind.LONG, "field space (u32)");
    Fact cast = Arith.convert(u32, JavaKind.LONG, JavaKind.SHORT);
    // the values from before, as raw bits of a u16 (so every short is among them)
    assertEquals(Range.of(0, 0xFFFF_FFFFL), cast.range());
    assertEquals(Width.U16, cast.raw());
    assertEquals(Range.of(-0x8000, 0x7FFF), cast.javaRange());
    Fact minusOne = Fact.plain(Range.of(-1, -1), "constant -0x1");
    assertEquals(
        Range.of(-1, 0xFFFF), Arith.convert(minusOne, JavaKind.INT, JavaKind.CHAR).range());
    Fact nearWrap = Fact.plain(Range.of(0x1_0000_0010L, 0x1_0000_0020L), "small");
    assertEquals(
        Range.of(0x10, 0x1_0000_0020L),
        Arith.convert(nearWrap, JavaKind.LONG, JavaKind.INT).range());
    assertEquals("field space (u32)", cast.origin().toString());
  }

  @Test
  void aSignedCheckOnRawBitsDoesNotBoundThem() {
    Fact u32 = Fact.declared(Width.U32, JavaKind.INT, "space");
    // x <= 0xFFFF on the Java int leaves the negative ints, the upper half of u32
    Fact checked =
        u32.restrictJava(
            new Range(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(0xFFFF)));
    assertEquals(Range.of(0, 0xFFFF_FFFFL), checked.range());
    Fact both = u32.restrictJava(Range.of(0, 0xFFFF));
    assertEquals(Range.of(0, 0xFFFF), both.range());
  }

  @Test
  void shiftsByACountInARangeAreSound() {
    for (int round = 0; round < 300; round++) {
      int lo = random.nextInt(32);
      int hi = lo + random.nextInt(32 - lo);
      Range counts = Range.of(lo, hi);
      for (String op : new String[] {"<<", ">>", ">>>"}) {
        Fact a = randomIntFact();
        Fact r = Arith.shiftBy(op, a, counts, JavaKind.INT, "r");
        for (int i = 0; i < 20; i++) {
          int x = sample(a);
          int n = lo + random.nextInt(hi - lo + 1);
          int v = op.equals("<<") ? x << n : op.equals(">>") ? x >> n : x >>> n;
          assertTrue(
              allows(r, v),
              () -> x + " " + op + " " + n + " = " + v + " outside " + r + " for " + a);
        }
      }
    }
  }

  @Test
  void aCheckOfEachSignInEitherOrderBoundsRawBits() {
    Fact u32 = Fact.declared(Width.U32, JavaKind.INT, "space");
    Range notAbove = new Range(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(0xFFFF));
    Range notNegative = Range.of(0, Integer.MAX_VALUE);
    assertEquals(Range.of(0, 0xFFFF), u32.restrictJava(notAbove).restrictJava(notNegative).range());
    assertEquals(Range.of(0, 0xFFFF), u32.restrictJava(notNegative).restrictJava(notAbove).range());
    // the bound alone still lets the upper half (negative ints) through: a sink sees every u32
    Fact bounded = u32.restrictJava(notAbove);
    assertEquals(Range.of(0, 0xFFFF_FFFFL), bounded.range());
    assertEquals(notAbove, bounded.javaRange());
    assertNull(bounded.restrictJava(Range.of(0x10000, Integer.MAX_VALUE)));
  }
}
