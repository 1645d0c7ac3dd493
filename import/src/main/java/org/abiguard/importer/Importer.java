package org.abiguard.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.abiguard.importer.c.Declarations;
import org.abiguard.importer.c.Location;
import org.abiguard.importer.c.Parser;
import org.abiguard.importer.cc.Probes;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.importer.mirror.Mapper;
import org.abiguard.importer.mirror.MirrorType;
import org.abiguard.importer.proof.CProof;
import org.abiguard.importer.proof.JavaProof;

/**
 * The importer: C headers to mirrors that each ABI's C compiler has proven.
 *
 * <ol>
 *   <li>each ABI's compiler preprocesses the headers ({@code cc -E -dD}) and {@link Parser} reads
 *       the declarations;
 *   <li>{@link Mapper} maps each struct and union to a mirror, with every number (array lengths,
 *       typedef widths and signedness, alignments) evaluated by the compilers ({@link Probes}); a
 *       type declared differently on two ABIs is left out as not portable;
 *   <li>the mirrors are compiled with abiguard for the ABIs, and {@code abi-asserts.h} (and {@code
 *       abi-check.c}) with each ABI's compiler against the same headers; a mirror whose proof fails
 *       is left out with the failure, and the rest proven again;
 *   <li>the proven mirrors and the typedef annotations they use are written.
 * </ol>
 */
public final class Importer {
  private static final int MAX_PROOF_ROUNDS = 12;

  private final ImportOptions options;
  private final ImportLog log;
  private final Map<String, ImportResult.LeftOut> leftOut = new LinkedHashMap<>();
  private final Map<String, Location> where = new LinkedHashMap<>();
  private final Headers headers;

  /** Where the import is, for counting what is left out at which stage. */
  private String stage = "mapping";

  /** The stage at which each id in {@link #leftOut} was left out. */
  private final Map<String, String> stageOf = new LinkedHashMap<>();

  private final List<Toolchain> toolchains = new ArrayList<>();
  private final TypeClosure closure = new TypeClosure(toolchains, new Probes(), where);

  /** The {@code PATH} searched for {@code qemu-<arch>} to run abi-check.c for a foreign ABI. */
  private final String searchPath;

  /** How abi-check.c proved each ABI in the last proof round, for the summary. */
  private final Map<String, String> checkedBy = new LinkedHashMap<>();

  private Importer(ImportOptions options, ImportLog log, String searchPath) {
    this.options = options;
    this.log = log;
    this.searchPath = searchPath;
    this.headers = new Headers(options.includeDirs());
  }

  /** Runs the import described by {@code options}, reporting to {@code log}. */
  public static ImportResult run(ImportOptions options, ImportLog log) {
    return run(options, log, System.getenv("PATH"));
  }

  /**
   * Runs the import, looking for {@code qemu-<arch>} (to run abi-check.c for a foreign ABI) in
   * {@code searchPath} instead of {@code PATH}.
   */
  static ImportResult run(ImportOptions options, ImportLog log, String searchPath) {
    long start = System.nanoTime();
    Importer importer = new Importer(options, log, searchPath);
    ImportResult r;
    Path work = null;
    try {
      work = Files.createTempDirectory("abiguard-import");
      r = importer.importAll(work, start);
    } catch (Failure | IOException | Toolchain.CompilerFailure | RuntimeException e) {
      String problem =
          e instanceof RuntimeException
              ? "internal error: " + e
              : e instanceof IOException io ? ioProblem(io) : e.getMessage();
      log.error(problem);
      r =
          new ImportResult(
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.copyOf(importer.leftOut.values()),
              List.of(),
              problem,
              millis(start));
    } finally {
      deleteTree(work);
    }
    return r;
  }

