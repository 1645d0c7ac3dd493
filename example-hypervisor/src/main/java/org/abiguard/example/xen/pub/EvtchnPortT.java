package org.abiguard.example.xen.pub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.abiguard.AbiWidth;

/**
 * {@code evtchn_port_t}, the typedef declared in {@code public/event_channel.h}, line 65: x86_64: unsigned int (32 bits); i386: unsigned int (32 bits).
 *
 * <p>A typedef annotation: an element that carries {@code @EvtchnPortT} is this width to abiguard.
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
public @interface EvtchnPortT {}
