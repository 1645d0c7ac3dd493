// struct varies has a uint64_t on x86_64 and a uint32_t on i386: no one mirror serves both, so
// the importer leaves it out with the reason and the build fails naming it (failOnLeftOut).
def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] left out struct varies (") : log
assert log.contains("not portable: declared differently on x86_64 and i386 (member 1: 'uint64_t x;' vs 'uint32_t x;')") : log
assert log.contains('abiguard import: 1 of 2 C types not mirrored: [struct varies (') : log
assert log.contains('(set <splitAbis>true</splitAbis> to import the types declared differently per ABI once per group of ABIs that declare them alike, <types> to leave them out, or <failOnLeftOut>false</failOnLeftOut>)') : log
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/abiguard/import/import.stamp').exists() : 'a failed import must not be up to date'
return true
