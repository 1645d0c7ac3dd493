package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A C flexible array member, {@code T data[]}: the last member, an array, not counted in the
 * struct's {@code sizeof}. Its elements start at {@code OFFSET_DATA}.
 *
 * <pre>{@code
 * // C: struct xen_sysctl_foo { uint32_t nr; uint32_t entries[]; };
 * @U32 long nr;
 * @AbiFlexible(count = "nr") @U32 long[] entries;
 * }</pre>
 *
 * <p>A flexible array of arrays, {@code T data[][6]}, adds {@link AbiArray} with the dimensions of
 * each element: {@code @AbiFlexible(count = "entries") @AbiArray(6) @U8 byte[] macs} for
 * virtio-net's {@code __u8 macs[][6]}. The count then counts those rows, and the Java array holds
 * every element, row by row.
 *
 * <p>The marshaller's {@code byteSize(value)} is the bytes a value covers, {@code SIZE} or more,
 * which {@code write} checks the buffer for before its first byte. A struct that ends in a flexible
 * array may be nested as the last member of a struct (GNU C), whose array it then continues, or,
 * when the caller counts the array (no {@code count}), as a member of a union (ISO C); nowhere
 * else.
 *
 * <p>The array may be a struct's only member. That is how Linux puts a flexible array in a union,
 * where a member cannot be one: {@code __DECLARE_FLEX_ARRAY(T, x)} declares {@code struct { struct
 * { } __empty_x; T x[]; }}, which GNU C lays out as the array alone (size 0, {@code T}'s
 * alignment). Its mirror, {@code @AbiAnonymous} in the union's mirror:
 *
 * <pre>{@code
 * @AbiStruct(untagged = true) class Bufs { @AbiFlexible IoUringBuf[] bufs; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiFlexible {
  /**
   * The Java name of an earlier integer member of the same type that holds the number of elements
   * (of rows, for a flexible array of arrays); empty when the caller gives the count.
   */
  String count() default "";
}
