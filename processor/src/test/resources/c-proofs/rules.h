/* One struct per layout rule, the C side of org.abiguard.processor.testing.RuleStructs. */
#ifndef ABIGUARD_TEST_RULES_H
#define ABIGUARD_TEST_RULES_H

#include <stdint.h>

typedef uint64_t rules_u64_aligned __attribute__((__aligned__(8)));

struct rules_padding { uint8_t a; uint32_t b; uint16_t c; uint64_t d; uint8_t e; };

struct rules_aligned_member { uint32_t a; rules_u64_aligned b; uint8_t c; };

struct rules_longs { uint16_t a; unsigned long n; long s; void *p; uint8_t z; };

struct rules_inner { uint8_t a; uint64_t b; };

struct rules_nested { uint16_t x; struct rules_inner in; uint8_t y; };

struct rules_arrays {
    uint8_t tag;
    uint16_t v[3];
    uint64_t w[2];
    struct rules_inner ins[2];
    void *ptrs[3];
    unsigned long longs[2];
    uint8_t t;
};

struct rules_aligned_struct { uint32_t a; } __attribute__((__aligned__(16)));

struct rules_holder { uint8_t c; struct rules_aligned_struct s; uint8_t d; };

typedef struct { int8_t a; int16_t b; int32_t c; int64_t d; int8_t e; } rules_signed_t;

struct rules_aligned_array { uint8_t a; uint8_t b[4] __attribute__((__aligned__(8))); };

#endif /* ABIGUARD_TEST_RULES_H */
