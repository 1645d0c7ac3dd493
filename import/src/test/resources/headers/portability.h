/* Test input for the importer: what one mirror can serve on every ABI, and what not. */
#include <stdint.h>

struct same_everywhere {
    uint32_t a;
    unsigned long b;
    void *p;
    unsigned char name[8]; /* plain char is signed on x86, unsigned on Arm */
};

struct differs_by_abi {
#if defined(__x86_64__)
    uint64_t wide;
#else
    uint32_t wide;
#endif
};

struct needs_differs {
    struct differs_by_abi d;
};

struct has_long_double {
    long double d;
};

struct aligned_u64 {
    uint32_t a;
    uint64_t b __attribute__((aligned(8)));
};

typedef uint16_t port_t;
typedef struct {
    port_t port;
    int16_t delta;
    int8_t small[3];
} tagless_t;

/* a typedef that is an integer on one ABI and a struct on another (Xen's xen_callback_t) */
#if defined(__x86_64__)
typedef unsigned long callback_t;
#else
typedef struct { unsigned long cs, eip; } callback_t;
#endif
struct callback_register {
    uint16_t type;
    callback_t address;
};

/* GNU C's empty struct (sizeof 0), as Xen's struct hvm_save_end: empty = true */
struct empty_marker {};

/* a typedef that lowers its integer's alignment on x86_64 and aarch64 (Linux's packed_ulong in
   rdma/ib_user_mad.h), which no annotation mirrors */
typedef unsigned long __attribute__((aligned(4))) loose_ulong;
struct lowered {
    uint32_t id;
    loose_ulong mask;
};

/* members packed one by one (Linux's SMMRegisters): each still where its type's alignment puts it,
   so the packing changes nothing and the mirror is exact */
typedef struct {
    unsigned int eax;
    unsigned int ebx __attribute__((packed));
    unsigned int ecx __attribute__((packed));
} packed_in_place;

/* a packed member the packing moves: at offset 1, not 4 */
struct packed_moves {
    unsigned char c;
    unsigned int x __attribute__((packed));
};
