package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.AbiWidth;

/**
 * Xen's {@code evtchn_port_t}: {@code typedef uint32_t evtchn_port_t;}
 * ({@code public/event_channel.h}). A typedef annotation: a {@code u32} to abiguard.
 */
@Documented
@AbiWidth(32)
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.RECORD_COMPONENT
})
public @interface EvtchnPort {}
