#include <stdint.h>
/* a typedef that raises a struct's alignment: the struct itself keeps its own */
struct frame_ref {
    uint32_t gfn;
};
typedef struct frame_ref frame_ref_a8 __attribute__((aligned(8)));
struct with_aligned_struct_typedef {
    uint8_t flags;
    frame_ref_a8 ref;
    struct frame_ref plain;
};
