package org.abiguard.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
import org.abiguard.importer.c.RecordDef;
import org.abiguard.importer.cc.Probes;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.importer.mirror.JavaWriter;
import org.abiguard.importer.mirror.Mapper;
import org.abiguard.importer.mirror.MirrorType;
import org.abiguard.importer.mirror.TypedefAnnotation;
import org.abiguard.importer.mirror.Unmirrorable;
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

  private final Map<String, Integer> leftOutByStage = new LinkedHashMap<>();

  private Importer(ImportOptions options, ImportLog log) {
    this.options = options;
    this.log = log;
    this.headers = new Headers(options.includeDirs());
  }

  /** Runs the import described by {@code options}, reporting to {@code log}. */
  public static ImportResult run(ImportOptions options, ImportLog log) {
    long start = System.nanoTime();
    Importer importer = new Importer(options, log);
    ImportResult r;
    Path work = null;
    try {
      work = Files.createTempDirectory("abiguard-import");
      r = importer.importAll(work, start);
    } catch (Failure | IOException | Toolchain.CompilerFailure | RuntimeException e) {
      String problem = e instanceof RuntimeException ? "internal error: " + e : e.getMessage();
      log.error(problem);
      r =
          new ImportResult(
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
    List<Toolchain> toolchains = new ArrayList<>();
    for (String abi : abis) {
      Toolchain tc =
          new Toolchain(
              Abi.of(abi),
              options.compiler(abi),
              options.includeDirs(),
              options.defines(),
              options.headers(),
              work);
      tc.check();
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
    Probes probes = new Probes();
    Mapper mapper = new Mapper(abis, decls, probes);
    mapper.collecting = true;
    for (int round = 0; round < 6; round++) {
      closure(mapper, roots, abis, null);
      if (!probes.pending()) {
        break;
      }
      probes.evaluate(toolchains);
    }
    log.info("probes evaluated by the compilers at " + millis(start) + " ms");
    mapper.collecting = false;
    Map<String, MirrorType> mirrors = new LinkedHashMap<>();
    List<String> found = closure(mapper, roots, abis, mirrors);
    log.info(
        "found "
            + found.size()
            + " C types ("
            + roots.size()
            + " asked for, the rest needed by them)");
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
      staged = writeSources(staging, mirrors, mapper);
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
                    leaveOutFile(file, "abiguard: " + String.join("; ", errors), mirrors, mapper));
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
      if (failed) {
        throw new Failure("the C proof did not settle in " + MAX_PROOF_ROUNDS + " rounds");
      }
      Path check = jr.classes().resolve("META-INF/abiguard/abi-check.c");
      if (Files.isRegularFile(check) && !mirrors.isEmpty()) {
        int before = mirrors.size();
        List<String> names =
            mirrors.values().stream().map(m -> options.packageName() + "." + m.javaName()).toList();
        for (Toolchain tc : toolchains) {
          CProof.Result cr = CProof.check(tc, check, names, proofDir);
          cr.notes().forEach(log::info);
          apply(cr, mirrors);
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
    staged = writeSources(Files.createDirectories(staging), mirrors, mapper);
    Path root = options.outDir();
    List<Path> files = new ArrayList<>();
    for (Path p : staged) {
      Path target = root.resolve(staging.relativize(p).toString());
      Files.createDirectories(target.getParent());
      Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      files.add(target);
    }
    List<String> written = new ArrayList<>(mirrors.keySet());
    long notPortable = 0;
    for (ImportResult.LeftOut l : leftOut.values()) {
      log.warn("left out " + l);
      notPortable += l.reason().startsWith("not portable") ? 1 : 0;
    }
    if (notPortable > 0) {
      log.info(
          notPortable
              + (notPortable == 1 ? " type is" : " types are")
              + " not portable between "
              + String.join(", ", abis)
              + ": import them once for each group of ABIs that declare them alike, with"
              + " --abi-specific into a package of its own (e.g. --abis x86_64,i386 --abi-specific"
              + " --package org.example.x86)");
    }
    ImportResult result =
        new ImportResult(
            found, written, written, List.copyOf(leftOut.values()), files, null, millis(start));
    log.info(
        "types found: "
            + found.size()
            + "; mirrored: "
            + mirrored
            + "; proven for "
            + String.join(", ", abis)
            + " and written: "
            + written.size()
            + "; left out: "
            + leftOut.size()
            + " ("
            + leftOutByStage.getOrDefault("mapping", 0)
            + " not mirrorable or not portable, "
            + leftOutByStage.getOrDefault("abiguard", 0)
            + " rejected by abiguard, "
            + leftOutByStage.getOrDefault("C", 0)
            + " disproved by the C compilers); "
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

  /**
   * Maps the roots and what they need on every ABI; with {@code mirrors} set, keeps the mirrors
   * that are the same on every ABI and leaves the others out. Returns every key reached.
   */
  private List<String> closure(
      Mapper mapper, List<String> roots, List<String> abis, Map<String, MirrorType> mirrors) {
    Set<String> seen = new LinkedHashSet<>(roots);
    Deque<String> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      MirrorType first = null;
      String firstAbi = null;
      for (String abi : abis) {
        RecordDef def = mapper.definition(abi, key);
        if (def != null) {
          where.putIfAbsent(key, def.location());
          break;
        }
      }
      String failure = Portability.declaredAlike(mapper, key, abis);
      Location failureAt = where.get(key);
      for (String abi : failure == null ? abis : List.<String>of()) {
        try {
          MirrorType t = mapper.map(abi, key);
          where.putIfAbsent(key, t.location());
          for (String dep : t.dependencies()) {
            if (seen.add(dep)) {
              queue.add(dep);
            }
          }
          if (first == null) {
            first = t;
            firstAbi = abi;
          } else if (failure == null && !first.sameAs(t)) {
            failure =
                "not portable: declared differently on "
                    + firstAbi
                    + " and "
                    + abi
                    + " ("
                    + Portability.difference(first, t)
                    + "); abiguard mirrors it only where one declaration serves every ABI";
          }
        } catch (Unmirrorable u) {
          if (failure == null) {
            failure =
                (abis.size() > 1 && !u.getMessage().contains(" on " + abi) ? abi + ": " : "")
                    + u.getMessage();
            if (u.location() != null) {
              failureAt = u.location();
            }
          }
        }
      }
      if (mirrors == null) {
        continue;
      }
      if (failure != null) {
        leaveOut(key, failure, failureAt);
      } else {
        mirrors.put(key, first);
      }
    }
    return new ArrayList<>(seen);
  }

  private void leaveOut(String key, String reason, Location at) {
    Location l = at != null ? at : where.get(key);
    if (!leftOut.containsKey(key)) {
      leftOutByStage.merge(stage, 1, Integer::sum);
    }
    leftOut.putIfAbsent(
        key, new ImportResult.LeftOut(key, reason, l == null ? "(unknown)" : headers.display(l)));
  }

  /** Leaves out every mirror that needs one that is left out, until none does. */
  private void propagate(Map<String, MirrorType> mirrors) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MirrorType t : new ArrayList<>(mirrors.values())) {
        for (String dep : t.dependencies()) {
          if (!mirrors.containsKey(dep)) {
            mirrors.remove(t.key());
            ImportResult.LeftOut why = leftOut.get(dep);
            leaveOut(
                t.key(),
                "needs "
                    + dep
                    + ", which is left out"
                    + (why == null ? "" : " (" + why.reason() + ")"),
                t.location());
            changed = true;
            break;
          }
        }
      }
    }
  }

  private void leaveOutFile(
      String file, String reason, Map<String, MirrorType> mirrors, Mapper mapper) {
    String simple = Path.of(file).getFileName().toString().replaceFirst("\\.java$", "");
    for (MirrorType t : new ArrayList<>(mirrors.values())) {
      if (t.javaName().equals(simple)) {
        mirrors.remove(t.key());
        leaveOut(t.key(), reason, t.location());
        return;
      }
    }
    // a typedef annotation failed: every mirror using it goes
    for (TypedefAnnotation ta : mapper.typedefAnnotations().values()) {
      if (ta.javaName().equals(simple)) {
        for (MirrorType t : new ArrayList<>(mirrors.values())) {
          if (uses(t, "@" + ta.javaName())) {
            mirrors.remove(t.key());
            leaveOut(
                t.key(),
                "its typedef annotation " + ta.javaName() + " fails: " + reason,
                t.location());
          }
        }
      }
    }
  }

  /** The qualified Java names of the mirrors still in. */
  private Set<String> alive(Map<String, MirrorType> mirrors) {
    Set<String> names = new java.util.HashSet<>();
    for (MirrorType t : mirrors.values()) {
      names.add(options.packageName() + "." + t.javaName());
    }
    return names;
  }

  /**
   * Leaves out the mirrors abiguard wrote no assertions for (it did not lay them out); true if any.
   */
  private boolean unasserted(String asserts, Map<String, MirrorType> mirrors) {
    // a mirror's block starts with "/* p.Name mirrors ..." (nested types: "/* p.Name.Inner mirrors
    // ...")
    boolean failed = false;
    for (MirrorType t : new ArrayList<>(mirrors.values())) {
      String name = options.packageName() + "." + t.javaName();
      if (!asserts.contains("/* " + name + " mirrors ")) {
        mirrors.remove(t.key());
        leaveOut(
            t.key(),
            "abiguard compiled the mirror but wrote no C assertions for it, so nothing proves it"
                + " (this abiguard does not lay out "
                + (t.union() ? "unions" : "this type")
                + ")",
            t.location());
        failed = true;
      }
    }
    return failed;
  }

  /** Applies a C proof result; true if a mirror failed. */
  private boolean apply(CProof.Result cr, Map<String, MirrorType> mirrors) throws Failure {
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
      String top = relative.contains(".") ? relative.substring(0, relative.indexOf('.')) : relative;
      for (MirrorType t : new ArrayList<>(mirrors.values())) {
        if (t.javaName().equals(top)) {
          mirrors.remove(t.key());
          leaveOut(
              t.key(),
              "the C compiler disproves the mirror "
                  + relative
                  + ": "
                  + String.join("; ", e.getValue()),
              t.location());
          failed = true;
        }
      }
    }
    return failed;
  }

  private static boolean uses(MirrorType t, String annotation) {
    return t.members().stream().anyMatch(m -> m.annotations().contains(annotation))
        || t.nested().stream().anyMatch(n -> uses(n, annotation));
  }

  /** Writes the mirrors and the typedef annotations they use under {@code root}. */
  private List<Path> writeSources(Path root, Map<String, MirrorType> mirrors, Mapper mapper)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(options.packageName().replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (MirrorType t : mirrors.values()) {
      Path f = dir.resolve(t.javaName() + ".java");
      Files.writeString(
          f,
          JavaWriter.mirror(
              t,
              options.packageName(),
              options.abis(),
              options.abiSpecific(),
              headers::javadocWhere,
              headers::sourceLine));
      files.add(f);
    }
    for (TypedefAnnotation ta : mapper.typedefAnnotations().values()) {
      if (mirrors.values().stream().anyMatch(t -> uses(t, "@" + ta.javaName()))) {
        Path f = dir.resolve(ta.javaName() + ".java");
        Files.writeString(
            f, JavaWriter.typedefAnnotation(ta, options.packageName(), headers::javadocWhere));
        files.add(f);
      }
    }
    return files;
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
