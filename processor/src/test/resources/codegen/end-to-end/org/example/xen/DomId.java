package org.example.xen;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.abiguard.AbiWidth;

/** C: typedef uint16_t domid_t; */
@AbiWidth(16)
@Retention(RetentionPolicy.CLASS)
public @interface DomId {}
