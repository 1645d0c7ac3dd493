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

/* Linux's __DECLARE_FLEX_ARRAY(__u8, sigset) as the last member: an anonymous struct of an empty
   struct (a GNU extension) and the flexible array, laid out as the array alone */
struct declared_flex {
    uint32_t len;
    struct {
        struct { } __empty_sigset;
        uint8_t sigset[];
    };
};

/* an aligned flexible array raises the struct's alignment, also where its element's own is lower
   (rdma's __aligned_u64 driver_data[]: _Alignof 8 on i386, where uint64_t's is 4) */
struct aligned_flex {
    uint32_t handle;
    uint32_t rkey;
    uint64_t __attribute__((aligned(8))) driver_data[];
};

/* a member of anonymous enum type, sized by the member itself (glibc's struct r_debug:
   enum { RT_CONSISTENT, RT_ADD, RT_DELETE } r_state) */
struct anonymous_enum {
    int version;
    enum { STATE_CONSISTENT, STATE_ADD = -1 } state;
    enum { FLAG_ONE = 1 } flags[2];
};

/* Linux's __DECLARE_FLEX_ARRAY(T, x) in a union (ALSA's snd_soc_tplg_private, io_uring's
   io_uring_buf_ring): each member a struct holding the array alone, as GNU C lays it out */
struct flex_union {
    uint32_t size;
    union {
        struct { struct { } __empty_data; uint8_t data[]; };
        struct { struct { } __empty_words; uint32_t words[]; };
    };
} __attribute__((packed));

/* GNU C's empty struct as a member, tagged and declared inline (Xen's struct arch_vcpu_info {} on
   Arm, in struct vcpu_info): empty = true, size 0 */
struct placeholder { };
struct with_empty {
    uint8_t pending;
    struct placeholder arch;
    struct { } marker;
    uint32_t time;
};

/* arrays of arrays, also through a typedef of an array: one Java array, row by row */
typedef uint8_t mac_addr[6];
struct two_dims {
    uint16_t coeff[3][2];
    mac_addr macs[2];
};

/* a flexible array of arrays, as virtio-net's MAC table: @AbiFlexible @AbiArray(6) */
struct mac_table {
    uint32_t entries;
    uint8_t macs[][6];
};

/* C reuses a member name at every depth (VirtualBox's HGCM parameters: u.pointer.u); Java forbids
 * a nested class the name of a class enclosing it */
struct reused_names {
    uint32_t type;
    union {
        uint32_t value32;
        struct {
            uint32_t size;
            union {
                uint32_t phys_addr;
                uint32_t linear_addr;
            } u;
        } pointer;
    } u;
};

/* C's float and double (also through a typedef): a double is aligned to 4 inside i386 structs, as
   uint64_t is */
typedef double seconds_t;
struct with_floats {
    uint8_t kind;
    double when;
    float gain[2];
    seconds_t timeout;
    uint16_t n;
    float samples[];
};
