/* Test input for the importer: GCC's scalar storage order. */
#include <stdint.h>
struct __attribute__((scalar_storage_order("big-endian"))) be_attr { uint32_t a; uint16_t b; };
#pragma scalar_storage_order big-endian
struct be_pragma { uint32_t a; };
#pragma scalar_storage_order default
struct __attribute__((scalar_storage_order("little-endian"))) le_attr { uint32_t a; };
struct native_order { uint32_t a; };
struct nests_be { struct be_attr inner; };
/* GCC keeps pointers in the machine's order: no one mirror's order serves */
struct __attribute__((scalar_storage_order("big-endian"))) be_pointer { uint32_t a; void *p; };
/* a big-endian struct of bit-fields only: its order as written, which abi-check.c checks */
struct __attribute__((scalar_storage_order("big-endian"))) be_bits { uint32_t a : 4; uint32_t b : 12; };
