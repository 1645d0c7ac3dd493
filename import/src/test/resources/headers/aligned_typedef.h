#include <stdint.h>
/* a typedef that raises its type's alignment: 8 on i386 too, where uint64_t is aligned to 4 */
typedef uint64_t u64a_t __attribute__((aligned(8)));
/* a typedef of it, which keeps the raise */
typedef u64a_t u64a_again_t;
struct with_aligned_typedefs {
    uint32_t a;
    u64a_t b;
    uint32_t c;
    u64a_again_t d;
    uint16_t e;
    u64a_t g[2];
};
