package org.abiguard.example.xen.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutations of the session script (tokens swapped, replaced by odd numbers and names, lines
 * dropped or duplicated) end in a result or an error message, never in an exception or an internal
 * error.
 */
class TraceFuzzTest {
  private static final String[] ODD = {
    "0",
    "-1",
    "0x",
    "0xffffffffffffffff",
    "18446744073709551616",
    "[",
    "]",
    "[]",
    "[,]",
    "[0x1,,2]",
    "->",
    "-EINVAL",
    "=",
    "x=",
    "=y",
    "domid=self",
    "space=gmfn_range",
    "size=65535",
    "nr_entries=4294967295",
    "at=0xfffffffffffffff0",
    "at=0x1fff",
    "extent_order=4294967295",
    "idxs=[0xffffffff]",
    "buffer=[1:2]",
    "buffer=[1:2:3:4]",
    "d9:",
    "domain",
    "machine",
    "privileged",
    "abi=arm",
    "max=-3"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void mutatedTracesNeverCrash(long seed, @TempDir Path dir) throws IOException {
    Random rnd = new Random(seed);
    String[] lines = Main.sessionText().split("\n");
    int[] statuses = new int[3];
    for (int round = 0; round < 20; round++) {
      List<String> out = new ArrayList<>(List.of(lines));
      int mutations = 1 + rnd.nextInt(3);
      for (int k = 0; k < mutations; k++) {
        int at = rnd.nextInt(out.size());
        switch (rnd.nextInt(4)) {
          case 0 -> out.remove(at);
          case 1 -> out.add(at, out.get(rnd.nextInt(out.size())));
          default -> out.set(at, mutate(out.get(at), rnd));
        }
      }
      Path trace = dir.resolve("fuzz-" + seed + "-" + round + ".trace");
      Files.writeString(trace, String.join("\n", out), StandardCharsets.UTF_8);
      MainTest.Run r =
          MainTest.run("--trace", trace.toString(), "--abi", rnd.nextBoolean() ? "i386" : "x86_64");
      String what = trace + " gave " + r.status() + ":\n" + r.err();
      assertTrue(r.status() >= 0 && r.status() <= 2, what);
      statuses[r.status()]++;
      assertFalse(r.err().contains("internal error"), what);
      assertFalse(r.out().contains("!! inconsistent"), what);
    }
    assertTrue(
        statuses[0] + statuses[1] > 0 && statuses[2] > 0,
        "the mutations reach both the parser's errors and the running hypervisor");
  }

  private static String mutate(String line, Random rnd) {
    String[] tokens = line.split(" +");
    int i = rnd.nextInt(tokens.length);
    switch (rnd.nextInt(3)) {
      case 0 -> tokens[i] = ODD[rnd.nextInt(ODD.length)];
      case 1 -> {
        int j = rnd.nextInt(tokens.length);
        String t = tokens[i];
        tokens[i] = tokens[j];
        tokens[j] = t;
      }
      default -> {
        int eq = tokens[i].indexOf('=');
        tokens[i] =
            eq > 0
                ? tokens[i].substring(0, eq + 1) + ODD[rnd.nextInt(ODD.length)]
                : tokens[i] + "x";
      }
    }
    return String.join(" ", tokens);
  }
}
