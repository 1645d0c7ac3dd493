package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.NativeLong;

/**
 * Xen's {@code xen_pfn_t}, a guest or machine frame number: on x86
 * {@code typedef unsigned long xen_pfn_t;} ({@code public/arch-x86/xen.h}).
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
public @interface XenPfn {}
