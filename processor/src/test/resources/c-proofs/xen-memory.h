/*
 * The structs of Xen's public/memory.h with the typedefs they use on x86 (32 and 64 bit) and
 * on Arm (64 bit), written for abiguard's tests from the documented Xen ABI
 * (xen/include/public/memory.h, arch-x86/xen.h, arch-x86/xen-x86_32.h, arch-x86/xen-x86_64.h,
 * arch-arm.h). Declarations only: enough for sizeof, _Alignof and offsetof.
 */
#ifndef ABIGUARD_TEST_XEN_MEMORY_H
#define ABIGUARD_TEST_XEN_MEMORY_H

#include <stdint.h>

typedef uint16_t domid_t;

#if defined(__aarch64__) || defined(__arm__)
/* arch-arm.h: 64-bit quantities are 8-byte aligned on both Arm ABIs; handles are 64-bit. */
typedef uint64_t uint64_aligned_t __attribute__((__aligned__(8)));
typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef union { type *p; unsigned long q; } __guest_handle_##name; \
    typedef union { type *p; uint64_aligned_t q; } __guest_handle_64_##name
#define XEN_GUEST_HANDLE(name) __guest_handle_64_##name
#elif defined(__x86_64__) || defined(__i386__)
/* arch-x86: unsigned long is the native word; a handle is a struct of one pointer. */
#if defined(__i386__)
typedef uint64_t uint64_aligned_t __attribute__((__aligned__(8)));
#else
typedef uint64_t uint64_aligned_t;
#endif
typedef unsigned long xen_pfn_t;
typedef unsigned long xen_ulong_t;
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef struct { type *p; } __guest_handle_##name
#define XEN_GUEST_HANDLE(name) __guest_handle_##name
#else
#error "xen-memory.h: unsupported architecture"
#endif

#define DEFINE_XEN_GUEST_HANDLE(name) ___DEFINE_XEN_GUEST_HANDLE(name, name)
#define __DEFINE_XEN_GUEST_HANDLE(name, type) ___DEFINE_XEN_GUEST_HANDLE(name, type)

__DEFINE_XEN_GUEST_HANDLE(void, void);
__DEFINE_XEN_GUEST_HANDLE(int, int);
DEFINE_XEN_GUEST_HANDLE(xen_pfn_t);
DEFINE_XEN_GUEST_HANDLE(xen_ulong_t);

struct xen_memory_reservation {
    /* IN: GPFN bases of extents to populate; OUT: GMFN bases of extents freed. */
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
    /* Number of extents, and size/alignment of each (2^extent_order pages). */
    xen_ulong_t    nr_extents;
    unsigned int   extent_order;
    /* XENMEMF flags. */
    unsigned int   mem_flags;
    /* Domain whose reservation is being changed. */
    domid_t        domid;
};
typedef struct xen_memory_reservation xen_memory_reservation_t;

struct xen_memory_exchange {
    struct xen_memory_reservation in;
    struct xen_memory_reservation out;
    /* Number of input extents that were successfully exchanged. */
    xen_ulong_t nr_exchanged;
};

struct xen_add_to_physmap {
    /* Which domain to change the mapping for. */
    domid_t domid;
    /* Number of pages to go through for gmfn_range. */
    uint16_t    size;
    unsigned int space; /* => enum phys_map_space */
    /* Index into space being mapped. */
    xen_ulong_t idx;
    /* GPFN in domid where the source mapping page should appear. */
    xen_pfn_t     gpfn;
};

struct xen_add_to_physmap_batch {
    /* IN */
    domid_t domid;
    uint16_t space; /* => enum phys_map_space */
    uint16_t size;
    union xen_add_to_physmap_batch_extra {
        domid_t foreign_domid; /* gmfn_foreign */
        uint16_t res0;  /* All the other spaces. Should be 0 */
    } u;
    /* Indexes into space being mapped. */
    XEN_GUEST_HANDLE(xen_ulong_t) idxs;
    /* GPFN in domid where the source mapping page should appear. */
    XEN_GUEST_HANDLE(xen_pfn_t) gpfns;
    /* OUT: per index error code. */
    XEN_GUEST_HANDLE(int) errs;
};

struct xen_remove_from_physmap {
    domid_t domid;
    xen_pfn_t     gpfn;
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
    /* IN */
    uint64_t target_pages;
    /* OUT */
    uint64_t tot_pages;
    uint64_t pod_cache_pages;
    uint64_t pod_entries;
    /* IN */
    domid_t domid;
};

struct xen_mem_acquire_resource {
    domid_t domid;
    uint16_t type;
    uint32_t id;
    uint32_t nr_frames;
    uint32_t pad;
    uint64_t frame;
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list;
};

#endif /* ABIGUARD_TEST_XEN_MEMORY_H */
