#include <stdint.h>
struct ok { uint16_t a; };
struct varies {
#ifdef __i386__
 uint32_t x;
#else
 uint64_t x;
#endif
};
