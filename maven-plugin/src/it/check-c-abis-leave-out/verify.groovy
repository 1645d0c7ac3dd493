// The build compiles its mirrors for x86_64 and i386 (-Aabiguard.abis), and the plugin-level
// <abis>x86_64</abis> would leave i386 unproven: x86_64 is proven, then check-c fails naming i386
// and what to do, instead of passing with i386 never checked.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match hv.h') : log
assert log.contains('[ERROR] abiguard check-c: i386 would not be proven: the build has i386 layouts (-Aabiguard.abis=x86_64,i386), and <abis>x86_64</abis> leaves it out; remove <abis> to check every ABI the build has (the import goal follows -Aabiguard.abis too), or leave i386 out of -Aabiguard.abis if the build is not for it (or set <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs of <abis>, with a warning)') : log
assert log.contains('abiguard check-c: i386 not proven: the build has its layouts, and check-c could not check it (see the errors above)') : log
assert !log.contains('between the Java mirrors and the C headers') : log
assert log.contains('BUILD FAILURE')
return true
