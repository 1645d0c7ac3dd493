// The i386 compiler configured does not exist: x86_64 is still proven, then the build fails and
// says what to do.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match hv.h') : log
assert log.contains("[ERROR] abiguard check-c: the i386 compiler is missing: 'abiguard-no-such-gcc' is not on the PATH; install it, or set <compilers><i386>COMMAND</i386></compilers> to a compiler for i386 (or set <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs whose compiler is installed)") : log
// a missing compiler is no problem between the mirrors and the headers
assert log.contains('abiguard check-c: i386 not proven: the build has its layouts, and check-c could not check it (see the errors above); first: the i386 compiler is missing') : log
assert !log.contains('between the Java mirrors and the C headers') : log
assert log.contains('BUILD FAILURE')
return true
