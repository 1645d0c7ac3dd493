package org.abiguard.importer.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.importer.cc.CompilerRun;
import org.abiguard.importer.cc.NativePrograms;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.processor.codegen.AbiCheckWriter;

/**
 * Proves mirrors with each ABI's C compiler: {@code abi-asserts.h} compiled after the real headers
 * ({@code -fsyntax-only}), and {@code abi-check.c} compiled, linked and run where the host can run
 * the ABI (natively, or through {@code qemu-<arch>} with a static link).
 */
public final class CProof {
  private static final Pattern MIRROR_COMMENT = Pattern.compile("^/\\* (\\S+) mirrors .*\\*/$");
  private static final Pattern ERROR =
      Pattern.compile("(?m)^([^:\\n]+):(\\d+):(?:\\d+:)? (?:fatal )?error: (.*)$");

  /**
   * Failures by Java mirror (qualified name as the asserts name it), failures naming no mirror,
   * what was done, and by mirror why abi-check.c, which has checks for it on the ABI, did not run
   * there (so nothing proved them).
   */
  public record Result(
      Map<String, List<String>> byMirror,
      List<String> other,
      List<String> notes,
      Map<String, List<String>> unchecked) {
    public Result(Map<String, List<String>> byMirror, List<String> other, List<String> notes) {
      this(byMirror, other, notes, Map.of());
    }

    public boolean ok() {
      return byMirror.isEmpty() && other.isEmpty() && unchecked.isEmpty();
    }
  }

  /**
   * A bit-field check in abi-check.c once preprocessed, as the processor writes it: {@code
   * expect((const void *) &v, sizeof v, "hex", "p.Mirror"}.
   */
  private static final Pattern EXPECT =
      Pattern.compile(Pattern.quote(AbiCheckWriter.BIT_FIELD_CHECK) + "[0-9a-f]*\", \"([^\"]+)\"");

  private CProof() {}

  /** Compiles {@code asserts} after the headers with {@code tc}. */
  public static Result asserts(Toolchain tc, Path asserts) throws Toolchain.CompilerFailure {
    Map<String, List<String>> byMirror = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    String abi = tc.abi().abiName();
    String src = tc.includes() + "#include \"" + asserts.toAbsolutePath() + "\"\n";
    CompilerRun.Output out = tc.syntaxCheck("abiguard-asserts-" + abi + ".c", src);
    if (out.ok()) {
      return new Result(byMirror, other, List.of());
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(asserts);
    } catch (java.io.IOException e) {
      throw new Toolchain.CompilerFailure("cannot read " + asserts + ": " + e.getMessage());
    }
    Matcher m = ERROR.matcher(out.err());
    while (m.find()) {
      String message = abi + " (" + tc.commandLine() + "): " + m.group(3);
      if (m.group(1).endsWith(asserts.getFileName().toString())) {
        String mirror = mirrorAt(lines, Integer.parseInt(m.group(2)));
        if (mirror != null) {
          byMirror.computeIfAbsent(mirror, k -> new ArrayList<>()).add(message);
          continue;
        }
      }
      other.add(message + " (" + m.group(1) + ":" + m.group(2) + ")");
    }
    if (byMirror.isEmpty() && other.isEmpty()) {
      other.add(abi + ": the C assertions do not compile:\n" + out.err().strip());
    }
    return new Result(byMirror, other, List.of());
  }

