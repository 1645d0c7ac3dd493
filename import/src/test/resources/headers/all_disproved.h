/* Test input for the importer: the one struct is disproved on i386 (an aligned(8) typedef of
   uint64_t is aligned to 8 inside the struct there, which its mirror's @U64 is not). */
#include <stdint.h>
typedef uint64_t u64a_t __attribute__((aligned(8)));
struct al_only { uint32_t a; u64a_t b; };