  /**
   * The alternative to installing or configuring {@code abi}'s compiler: importing for the other
   * ABIs alone ({@code ; or import without aarch64: --abis x86_64,i386}), or nothing when it is the
   * only one.
   */
  static String withoutAbi(String abi, List<String> abis) {
    List<String> others = abis.stream().filter(a -> !a.equals(abi)).toList();
    if (others.isEmpty()) {
      return "";
    }
    return "\nor import without " + abi + ": --abis " + String.join(",", others);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** An error that stops the import. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  private ImportResult importAll(Path work, long start)
      throws Failure, IOException, Toolchain.CompilerFailure {
    validate();
    List<String> abis = options.abis();
    for (String abi : abis) {
      Toolchain tc =
          new Toolchain(
              Abi.of(abi),
              options.compiler(abi),
              options.includeDirs(),
              options.defines(),
              options.headers(),
              work);
      try {
        tc.check();
      } catch (Toolchain.CompilerFailure e) {
        throw new Toolchain.CompilerFailure(e.getMessage() + withoutAbi(abi, abis));
      }
      toolchains.add(tc);
    }
    Map<String, Declarations> decls = new LinkedHashMap<>();
    Map<String, Map<String, Set<String>>> includedFrom = new LinkedHashMap<>();
    for (Toolchain tc : toolchains) {
      String text = tc.preprocess();
      tc.compileHeaders();
      Parser parser = Parser.parse(text);
      includedFrom.put(tc.abi().abiName(), Selection.includedFrom(text, tc.includerName()));
      for (Parser.Problem p : parser.problems()) {
        log.warn(
            tc.abi().abiName()
                + ": "
                + p.location()
                + ": cannot parse a declaration: "
                + p.message());
      }
      decls.put(tc.abi().abiName(), parser.declarations());
    }
    log.info(
        "preprocessed and parsed for " + String.join(", ", abis) + " in " + millis(start) + " ms");
    List<String> roots = Selection.roots(decls, includedFrom, options.types(), where);
    if (roots.isEmpty()) {
      throw new Failure(
          "no struct or union "
              + (options.types() == null
                  ? "is declared in the named headers themselves; pick those of the headers they"
                      + " include with --types REGEX, or name those headers with --header"
                  : "matches --types " + options.types().pattern()));
    }
    Mapper mapper = new Mapper(abis, decls, closure.probes());
    closure.collectProbes(mapper, roots);
    log.info("probes evaluated by the compilers at " + millis(start) + " ms");
    Map<String, MirrorType> shared = new LinkedHashMap<>();
    Map<String, TypeClosure.Failed> failures = new LinkedHashMap<>();
    List<String> found = new ArrayList<>(closure.map(mapper, roots, shared, failures));
    log.info(
        "found "
            + found.size()
            + " C types ("
            + roots.size()
            + " asked for, the rest needed by them)");
    failures.forEach((key, f) -> leaveOut(key, f.reason(), f.at()));
    TypeClosure.dropDependents(
        shared, MirrorType::dependencies, (key, t, dep) -> leaveOut(key, needs(dep), t.location()));
    AbiGroup everyAbi = new AbiGroup(abis, options.packageName(), mapper, options.abiSpecific());
    MirrorSources sources = new MirrorSources(everyAbi, headers);
    Map<String, Placed> mirrors = new LinkedHashMap<>();
    shared.forEach((key, t) -> mirrors.put(key, new Placed(key, everyAbi, t, t.dependencies())));
    List<AbiGroup> groups = List.of();
    if (options.splitAbis()) {
      List<String> rest = found.stream().filter(k -> !shared.containsKey(k)).toList();
      AbiSplit.Result split =
          new AbiSplit(options.packageName(), abis, closure).split(rest, shared.keySet(), mapper);
      groups = split.groups();
      mirrors.putAll(split.placed());
      split.leftOut().forEach((id, f) -> leaveOut(id, f.reason(), f.at()));
      for (String key : split.mirroredKeys()) {
        leftOut.remove(key);
        stageOf.remove(key);
        if (!found.contains(key)) {
          found.add(key); // a type only a group's declaration needs
        }
      }
    }
    propagate(mirrors);
    int mirrored = mirrors.size();
    stage = "abiguard";

    // prove, leaving out what fails, until what is left is proven
    Path staging = Files.createDirectories(work.resolve("src"));
    boolean proven = false;
    List<Path> staged = List.of();
    for (int round = 0; round < MAX_PROOF_ROUNDS && !mirrors.isEmpty(); round++) {
      deleteTree(staging);
      Files.createDirectories(staging);
      staged = sources.write(staging, mirrors);
      Path proofDir = Files.createDirectories(work.resolve("proof-" + round));
      List<String> rel = staged.stream().map(p -> staging.relativize(p).toString()).toList();
      JavaProof.Result jr = JavaProof.compile(staging, rel, abis, proofDir);
      log.info(
          "proof round "
              + (round + 1)
              + ": abiguard compiled "
              + mirrors.size()
              + " mirrors at "
              + millis(start)
              + " ms");
      jr.warnings().forEach(w -> log.warn("javac: " + w));
      if (!jr.otherErrors().isEmpty()) {
        throw new Failure(
            "abiguard cannot compile the mirrors: " + String.join("; ", jr.otherErrors()));
      }
      if (!jr.errorsByFile().isEmpty()) {
        jr.errorsByFile()
            .forEach(
                (file, errors) ->
                    leaveOutFile(file, "abiguard: " + String.join("; ", errors), mirrors, sources));
        propagate(mirrors);
        continue;
      }
      Path generatedAsserts = jr.classes().resolve("META-INF/abiguard/abi-asserts.h");
      if (!Files.isRegularFile(generatedAsserts)) {
        throw new Failure("abiguard wrote no abi-asserts.h for the mirrors");
      }
      String assertsText = Files.readString(generatedAsserts);
      stage = "C";
      unasserted(assertsText, mirrors);
      propagate(mirrors);
      // a mirror the C compilers disprove is left out with what needs it; the others' assertions
      // are compiled again without it (their layouts do not depend on it, so javac need not rerun)
      Path asserts = proofDir.resolve("abi-asserts.h");
      boolean failed = true;
      for (int c = 0; c < MAX_PROOF_ROUNDS && failed && !mirrors.isEmpty(); c++) {
        Files.writeString(asserts, CProof.keepOnly(assertsText, alive(mirrors)));
        failed = false;
        for (Toolchain tc : toolchains) {
          CProof.Result cr = CProof.asserts(tc, asserts);
          failed |= apply(cr, mirrors);
        }
        propagate(mirrors);
      }
      log.info("proof round " + (round + 1) + ": C compilers done at " + millis(start) + " ms");
      if (failed && !mirrors.isEmpty()) {
        // (when the compilers disprove every mirror, each is left out with its reason: not an
        // error that stops the import)
        throw new Failure("the C proof did not settle in " + MAX_PROOF_ROUNDS + " rounds");
      }
      Path check = jr.classes().resolve("META-INF/abiguard/abi-check.c");
      checkedBy.clear();
      if (Files.isRegularFile(check) && !mirrors.isEmpty()) {
        int before = mirrors.size();
        List<String> names = new ArrayList<>(alive(mirrors));
        for (Toolchain tc : toolchains) {
          CProof.Result cr = CProof.check(tc, check, names, proofDir, searchPath);
          cr.notes().forEach(log::info);
          checkedBy.put(
              tc.abi().abiName(),
              cr.notes().stream().anyMatch(n -> n.endsWith("ran and passed"))
                  ? "abi-check.c ran"
                  : "abi-asserts.h alone, abi-check.c having no bit-field to check there");
          stage = "C";
          apply(cr, mirrors);
          unchecked(cr, mirrors);
        }
        if (mirrors.size() != before) {
          propagate(mirrors);
          stage = "abiguard";
          continue; // abi-check.c covers every mirror at once: compile the rest again
        }
      }
      proven = true;
      break;
    }
    if (!proven && !mirrors.isEmpty()) {
      throw new Failure("the proof did not settle in " + MAX_PROOF_ROUNDS + " rounds");
    }
    // write what is proven (the staging may still hold mirrors the C compilers disproved)
    deleteTree(staging);
    staged = sources.write(Files.createDirectories(staging), mirrors);
    Path root = options.outDir();
    List<Path> files = new ArrayList<>();
    try {
      for (Path p : staged) {
        Path target = root.resolve(staging.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        files.add(target);
      }
    } catch (IOException e) {
      throw new Failure("cannot write the mirrors under " + root + ": " + ioProblem(e));
    }
    Set<String> mirroredKeys = new java.util.HashSet<>();
    mirrors.values().forEach(p -> mirroredKeys.add(p.type().key()));
    List<String> written = found.stream().filter(mirroredKeys::contains).toList();
    long notPortable = 0;
    for (ImportResult.LeftOut l : leftOut.values()) {
      log.warn("left out " + l);
      notPortable += l.notPortable() ? 1 : 0;
    }
    if (notPortable > 0 && !options.splitAbis()) {
      log.info(
          notPortable
              + (notPortable == 1 ? " type is" : " types are")
              + " not portable between "
              + String.join(", ", abis)
              + ": import them once for each group of ABIs that declare them alike, each group's"
              + " mirrors in a package of its own, with --split-abis (or with one import per"
              + " group, --abis x86_64,i386 --abi-specific --package org.example.x86)");
    }
    for (AbiGroup g : groups) {
      long count = mirrors.values().stream().filter(p -> p.group() == g).count();
      log.info(
          "split: "
              + count
              + (count == 1 ? " mirror" : " mirrors")
              + " for "
              + String.join(", ", g.abis())
              + " alone in "
              + g.pkg());
    }
    ImportResult result =
        new ImportResult(
            found,
            written,
            List.copyOf(alive(mirrors)),
            written,
            List.copyOf(leftOut.values()),
            files,
            null,
            millis(start));
    Map<String, Integer> byStage = new LinkedHashMap<>();
    leftOut.keySet().forEach(id -> byStage.merge(stageOf.get(id), 1, Integer::sum));
    log.info(
        "types found: "
            + found.size()
            + "; mirrored: "
            + mirrored
            + "; proven for "
            + String.join(", ", abis)
            + provenBy()
            + " and written: "
            + mirrors.size()
            + "; left out: "
            + leftOut.size()
            + " ("
            + byStage.getOrDefault("mapping", 0)
            + " not mirrorable or not portable, "
            + byStage.getOrDefault("abiguard", 0)
            + " rejected by abiguard, "
            + byStage.getOrDefault("C", 0)
            + " disproved by the C compilers"
            + (byStage.containsKey("unproven")
                ? ", " + byStage.get("unproven") + " not proven: abi-check.c could not run"
                : "")
            + "); "
            + files.size()
            + " files written under "
            + root
            + " in "
            + result.millis()
            + " ms");
    return result;
  }

  private void validate() throws Failure {
    if (options.headers().isEmpty()) {
      throw new Failure("no --header given");
    }
    for (String part : options.packageName().split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        throw new Failure("'" + options.packageName() + "' is not a Java package name");
      }
    }
    for (String abi : options.abis()) {
      try {
        Abi.of(abi);
      } catch (IllegalArgumentException e) {
        throw new Failure(e.getMessage());
      }
    }
    for (String abi : options.compilers().keySet()) {
      if (!options.abis().contains(abi)) {
        throw new Failure(
            "--cc "
                + abi
                + "=... names an ABI that is not imported ("
                + String.join(",", options.abis())
                + ")");
      }
    }
  }

  private void leaveOut(String id, String reason, Location at) {
    Location l = at != null ? at : where.get(id);
    if (!leftOut.containsKey(id)) {
      stageOf.put(id, stage);
      leftOut.put(
          id, new ImportResult.LeftOut(id, reason, l == null ? "(unknown)" : headers.display(l)));
    }
  }

  /** Why a mirror that needs {@code dep}, which is left out, is left out too. */
  private String needs(String dep) {
    ImportResult.LeftOut why = leftOut.get(dep);
    return TypeClosure.needs(dep, why == null ? null : why.reason());
  }

  /** Leaves out every mirror that needs one that is left out, until none does. */
  private void propagate(Map<String, Placed> mirrors) {
    TypeClosure.dropDependents(
        mirrors, Placed::needs, (id, p, dep) -> leaveOut(id, needs(dep), p.type().location()));
  }

  /**
   * Leaves out the mirror written as {@code file}, or every mirror using the typedef annotation.
   */
  private void leaveOutFile(
      String file, String reason, Map<String, Placed> mirrors, MirrorSources sources) {
    Path path = Path.of(file);
    for (Placed p : new ArrayList<>(mirrors.values())) {
      if (path.endsWith(MirrorSources.sourcePath(p.qualifiedName()))) {
        mirrors.remove(p.id());
        leaveOut(p.id(), reason, p.type().location());
        return;
      }
    }
    // a typedef annotation failed: every mirror using it goes
    for (Placed p : new ArrayList<>(mirrors.values())) {
      for (String annotation : sources.typedefsUsed(p).keySet()) {
        if (path.endsWith(MirrorSources.sourcePath(annotation))) {
          mirrors.remove(p.id());
          leaveOut(
              p.id(),
              "its typedef annotation "
                  + annotation.substring(annotation.lastIndexOf('.') + 1)
                  + " fails: "
                  + reason,
              p.type().location());
          break;
        }
      }
    }
  }

  /** The qualified Java names of the mirrors still in. */
  private static Set<String> alive(Map<String, Placed> mirrors) {
    Set<String> names = new LinkedHashSet<>();
    for (Placed p : mirrors.values()) {
      names.add(p.qualifiedName());
    }
    return names;
  }

  /**
   * Leaves out the mirrors abiguard wrote no assertions for (it did not lay them out); true if any.
   */
  private boolean unasserted(String asserts, Map<String, Placed> mirrors) {
    // a mirror's block starts with "/* p.Name mirrors ..." (nested types: "/* p.Name.Inner mirrors
    // ...")
    boolean failed = false;
    for (Placed p : new ArrayList<>(mirrors.values())) {
      if (!asserts.contains("/* " + p.qualifiedName() + " mirrors ")) {
        mirrors.remove(p.id());
        leaveOut(
            p.id(),
            "abiguard compiled the mirror but wrote no C assertions for it, so nothing proves it"
                + " (this abiguard does not lay out "
                + (p.type().union() ? "unions" : "this type")
                + ")",
            p.type().location());
        failed = true;
      }
    }
    return failed;
  }

  /**
   * How the mirrors written were proven on each ABI: {@code abi-asserts.h} always, and abi-check.c
   * where it had bit-fields to check ({@code (abi-asserts.h on each; aarch64 by abi-asserts.h
   * alone, abi-check.c having no bit-field to check there)}).
   */
  private String provenBy() {
    if (checkedBy.isEmpty()) {
      return " (by abi-asserts.h; abi-check.c has no bit-field to check)";
    }
    List<String> ran = new ArrayList<>();
    List<String> alone = new ArrayList<>();
    checkedBy.forEach((abi, how) -> (how.equals("abi-check.c ran") ? ran : alone).add(abi));
    return " (by abi-asserts.h"
        + (ran.isEmpty() ? "" : ", and abi-check.c run on " + String.join(", ", ran))
        + (alone.isEmpty()
            ? ""
            : "; on "
                + String.join(", ", alone)
                + " by abi-asserts.h alone, abi-check.c having no bit-field to check there")
        + ")";
  }

  /**
   * Leaves out the mirrors that abi-check.c has bit-field checks for on an ABI where it could not
   * run: nothing proved their bit-fields there.
   */
  private void unchecked(CProof.Result cr, Map<String, Placed> mirrors) {
    String was = stage;
    stage = "unproven";
    for (Map.Entry<String, List<String>> e : cr.unchecked().entrySet()) {
      for (Placed p : new ArrayList<>(mirrors.values())) {
        String name = p.qualifiedName();
        if (e.getKey().equals(name) || e.getKey().startsWith(name + ".")) {
          mirrors.remove(p.id());
          leaveOut(p.id(), "not proven: " + String.join("; ", e.getValue()), p.type().location());
        }
      }
    }
    stage = was;
  }

  /** What failed on the file system: the file, and why ({@code /proc/x: permission denied}). */
  static String ioProblem(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String why = f.getReason();
      if (why == null) {
        why =
            f instanceof java.nio.file.NoSuchFileException
                ? "no such file or directory"
                : f instanceof java.nio.file.AccessDeniedException
                    ? "permission denied"
                    : f instanceof java.nio.file.FileAlreadyExistsException
                        ? "a file is in the way"
                        : f.getClass().getSimpleName();
      }
      return f.getFile()
          + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "")
          + ": "
          + why;
    }
    return "I/O error: " + e;
  }

  /** Applies a C proof result; true if a mirror failed. */
  private boolean apply(CProof.Result cr, Map<String, Placed> mirrors) throws Failure {
    if (!cr.other().isEmpty()) {
      throw new Failure("the C proof failed outside any mirror:\n" + String.join("\n", cr.other()));
    }
    boolean failed = false;
    for (Map.Entry<String, List<String>> e : cr.byMirror().entrySet()) {
      String javaName = e.getKey();
      String relative =
          javaName.startsWith(options.packageName() + ".")
              ? javaName.substring(options.packageName().length() + 1)
              : javaName;
      for (Placed p : new ArrayList<>(mirrors.values())) {
        String name = p.qualifiedName();
        if (javaName.equals(name) || javaName.startsWith(name + ".")) {
          mirrors.remove(p.id());
          leaveOut(
              p.id(),
              "the C compiler disproves the mirror "
                  + relative
                  + ": "
                  + String.join("; ", e.getValue()),
              p.type().location());
          failed = true;
        }
      }
    }
    return failed;
  }

  /** Deletes a scratch directory and what it holds, if it exists; never throws. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch directory left behind is harmless
    }
  }
}
