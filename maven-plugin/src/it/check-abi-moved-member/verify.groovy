// 'cookie' inserted before 'op' in 1.1-SNAPSHOT: check-abi finds release 1.0 by itself and fails,
// naming each moved member with its ABIs and old and new offsets.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-abi: comparing with org.example:hv-abi:1.0 (the newest release below 1.1-SNAPSHOT)') : log
assert log.contains('[ERROR] [abiguard:abi-break] org.example.hv.HvRequest.op: field hv_request.op moved from offset 4 to 8 on x86_64 and i386 since 1.0\n') : log
assert log.contains('[ERROR] [abiguard:abi-break] org.example.hv.HvRequest.arg: field hv_request.arg moved from offset 8 to 16 on x86_64, moved from offset 8 to 12 on i386 since 1.0\n') : log
assert log.contains('[ERROR] [abiguard:abi-break] org.example.hv.HvRequest: struct hv_request grew from 24 to 32 bytes (added: cookie) on x86_64, grew from 16 to 20 bytes (added: cookie) on i386 since 1.0\n') : log
assert log.contains('abiguard check-abi: 4 incompatible ABI changes since org.example:hv-abi:1.0') : log
// 'cookie' moved the members after it: part of the break, not a compatible addition
assert !log.contains('compatible: field hv_request.cookie') : log
assert log.contains('BUILD FAILURE')
return true
