// The i386 compiler configured does not exist: x86_64 is still proven, then the build fails and
// says what to do.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match hv.h') : log
assert log.contains("[ERROR] abiguard check-c: the i386 compiler is missing: 'abiguard-no-such-gcc' is not on the PATH; install it, or set <compilers><i386>COMMAND</i386></compilers> to a compiler for i386 (or set <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs whose compiler is installed)") : log
assert log.contains('BUILD FAILURE')
return true
