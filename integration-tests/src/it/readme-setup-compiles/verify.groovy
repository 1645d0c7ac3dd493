// The README's setup compiles good code with no abiguard diagnostic and writes the generated
// marshaller, the manifest and the C assertions.
def log = new File(basedir, 'build.log').text
assert !log.contains('[abiguard') : 'unexpected abiguard diagnostic:\n' + log
def classes = new File(basedir, 'target/classes')
assert new File(classes, 'org/example/xen/XenAddToPhysmapMarshaller.class').isFile()
assert new File(classes, 'org/example/xen/XenAddToPhysmapMarshaller$I386.class').isFile()
def manifest = new File(classes, 'META-INF/abiguard/abi-manifest.json').text
assert manifest.contains('"java": "org.example.xen.XenAddToPhysmap"')
assert manifest.contains('"i386"')
def asserts = new File(classes, 'META-INF/abiguard/abi-asserts.h').text
assert asserts.contains('_Static_assert')
return true
