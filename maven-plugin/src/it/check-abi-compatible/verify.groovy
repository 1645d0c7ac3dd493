// 1.1-SNAPSHOT adds 'prio' in hv_request's tail padding (no offset or size changes) and a new
// struct: check-abi reports both as compatible and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-abi: comparing with org.example:hv-abi:1.0 (the newest release below 1.1-SNAPSHOT)') : log
assert log.contains('[INFO] [abiguard:abi-break] compatible: field hv_request.prio (org.example.hv.HvRequest.prio) was added at offset 17 on x86_64, was added at offset 13 on i386 since 1.0') : log
assert log.contains('[INFO] [abiguard:abi-break] compatible: struct hv_reply (org.example.hv.HvReply) was added since 1.0') : log
assert log.contains('[INFO] abiguard check-abi: 2 mirrors compatible with org.example:hv-abi:1.0 (1 in it; 2 compatible changes)') : log
assert !log.contains('[ERROR]') : log
assert log.contains('BUILD SUCCESS')
return true
