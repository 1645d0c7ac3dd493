package org.abiguard.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.abiguard.importer.ImportLog;
import org.abiguard.importer.ImportOptions;
import org.abiguard.importer.ImportResult;
import org.abiguard.importer.Importer;
import org.abiguard.processor.layout.TargetAbi;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports C headers as Java mirrors: runs abiguard's importer in-process into {@code
 * target/generated-sources/abiguard-import} and adds that directory as a source root, so the
 * compilation that follows processes the mirrors with abiguard. The importer uses each ABI's real C
 * compiler and proves every mirror it writes. Up to date, with no work, when the options and every
 * file the headers read are unchanged since the last import.
 */
@Mojo(name = "import", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class ImportMojo extends AbstractCMojo {
  /** The Java package of the mirrors, e.g. {@code org.example.xen}. */
  @Parameter(property = "abiguard.packageName", required = true)
  String packageName;

  /**
   * Which C types to mirror: a regular expression matched against the C name (the struct or union
   * tag, or the typedef name), among the types of {@code headers} and of the headers they include,
   * except the C library's and the compiler's own headers that are not in {@code headers} (those
   * directly in a system include directory, and in its {@code sys/}, {@code bits/}, {@code
   * netinet/}... directories): their types come only where a type picked needs them. Default: every
   * struct and union declared in {@code headers}, and what they need.
   */
  @Parameter(property = "abiguard.types")
  String types;

  /**
   * Whether every mirror is for {@code abis} only ({@code abis = {...}} on each): for types the
   * headers declare differently per architecture, imported by one execution per ABI (or group of
   * ABIs that declare them alike) into a package of its own, all compiled in a build for more ABIs.
   * Left at their defaults, {@code outputDirectory} and {@code workDirectory} then end in the
   * execution's ABIs ({@code target/generated-sources/abiguard-import-x86_64}), so that the
   * executions do not replace each other's mirrors.
   */
  @Parameter(property = "abiguard.abiSpecific", defaultValue = "false")
  boolean abiSpecific;

  /**
   * Whether a type the headers declare differently per ABI is imported once per group of ABIs that
   * declare it alike, each group's mirrors in a package of its own under {@code packageName}
   * ({@code org.example.xen.aarch64}), beside the mirrors every ABI shares: the importer's {@code
   * --split-abis}.
   */
  @Parameter(property = "abiguard.splitAbis", defaultValue = "false")
  boolean splitAbis;

  /** Where the mirrors are written; added as a compile source root. */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-sources/abiguard-import",
      required = true)
  File outputDirectory;

  /** Where the import keeps its up-to-date stamp. */
  @Parameter(defaultValue = "${project.build.directory}/abiguard/import", required = true)
  File workDirectory;

  /** Whether a type that cannot be mirrored fails the build (else it is a warning). */
  @Parameter(property = "abiguard.failOnLeftOut", defaultValue = "true")
  boolean failOnLeftOut;

  /** Import even when the headers and options have not changed. */
  @Parameter(property = "abiguard.import.force", defaultValue = "false")
  boolean force;

  /** Skip this goal (a directory imported before is still added as a source root). */
  @Parameter(property = "abiguard.import.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path out = ownDirectory(outputDirectory, "generated-sources/abiguard-import");
    if (skip) {
      getLog().info("abiguard import: skipped");
      if (Files.isDirectory(out)) {
        project.addCompileSourceRoot(out.toString());
      }
      return;
    }
    ImportOptions options = options(out);
    Path work = ownDirectory(workDirectory, "abiguard/import");
    Path stamp = work.resolve("import.stamp");
    long start = System.nanoTime();
    try {
      Optional<String> fingerprint = fingerprint(options, work);
      if (fingerprint.isPresent() && !force && ImportStamp.upToDate(stamp, fingerprint.get())) {
        getLog()
            .info(
                "abiguard import: up to date, nothing to do: "
                    + String.join(", ", orEmpty(headers))
                    + ", the files they include and the options are unchanged since the last import into "
                    + shown(out)
                    + " (checked in "
                    + (System.nanoTime() - start) / 1_000_000
                    + " ms)");
        project.addCompileSourceRoot(out.toString());
        return;
      }
      ImportStamp.delete(stamp);
      deleteTree(out);
      Files.createDirectories(out);
      ImportResult result = Importer.run(options, importLog());
      project.addCompileSourceRoot(out.toString());
      if (result.problem() != null) {
        throw new MojoFailureException(
            "abiguard import: " + PluginWording.of(importAbis().advice(result.problem())));
      }
      if (!result.success()) {
        String what =
            "abiguard import: "
                + result.leftOut().size()
                + " of "
                + result.found().size()
                + " C types not mirrored: "
                + result.leftOut();
        if (failOnLeftOut || result.proven().size() < result.written().size()) {
          throw new MojoFailureException(
              what
                  + (result.proven().size() < result.written().size()
                      ? "; "
                          + (result.written().size() - result.proven().size())
                          + " mirrors written but not proven"
                      : "")
                  + " (set "
                  + (!splitAbis
                          && result.leftOut().stream().anyMatch(ImportResult.LeftOut::notPortable)
                      ? "<splitAbis>true</splitAbis> to import the types declared differently per"
                          + " ABI once per group of ABIs that declare them alike, "
                      : "")
                  + "<types> to leave them out, or <failOnLeftOut>false</failOnLeftOut>)");
        }
        getLog().warn(what);
      }
      int n = result.mirrors().size();
      int types = result.written().size();
      getLog()
          .info(
              "abiguard import: "
                  + n
                  + (n == 1 ? " mirror" : " mirrors")
                  + (n == types ? "" : " of " + types + (types == 1 ? " C type" : " C types"))
                  + " written to "
                  + shown(out)
                  + ", proven on "
                  + String.join(", ", options.abis())
                  + importAbis().note()
                  + " ("
                  + result.millis()
                  + " ms)");
      if (fingerprint.isPresent()) {
        ImportStamp.write(stamp, fingerprint.get(), result.files());
      }
    } catch (IOException e) {
      throw new MojoExecutionException("abiguard import: " + e.getMessage(), e);
    }
  }

  /**
   * The directory to use for {@code configured}: itself, except for an {@code abiSpecific} import
   * left at the default ({@code target/} + {@code defaultPath}), which gets one named after its
   * ABIs ({@code abiguard-import-x86_64-i386}), so that each execution of a group of ABIs has its
   * own without configuration (an import replaces what its directory holds).
   */
  private Path ownDirectory(File configured, String defaultPath) {
    Path path = configured.toPath().toAbsolutePath().normalize();
    Path byDefault =
        Path.of(project.getBuild().getDirectory())
            .resolve(defaultPath)
            .toAbsolutePath()
            .normalize();
    if (!abiSpecific || !path.equals(byDefault)) {
      return configured.toPath();
    }
    List<String> names = importAbis().names();
    return path.resolveSibling(path.getFileName() + "-" + String.join("-", names));
  }

  private ImportOptions options(Path out) throws MojoExecutionException {
    if (orEmpty(headers).isEmpty()) {
      throw new MojoExecutionException(
          "abiguard import needs <headers>: the C headers to mirror, e.g."
              + " <headers><header>public/memory.h</header></headers>");
    }
    if (packageName == null || packageName.isBlank()) {
      throw new MojoExecutionException(
          "abiguard import needs <packageName>: the Java package of the mirrors");
    }
    Pattern pattern = null;
    if (types != null && !types.isBlank()) {
      try {
        pattern = Pattern.compile(types);
      } catch (PatternSyntaxException e) {
        throw new MojoExecutionException(
            "abiguard import: <types> is not a regular expression: " + e.getMessage(), e);
      }
    }
    ImportAbis importAbis = importAbis();
    List<String> abis = importAbis.names();
    for (String abi : abis) {
      if (TargetAbi.byName(abi).isEmpty()) {
        throw new MojoExecutionException(
            "abiguard import: unknown ABI '"
                + abi
                + "' in "
                + importAbis.where()
                + "; known: x86_64, i386, aarch64");
      }
    }
    Map<String, List<String>> commands = new LinkedHashMap<>();
    compilerCommands()
        .forEach(
            (abi, command) -> {
              // <compilers> is shared with check-c: a compiler of a known ABI this import is not
              // for is another goal's (a name that is no ABI still reaches the importer's check)
              if (abis.contains(abi) || TargetAbi.byName(abi).isEmpty()) {
                commands.put(abi, Toolchain.words(command));
              }
            });
    List<Path> includeDirs = new ArrayList<>();
    for (Path p : includePaths()) {
      includeDirs.add(project.getBasedir().toPath().resolve(p).toAbsolutePath().normalize());
    }
    List<String> headerNames = new ArrayList<>();
    for (String h : orEmpty(headers)) {
      Path p = project.getBasedir().toPath().resolve(h);
      headerNames.add(Files.isRegularFile(p) ? p.toAbsolutePath().normalize().toString() : h);
    }
    return new ImportOptions(
        headerNames,
        includeDirs,
        orEmpty(defines),
        packageName.trim(),
        out,
        pattern,
        abis,
        commands,
        abiSpecific,
        splitAbis);
  }

  /**
   * The ABIs to import for: {@code <abis>}; else those of the compilation ({@code
   * -Aabiguard.abis}), which the manifest has and {@code check-c} proves; else the importer's
   * default.
   */
  private ImportAbis importAbis() {
    if (!abiNames().isEmpty()) {
      return new ImportAbis(abiNames(), ImportAbis.Origin.CONFIGURED);
    }
    return CompilerAbis.of(project)
        .map(names -> new ImportAbis(names, ImportAbis.Origin.COMPILER))
        .orElse(new ImportAbis(ImportOptions.DEFAULT_ABIS, ImportAbis.Origin.DEFAULT));
  }

  /**
   * The fingerprint of this import: the plugin's version, the options and every file the headers
   * read; empty when the primary ABI's compiler cannot list those files (then the import runs and
   * reports why).
   *
   * @param work the import's work directory, where the compiler lists the headers' files
   */
  private Optional<String> fingerprint(ImportOptions options, Path work) throws IOException {
    List<String> flags = new ArrayList<>();
    options.includeDirs().forEach(d -> flags.add("-I" + d));
    options.defines().forEach(d -> flags.add("-D" + d));
    String primary = options.abis().get(0);
    Optional<List<Path>> files =
        HeaderDependencies.of(
            options.compiler(primary),
            flags,
            options.headers(),
            project.getBasedir().toPath(),
            work);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    lines.add("plugin " + plugin.getId());
    lines.add("headers " + options.headers());
    lines.add("includes " + options.includeDirs());
    lines.add("defines " + options.defines());
    lines.add("package " + options.packageName());
    lines.add("types " + (options.types() == null ? "" : options.types().pattern()));
    lines.add(
        "abis "
            + options.abis()
            + (options.abiSpecific() ? " only" : "")
            + (options.splitAbis() ? " split" : ""));
    lines.add("compilers " + new TreeMap<>(options.compilers()));
    lines.add("out " + options.outDir().toAbsolutePath());
    return Optional.of(ImportStamp.fingerprint(lines, files.get()));
  }

  /** {@code path} relative to the project's directory where it is inside it. */
  private String shown(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path p = path.toAbsolutePath();
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }

  private ImportLog importLog() {
    return new ImportLog() {
      @Override
      public void info(String message) {
        getLog().info(PluginWording.of(message));
      }

      @Override
      public void warn(String message) {
        getLog().warn(PluginWording.of(message));
      }

      @Override
      public void error(String message) {
        getLog().error(PluginWording.of(message));
      }
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
