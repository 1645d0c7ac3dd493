package org.abiguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The ABIs the build's compilation gives abiguard-processor: {@code -Aabiguard.abis=...} in the
 * maven-compiler-plugin's {@code compilerArgs} (or {@code compilerArgument}), those of its {@code
 * default-compile} execution before the plugin's own. They are the ABIs of the build's manifest,
 * which {@code check-c} proves, so {@code import} proves its mirrors for the same ones.
 */
final class CompilerAbis {
  static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";
  private static final String OPTION = "-Aabiguard.abis=";

  private CompilerAbis() {}

  /** The ABIs of {@code -Aabiguard.abis} in the project's compiler configuration, if it has one. */
  static Optional<List<String>> of(MavenProject project) {
    Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
    if (compiler == null) {
      return Optional.empty();
    }
    List<Object> configurations = new ArrayList<>();
    PluginExecution compile = compiler.getExecutionsAsMap().get("default-compile");
    if (compile != null) {
      configurations.add(compile.getConfiguration());
    }
    configurations.add(compiler.getConfiguration());
    for (Object configuration : configurations) {
      if (configuration instanceof Xpp3Dom dom) {
        Optional<List<String>> abis = of(dom);
        if (abis.isPresent()) {
          return abis;
        }
      }
    }
    return Optional.empty();
  }

  /** The ABIs of the last {@code -Aabiguard.abis} in one configuration, as javac takes it. */
  static Optional<List<String>> of(Xpp3Dom configuration) {
    List<String> args = new ArrayList<>();
    Xpp3Dom compilerArgs = configuration.getChild("compilerArgs");
    if (compilerArgs != null) {
      for (Xpp3Dom arg : compilerArgs.getChildren()) {
        if (arg.getValue() != null) {
          args.add(arg.getValue().trim());
        }
      }
    }
    Xpp3Dom compilerArgument = configuration.getChild("compilerArgument");
    if (compilerArgument != null && compilerArgument.getValue() != null) {
      args.addAll(List.of(compilerArgument.getValue().trim().split("\\s+")));
    }
    Optional<List<String>> abis = Optional.empty();
    for (String arg : args) {
      if (arg.startsWith(OPTION)) {
        List<String> names = new ArrayList<>();
        for (String name : arg.substring(OPTION.length()).split(",")) {
          if (!name.isBlank()) {
            names.add(name.trim());
          }
        }
        abis = names.isEmpty() ? abis : Optional.of(List.copyOf(names));
      }
    }
    return abis;
  }
}
