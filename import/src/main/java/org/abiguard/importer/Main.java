package org.abiguard.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code java -jar abiguard-import.jar --header public/memory.h [--header ...] [-I dir ...] [-D
 * NAME[=VALUE] ...] --package org.example.xen --out src/main/java [--types REGEX] [--abis
 * x86_64,i386,aarch64] [--cc ABI=COMMAND ...] [--abi-specific] [--split-abis]}. Exit status 0 when
 * every type asked for was written and proven, 1 when some were left out, 2 on an error that
 * stopped the import.
 */
public final class Main {
  static final String USAGE =
      """
      usage: java -jar abiguard-import.jar --header HEADER [--header ...] [-I DIR ...]
                  [-D NAME[=VALUE] ...] --package PACKAGE --out DIR [--types REGEX]
                  [--abis x86_64,i386,aarch64] [--cc ABI=COMMAND ...] [--abi-specific]
                  [--split-abis]""";

  /** What {@code --help} prints: the usage, each option and the exit statuses. */
  static final String HELP =
      USAGE
          + """


          Writes an annotated Java mirror of each C struct and union the headers declare, and proves
          every mirror with each ABI's C compiler before it exits 0.

            --header HEADER    a header, as #include <...> finds it (through -I) or by its path;
                               repeatable
            -I DIR             an include directory; repeatable
            -D NAME[=VALUE]    a macro definition; repeatable
            --package PACKAGE  the Java package of the mirrors
            --out DIR          the source root the mirrors are written under
            --types REGEX      the types to mirror: a regular expression matching the whole C
                               name (a struct's or union's tag, or the typedef of a tagless one),
                               among those of the named headers and the headers they include
                               (not the C library's or the compiler's, unless named);
                               default: those the named headers declare themselves; the types
                               they need come along
            --abis LIST        comma list of x86_64, i386, aarch64, the first primary; default all
                               three
            --cc ABI=COMMAND   an ABI's C compiler command; default gcc, gcc -m32 and
                               aarch64-linux-gnu-gcc; repeatable
            --abi-specific     the mirrors are for the --abis only (abis = {...} on each): for
                               types a header declares differently per architecture, imported
                               once per ABI into a package of its own
            --split-abis       a type declared differently per ABI is imported once per group
                               of ABIs that declare it alike, into a package of that group's
                               own under PACKAGE (PACKAGE.x86_64_i386, PACKAGE.aarch64), with
                               the types that nest it; the types every ABI shares stay in
                               PACKAGE, and everything is proven in one build
            -h, --help         this text

          Exit status: 0 when every type asked for was written and proven, 1 when some were left out
          (each named with its reason), 2 on an error that stopped the import.""";

  /** The options that take a value. */
  private static final java.util.Set<String> VALUED =
      java.util.Set.of("--header", "-I", "-D", "--package", "--out", "--types", "--abis", "--cc");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, ImportLog.console()));
  }

  /** Runs the command line; returns the exit status. */
  public static int run(String[] args, ImportLog log) {
    List<String> words = Arrays.asList(args);
    if (words.contains("--help") || words.contains("-h")) {
      log.info(HELP);
      return 0;
    }
    ImportOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      log.error(e.getMessage());
      log.error(USAGE + "\n(--help describes each option)");
      return 2;
    }
    ImportResult r = Importer.run(options, log);
    if (r.problem() != null) {
      return 2;
    }
    return r.success() ? 0 : 1;
  }

  static ImportOptions parse(String[] args) {
    List<String> headers = new ArrayList<>();
    List<Path> includes = new ArrayList<>();
    List<String> defines = new ArrayList<>();
    String pkg = null;
    Path out = null;
    Pattern types = null;
    List<String> abis = null;
    Map<String, List<String>> compilers = new LinkedHashMap<>();
    boolean abiSpecific = false;
    boolean splitAbis = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--abi-specific")) {
        abiSpecific = true;
        continue;
      }
      if (a.equals("--split-abis")) {
        splitAbis = true;
        continue;
      }
      String inline = null;
      if (a.startsWith("-I") && a.length() > 2) {
        includes.add(Path.of(a.substring(2)));
        continue;
      }
      if (a.startsWith("-D") && a.length() > 2) {
        defines.add(a.substring(2));
        continue;
      }
      if (a.startsWith("--") && a.contains("=")) {
        inline = a.substring(a.indexOf('=') + 1);
        a = a.substring(0, a.indexOf('='));
      }
      if (!VALUED.contains(a)) {
        throw new IllegalArgumentException("unknown option " + a);
      }
      String value = inline;
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        value = args[++i];
      }
      switch (a) {
        case "--header" -> headers.add(value);
        case "-I" -> includes.add(Path.of(value));
        case "-D" -> defines.add(value);
        case "--package" -> pkg = value;
        case "--out" -> out = Path.of(value);
        case "--types" -> {
          try {
            types = Pattern.compile(value);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                "--types: not a regular expression: " + e.getDescription());
          }
        }
        case "--abis" -> {
          abis =
              Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
          if (abis.isEmpty()) {
            throw new IllegalArgumentException(
                "--abis names no ABI (known: "
                    + String.join(", ", ImportOptions.DEFAULT_ABIS)
                    + "; without --abis, all of them)");
          }
        }
        case "--cc" -> {
          int eq = value.indexOf('=');
          if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(
                "--cc needs ABI=COMMAND, e.g. --cc aarch64=aarch64-linux-gnu-gcc");
          }
          compilers.put(
              value.substring(0, eq), List.of(value.substring(eq + 1).trim().split("\\s+")));
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("no --header given");
    }
    if (pkg == null) {
      throw new IllegalArgumentException("no --package given");
    }
    if (out == null) {
      throw new IllegalArgumentException("no --out given");
    }
    for (String abi : compilers.keySet()) {
      Abi.of(abi);
    }
    return new ImportOptions(
        headers, includes, defines, pkg, out, types, abis, compilers, abiSpecific, splitAbis);
  }
}
