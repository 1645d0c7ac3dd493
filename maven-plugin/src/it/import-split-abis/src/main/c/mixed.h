#include <stdint.h>
/* alike on x86_64 and i386 */
struct ok { uint16_t a; };
/* declared differently on x86_64 and i386 */
struct varies {
#ifdef __i386__
 uint32_t x;
#else
 uint64_t x;
#endif
 struct ok ok;
};
/* alike, but it nests struct varies */
struct outer { uint8_t tag; struct varies v; };
