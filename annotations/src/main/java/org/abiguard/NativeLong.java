package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * C {@code long} / {@code unsigned long}: 64 bits on {@code x86_64} and {@code aarch64} (LP64), 32
 * bits on {@code i386} (ILP32). The Java type is {@code long}.
 *
 * <pre>{@code
 * // C: typedef unsigned long xen_ulong_t;   (x86)
 * @NativeLong long nrExtents;
 * }</pre>
 *
 * <p>The flow guard treats it as its widest form (64 bits): a value that fits every ABI's {@code
 * long} must be range-checked to 32 bits explicitly.
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
public @interface NativeLong {
  /** True for C {@code long}, false for {@code unsigned long}. */
  boolean signed() default false;
}
