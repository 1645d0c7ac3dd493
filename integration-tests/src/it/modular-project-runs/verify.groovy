// A modular project (module-info.java: requires org.abiguard; requires static java.compiler;)
// compiles warning-free under -Xlint:all -Werror, and runs on the module path: the marshaller and
// its codec (AbiRuntime, in module org.abiguard) work there.
def log = new File(basedir, 'build.log').text
assert !log.contains('[abiguard') : 'unexpected abiguard diagnostic:\n' + log
def classes = new File(basedir, 'target/classes')
assert new File(classes, 'module-info.class').isFile()
assert new File(classes, 'org/example/hv/XenAddToPhysmapMarshaller.class').isFile()
def annotations = new File(localRepositoryPath,
    "org/abiguard/abiguard-annotations/${projectVersion}/abiguard-annotations-${projectVersion}.jar")
assert annotations.isFile() : "no annotations jar at ${annotations}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = [java, '--module-path', classes.path + File.pathSeparator + annotations.path,
           '-m', 'org.example.hv/org.example.hv.Main'].execute()
def out = new StringBuilder(), err = new StringBuilder()
run.waitForProcessOutput(out, err)
assert run.exitValue() == 0 : "the program failed:\n${out}\n${err}"
assert out.toString().trim() == 'module org.example.hv: size 24, space 0x10000, gpfn 0x1234' : out
return true
