// A module that does not read java.compiler gets one error on the mirror's @AbiStruct saying what
// to add to module-info.java, not javac's error inside the generated marshaller.
def log = new File(basedir, 'build.log').text
def expected = "XenAddToPhysmap.java:[8,1] [abiguard:annotation] @AbiStruct type XenAddToPhysmap is in " +
    "module org.example.hv, which does not read module java.compiler, so the @Generated that marks " +
    "its marshaller cannot be named there; add 'requires static transitive java.compiler;' to the " +
    "module's module-info.java"
assert log.contains(expected) : 'no module error at XenAddToPhysmap.java:[8,1] in:\n' + log
assert !log.contains('XenAddToPhysmapMarshaller.java') : 'an error in the generated code:\n' + log
assert log.contains('BUILD FAILURE')
return true
