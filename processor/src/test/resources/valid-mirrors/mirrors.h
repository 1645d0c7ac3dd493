/* The C declarations that the mirrors in valid-mirrors/p claim to match. */
#include <stdint.h>

typedef unsigned long xen_ulong_t;
typedef xen_ulong_t xen_pfn_t;
typedef uint16_t domid_t;

struct xen_add_to_physmap {
    domid_t domid;
    uint16_t size;
    unsigned int space;
    xen_ulong_t idx;
    xen_pfn_t gpfn;
    uint32_t nr_extents;
    void *extentStart;
    uint64_t bytes __attribute__((aligned(8)));
    uint8_t flags;
    int8_t delta;
};

typedef struct {
    uint64_t start;
    int32_t nr_pages;
    uint8_t tag[4];
} xen_mem_range_t;

struct outer_inner {
    uint32_t value;
    domid_t domid;
};

struct outer_pair {
    uint16_t a;
    uint16_t b;
};

struct Outer {
    uint16_t kind;
    struct outer_inner inner;
    struct outer_pair pairs[2];
    xen_mem_range_t ranges[3];
} __attribute__((aligned(16)));
