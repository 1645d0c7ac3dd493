package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that the brackets measure what they claim, on a two-class program with one narrowing
 * (a u32 field into a u16 parameter), in both engine orders:
 * <ul>
 *   <li>the marks saw every {@code ANALYZE} event in registration order;</li>
 *   <li>the guard's diagnostic arrived while the compilation was in the guard's segment;</li>
 *   <li>the prototype found the same narrowing;</li>
 *   <li>a {@link CpuBurner} of known cost in its own segment measures that cost per event.</li>
 * </ul>
 */
final class SanityCheck {
  static final long BURN_NANOS = 2_000_000;
  private static final String SOURCE = """
      package sanity;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Physmap {
        @U32 int space;
      }

      class Call {
        static int addToPhysmapOne(@U16 int space) {
          return space;
        }

        static int addToPhysmap(Physmap xatp) {
          return addToPhysmapOne(xatp.space);
        }
      }
      """;

  private SanityCheck() {}

  /** Runs the check; returns the lines to print, and whether it passed. */
  static boolean run(Path annotationsJar, Path work, List<String> report) throws IOException {
    Path dir = work.resolve("sanity/sanity");
    Files.createDirectories(dir);
    Path source = dir.resolve("Physmap.java");
    Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
    boolean ok = true;
    for (List<EngineProcessor.Slot> layout : List.of(
        List.of(EngineProcessor.Slot.GUARD, EngineProcessor.Slot.BURNER, EngineProcessor.Slot.CF, EngineProcessor.Slot.EMPTY),
        List.of(EngineProcessor.Slot.CF, EngineProcessor.Slot.BURNER, EngineProcessor.Slot.GUARD, EngineProcessor.Slot.EMPTY))) {
      EngineRun.Result r = EngineRun.compile(List.of(source), List.of(annotationsJar), List.of("--release", "17"),
          work.resolve("sanity-out"), layout, false, BURN_NANOS);
      int guardSegment = layout.indexOf(EngineProcessor.Slot.GUARD);
      double burnPerEvent = r.nanos(EngineProcessor.Slot.BURNER) / (double) r.events();
      List<String> problems = new ArrayList<>();
      if (r.orderViolations() != 0) {
        problems.add(r.orderViolations() + " events out of order");
      }
      if (r.abiguardDiagnostics() != 1 || r.abiguardSegments().get(0) != guardSegment) {
        problems.add("guard diagnostics " + r.abiguardDiagnostics() + " in segments " + r.abiguardSegments()
            + ", expected one in segment " + guardSegment);
      }
      if (r.findings().size() != 1) {
        problems.add("prototype findings " + r.findings());
      }
      if (Math.abs(burnPerEvent - BURN_NANOS) > BURN_NANOS * 0.10) {
        problems.add(String.format(Locale.ROOT, "burner measured %.3f ms per event, expected %.3f",
            burnPerEvent / 1e6, BURN_NANOS / 1e6));
      }
      report.add(String.format(Locale.ROOT,
          "sanity %s: %d ANALYZE events, order violations %d, guard diagnostic in segment %s (guard is %d),"
              + " prototype findings %d, burner %.3f ms/event (expected %.3f), empty segment %.3f ms/event: %s",
          layout, r.events(), r.orderViolations(), r.abiguardSegments(), guardSegment, r.findings().size(),
          burnPerEvent / 1e6, BURN_NANOS / 1e6, r.nanos(EngineProcessor.Slot.EMPTY) / 1e6 / r.events(),
          problems.isEmpty() ? "OK" : "FAILED " + problems));
      ok &= problems.isEmpty();
    }
    return ok;
  }
}
