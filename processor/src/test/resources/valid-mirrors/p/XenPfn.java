package p;

/** C: typedef xen_ulong_t xen_pfn_t; (a typedef of a typedef) */
@XenUlong
@interface XenPfn {}
