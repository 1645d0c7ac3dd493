/* Test input for the importer's --split-abis: a type declared one way on x86_64 and aarch64 and
   another on i386 (as Xen declares its registers), a type that nests it, a typedef as wide as a
   register, and types every ABI declares alike. */
#include <stdint.h>

/* alike on every ABI, nested by types that are not */
struct hdr {
    uint16_t kind;
    uint16_t len;
};

/* 64 bits on x86_64 and aarch64, 32 on i386 */
#if defined(__x86_64__) || defined(__aarch64__)
typedef uint64_t reg_t;
#else
typedef uint32_t reg_t;
#endif

/* declared one way on x86_64 and aarch64, another on i386 */
struct cpu {
    struct hdr hdr;
    reg_t ip, sp;
#if defined(__i386__)
    uint16_t cs;
#endif
};

/* alike on every ABI, but it nests struct cpu */
struct frame {
    uint32_t flags;
    struct cpu cpu;
};

/* alike on every ABI: reg_t is as wide as C's long on each */
struct word {
    reg_t value;
};

#ifdef ARM_EXTRA
/* declared on aarch64 alone */
#if defined(__aarch64__)
struct arm_only {
    uint32_t esr;
};
#endif
#endif

#ifdef ARM_LONG_DOUBLE
/* a long double on aarch64, which abiguard does not mirror; 64 bits on x86 */
struct sample {
#if defined(__aarch64__)
    long double value;
#else
    uint64_t value;
#endif
};
#endif
