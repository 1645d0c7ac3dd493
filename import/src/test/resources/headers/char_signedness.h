/* Test input for the importer: plain char is signed on x86_64 and i386, unsigned on aarch64. */
typedef char mychar_t;
struct plain_char { char c; };
struct char_bits { unsigned int flags; char cb : 3; };
struct char_typedef { mychar_t m; };
/* an array of plain char has the signedness of plain char on each ABI, as C reads its elements */
struct char_name { char name[8]; };
