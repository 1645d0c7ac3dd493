package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.AbiWidth;

/**
 * {@code domid_t}, the typedef declared in {@code public/xen.h}, line 626: x86_64: unsigned short (16 bits); i386: unsigned short (16 bits).
 *
 * <p>A typedef annotation: an element that carries {@code @DomidT} is this width to abiguard.
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
public @interface DomidT {}
