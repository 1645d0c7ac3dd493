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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiFlexible {
  /**
   * The Java name of an earlier integer member of the same type that holds the number of elements;
   * empty when the caller gives the count.
   */
  String count() default "";
}
