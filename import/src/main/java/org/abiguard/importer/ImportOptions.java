package org.abiguard.importer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to import: the options of {@code abiguard-import} (and of the Maven plugin's {@code import}
 * goal).
 *
 * @param headers headers as {@code #include <...>} would name them (found through {@code
 *     includeDirs}), or paths of header files
 * @param includeDirs {@code -I} directories, in order
 * @param defines {@code -D} definitions, each {@code NAME} or {@code NAME=VALUE}
 * @param packageName the Java package of the mirrors
 * @param outDir the source root the mirrors are written under
 * @param types which C types to mirror (matched against the C name: the struct/union tag or the
 *     typedef name); {@code null} for every struct and union declared in {@code headers}
 * @param abis the target ABIs ({@code x86_64}, {@code i386}, {@code aarch64}); the first is primary
 * @param compilers per ABI, the compiler command replacing its default ({@code gcc}, {@code gcc
 *     -m32}, {@code aarch64-linux-gnu-gcc})
 * @param abiSpecific whether every mirror says it is for {@code abis} only ({@code abis = {...}} on
 *     its {@code @AbiStruct}/{@code @AbiUnion}): for declarations that differ per architecture,
 *     imported once per ABI (or group of ABIs that declare them alike) into packages of their own,
 *     and compiled together in a build for more ABIs
 * @param splitAbis whether a type declared differently per ABI is imported once per group of ABIs
 *     that declare it alike, each group's mirrors ({@code abis = {...}}) in a package of its own
 *     under {@code packageName} named after its ABIs ({@code org.example.xen.aarch64}), beside the
 *     mirrors every ABI shares
 */
public record ImportOptions(
    List<String> headers,
    List<Path> includeDirs,
    List<String> defines,
    String packageName,
    Path outDir,
    Pattern types,
    List<String> abis,
    Map<String, List<String>> compilers,
    boolean abiSpecific,
    boolean splitAbis) {

  /** The ABIs imported when none are given. */
  public static final List<String> DEFAULT_ABIS = List.of("x86_64", "i386", "aarch64");

  public ImportOptions {
    headers = List.copyOf(headers);
    includeDirs = List.copyOf(includeDirs);
    defines = List.copyOf(defines);
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(outDir, "outDir");
    abis = abis == null || abis.isEmpty() ? DEFAULT_ABIS : List.copyOf(abis);
    compilers = compilers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(compilers));
  }

  /**
   * Options for {@code headers}, found through {@code includeDirs}, mirrored in {@code packageName}
   * under {@code outDir}; by default every type the headers declare, for the three ABIs with their
   * default compilers, without definitions.
   */
  public static Builder builder(
      List<String> headers, List<Path> includeDirs, String packageName, Path outDir) {
    return new Builder(headers, includeDirs, packageName, outDir);
  }

  /** Import options one at a time: {@code ImportOptions.builder(...).abis(...).build()}. */
  public static final class Builder {
    private final List<String> headers;
    private final List<Path> includeDirs;
    private final String packageName;
    private final Path outDir;
    private List<String> defines = List.of();
    private Pattern types;
    private List<String> abis;
    private Map<String, List<String>> compilers;
    private boolean abiSpecific;
    private boolean splitAbis;

    private Builder(List<String> headers, List<Path> includeDirs, String packageName, Path outDir) {
      this.headers = headers;
      this.includeDirs = includeDirs;
      this.packageName = packageName;
      this.outDir = outDir;
    }

    /** {@code -D} definitions, each {@code NAME} or {@code NAME=VALUE}. */
    public Builder defines(List<String> defines) {
      this.defines = defines;
      return this;
    }

    /** The types to mirror, by C name; {@code null} for those the headers declare. */
    public Builder types(Pattern types) {
      this.types = types;
      return this;
    }

    /** The target ABIs, the first primary. */
    public Builder abis(List<String> abis) {
      this.abis = abis;
      return this;
    }

    /** Compiler commands by ABI, replacing the defaults. */
    public Builder compilers(Map<String, List<String>> compilers) {
      this.compilers = compilers;
      return this;
    }

    /** Whether every mirror says it is for the ABIs alone ({@code --abi-specific}). */
    public Builder abiSpecific(boolean abiSpecific) {
      this.abiSpecific = abiSpecific;
      return this;
    }

    /** Whether types declared differently per ABI are split per group ({@code --split-abis}). */
    public Builder splitAbis(boolean splitAbis) {
      this.splitAbis = splitAbis;
      return this;
    }

    public ImportOptions build() {
      return new ImportOptions(
          headers,
          includeDirs,
          defines,
          packageName,
          outDir,
          types,
          abis,
          compilers,
          abiSpecific,
          splitAbis);
    }
  }

  /** The compiler command of {@code abi}: the one given, else its default. */
  public List<String> compiler(String abi) {
    List<String> given = compilers.get(abi);
    return given != null ? given : Abi.of(abi).defaultCompiler();
  }
}
