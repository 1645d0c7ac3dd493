// The README's setup keeps the flow guard on (also on JDK 23+, where javac runs processors only
// when a processor path is given): the Xen 4.4-rc2 call fails the build at the argument.
def log = new File(basedir, 'build.log').text
def expected = ~/Memory\.java:\[14,41\] \[abiguard:narrowing\] .*XenAddToPhysmap\.space \(u32\).*'space'.*\(u16\)/
assert log =~ expected : 'no narrowing error at Memory.java:[14,41] in:\n' + log
assert log.contains('BUILD FAILURE')
return true
