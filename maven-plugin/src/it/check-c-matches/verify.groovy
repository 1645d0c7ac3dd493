// The mirror matches hv.h: each ABI's compiler proves abi-asserts.h. A machine without one of
// the compilers warns for that ABI (skipMissingCompilers), but x86_64 is always proven.
def log = new File(basedir, 'build.log').text
// 12 assertions per ABI: sizeof, _Alignof, and offsetof and sizeof of each of the 5 members
// and abi-check.c, which the processor always writes, built and run (x86_64 programs run on this host)
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match hv.h (12 assertions; abi-check.c ran)') : log
[['i386', 'gcc -m32'], ['aarch64', 'aarch64-linux-gnu-gcc']].each { abi, cc ->
  assert log.contains("[INFO] abiguard check-c: ${abi} (${cc}): the mirrors match hv.h (12 assertions; abi-check.c ") ||
      log.contains("[WARNING] abiguard check-c: ${abi} not checked: the ${abi} compiler is missing") : log
}
assert !log.contains('[ERROR]') : log
assert log.contains('BUILD SUCCESS')
return true
