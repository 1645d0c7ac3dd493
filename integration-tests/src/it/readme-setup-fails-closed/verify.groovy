// The README's setup keeps the flow guard on (also on JDK 23+, where javac runs processors only
// when a processor path is given): the Xen 4.4-rc2 call fails the build at the argument.
def log = new File(basedir, 'build.log').text
def expected = "Memory.java:[14,40] [abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach " +
    "parameter 'space' of addToPhysmapOne (u16): values 0x10000..0xFFFFFFFF would be truncated"
assert log.contains(expected) : 'no narrowing error at Memory.java:[14,40] in:\n' + log
assert log.contains('- widen the parameter to u32') : 'no fixes after the summary in:\n' + log
assert log.contains('BUILD FAILURE')
return true
