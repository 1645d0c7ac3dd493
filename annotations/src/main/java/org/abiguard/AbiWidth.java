package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The C width of an integer: {@code uint16_t}, {@code int32_t}, {@code unsigned int}, ...
 *
 * <p>On a struct member it fixes the member's size in the layout; on a parameter, method (its
 * return value), local variable or field it makes the value a sink and a source for the flow guard,
 * which fails compilation where a wider value can reach a narrower one.
 *
 * <pre>{@code
 * // C: int xenmem_add_to_physmap_one(struct domain *d, unsigned int space, ...);
 * int addToPhysmapOne(Domain d, @AbiWidth(32) long space, ...)
 *
 * // C: int16_t delta;
 * @AbiWidth(value = 16, signed = true) short delta;
 * }</pre>
 *
 * <p>The Java type must hold every value of the width ({@code u16} in {@code int}, {@code u32} in
 * {@code long}) or have exactly the width, in which case it holds the raw bits ({@code u32} in
 * {@code int}, {@code u64} in {@code long}, {@code u8} in {@code byte}).
 *
 * <p>On an annotation type it defines a typedef:
 *
 * <pre>{@code
 * // C: typedef uint16_t domid_t;
 * @AbiWidth(16) @Retention(CLASS) @interface DomId {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
public @interface AbiWidth {
  /** The width in bits: 8, 16, 32 or 64. */
  int value();

  /** True for a signed C type ({@code int32_t}, {@code int}); false for unsigned. */
  boolean signed() default false;
}
