// `mvn abiguard:help -Ddetail` lists every goal and documents every parameter that the plugin
// descriptor (plugin.xml in the installed plugin jar) lets a user set.
import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def jar = new File(localRepositoryPath,
    'org/abiguard/abiguard-maven-plugin/' + projectVersion + '/abiguard-maven-plugin-' + projectVersion + '.jar')
assert jar.isFile() : "no plugin jar at ${jar}"
def zip = new ZipFile(jar)
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')))
zip.close()

def child = { node, name ->
  def found = node.childNodes.find { it.nodeName == name }
  found == null ? '' : found.textContent.trim()
}
def root = doc.documentElement
assert child(root, 'goalPrefix') == 'abiguard'
def mojos = doc.getElementsByTagName('mojo').with { list -> (0..<list.length).collect { list.item(it) } }
def goals = mojos.collect { child(it, 'goal') } as Set
assert goals.containsAll(['import', 'check-c', 'check-abi', 'help']) : goals
def checked = 0
mojos.each { mojo ->
  def goal = child(mojo, 'goal')
  assert log.contains("abiguard:${goal}\n") : "goal ${goal} missing from the help:\n" + log
  assert child(mojo, 'description') : "goal ${goal} has no description"
  def parameters = mojo.childNodes.find { it.nodeName == 'parameters' }
  parameters?.childNodes?.findAll { it.nodeName == 'parameter' && child(it, 'editable') == 'true' }?.each { p ->
    def name = child(p, 'name')
    assert child(p, 'description') : "parameter ${goal}/${name} has no description"
    assert (log =~ /(?m)^    ${name}( \(Default:.*)?$/).find() : "parameter ${goal}/${name} missing from the help:\n" + log
    checked++
  }
}
assert checked >= 20 : "only ${checked} parameters found in plugin.xml"
assert log.contains('BUILD SUCCESS')
return true
