// The mirror declares 'flags' u32 where hv.h has uint16_t: check-c fails the build with gcc's
// failed assertions turned into errors that name the mirror's member, its value and C's.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] [abiguard:layout] org.example.hv.HvRequest.flags: offsetof(struct hv_request, flags) must be 4 (x86_64) as the Java mirror says, but C has 2 [gcc: abi-asserts.h:21: static assertion failed]') : log
assert log.contains('[ERROR] [abiguard:layout] org.example.hv.HvRequest.flags: sizeof(((struct hv_request *)0)->flags) must be 4 (x86_64) as the Java mirror says, but C has 2 [gcc: abi-asserts.h:22: static assertion failed]') : log
assert log.contains('[ERROR] [abiguard:layout] org.example.hv.HvRequest: sizeof(struct hv_request) must be 32 (x86_64) as the Java mirror says, but C has 24 [gcc: abi-asserts.h:17: static assertion failed]') : log
assert log.contains('[ERROR] [abiguard:layout] org.example.hv.HvRequest.op: offsetof(struct hv_request, op) must be 8 (x86_64) as the Java mirror says, but C has 4') : log
assert log.contains('abiguard check-c: 6 problems between the Java mirrors and the C headers (see the errors above); first: [abiguard:layout] org.example.hv.HvRequest.flags:') : log
assert log.contains('BUILD FAILURE')
return true
