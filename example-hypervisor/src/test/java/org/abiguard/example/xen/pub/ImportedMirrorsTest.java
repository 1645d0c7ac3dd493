package org.abiguard.example.xen.pub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.abiguard.importer.ImportLog;
import org.abiguard.importer.ImportOptions;
import org.abiguard.importer.ImportResult;
import org.abiguard.importer.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed mirrors of {@code public/memory.h} and {@code public/event_channel.h} are what
 * abiguard-import writes from the vendored Xen headers today: the test imports them again (and the
 * importer proves them with gcc and gcc -m32) and fails on any file that differs, is missing or is
 * extra. Skipped, with the reason, where a compiler is missing.
 */
class ImportedMirrorsTest {
  /** The C types the example uses; the importer brings what they need along. */
  static final String TYPES =
      "^(xen_memory_reservation|xen_memory_exchange|xen_add_to_physmap|xen_add_to_physmap_batch"
          + "|xen_remove_from_physmap|xen_memory_map|xen_foreign_memory_map|xen_pod_target|evtchn_alloc_unbound"
          + "|evtchn_bind_interdomain|evtchn_bind_virq|evtchn_bind_pirq|evtchn_bind_ipi|evtchn_close|evtchn_send"
          + "|evtchn_bind_vcpu|evtchn_unmask|evtchn_status|evtchn_op)$";

  /** The options the committed mirrors were imported with (see README, "The mirrors"). */
  static ImportOptions options(Path out) {
    return ImportOptions.builder(
            List.of("stdint.h", "public/memory.h", "public/event_channel.h"),
            List.of(MirrorLayoutTest.XEN_INCLUDE),
            "org.abiguard.example.xen.pub",
            out)
        .defines(List.of("__XEN_INTERFACE_VERSION__=0x00040600"))
        .types(Pattern.compile(TYPES))
        .abis(List.of("x86_64", "i386"))
        .build();
  }

  /** The sources the importer does not write: constants, and the e820 entry (no public header). */
  static final List<String> HAND_WRITTEN =
      List.of(
          "DomIds.java",
          "Errno.java",
          "EvtchnCmd.java",
          "XenE820Entry.java",
          "XenMapSpace.java",
          "XenMem.java");

  static final Path COMMITTED = Path.of("src/main/java/org/abiguard/example/xen/pub");

  @Test
  void reimportingTheVendoredHeadersWritesExactlyTheCommittedMirrors(@TempDir Path out)
      throws Exception {
    assumeTrue(compiles(List.of("gcc")), "gcc cannot compile here (Debian package gcc)");
    assumeTrue(
        compiles(List.of("gcc", "-m32")),
        "gcc -m32 cannot compile here (Debian package gcc-12-multilib)");
    List<String> log = new ArrayList<>();
    ImportResult r =
        Importer.run(
            options(out),
            new ImportLog() {
              @Override
              public void info(String message) {
                log.add(message);
              }

              @Override
              public void warn(String message) {
                log.add("warning: " + message);
              }

              @Override
              public void error(String message) {
                log.add("error: " + message);
              }
            });
    assertNull(r.problem(), String.join("\n", log));
    assertEquals(List.of(), r.leftOut(), String.join("\n", log));
    TreeMap<String, String> committed = sources(COMMITTED, true);
    TreeMap<String, String> imported = sources(out.resolve("org/abiguard/example/xen/pub"), false);
    List<String> differences = new ArrayList<>();
    for (String name : imported.keySet()) {
      if (!committed.containsKey(name)) {
        differences.add(name + " is imported but not committed");
      } else if (!committed.get(name).equals(imported.get(name))) {
        differences.add(name + " differs from the imported one");
      }
    }
    for (String name : committed.keySet()) {
      if (!imported.containsKey(name)) {
        differences.add(name + " is committed but no longer imported");
      }
    }
    assertEquals(List.of(), differences, "re-import the mirrors (README, \"The mirrors\")");
    assertEquals(23, imported.size(), "19 mirrors and 4 typedef annotations");
  }

  /**
   * The formatter leaves exactly the imported mirrors alone: the pom's exclude list names every
   * committed source but the hand-written ones, so that a mirror imported later is neither
   * reformatted (and then different from what the importer writes) nor forgotten.
   */
  @Test
  void theFormatterExcludesExactlyTheImportedMirrors() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    TreeSet<String> excluded = new TreeSet<>();
    Matcher m =
        Pattern.compile("<exclude>src/main/java/org/abiguard/example/xen/pub/([^<]+)</exclude>")
            .matcher(pom);
    while (m.find()) {
      excluded.add(m.group(1));
    }
    assertEquals(
        new TreeSet<>(sources(COMMITTED, true).keySet()),
        excluded,
        "spotless-maven-plugin's <excludes> in example-hypervisor/pom.xml");
  }

  /** File name to text; the committed directory without its hand-written sources. */
  private static TreeMap<String, String> sources(Path dir, boolean committed) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString();
        if (!committed || !HAND_WRITTEN.contains(name)) {
          files.put(name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static boolean compiles(List<String> cc) throws IOException, InterruptedException {
    Path probe = null;
    try {
      probe = Files.createTempFile("abiguard-cc-probe", ".c");
      Files.writeString(probe, "#include <stdint.h>\nint main(void) { return 0; }\n");
      List<String> cmd = new ArrayList<>(cc);
      cmd.addAll(List.of("-fsyntax-only", probe.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } finally {
      if (probe != null) {
        Files.deleteIfExists(probe);
      }
    }
  }
}
