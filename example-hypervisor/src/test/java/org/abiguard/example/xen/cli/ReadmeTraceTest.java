package org.abiguard.example.xen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example trace in this module's README runs, and every expectation in it holds. */
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
    assertTrue(r.out().contains("=> nr_entries=2 buffer=[0x0+0x9f000:1 0x100000+0x1ff00000:1]"), r.out());
  }
}
