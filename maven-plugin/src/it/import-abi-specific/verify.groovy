// struct varies has a uint64_t on x86_64 and a uint32_t on i386. Imported once per ABI with
// abiSpecific, each mirror says which ABI it is for; the two packages compile in one build for
// both ABIs, and each ABI's compiler proves its own mirrors of the one abi-asserts.h.
def log = new File(basedir, 'build.log').text
// each execution's default directories end in its ABIs, so neither replaces the other's mirrors
def lp64 = new File(basedir, 'target/generated-sources/abiguard-import-x86_64/org/example/hv/lp64/Varies.java').text
def ilp32 = new File(basedir, 'target/generated-sources/abiguard-import-i386/org/example/hv/ilp32/Varies.java').text
assert new File(basedir, 'target/abiguard/import-x86_64/import.stamp').exists()
assert new File(basedir, 'target/abiguard/import-i386/import.stamp').exists()
assert lp64.contains('@AbiStruct(name = "varies", abis = "x86_64")') : lp64
assert lp64.contains('@U64 public long x;') : lp64
assert ilp32.contains('@AbiStruct(name = "varies", abis = "i386")') : ilp32
assert ilp32.contains('@U32 public long x;') : ilp32
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match') : log
assert log.contains('[INFO] abiguard check-c: i386 (gcc -m32): the mirrors match') : log
def manifest = new File(basedir, 'target/classes/META-INF/abiguard/abi-manifest.json').text
assert manifest.contains('"java": "org.example.hv.lp64.Varies"') : manifest
assert manifest.contains('"java": "org.example.hv.ilp32.Varies"') : manifest
assert !log.contains('[ERROR]') : log
assert log.contains('BUILD SUCCESS')
return true
