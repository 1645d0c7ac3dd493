/* Reads and writes Xen structs in native memory for ForeignMemoryTest (x86_64). */
#include <stdint.h>
#include <stdio.h>

struct xen_add_to_physmap {
    uint16_t domid;
    uint16_t size;
    unsigned int space;
    unsigned long idx;
    unsigned long gpfn;
};

struct xen_memory_reservation {
    uint64_t *extent_start;
    unsigned long nr_extents;
    unsigned int extent_order;
    unsigned int mem_flags;
    uint16_t domid;
};

/* What C sees in the struct Java wrote. */
int describe_xatp(const struct xen_add_to_physmap *p, char *out, size_t n) {
    return snprintf(out, n, "domid=%u size=%u space=%u idx=%lu gpfn=%lu", (unsigned) p->domid, (unsigned) p->size,
                    p->space, p->idx, p->gpfn);
}

int describe_reservation(const struct xen_memory_reservation *p, char *out, size_t n) {
    return snprintf(out, n, "extent_start=%p nr_extents=%lu extent_order=%u mem_flags=%u domid=%u",
                    (void *) p->extent_start, p->nr_extents, p->extent_order, p->mem_flags, (unsigned) p->domid);
}

/* A struct C wrote, for Java to read. */
void fill_xatp(struct xen_add_to_physmap *p) {
    p->domid = 0x7FF2;
    p->size = 65535;
    p->space = 0xFFFFFFFFu;
    p->idx = 0xFFFFFFFFFFFFFFFEul;
    p->gpfn = 42;
}
