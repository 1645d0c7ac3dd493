package org.abiguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.maven.CompilerOutput.Diagnostic;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.manifest.ManifestModel;

/**
 * {@code check-c} without Maven: proves the build's mirrors against the real C headers with each
 * ABI's compiler. {@code abi-asserts.h} is compiled after the headers ({@code -fsyntax-only}); a
 * failed assertion names the mirror and member, and a second compile of the same expressions finds
 * the value C has. {@code abi-check.c}, where the build has one, is compiled with the headers and
 * run where this host can run the ABI's programs.
 */
final class CCheck {
  static final String ASSERTS = "META-INF/abiguard/abi-asserts.h";
  static final String CHECK = "META-INF/abiguard/abi-check.c";
  static final String MANIFEST = "META-INF/abiguard/abi-manifest.json";
  private static final long COMPILE_TIMEOUT_SECONDS = 300;
  private static final long RUN_TIMEOUT_SECONDS = 120;
  private static final String NOT_TARGETED = "abiguard: this compiler does not target ";

  /** How abi-check.c starts a line about a bit-field whose bytes differ from the mirror's. */
  private static final String MISMATCH = "abi-check: MISMATCH ";

  private static final Pattern ARRAY_LENGTH = Pattern.compile("\\(\\*\\)\\[(\\d+)\\]");

  /**
   * What to check and how.
   *
   * @param basedir where relative header paths are found and compilers run
   * @param classes the class output that holds {@code META-INF/abiguard}
   * @param workDir where generated sources and programs go
   * @param headers the real headers, as {@code #include <...>} names them (found through {@code
   *     includes}) or by path
   * @param abis the ABIs to check; empty: every ABI of the build's manifest
   * @param compilers per ABI name, a compiler command replacing the default
   * @param runners per ABI name, a command prefix that runs that ABI's programs
   * @param hostArch {@code os.arch}
   */
  record Options(
      Path basedir,
      Path classes,
      Path workDir,
      List<String> headers,
      List<Path> includes,
      List<String> defines,
      List<String> cflags,
      List<String> abis,
      Map<String, String> compilers,
      Map<String, String> runners,
      boolean skipMissingCompilers,
      boolean runCheck,
      String hostArch) {}

  /**
   * What the check found.
   *
   * @param checked the ABIs whose compiler proved the assertions (whatever they found)
   * @param skipped the ABIs left unchecked with a warning ({@code skipMissingCompilers})
   * @param errors every error reported, as reported
   * @param unchecked those of {@code errors} that say an ABI of the build could not be proven (its
   *     compiler missing or for another ABI, or the ABI left out by {@code <abis>}), not about the
   *     mirrors
   * @param unproven the ABIs of those errors
   */
  record Result(
      List<String> checked,
      List<String> skipped,
      List<String> errors,
      List<String> unchecked,
      List<String> unproven) {
    boolean failed() {
      return !errors.isEmpty();
    }

    /** Why the build fails, for the goal's failure: what kind of problems, how many, the first. */
    String failure() {
      List<String> mirrors = errors.stream().filter(e -> !unchecked.contains(e)).toList();
      List<String> parts = new ArrayList<>();
      if (!mirrors.isEmpty()) {
        parts.add(
            mirrors.size()
                + (mirrors.size() == 1 ? " problem" : " problems")
                + " between the Java mirrors and the C headers");
      }
      if (!unproven.isEmpty()) {
        parts.add(
            String.join(", ", unproven)
                + " not proven: the build has "
                + (unproven.size() == 1 ? "its" : "their")
                + " layouts, and check-c could not check "
                + (unproven.size() == 1 ? "it" : "them"));
      }
      return "abiguard check-c: "
          + String.join("; ", parts)
          + " (see the errors above); first: "
          + (mirrors.isEmpty() ? unchecked : mirrors)
              .get(0)
              .replaceFirst("^abiguard check-c: ", "");
    }
  }

  private final Options options;
  private final BuildLog log;
  private final List<String> errors = new ArrayList<>();
  private final List<String> checked = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> unchecked = new ArrayList<>();
  private final List<String> unproven = new ArrayList<>();

  private CCheck(Options options, BuildLog log) {
    this.options = options;
    this.log = log;
  }

  /**
   * @throws ConfigurationException when the configuration cannot work (no headers, an unknown ABI,
   *     an ABI the build has no layouts for)
   */
  static Result run(Options options, BuildLog log) throws ConfigurationException, IOException {
    return new CCheck(options, log).run();
  }

