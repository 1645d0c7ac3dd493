// Build 1 imports hv/hv.h into target/generated-sources/abiguard-import; the mirror and the
// marshaller abiguard generates for it compile with the project's own code, and check-c proves
// the mirror against the header. Without <abis>, the import proves for the ABIs of the build's
// -Aabiguard.abis (x86_64, i386), as check-c does: no aarch64 compiler is needed. Build 2 changes
// nothing: the import is up to date and does no work.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/abiguard-import/org/example/hv')
assert new File(generated, 'HvRequest.java').isFile()
assert new File(generated, 'DomidT.java').isFile() : 'the typedef annotation of domid_t is missing'
assert new File(generated, 'HvRequest.java').text.contains('@DomidT public int domid;')
def classes = new File(basedir, 'target/classes')
assert new File(classes, 'org/example/hv/HvRequestMarshaller.class').isFile()
assert new File(classes, 'org/example/app/Hypercall.class').isFile()

def written = log.findAll(/\[INFO\] abiguard import: 1 mirror written to target\/generated-sources\/abiguard-import, proven on x86_64, i386 \(the build's -Aabiguard.abis\) \(\d+ ms\)/)
assert written.size() == 1 : 'the first build must import, the second must not:\n' + log
def upToDate = log.findAll(/\[INFO\] abiguard import: up to date, nothing to do: hv\/hv\.h, the files they include and the options are unchanged since the last import into target\/generated-sources\/abiguard-import \(checked in (\d+) ms\)/)
assert upToDate.size() == 1 : 'the second build must find the import up to date:\n' + log
assert log.indexOf(written[0]) < log.indexOf(upToDate[0])
assert log.findAll(/\[INFO\] abiguard check-c: x86_64 \(gcc\): the mirrors match hv\/hv\.h \(12 assertions; abi-check\.c ran\)/).size() == 2 : log
assert log.findAll(/\[INFO\] abiguard check-c: i386 \(gcc -m32\): the mirrors match hv\/hv\.h \(12 assertions; abi-check\.c ran\)/).size() == 2 : log
assert log.findAll('BUILD SUCCESS').size() == 2
return true
