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

  /** Mirrors for every ABI of the build that compiles them. */
  public ImportOptions(
      List<String> headers,
      List<Path> includeDirs,
      List<String> defines,
      String packageName,
      Path outDir,
      Pattern types,
      List<String> abis,
      Map<String, List<String>> compilers) {
    this(headers, includeDirs, defines, packageName, outDir, types, abis, compilers, false, false);
  }

  /** The compiler command of {@code abi}: the one given, else its default. */
  public List<String> compiler(String abi) {
    List<String> given = compilers.get(abi);
    return given != null ? given : Abi.of(abi).defaultCompiler();
  }
}
