// Guava's and commons-lang3's own sources, compiled with abiguard: the flow guard reports the
// canary's narrowing and not one line about the real code (an internal error there would be an
// [abiguard] line too), and every class is compiled.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('[abiguard') }
assert lines.size() == 1 : 'expected only the canary, got:\n' + lines.join('\n')
assert lines[0].contains('Canary.java:[13,10] [abiguard:narrowing]') : lines[0]
assert log.contains('BUILD SUCCESS')
def classes = new File(basedir, 'target/classes')
assert new File(classes, 'com/google/common/collect/ImmutableList.class').isFile()
assert new File(classes, 'com/google/common/primitives/Primitives.class').isFile()
assert new File(classes, 'org/apache/commons/lang3/StringUtils.class').isFile()
def count = 0
classes.eachFileRecurse { if (it.name.endsWith('.class')) count++ }
assert count > 2000 : "only ${count} classes compiled" // 2,296 on JDK 17
return true
