/*
 * Prints the raw bytes of Xen's struct xen_add_to_physmap and struct xen_memory_reservation
 * (declared as in xen/include/public/memory.h for x86) filled with known values, so that the
 * generated marshallers can be compared with what the C compiler lays out.
 *
 * Output, one line per struct: <name> sizeof=<n> <member>=<unsigned decimal>... bytes=<hex>...
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint16_t domid_t;
typedef unsigned long xen_ulong_t;
typedef unsigned long xen_pfn_t;
#define XEN_GUEST_HANDLE(type) struct { type *p; }

struct xen_add_to_physmap {
    domid_t domid;
    uint16_t size;
    unsigned int space;
    xen_ulong_t idx;
    xen_pfn_t gpfn;
};

struct xen_memory_reservation {
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;
    xen_ulong_t nr_extents;
    unsigned int extent_order;
    unsigned int mem_flags;
    domid_t domid;
};

static void bytes(const void *p, size_t n) {
    const unsigned char *b = p;
    printf(" bytes=");
    for (size_t i = 0; i < n; i++) {
        printf("%s%02x", i ? "," : "", b[i]);
    }
    printf("\n");
}

int main(void) {
    struct xen_add_to_physmap xatp;
    memset(&xatp, 0, sizeof xatp); /* padding bytes are zero, as the marshaller writes them */
    xatp.domid = 0xFFF0;
    xatp.size = 0x8001;
    xatp.space = 0x80000002u;
    xatp.idx = (xen_ulong_t) 0xFEDCBA9876543210ull;
    xatp.gpfn = (xen_ulong_t) 0x8000000000000ABCull;
    printf("xen_add_to_physmap sizeof=%zu domid=%u size=%u space=%u idx=%llu gpfn=%llu",
           sizeof xatp, xatp.domid, xatp.size, xatp.space,
           (unsigned long long) xatp.idx, (unsigned long long) xatp.gpfn);
    bytes(&xatp, sizeof xatp);

    static xen_pfn_t extents[4];
    struct xen_memory_reservation res;
    memset(&res, 0, sizeof res);
    res.extent_start.p = extents;
    res.nr_extents = (xen_ulong_t) 0xF0000000000000F1ull;
    res.extent_order = 0xFFFFFFFFu;
    res.mem_flags = 0x00010203u;
    res.domid = 0x7FF0;
    printf("xen_memory_reservation sizeof=%zu extent_start=%llu nr_extents=%llu extent_order=%u"
           " mem_flags=%u domid=%u",
           sizeof res, (unsigned long long) (uintptr_t) res.extent_start.p,
           (unsigned long long) res.nr_extents, res.extent_order, res.mem_flags, res.domid);
    bytes(&res, sizeof res);
    return 0;
}
