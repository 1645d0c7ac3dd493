/* Test input for the importer: the C of abiguard 0.2 (unions, bit-fields, anonymous members,
 * flexible arrays, packing, aligned types). */
#include <stdint.h>

struct with_union {
    uint32_t cmd;
    union {
        uint64_t big;
        uint16_t small;
    } u;
};

struct with_bits {
    unsigned int version : 4;
    unsigned int : 4;
    unsigned int flags : 24;
};

struct with_anonymous {
    uint8_t kind;
    union {
        uint32_t a;
        uint16_t b;
    };
};

struct with_flexible {
    uint16_t count;
    uint32_t data[];
};

struct __attribute__((packed)) packed_one {
    uint8_t a;
    uint32_t b;
};

#pragma pack(push, 2)
struct packed_two {
    uint8_t a;
    uint32_t b;
};
#pragma pack(pop)

struct __attribute__((aligned(16))) aligned_sixteen {
    uint32_t a;
};

union top_union {
    uint32_t word;
    uint8_t bytes[4];
};

/* GNU C's zero-length arrays (io_uring_sqe's cmd[0]) and names C reserves for the implementation,
   as system headers declare them (struct __kernel_timespec, Xen's __pad) */
struct __zero_len {
    uint8_t opcode;
    uint64_t __mid[0];
    union {
        uint64_t optval;
        uint8_t cmd[0];
    };
};
