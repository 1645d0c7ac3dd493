package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.NativeLong;

/**
 * Xen's {@code xen_ulong_t}: on x86 {@code typedef unsigned long xen_ulong_t;}
 * ({@code public/arch-x86/xen.h}), so 64 bits for an x86_64 guest and 32 bits for an i386 guest.
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
public @interface XenUlong {}
