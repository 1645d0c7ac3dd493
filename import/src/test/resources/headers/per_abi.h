/* Test input for the importer: a type each architecture declares its own way (as Xen declares
   vcpu_guest_context), imported once per group of ABIs with --abi-specific. */
#include <stdint.h>

struct regs {
#if defined(__x86_64__) || defined(__aarch64__)
    uint64_t ip, sp;
#else
    uint32_t ip, sp;
    uint16_t cs;
#endif
};

struct frame {
    uint32_t flags;
    struct regs regs;
};
