package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The member's C name where it differs from the Java name; the manifest and the C assertions use
 * it.
 *
 * <pre>{@code
 * // C: unsigned int nr_extents;
 * @AbiName("nr_extents") @U32 long nrExtents;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiName {
  /** The C member name. */
  String value();
}
