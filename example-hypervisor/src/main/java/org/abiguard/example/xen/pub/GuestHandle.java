package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.Pointer;

/**
 * Xen's {@code XEN_GUEST_HANDLE(type)}: on x86 a plain pointer into guest memory, 8 bytes for an
 * x86_64 guest, 4 for an i386 guest. The Java value is the guest address; 0 is a null handle.
 */
@Documented
@Pointer
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface GuestHandle {}
