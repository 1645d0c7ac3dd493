package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A C pointer or guest handle ({@code XEN_GUEST_HANDLE(xen_pfn_t) extent_start}): 8 bytes on {@code
 * x86_64} and {@code aarch64}, 4 bytes on {@code i386}. The Java type is {@code long}, holding the
 * address as an unsigned value.
 *
 * <pre>{@code
 * // C: XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
 * @Pointer long extentStart;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE})
public @interface Pointer {}
