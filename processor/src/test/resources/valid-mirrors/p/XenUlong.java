package p;

import org.abiguard.NativeLong;

/** C: typedef unsigned long xen_ulong_t; */
@NativeLong
@interface XenUlong {}
