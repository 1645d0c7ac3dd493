/* Test input for the importer: a struct with bit-fields (checked by abi-check.c) beside one
   without. */
#include <stdint.h>
struct with_bits { uint32_t a : 3; uint64_t b : 40; };
struct no_bits { uint32_t a; long b; void *p; };
