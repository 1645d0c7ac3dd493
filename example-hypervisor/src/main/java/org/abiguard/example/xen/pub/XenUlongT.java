package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.NativeLong;

/**
 * {@code xen_ulong_t}, the typedef declared in {@code public/arch-x86/xen.h}, line 102: x86_64: unsigned long (64 bits); i386: unsigned long (32 bits).
 *
 * <p>A typedef annotation: an element that carries {@code @XenUlongT} is as wide as C {@code long} to abiguard.
 */
@Documented
@NativeLong
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT
})
public @interface XenUlongT {}
