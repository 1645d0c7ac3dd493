package org.abiguard.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Proves the Java mirrors against the real C headers with each ABI's C compiler: compiles the
 * build's {@code META-INF/abiguard/abi-asserts.h} after {@code headers}, and compiles and runs
 * {@code abi-check.c} (bit-field positions, integer signedness) where the build has one and this
 * host can run the ABI's programs. A mismatch fails the build with an error that names the Java
 * mirror and member, the value the mirror has and the value C has. A missing compiler fails the
 * build, naming the Debian package to install, unless {@code skipMissingCompilers} is true. With
 * {@code headers} configured, a build that wrote no {@code abi-asserts.h} (abiguard-processor
 * missing from the compiler's {@code annotationProcessorPaths}) fails too: the check cannot run.
 */
@Mojo(name = "check-c", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CheckCMojo extends AbstractCMojo {
  /** The class output that holds {@code META-INF/abiguard/abi-asserts.h}. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  File classesDirectory;

  /** Where the check writes its C sources and programs. */
  @Parameter(defaultValue = "${project.build.directory}/abiguard/check-c", required = true)
  File workDirectory;

  /**
   * When an ABI's compiler is missing (or cannot build for it), or {@code abis} leaves out an ABI
   * the build has layouts for, warn and check the other ABIs instead of failing the build.
   */
  @Parameter(property = "abiguard.skipMissingCompilers", defaultValue = "false")
  boolean skipMissingCompilers;

  /** Whether to run {@code abi-check.c} (where the build has one and this host can run the ABI). */
  @Parameter(property = "abiguard.runCheck", defaultValue = "true")
  boolean runCheck;

  /**
   * The command prefix that runs an ABI's programs on this host, keyed by ABI, e.g. {@code
   * <runners><aarch64>qemu-aarch64 -L /usr/aarch64-linux-gnu</aarch64></runners>}. Default: run
   * directly where the host is that ABI (i386 on x86_64 too, where the kernel runs 32-bit programs:
   * tried once with a tiny i386 program), else {@code qemu-<arch>} where it is on the PATH, else do
   * not run.
   */
  @Parameter Map<String, String> runners;

  /** Extra flags for every C compiler call (e.g. {@code -std=gnu11}), before the headers. */
  @Parameter List<String> cflags;

  /** Skip this goal. */
  @Parameter(property = "abiguard.checkC.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("abiguard check-c: skipped");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog()
          .info("abiguard check-c: nothing to check: a pom project has no classes and no mirrors");
      return;
    }
    CCheck.Options options =
        new CCheck.Options(
            project.getBasedir().toPath(),
            classesDirectory.toPath(),
            workDirectory.toPath(),
            orEmpty(headers),
            includePaths(),
            orEmpty(defines),
            orEmpty(cflags),
            abiNames(),
            compilerCommands(),
            runners == null ? Map.of() : Map.copyOf(runners),
            skipMissingCompilers,
            runCheck,
            System.getProperty("os.arch"));
    CCheck.Result result;
    try {
      result = CCheck.run(options, buildLog());
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("abiguard check-c: " + e.getMessage(), e);
    }
    if (result.failed()) {
      throw new MojoFailureException(result.failure());
    }
  }
}
