package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * C {@code int16_t}: a 16-bit signed integer. Shorthand for {@code @AbiWidth(value = 16, signed =
 * true)}.
 *
 * <pre>{@code
 * int16_t count;   // C
 * @S16 short count;  // Java
 * }</pre>
 */
@Documented
@AbiWidth(value = 16, signed = true)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
public @interface S16 {}
