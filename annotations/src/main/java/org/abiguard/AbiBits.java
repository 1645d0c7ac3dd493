package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A C bit-field. The member's width annotation gives the declared type (its storage unit and
 * signedness); this gives the number of bits.
 *
 * <pre>{@code
 * // C: unsigned int version : 4;
 * @U32 @AbiBits(4) int version;
 * // C: int delta : 3;   (signed: -4..3)
 * @S32 @AbiBits(3) int delta;
 * // C: unsigned int : 5;   (unnamed padding bits)
 * @U32 @AbiBits(value = 5, unnamed = true) int pad0;
 * // C: unsigned int : 0;   (zero width: the next bit-field starts a new unit)
 * @U32 @AbiBits(0) int break0;
 * }</pre>
 *
 * <p>It is laid out by each ABI's rules, as gcc does. For the flow guard a 4-bit unsigned bit-field
 * is a {@code u4}: a value above 15 that can reach it is a narrowing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiBits {
  /**
   * The number of bits, from 1 to the width of the declared type; 0 declares a zero-width bit-field
   * ({@code unsigned int : 0;}), which is always unnamed.
   */
  int value();

  /**
   * When true, the bit-field has no name in C ({@code unsigned int : 5;}): it only occupies bits.
   * The marshaller writes zeros there and never reads it into the Java member.
   */
  boolean unnamed() default false;
}