  private Result run() throws ConfigurationException, IOException {
    Path asserts = options.classes().resolve(ASSERTS);
    if (!Files.isRegularFile(asserts) && !options.headers().isEmpty()) {
      // the check was asked for and cannot run: passing would prove nothing
      throw new ConfigurationException(
          "abiguard check-c: cannot prove the mirrors against "
              + String.join(", ", options.headers())
              + ": "
              + ASSERTS
              + " is not in "
              + options.classes()
              + ", so the build wrote none (abiguard-processor is not in the compiler's"
              + " annotationProcessorPaths, or the build has no @AbiStruct mirror); add the"
              + " processor to annotationProcessorPaths, or, in a module without mirrors, remove"
              + " the check-c goal or skip it with -Dabiguard.checkC.skip=true");
    }
    if (!Files.isRegularFile(asserts)) {
      log.warn(
          "abiguard check-c: nothing to check: "
              + options.classes().relativize(asserts).toString()
              + " is not in "
              + options.classes()
              + " (the build has no @AbiStruct mirror, or abiguard-processor"
              + " is not in the compiler's annotationProcessorPaths)");
      return new Result(List.of(), List.of(), List.of(), List.of(), List.of());
    }
    if (options.headers().isEmpty()) {
      throw new ConfigurationException(
          "abiguard check-c needs <headers>: the C headers that declare the"
              + " mirrored types, e.g. <headers><header>public/memory.h</header></headers>");
    }
    AssertsFile assertsFile = AssertsFile.read(asserts);
    Path check = options.classes().resolve(CHECK);
    for (TargetAbi abi : abis()) {
      checkAbi(abi, assertsFile, Files.isRegularFile(check) ? check : null);
    }
    return new Result(
        List.copyOf(checked),
        List.copyOf(skipped),
        List.copyOf(errors),
        List.copyOf(unchecked),
        List.copyOf(unproven));
  }

