package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * C {@code uint64_t}: a 64-bit unsigned integer. Shorthand for {@code @AbiWidth(value = 64)}.
 *
 * <pre>{@code
 * uint64_t count;   // C
 * @U64 long count;  // Java
 * }</pre>
 */
@Documented
@AbiWidth(value = 64)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
public @interface U64 {}
