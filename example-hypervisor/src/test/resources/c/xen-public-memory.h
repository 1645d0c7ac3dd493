/*
 * The declarations of Xen's public/memory.h (and the types it uses from public/xen.h and
 * public/arch-x86/xen.h) that the mirrors in org.abiguard.example.xen.pub stand for, written
 * out for an x86 guest. MirrorLayoutTest compiles abiguard's generated abi-asserts.h against
 * this file with gcc (x86_64) and gcc -m32 (i386).
 */
#include <stdint.h>

typedef uint16_t domid_t;
typedef unsigned long xen_pfn_t;
typedef unsigned long xen_ulong_t;
#define XEN_GUEST_HANDLE(type) type *

struct xen_memory_reservation {
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
    xen_ulong_t nr_extents;
    unsigned int extent_order;
    unsigned int mem_flags;
    domid_t domid;
};

struct xen_memory_exchange {
    struct xen_memory_reservation in;
    struct xen_memory_reservation out;
    xen_ulong_t nr_exchanged;
};

struct xen_add_to_physmap {
    domid_t domid;
    uint16_t size;
    unsigned int space;
    xen_ulong_t idx;
    xen_pfn_t gpfn;
};

struct xen_add_to_physmap_batch {
    domid_t domid;
    uint16_t space;
    uint16_t size;
    union {
        domid_t foreign_domid;
        uint16_t res0;
    } u;
    XEN_GUEST_HANDLE(xen_ulong_t) idxs;
    XEN_GUEST_HANDLE(xen_pfn_t) gpfns;
    XEN_GUEST_HANDLE(int) errs;
};

struct xen_remove_from_physmap {
    domid_t domid;
    xen_pfn_t gpfn;
};

struct xen_memory_map {
    unsigned int nr_entries;
    XEN_GUEST_HANDLE(void) buffer;
};

struct xen_foreign_memory_map {
    domid_t domid;
    struct xen_memory_map map;
};

struct xen_pod_target {
    uint64_t target_pages;
    uint64_t tot_pages;
    uint64_t pod_cache_pages;
    uint64_t pod_entries;
    domid_t domid;
};

/* Xen's own e820 entry is packed ... */
struct __attribute__((packed)) e820entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
};

/* ... which abiguard, without packed layouts, mirrors as 32-bit words: */
struct xen_e820entry {
    uint32_t addr_lo, addr_hi, size_lo, size_hi, type;
};
_Static_assert(sizeof(struct e820entry) == sizeof(struct xen_e820entry), "e820entry words");
_Static_assert(sizeof(struct e820entry[2]) == sizeof(struct xen_e820entry[2]), "e820entry array stride");
_Static_assert(__builtin_offsetof(struct e820entry, size) == __builtin_offsetof(struct xen_e820entry, size_lo), "size");
_Static_assert(__builtin_offsetof(struct e820entry, type) == __builtin_offsetof(struct xen_e820entry, type), "type");

/* the foreign_domid of the mirror is the union member u.foreign_domid */
#define foreign_domid u.foreign_domid
