/* Test input for the importer: the one struct, whose uint64_t is aligned to 4 on i386, is
   disproved there when the proof's compilations run with -malign-double (as a build whose
   CFLAGS differ from the import's would), which aligns it to 8. */
#include <stdint.h>
struct al_only { uint32_t a; uint64_t b; };
