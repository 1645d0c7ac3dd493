package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * C {@code uint8_t}: a 8-bit unsigned integer. Shorthand for {@code @AbiWidth(value = 8)}.
 *
 * <pre>{@code
 * uint8_t count;   // C
 * @U8 int count;  // Java
 * }</pre>
 */
@Documented
@AbiWidth(value = 8)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
public @interface U8 {}
