// struct varies has a uint64_t on x86_64 and a uint32_t on i386. One import with splitAbis writes
// a mirror of it, and of struct outer that nests it, for each ABI in a package of its own, and one
// of struct ok, which both declare alike, in the package itself; the build compiles all of them
// for both ABIs, and each ABI's compiler proves its own mirrors of the one abi-asserts.h.
def log = new File(basedir, 'build.log').text
def dir = 'target/generated-sources/abiguard-import/org/example/hv/'
def ok = new File(basedir, dir + 'Ok.java').text
def lp64 = new File(basedir, dir + 'x86_64/Varies.java').text
def ilp32 = new File(basedir, dir + 'i386/Varies.java').text
assert ok.contains('@AbiStruct(name = "ok")') : ok
assert lp64.contains('@AbiStruct(name = "varies", abis = "x86_64")') : lp64
assert lp64.contains('import org.example.hv.Ok;') : lp64
assert lp64.contains('@U64 public long x;') : lp64
assert ilp32.contains('@AbiStruct(name = "varies", abis = "i386")') : ilp32
assert ilp32.contains('@U32 public long x;') : ilp32
assert new File(basedir, dir + 'x86_64/Outer.java').text.contains('public Varies v = new Varies();')
assert new File(basedir, dir + 'i386/Outer.java').text.contains('abis = "i386"')
assert log.contains('[INFO] split: 2 mirrors for x86_64 alone in org.example.hv.x86_64') : log
assert log.contains('[INFO] abiguard import: 5 mirrors of 3 C types written to target/generated-sources/abiguard-import, proven on x86_64, i386') : log
assert log.contains('[INFO] abiguard check-c: x86_64 (gcc): the mirrors match') : log
assert log.contains('[INFO] abiguard check-c: i386 (gcc -m32): the mirrors match') : log
def manifest = new File(basedir, 'target/classes/META-INF/abiguard/abi-manifest.json').text
assert manifest.contains('"java": "org.example.hv.Ok"') : manifest
assert manifest.contains('"java": "org.example.hv.x86_64.Outer"') : manifest
assert manifest.contains('"java": "org.example.hv.i386.Outer"') : manifest
assert new File(basedir, 'target/classes/org/example/hv/Frames.class').exists()
assert !log.contains('[ERROR]') : log
assert log.contains('BUILD SUCCESS')
return true
