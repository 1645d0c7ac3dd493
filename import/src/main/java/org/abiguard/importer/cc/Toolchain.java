package org.abiguard.importer.cc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.importer.Abi;

/**
 * One ABI's C compiler with the import's {@code -I} and {@code -D} options, and the headers to
 * include. Every number the importer uses comes from here: the preprocessed declarations, and the
 * values of probe expressions the compiler evaluates.
 */
public final class Toolchain {
  /** A compiler failure the user must see: the compiler's own message, or a missing program. */
  public static final class CompilerFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public CompilerFailure(String message) {
      super(message);
    }
  }

  private final Abi abi;
  private final List<String> command;
  private final boolean defaultCommand;
  private final List<String> flags;
  private final String includes;
  private final Path workDir;

  /**
   * @param headers the headers as given ({@code <name>} lookups or paths)
   * @param workDir a scratch directory for generated C files
   */
  public Toolchain(
      Abi abi,
      List<String> command,
      List<Path> includeDirs,
      List<String> defines,
      List<String> headers,
      Path workDir) {
    this.abi = abi;
    this.command = List.copyOf(command);
    this.defaultCommand = command.equals(abi.defaultCompiler());
    List<String> f = new ArrayList<>();
    for (Path dir : includeDirs) {
      f.add("-I" + dir.toAbsolutePath());
    }
    for (String d : defines) {
      f.add("-D" + d);
    }
    this.flags = List.copyOf(f);
    this.includes = includeLines(headers);
    this.workDir = workDir;
  }

  /**
   * {@code #include} lines for the headers: a path that exists by quotes, a name by angle brackets.
   */
  public static String includeLines(List<String> headers) {
    StringBuilder sb = new StringBuilder();
    for (String h : headers) {
      Path p = Path.of(h);
      if (Files.isRegularFile(p)) {
        sb.append("#include \"")
            .append(p.toAbsolutePath().toString().replace("\\", "\\\\"))
            .append("\"\n");
      } else {
        sb.append("#include <").append(h).append(">\n");
      }
    }
    return sb.toString();
  }

  public Abi abi() {
    return abi;
  }

  /** The command as the user would type it. */
  public String commandLine() {
    return String.join(" ", command);
  }

  /** The file that includes the headers: the preprocessor names it in line markers. */
  public String includerName() {
    return "abiguard-" + abi.abiName() + ".c";
  }

  /** Checks the compiler runs and targets this ABI. */
  public void check() throws CompilerFailure {
    Path file =
        write(
            "abiguard-target-" + abi.abiName() + ".c",
            "#if !defined("
                + abi.cMacro()
                + ")\n#error \"not a compiler for "
                + abi.abiName()
                + "\"\n#endif\n");
    CompilerRun.Output out = compile(List.of("-fsyntax-only", file.toString()));
    if (!out.ok()) {
      throw new CompilerFailure(
          abi.abiName()
              + ": '"
              + commandLine()
              + "' cannot compile for "
              + abi.abiName()
              + (defaultCommand ? " (install the Debian package " + abi.debianPackage() + ")" : "")
              + ":\n"
              + out.err().strip());
    }
  }

  /** {@code cc -E -dD} of the headers. */
  public String preprocess() throws CompilerFailure {
    Path file = write(includerName(), includes);
    CompilerRun.Output out = compile(List.of("-E", "-dD", file.getFileName().toString()));
    if (!out.ok()) {
      throw new CompilerFailure(
          abi.abiName()
              + ": the headers do not preprocess with '"
              + commandLine()
              + "':\n"
              + out.err().strip()
              + missingAsmHint(abi, out.err()));
    }
    return out.out();
  }

  /**
   * For i386, when Linux's {@code asm/} headers are missing: Debian and Ubuntu install them for the
   * host's ABI only ({@code /usr/include/x86_64-linux-gnu/asm}), and those serve {@code -m32} as
   * well, so the hint gives i386 alone that directory. Empty otherwise.
   */
  static String missingAsmHint(Abi abi, String err) {
    if (abi != Abi.I386 || !err.contains("asm/") || !err.contains("No such file")) {
      return "";
    }
    return "\nhint: Linux's asm/ headers for -m32 are missing; Debian's and Ubuntu's x86_64 ones"
        + " serve i386 too: --cc 'i386=gcc -m32 -isystem /usr/include/x86_64-linux-gnu' (or install"
        + " linux-libc-dev:i386)";
  }

  /**
   * Compiles the headers ({@code -fsyntax-only}): a header that does not compile fails with the
   * compiler's message.
   */
  public void compileHeaders() throws CompilerFailure {
    CompilerRun.Output out = syntaxCheck(includerName(), includes);
    if (!out.ok()) {
      throw new CompilerFailure(
          abi.abiName()
              + ": the headers do not compile with '"
              + commandLine()
              + "':\n"
              + out.err().strip());
    }
  }

  /**
   * The message for a compiler that cannot be run: a default one names the Debian package providing
   * it.
   */
  public static String missingCompiler(Abi abi, List<String> command) {
    return abi.abiName()
        + ": no C compiler '"
        + command.get(0)
        + "'"
        + (command.equals(abi.defaultCompiler())
            ? " (install the Debian package " + abi.debianPackage() + ")"
            : " (give the compiler with --cc " + abi.abiName() + "=COMMAND)");
  }

  /** Compiles {@code source} (a C file including the headers) with {@code -S}: its assembly. */
  public CompilerRun.Output assemble(String name, String source) throws CompilerFailure {
    Path file = write(name, source);
    return compile(List.of("-w", "-S", "-o", "-", file.getFileName().toString()));
  }

  /** {@code cc -E} of a C file: its preprocessed text in the output. */
  public CompilerRun.Output preprocessSource(String name, String source) throws CompilerFailure {
    Path file = write(name, source);
    return compile(List.of("-E", file.getFileName().toString()));
  }

  /** {@code cc -fsyntax-only} of a C file. */
  public CompilerRun.Output syntaxCheck(String name, String source) throws CompilerFailure {
    Path file = write(name, source);
    return compile(List.of("-fsyntax-only", file.getFileName().toString()));
  }

  /** Compiles and links a C program; the status says whether it linked. */
  public CompilerRun.Output link(String name, String source, Path executable, List<String> extra)
      throws CompilerFailure {
    Path file = write(name, source);
    List<String> args = new ArrayList<>(extra);
    args.addAll(List.of("-o", executable.toString(), file.getFileName().toString()));
    return compile(args);
  }

  /** The headers' include lines. */
  public String includes() {
    return includes;
  }

  private CompilerRun.Output compile(List<String> args) throws CompilerFailure {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(flags);
    cmd.addAll(args);
    try {
      return CompilerRun.run(cmd, workDir);
    } catch (CompilerRun.MissingProgram e) {
      throw new CompilerFailure(missingCompiler(abi, command));
    }
  }

  private Path write(String name, String text) throws CompilerFailure {
    Path file = workDir.resolve(name);
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new CompilerFailure("cannot write " + file + ": " + e.getMessage());
    }
    return file;
  }
}
