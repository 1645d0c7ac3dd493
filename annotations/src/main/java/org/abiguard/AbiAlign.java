package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At least this alignment, in bytes: C's {@code __attribute__((aligned(n)))}.
 *
 * <p>On a member it raises the member's alignment (Xen's {@code uint64_aligned_t}, which keeps
 * 64-bit members 8-aligned even on {@code i386}); on a struct it raises the struct's.
 *
 * <pre>{@code
 * // C: typedef uint64_t uint64_aligned_t __attribute__((aligned(8)));
 * @AbiAlign(8) @U64 long bytes;
 * }</pre>
 *
 * <p>The value must be a power of two; it never lowers the natural alignment.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface AbiAlign {
  /** The alignment in bytes, a power of two. */
  int value();
}
