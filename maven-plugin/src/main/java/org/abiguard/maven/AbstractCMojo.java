package org.abiguard.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters that say where the real C headers are and how to compile them for each ABI. */
abstract class AbstractCMojo extends AbstractMojo {
  /**
   * The real C headers: each as {@code #include <...>} would name it (found through {@code
   * includes}) or by its path, relative to the project's directory. E.g. {@code
   * <headers><header>public/memory.h</header></headers>}.
   */
  @Parameter List<String> headers;

  /** Directories searched for headers, as the C compiler's {@code -I}. */
  @Parameter List<File> includes;

  /**
   * Preprocessor definitions, each {@code NAME} or {@code NAME=VALUE}, as the C compiler's {@code
   * -D}.
   */
  @Parameter List<String> defines;

  /**
   * The target ABIs: {@code x86_64}, {@code i386}, {@code aarch64}. Empty (best left so) means
   * those of the compilation's {@code -Aabiguard.abis}: for {@code check-c}, every ABI the build's
   * manifest has; for {@code import}, those of {@code -Aabiguard.abis} in the
   * maven-compiler-plugin's {@code compilerArgs}, or {@code x86_64,i386,aarch64} without it. For
   * {@code check-c}, ABIs that leave out one the manifest has fail the build (a warning with {@code
   * skipMissingCompilers}): its marshallers and assertions would ship unproven.
   */
  @Parameter(property = "abiguard.abis")
  List<String> abis;

  /**
   * The C compiler command of an ABI, where the default does not fit, keyed by ABI, e.g. {@code
   * <compilers><aarch64>clang --target=aarch64-linux-gnu</aarch64></compilers>}. Defaults: {@code
   * gcc} for x86_64, {@code gcc -m32} for i386, {@code aarch64-linux-gnu-gcc} for aarch64.
   */
  @Parameter Map<String, String> compilers;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  List<Path> includePaths() {
    List<Path> paths = new ArrayList<>();
    for (File f : orEmpty(includes)) {
      paths.add(f.toPath());
    }
    return paths;
  }

  Map<String, String> compilerCommands() {
    return compilers == null ? Map.of() : new LinkedHashMap<>(compilers);
  }

  /** The ABIs split at commas too ({@code -Dabiguard.abis=x86_64,i386} or a list). */
  List<String> abiNames() {
    List<String> names = new ArrayList<>();
    for (String a : orEmpty(abis)) {
      for (String part : a.split(",")) {
        if (!part.isBlank()) {
          names.add(part.trim());
        }
      }
    }
    return names;
  }

  /** Maven's log as the plugin's parts see it. */
  BuildLog buildLog() {
    return new MavenBuildLog(getLog());
  }

  /** Maven's log as a {@link BuildLog}. */
  static final class MavenBuildLog implements BuildLog {
    private final org.apache.maven.plugin.logging.Log log;

    MavenBuildLog(org.apache.maven.plugin.logging.Log log) {
      this.log = log;
    }

    @Override
    public void info(String message) {
      log.info(message);
    }

    @Override
    public void warn(String message) {
      log.warn(message);
    }

    @Override
    public void error(String message) {
      log.error(message);
    }
  }
}
