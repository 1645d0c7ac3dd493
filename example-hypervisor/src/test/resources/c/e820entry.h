/*
 * Xen's e820 entry, from xen/arch/x86/include/asm/e820.h (not a public header: public/memory.h
 * only says "array of e820 entries"), and the five 32-bit words XenE820Entry declares in its
 * place (abiguard on this branch has no packed layouts), for MirrorLayoutTest.
 */
#include <stdint.h>

struct __attribute__((packed)) e820entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
};

struct xen_e820entry {
    uint32_t addr_lo, addr_hi, size_lo, size_hi, type;
};
_Static_assert(sizeof(struct e820entry) == sizeof(struct xen_e820entry), "e820entry words");
_Static_assert(sizeof(struct e820entry[2]) == sizeof(struct xen_e820entry[2]), "e820entry array stride");
_Static_assert(__builtin_offsetof(struct e820entry, size) == __builtin_offsetof(struct xen_e820entry, size_lo), "size");
_Static_assert(__builtin_offsetof(struct e820entry, type) == __builtin_offsetof(struct xen_e820entry, type), "type");
