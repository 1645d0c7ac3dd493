package org.abiguard.benchmarks.engine;

import javax.lang.model.type.TypeKind;
import org.checkerframework.shaded.dataflow.analysis.AbstractValue;

/**
 * The abstract value of the Checker Framework prototype: the integers {@code [lo, hi]} an
 * expression can have, as signed {@code long} bounds. A {@code u64} value is the full
 * {@code long} range (its raw bits), so u64 is tracked as "anything". "No fact" (a plain Java
 * value) is {@code null}, never an interval, and passes every sink as in abiguard's default
 * lenient mode.
 */
record Interval(long lo, long hi) implements AbstractValue<Interval> {
  static final Interval LONG = new Interval(Long.MIN_VALUE, Long.MAX_VALUE);

  Interval {
    if (lo > hi) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
  }

  static Interval of(long value) {
    return new Interval(value, value);
  }

  /** The values of a Java integral kind, or null for any other kind. */
  static Interval ofKind(TypeKind kind) {
    return switch (kind) {
      case BYTE -> new Interval(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT -> new Interval(Short.MIN_VALUE, Short.MAX_VALUE);
      case CHAR -> new Interval(0, Character.MAX_VALUE);
      case INT -> new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> LONG;
      default -> null;
    };
  }

  boolean isConstant() {
    return lo == hi;
  }

  boolean within(Interval outer) {
    return outer.lo <= lo && hi <= outer.hi;
  }

  @Override
  public Interval leastUpperBound(Interval other) {
    return new Interval(Math.min(lo, other.lo), Math.max(hi, other.hi));
  }

  /** The values of both, or null when they have none in common (an infeasible branch). */
  Interval meet(Interval other) {
    long l = Math.max(lo, other.lo);
    long h = Math.min(hi, other.hi);
    return l <= h ? new Interval(l, h) : null;
  }

  /**
   * Widening for loops: a bound that moved since the previous iteration jumps to the end of
   * {@code long}; casts and the kind clamp bring it back to the Java type.
   */
  Interval widen(Interval next) {
    return new Interval(next.lo < lo ? Long.MIN_VALUE : lo, next.hi > hi ? Long.MAX_VALUE : hi);
  }

  @Override
  public String toString() {
    return "[" + lo + ", " + hi + "]";
  }
}
