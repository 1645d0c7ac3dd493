package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.AbiWidth;

/**
 * Xen's {@code domid_t}: {@code typedef uint16_t domid_t;} ({@code public/xen.h}).
 *
 * <p>A typedef annotation: every element that carries {@code @DomId} is a {@code u16} to abiguard,
 * in struct layouts and in the flow guard alike.
 */
@Documented
@AbiWidth(16)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT
})
public @interface DomId {}
