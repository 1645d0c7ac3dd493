package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/**
 * Which ABIs {@code import} proves for when {@code <abis>} is not set: those of the compilation's
 * {@code -Aabiguard.abis}, the ABIs of the manifest that {@code check-c} proves.
 */
class ImportAbisTest {
  private static Xpp3Dom dom(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader("<configuration>" + xml + "</configuration>"));
  }

  private static MavenProject project(Object pluginConfiguration, Object compileConfiguration) {
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    compiler.setConfiguration(pluginConfiguration);
    if (compileConfiguration != null) {
      PluginExecution compile = new PluginExecution();
      compile.setId("default-compile");
      compile.setConfiguration(compileConfiguration);
      compiler.addExecution(compile);
    }
    Build build = new Build();
    build.addPlugin(compiler);
    Model model = new Model();
    model.setBuild(build);
    return new MavenProject(model);
  }

  @Test
  void theCompilersAbisAreTheImports() throws Exception {
    MavenProject p =
        project(
            dom(
                "<release>17</release><compilerArgs><arg>-Xlint:all</arg>"
                    + "<arg>-Aabiguard.abis=x86_64,i386</arg></compilerArgs>"),
            null);
    assertEquals(Optional.of(List.of("x86_64", "i386")), CompilerAbis.of(p));
  }

  @Test
  void theCompileExecutionWinsAndTheLastOptionCounts() throws Exception {
    MavenProject p =
        project(
            dom("<compilerArgs><arg>-Aabiguard.abis=x86_64</arg></compilerArgs>"),
            dom(
                "<compilerArgs><arg>-Aabiguard.abis=x86_64</arg></compilerArgs>"
                    + "<compilerArgument>-Aabiguard.abis=aarch64,x86_64</compilerArgument>"));
    assertEquals(Optional.of(List.of("aarch64", "x86_64")), CompilerAbis.of(p));
  }

  @Test
  void aBuildWithoutTheOptionHasNone() throws Exception {
    assertEquals(Optional.empty(), CompilerAbis.of(project(dom("<release>17</release>"), null)));
    assertEquals(Optional.empty(), CompilerAbis.of(new MavenProject(new Model())));
  }

  @Test
  void aMissingCompilerIsLeftOutOfTheBuildNotOfTheImportAlone() {
    String problem =
        "aarch64: no C compiler 'aarch64-linux-gnu-gcc' (install the Debian package"
            + " gcc-aarch64-linux-gnu)\nor import without aarch64: --abis x86_64,i386";
    // following -Aabiguard.abis, an import without aarch64 would leave check-c without its
    // compiler all the same: the build drops it
    assertEquals(
        "aarch64: no C compiler 'aarch64-linux-gnu-gcc' (install the Debian package"
            + " gcc-aarch64-linux-gnu)\nor, if the build is not for aarch64, leave it out of"
            + " -Aabiguard.abis in the maven-compiler-plugin's <compilerArgs> (import follows it)",
        new ImportAbis(List.of("x86_64", "i386", "aarch64"), ImportAbis.Origin.COMPILER)
            .advice(problem));
    assertEquals(
        problem,
        new ImportAbis(List.of("x86_64", "i386", "aarch64"), ImportAbis.Origin.DEFAULT)
            .advice(problem));
  }
}