  /**
   * {@code abi-asserts.h} with only the blocks of the mirrors in {@code keep} (qualified Java
   * names; a nested mirror goes with its top-level one).
   */
  public static String keepOnly(String asserts, Set<String> keep) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : asserts.split("\n", -1)) {
      Matcher m = MIRROR_COMMENT.matcher(line.trim());
      if (m.matches()) {
        String name = m.group(1);
        skipping = keep.stream().noneMatch(k -> name.equals(k) || name.startsWith(k + "."));
      }
      if (!skipping) {
        out.append(line).append('\n');
      }
      if (skipping && line.trim().equals("#endif")) {
        skipping = false;
      }
    }
    return out.toString();
  }

  /** The mirror whose assertions contain line {@code line} (1-based). */
  static String mirrorAt(List<String> lines, int line) {
    for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
      Matcher m = MIRROR_COMMENT.matcher(lines.get(i).trim());
      if (m.matches()) {
        return m.group(1);
      }
    }
    return null;
  }

  /**
   * Compiles and runs {@code check} (abi-check.c) with the headers where the host can run the ABI.
   * Lines of its output that name a mirror fail that mirror.
   */
  public static Result check(
      Toolchain tc, Path check, List<String> mirrors, Path work, String searchPath)
      throws Toolchain.CompilerFailure {
    Map<String, List<String>> byMirror = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String abi = tc.abi().abiName();
    String src = tc.includes() + "#include \"" + check.toAbsolutePath() + "\"\n";
    Path exe = work.resolve("abi-check-" + abi);
    // i386 runs on an x86_64 host only where its kernel has 32-bit emulation: probed
    boolean native_ = NativePrograms.runs(abi, System.getProperty("os.arch"));
    List<String> run = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    if (!native_) {
      String qemu = "qemu-" + abi;
      if (!onPath(qemu, searchPath)) {
        return notRun(
            tc,
            src,
            mirrors,
            "the host cannot run "
                + abi
                + " programs"
                + (abi.equals("i386") ? " itself (its kernel has no 32-bit emulation)" : "")
                + ": no "
                + qemu
                + " on PATH; install qemu-user (Debian: apt-get install qemu-user), or leave "
                + abi
                + " out of --abis");
      }
      run.add(qemu);
      extra.add("-static");
    }
    CompilerRun.Output linked = tc.link("abiguard-check-" + abi + ".c", src, exe, extra);
    if (!linked.ok()) {
      if (linked.err().contains("error:")
          && !linked.err().contains("cannot find")
          && !linked.err().contains("ld returned")) {
        other.add(abi + ": abi-check.c does not compile:\n" + linked.err().strip());
        return new Result(byMirror, other, notes);
      }
      return notRun(
          tc,
          src,
          mirrors,
          "it does not link with '"
              + tc.commandLine()
              + (native_ ? "" : " -static")
              + "': "
              + linked.err().strip().lines().reduce((a, b) -> b).orElse("")
              + "; install the ABI's C library for linking"
              + (native_ ? "" : " statically")
              + ", or leave "
              + abi
              + " out of --abis");
    }
    run.add(exe.toString());
    CompilerRun.Output ran;
    try {
      ran = CompilerRun.run(run, work);
    } catch (CompilerRun.MissingProgram e) {
      return notRun(tc, src, mirrors, e.getMessage());
    }
    if (ran.ok()) {
      notes.add(abi + ": abi-check.c ran and passed");
      return new Result(byMirror, other, notes);
    }
    for (String line : (ran.out() + "\n" + ran.err()).split("\n")) {
      String found = null;
      for (String mirror : mirrors) {
        if (line.contains(mirror) && (found == null || mirror.length() > found.length())) {
          found = mirror;
        }
      }
      if (found != null) {
        byMirror
            .computeIfAbsent(found, k -> new ArrayList<>())
            .add(abi + " abi-check: " + line.strip());
      }
    }
    if (byMirror.isEmpty()) {
      other.add(
          abi
              + ": abi-check.c failed (status "
              + ran.status()
              + "):\n"
              + (ran.out() + ran.err()).strip());
    }
    return new Result(byMirror, other, notes);
  }

  /**
   * abi-check.c cannot run on the ABI ({@code why}): the mirrors it has checks for there (as its
   * preprocessor keeps them for the ABI) are not proven, each with the reason; with none, the ABI
   * needs no run and {@code abi-asserts.h} alone proves the mirrors there.
   */
  private static Result notRun(Toolchain tc, String src, List<String> mirrors, String why)
      throws Toolchain.CompilerFailure {
    String abi = tc.abi().abiName();
    CompilerRun.Output pre = tc.preprocessSource("abiguard-check-" + abi + ".c", src);
    if (!pre.ok()) {
      return new Result(
          Map.of(),
          List.of(abi + ": abi-check.c does not compile:\n" + pre.err().strip()),
          List.of());
    }
    Map<String, List<String>> unchecked = new LinkedHashMap<>();
    Matcher m = EXPECT.matcher(pre.out());
    Map<String, Integer> checks = new LinkedHashMap<>();
    while (m.find()) {
      String found = null;
      for (String mirror : mirrors) {
        if ((m.group(1).equals(mirror) || m.group(1).startsWith(mirror + "."))
            && (found == null || mirror.length() > found.length())) {
          found = mirror;
        }
      }
      checks.merge(found != null ? found : m.group(1), 1, Integer::sum);
    }
    if (checks.isEmpty()) {
      return new Result(
          Map.of(),
          List.of(),
          List.of(
              abi
                  + ": abi-check.c not run ("
                  + why
                  + "), but it has no bit-field to check on "
                  + abi
                  + ": proven there by abi-asserts.h alone"));
    }
    checks.forEach(
        (mirror, n) ->
            unchecked.put(
                mirror,
                List.of(
                    "abi-check.c has "
                        + n
                        + (n == 1 ? " bit-field check" : " bit-field checks")
                        + " for it on "
                        + abi
                        + " and cannot run there: "
                        + why)));
    return new Result(
        Map.of(), List.of(), List.of(abi + ": abi-check.c not run (" + why + ")"), unchecked);
  }

  private static boolean onPath(String program, String path) {
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
