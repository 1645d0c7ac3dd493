package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * C {@code uint16_t}: a 16-bit unsigned integer. Shorthand for {@code @AbiWidth(value = 16)}.
 *
 * <pre>{@code
 * uint16_t count;   // C
 * @U16 int count;  // Java
 * }</pre>
 */
@Documented
@AbiWidth(value = 16)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
public @interface U16 {}
