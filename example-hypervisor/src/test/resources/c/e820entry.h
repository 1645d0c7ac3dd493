/*
 * Xen's e820 entry, from xen/arch/x86/include/asm/e820.h (not a public header: public/memory.h
 * only says "array of e820 entries"), for MirrorLayoutTest.
 */
#include <stdint.h>

struct __attribute__((packed)) e820entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
};
