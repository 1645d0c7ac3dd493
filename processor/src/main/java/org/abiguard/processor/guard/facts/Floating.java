package org.abiguard.processor.guard.facts;

import java.math.BigInteger;

/**
 * Java's two floating-point types, and how a fact of a floating-point value counts its values.
 *
 * <p>A float fact's {@link Range} holds <em>ordinals</em>, not values: the values of a type, in
 * order from negative infinity to positive infinity, numbered so that consecutive values have
 * consecutive ordinals and {@code -0.0} and {@code 0.0} (which compare equal) share ordinal 0. An
 * interval of ordinals is then an interval of values, a strict comparison moves a bound by one
 * ordinal ({@code d < 65536.0} leaves {@code d <= Math.nextDown(65536.0)}), and the joins, checks
 * and loops written for integer ranges work on floats unchanged. NaN has no ordinal: a fact says
 * whether its value may be NaN ({@link Fact#nan()}).
 */
public enum Floating {
  FLOAT("float"),
  DOUBLE("double");

  private final String keyword;

  Floating(String keyword) {
    this.keyword = keyword;
  }

  /** The Java keyword, e.g. {@code double}. */
  public String keyword() {
    return keyword;
  }

  /** {@code value} rounded to this type, as Java's conversion to it rounds (to nearest). */
  public double round(double value) {
    return this == FLOAT ? (double) (float) value : value;
  }

  /** The integer {@code value} rounded to this type, as Java's conversion from a long rounds. */
  public double round(BigInteger value) {
    return this == FLOAT ? (double) value.floatValue() : value.doubleValue();
  }

  /** The ordinal of a value of this type (not NaN). */
  public BigInteger ordinalOf(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN has no ordinal");
    }
    if (this == FLOAT) {
      int bits = Float.floatToIntBits((float) value);
      return BigInteger.valueOf(bits >= 0 ? bits : -(bits & Integer.MAX_VALUE));
    }
    long bits = Double.doubleToLongBits(value);
    return BigInteger.valueOf(bits >= 0 ? bits : -(bits & Long.MAX_VALUE));
  }

  /** The value of an ordinal of this type. */
  public double value(BigInteger ordinal) {
    if (this == FLOAT) {
      int o = ordinal.intValueExact();
      return Float.intBitsToFloat(o >= 0 ? o : -o | Integer.MIN_VALUE);
    }
    long o = ordinal.longValueExact();
    return Double.longBitsToDouble(o >= 0 ? o : -o | Long.MIN_VALUE);
  }

  /** The ordinals of every value of this type but NaN, infinities included. */
  public Range whole() {
    return new Range(ordinalOf(Double.NEGATIVE_INFINITY), ordinalOf(Double.POSITIVE_INFINITY));
  }

  /** The ordinals of the values from {@code lo} to {@code hi}, two values of this type. */
  public Range range(double lo, double hi) {
    return new Range(ordinalOf(lo), ordinalOf(hi));
  }
}