  /** The configured ABIs, each known and in the manifest; or the manifest's ABIs. */
  private List<TargetAbi> abis() throws ConfigurationException, IOException {
    Set<String> built = new LinkedHashSet<>();
    Path manifest = options.classes().resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      try {
        for (ManifestModel.Struct s :
            ManifestModel.read(Files.readString(manifest, StandardCharsets.UTF_8))) {
          built.addAll(s.layouts().keySet());
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "abiguard check-c cannot read " + manifest + ": " + e.getMessage(), e);
      }
    }
    List<String> names = options.abis().isEmpty() ? List.copyOf(built) : options.abis();
    if (names.isEmpty()) {
      throw new ConfigurationException(
          "abiguard check-c: "
              + manifest
              + " names no ABI; set <abis> to the"
              + " ABIs of -Aabiguard.abis");
    }
    List<TargetAbi> result = new ArrayList<>();
    for (String name : names) {
      TargetAbi abi =
          TargetAbi.byName(name.trim())
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "abiguard check-c: unknown ABI '"
                              + name
                              + "' in <abis>; known: x86_64, i386, aarch64"));
      if (!built.isEmpty() && !built.contains(abi.manifestName())) {
        throw new ConfigurationException(
            "abiguard check-c: the build has no "
                + abi.manifestName()
                + " layouts, so abi-asserts.h asserts nothing for it; add it to -Aabiguard.abis (now: "
                + String.join(",", built)
                + ") or remove it from <abis>");
      }
      result.add(abi);
    }
    List<String> leftOut = built.stream().filter(b -> !names.contains(b)).toList();
    if (!options.abis().isEmpty() && !leftOut.isEmpty()) {
      leftOutByAbis(leftOut, built);
    }
    return result;
  }

  /**
   * Reports the ABIs the build has layouts for that {@code <abis>} leaves out: their marshallers
   * and assertions would ship unproven. An error, as a missing compiler is; a warning with {@code
   * skipMissingCompilers}.
   */
  private void leftOutByAbis(List<String> leftOut, Set<String> built) {
    String them = String.join(", ", leftOut);
    String abis = "<abis>" + String.join(",", options.abis()) + "</abis>";
    String why =
        "the build has "
            + them
            + " layouts (-Aabiguard.abis="
            + String.join(",", built)
            + "), and "
            + abis
            + " leaves "
            + (leftOut.size() == 1 ? "it" : "them")
            + " out";
    if (options.skipMissingCompilers()) {
      skipped.addAll(leftOut);
      log.warn(
          "abiguard check-c: "
              + them
              + " not checked: "
              + why
              + "; remove <abis> to check every ABI the build has");
      return;
    }
    unchecked(
        leftOut,
        "abiguard check-c: "
            + them
            + " would not be proven: "
            + why
            + "; remove <abis> to check every ABI the build has (the import goal follows"
            + " -Aabiguard.abis too), or leave "
            + them
            + " out of -Aabiguard.abis if the build is not for "
            + (leftOut.size() == 1 ? "it" : "them")
            + " (or set <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs of"
            + " <abis>, with a warning)");
  }

  private void checkAbi(TargetAbi abi, AssertsFile asserts, Path check) throws IOException {
    Toolchain toolchain = Toolchain.of(abi, options.compilers());
    Path dir = options.workDir().resolve(abi.manifestName());
    Files.createDirectories(dir);
    if (!usable(toolchain, dir)) {
      return;
    }
    checked.add(abi.manifestName());
    int before = errors.size();
    proveAsserts(toolchain, asserts, dir);
    if (check != null && options.runCheck()) {
      runCheck(toolchain, check, dir);
    }
    if (errors.size() == before) {
      int n = asserts.assertionsFor(abi.cMacro());
      log.info(
          "abiguard check-c: "
              + abi.manifestName()
              + " ("
              + toolchain.command()
              + "): the mirrors match "
              + String.join(", ", options.headers())
              + " ("
              + n
              + (n == 1 ? " assertion" : " assertions")
              + (check == null ? "" : checkNote(abi))
              + ")");
    }
  }

  private String checkNote(TargetAbi abi) {
    return options.runCheck() && Toolchain.runner(abi, options.hostArch(), runner(abi)).isPresent()
        ? "; abi-check.c ran"
        : "; abi-check.c built, not run";
  }

  private String runner(TargetAbi abi) {
    return options.runners() == null ? null : options.runners().get(abi.manifestName());
  }

  /** Whether the compiler exists and compiles for the ABI; reports why not. */
  private boolean usable(Toolchain toolchain, Path dir) throws IOException {
    String abi = toolchain.abi().manifestName();
    if (Executables.find(toolchain.compiler().get(0)).isEmpty()) {
      return missing(toolchain, "'" + toolchain.compiler().get(0) + "' is not on the PATH");
    }
    Path probe = dir.resolve("probe.c");
    Files.writeString(
        probe,
        "/* abiguard check-c: does this compiler build for "
            + abi
            + "? */\n"
            + "#if !defined("
            + toolchain.abi().cMacro()
            + ")\n"
            + "#error \""
            + NOT_TARGETED
            + abi
            + "\"\n"
            + "#endif\n#include <stddef.h>\n#include <stdint.h>\n",
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(toolchain.compiler());
    command.addAll(options.cflags());
    command.addAll(List.of("-fsyntax-only", probe.toString()));
    Processes.Outcome outcome = Processes.run(command, options.basedir(), COMPILE_TIMEOUT_SECONDS);
    if (outcome.succeeded()) {
      return true;
    }
    if (outcome.output().contains(NOT_TARGETED)) {
      unchecked(
          List.of(abi),
          "abiguard check-c: the "
              + abi
              + " compiler '"
              + toolchain.command()
              + "' does not build for "
              + abi
              + " (it does not define "
              + toolchain.abi().cMacro()
              + "); set <compilers><"
              + abi
              + ">COMMAND</"
              + abi
              + "></compilers> to a compiler for "
              + abi);
      return false;
    }
    String why =
        CompilerOutput.parse(outcome.output()).stream()
            .filter(Diagnostic::isError)
            .findFirst()
            .map(Diagnostic::brief)
            .orElse(firstLine(outcome.output()));
    return missing(
        toolchain, "'" + toolchain.command() + "' cannot compile for " + abi + " (" + why + ")");
  }

  private boolean missing(Toolchain toolchain, String why) {
    String abi = toolchain.abi().manifestName();
    if (options.skipMissingCompilers()) {
      skipped.add(abi);
      log.warn(
          "abiguard check-c: "
              + abi
              + " not checked: the "
              + abi
              + " compiler is missing: "
              + why
              + "; "
              + toolchain.installHint());
    } else {
      unchecked(
          List.of(abi),
          "abiguard check-c: the "
              + abi
              + " compiler is missing: "
              + why
              + "; "
              + toolchain.installHint()
              + " (or set <skipMissingCompilers>true</skipMissingCompilers> to check only the ABIs whose compiler"
              + " is installed)");
    }
    return false;
  }

  /** The compiler's flags for the real headers: cflags, -I, -D, -include. */
  private List<String> headerFlags() {
    List<String> flags = new ArrayList<>(options.cflags());
    for (Path include : options.includes()) {
      flags.add("-I" + options.basedir().resolve(include).toAbsolutePath().normalize());
    }
    for (String define : options.defines()) {
      flags.add("-D" + define);
    }
    for (String header : options.headers()) {
      Path p = options.basedir().resolve(header);
      flags.add("-include");
      flags.add(Files.isRegularFile(p) ? p.toAbsolutePath().normalize().toString() : header);
    }
    return flags;
  }

  private void proveAsserts(Toolchain toolchain, AssertsFile asserts, Path dir) throws IOException {
    String abi = toolchain.abi().manifestName();
    Path unit = dir.resolve("check-asserts.c");
    Files.writeString(
        unit,
        "/* abiguard check-c: the real headers and abi-asserts.h come in through -include */\n",
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(toolchain.compiler());
    command.addAll(headerFlags());
    command.addAll(
        List.of("-include", asserts.path().toString(), "-fsyntax-only", unit.toString()));
    Processes.Outcome outcome = Processes.run(command, options.basedir(), COMPILE_TIMEOUT_SECONDS);
    List<Diagnostic> diagnostics = CompilerOutput.parse(outcome.output());
    Map<AssertsFile.Assertion, Diagnostic> failed = new LinkedHashMap<>();
    List<Diagnostic> other = new ArrayList<>();
    String assertsName = asserts.path().getFileName().toString();
    for (Diagnostic d : diagnostics) {
      if (!d.isError()) {
        continue;
      }
      Optional<AssertsFile.Assertion> a =
          assertsName.equals(d.fileName()) ? asserts.at(d.line()) : Optional.empty();
      if (a.isPresent()) {
        failed.putIfAbsent(a.get(), d);
      } else {
        other.add(d);
      }
    }
    failed = memberFirst(failed);
    Map<Integer, Long> values =
        failed.isEmpty() ? Map.of() : valuesInC(toolchain, failed.keySet(), dir);
    int i = 0;
    for (Map.Entry<AssertsFile.Assertion, Diagnostic> e : failed.entrySet()) {
      AssertsFile.Assertion a = e.getKey();
      Diagnostic d = e.getValue();
      Long value = values.get(i++);
      boolean assertion = d.text().startsWith("static assertion failed");
      String found =
          assertion
              ? (value == null ? ", but C disagrees" : ", but C has " + value)
              : ": " + d.text();
      String where = d.fileName() + ":" + d.line() + (assertion ? ": static assertion failed" : "");
      error(
          "[abiguard:layout] "
              + a.message()
              + " as the Java mirror says"
              + found
              + " ["
              + toolchain.command()
              + ": "
              + where
              + "]");
    }
    for (Diagnostic d : other) {
      error("abiguard check-c: " + abi + " (" + toolchain.command() + "): " + d.brief());
    }
    if (!outcome.succeeded() && failed.isEmpty() && other.isEmpty()) {
      error(
          "abiguard check-c: "
              + abi
              + " ("
              + toolchain.command()
              + ") failed with exit code "
              + outcome.exitCode()
              + ": "
              + firstLine(outcome.output()));
    }
  }

  /**
   * The failed assertions on members before those on whole types (a type's size is usually wrong
   * because of a member), each group in the compiler's order.
   */
  private static Map<AssertsFile.Assertion, Diagnostic> memberFirst(
      Map<AssertsFile.Assertion, Diagnostic> failed) {
    Map<AssertsFile.Assertion, Diagnostic> ordered = new LinkedHashMap<>();
    failed.forEach(
        (a, d) -> {
          if (a.onMember()) {
            ordered.put(a, d);
          }
        });
    failed.forEach((a, d) -> ordered.putIfAbsent(a, d));
    return ordered;
  }

  /**
   * The value C gives each failed assertion's expression, by index in {@code assertions}: each
   * becomes the length of an array type that the compiler prints in a diagnostic ({@code char
   * (*)[8]}), so no program needs to run on the target.
   */
  private Map<Integer, Long> valuesInC(
      Toolchain toolchain, Iterable<AssertsFile.Assertion> assertions, Path dir)
      throws IOException {
    StringBuilder source = new StringBuilder("#include <stddef.h>\n");
    int index = 0;
    for (AssertsFile.Assertion a : assertions) {
      source
          .append("char (*abiguard_value_")
          .append(index++)
          .append(")[")
          .append(a.expression())
          .append("] = (int *)0;\n");
    }
    Path unit = dir.resolve("values.c");
    Files.writeString(unit, source.toString(), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(toolchain.compiler());
    command.addAll(headerFlags());
    command.addAll(List.of("-fsyntax-only", unit.toString()));
    Processes.Outcome outcome = Processes.run(command, options.basedir(), COMPILE_TIMEOUT_SECONDS);
    Map<Integer, Long> values = new LinkedHashMap<>();
    for (Diagnostic d : CompilerOutput.parse(outcome.output())) {
      if ("values.c".equals(d.fileName()) && d.line() >= 2) {
        Matcher m = ARRAY_LENGTH.matcher(d.text());
        if (m.find()) {
          values.putIfAbsent(d.line() - 2, Long.parseLong(m.group(1)));
        }
      }
    }
    return values;
  }

  private void runCheck(Toolchain toolchain, Path check, Path dir) throws IOException {
    String abi = toolchain.abi().manifestName();
    Path program = dir.resolve("abi-check");
    Files.deleteIfExists(program);
    List<String> command = new ArrayList<>(toolchain.compiler());
    command.addAll(headerFlags());
    command.addAll(List.of("-o", program.toString(), check.toString()));
    Processes.Outcome built = Processes.run(command, options.basedir(), COMPILE_TIMEOUT_SECONDS);
    if (!built.succeeded()) {
      List<Diagnostic> why =
          CompilerOutput.parse(built.output()).stream().filter(Diagnostic::isError).toList();
      if (why.isEmpty()) {
        error(
            "abiguard check-c: abi-check.c does not build for "
                + abi
                + " with '"
                + toolchain.command()
                + "': "
                + firstLine(built.output()));
      }
      for (Diagnostic d : why) {
        error(
            "abiguard check-c: abi-check.c does not build for "
                + abi
                + " ("
                + toolchain.command()
                + "): "
                + d.brief());
      }
      return;
    }
    Optional<List<String>> runner =
        Toolchain.runner(toolchain.abi(), options.hostArch(), runner(toolchain.abi()));
    if (runner.isEmpty()) {
      log.info(
          "abiguard check-c: "
              + abi
              + ": abi-check.c builds; not run, this host ("
              + options.hostArch()
              + ") cannot run "
              + abi
              + " programs (install qemu-user, or set <runners><"
              + abi
              + ">COMMAND</"
              + abi
              + "></runners>)");
      return;
    }
    List<String> run = new ArrayList<>(runner.get());
    run.add(program.toString());
    Processes.Outcome outcome;
    try {
      outcome = Processes.run(run, dir, RUN_TIMEOUT_SECONDS);
    } catch (IOException e) {
      log.warn(
          "abiguard check-c: "
              + abi
              + ": abi-check.c builds but could not be run here: "
              + e.getMessage());
      return;
    }
    List<String> lines =
        outcome.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> mismatches = lines.stream().filter(l -> l.startsWith(MISMATCH)).toList();
    for (String line : lines) {
      if (line.startsWith(MISMATCH)) {
        error(
            "[abiguard:layout] "
                + line.substring(MISMATCH.length())
                + " ["
                + toolchain.command()
                + ": abi-check.c]");
      } else if (outcome.succeeded() || !mismatches.isEmpty()) {
        log.info("abiguard check-c: " + abi + ": " + line);
      } else {
        error(
            "abiguard check-c: "
                + abi
                + ": "
                + line
                + " ["
                + toolchain.command()
                + ": abi-check.c]");
      }
    }
    if (!outcome.succeeded() && lines.isEmpty()) {
      error(
          "abiguard check-c: abi-check.c for "
              + abi
              + " exited with code "
              + outcome.exitCode()
              + " and printed nothing");
    }
  }

  private void error(String message) {
    errors.add(message);
    log.error(message);
  }

  /** An error that ABIs of the build could not be proven. */
  private void unchecked(List<String> abis, String message) {
    unproven.addAll(abis);
    unchecked.add(message);
    error(message);
  }

  private static String firstLine(String output) {
    return output.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)").strip();
  }
}
