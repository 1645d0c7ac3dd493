package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fixed-length C array member: {@code T name[length]}, laid out inline; with more than one
 * length, C's array of arrays {@code T name[rows][columns]}.
 *
 * <p>The Java type is an array of primitives (with the element width from {@link AbiWidth} or an
 * alias on the same field) or an array of {@code @AbiStruct} types.
 *
 * <pre>{@code
 * // C: uint8_t mac[6];
 * @AbiArray(6) @U8 byte[] mac;
 * // C: struct xen_mem_range ranges[4];
 * @AbiArray(4) XenMemRange[] ranges;
 * // C: __u16 coeff[3][2];
 * @AbiArray({3, 2}) @U16 int[] coeff;   // 6 elements, row by row
 * }</pre>
 *
 * <p>An array of arrays is a one-dimensional Java array of all its elements, in C's order: row
 * after row ({@code coeff[1][0]} is {@code coeff[2]} in Java), as C lays them out.
 *
 * <p>The Java array must have exactly {@code length} elements when written.
 *
 * <p>{@code @AbiArray(0)} is GNU C's zero-length array ({@code __u8 cmd[0];} in Linux's {@code
 * struct io_uring_sqe}): a member of no bytes, with its element's alignment, anywhere in a struct
 * or union. Its Java array is empty; what follows the struct in memory is the caller's to read. A
 * flexible array member ({@code T name[]}) is {@link AbiFlexible} instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiArray {
  /**
   * The number of elements, or for an array of arrays each dimension, outermost first: at least 1,
   * or 0 for GNU C's zero-length array.
   */
  int[] value();
}
