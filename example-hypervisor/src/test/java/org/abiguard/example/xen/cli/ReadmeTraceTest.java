package org.abiguard.example.xen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example trace in this module's README runs, and every expectation in it holds; the README's
 * excerpt of the session is the session's real output.
 */
class ReadmeTraceTest {
  @Test
  void theReadmesExampleTraceReplays(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## The trace format");
    int start = readme.indexOf("```\n", section) + 4;
    int end = readme.indexOf("```", start);
    assertTrue(section > 0 && start > section && end > start, "the README has a trace example");
    Path trace = dir.resolve("readme.trace");
    Files.writeString(trace, readme.substring(start, end), StandardCharsets.UTF_8);
    MainTest.Run r = MainTest.run("--trace", trace.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(
        r.out().contains("=> nr_entries=2 buffer=[0x0+0x9f000:1 0x100000+0x1ff00000:1]"), r.out());
  }

  /** The README's excerpt of the session is what the session prints: every line of it, in order. */
  @Test
  void theReadmesSessionExcerptIsTheSessionsOutput() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```\nXen memory_op and event_channel_op, i386 guests");
    assertTrue(start > 0, "the README shows the i386 session");
    String excerpt = readme.substring(start + 4, readme.indexOf("```", start + 4));
    MainTest.Run r = MainTest.run("--abi", "i386");
    assertEquals(0, r.status(), r.err());
    int at = 0;
    for (String line : excerpt.split("\n")) {
      if (line.equals("...")) {
        continue;
      }
      int found = r.out().indexOf(line + System.lineSeparator(), at);
      assertTrue(
          found >= 0,
          "the README's line\n"
              + line
              + "\nis not in the session's output (after offset "
              + at
              + "):\n"
              + r.out());
      at = found + line.length();
    }
  }
}
