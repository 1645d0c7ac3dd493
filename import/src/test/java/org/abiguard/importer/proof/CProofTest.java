package org.abiguard.importer.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.abiguard.importer.Abi;
import org.abiguard.importer.cc.Toolchain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C side of the proof: a failing assertion is charged to the mirror whose block holds it. */
class CProofTest {
  static final String ASSERTS =
      """
      #ifndef ABIGUARD_ABI_ASSERTS_H
      #define ABIGUARD_ABI_ASSERTS_H
      #include <stddef.h>

      /* p.Good mirrors struct good */
      #if defined(__x86_64__)
      _Static_assert(sizeof(struct good) == 8, "p.Good: sizeof(struct good) must be 8 (x86_64)");
      #endif

      /* p.Bad mirrors struct bad */
      #if defined(__x86_64__)
      _Static_assert(sizeof(struct bad) == 4, "p.Bad: sizeof(struct bad) must be 4 (x86_64)");
      _Static_assert(offsetof(struct bad, b) == 2, "p.Bad.b: offsetof(struct bad, b) must be 2 (x86_64)");
      #endif

      #endif /* ABIGUARD_ABI_ASSERTS_H */
      """;

  @TempDir Path dir;

  @Test
  void aFailingAssertionLeavesOutItsMirrorOnly() throws Exception {
    Path header = dir.resolve("real.h");
    Files.writeString(header, "struct good { int a; int b; };\nstruct bad { char a; int b; };\n");
    Path asserts = dir.resolve("abi-asserts.h");
    Files.writeString(asserts, ASSERTS);
    Toolchain tc =
        new Toolchain(
            Abi.X86_64, List.of("gcc"), List.of(), List.of(), List.of(header.toString()), dir);
    try {
      tc.check();
    } catch (Toolchain.CompilerFailure e) {
      assumeTrue(false, "skipped: " + e.getMessage());
    }
    CProof.Result r = CProof.asserts(tc, asserts);
    assertEquals(Set.of("p.Bad"), r.byMirror().keySet());
    assertEquals(List.of(), r.other());
    List<String> bad = r.byMirror().get("p.Bad");
    assertEquals(2, bad.size(), bad.toString());
    assertTrue(
        bad.get(0)
            .startsWith(
                "x86_64 (gcc): static assertion failed: \"p.Bad: sizeof(struct bad) must be 4"),
        bad.get(0));

    Files.writeString(asserts, CProof.keepOnly(ASSERTS, Set.of("p.Good")));
    assertTrue(CProof.asserts(tc, asserts).ok(), "without p.Bad's block the rest is proven");
  }

  @Test
  void keepOnlyDropsTheBlocksOfOtherMirrorsAndKeepsNestedOnesWithTheirOwner() {
    String kept =
        CProof.keepOnly(
            ASSERTS + "\n/* p.Good.Inner mirrors union inner */\n#if 1\n#endif\n",
            Set.of("p.Good"));
    assertTrue(kept.contains("/* p.Good mirrors struct good */"));
    assertTrue(kept.contains("/* p.Good.Inner mirrors union inner */"));
    assertTrue(!kept.contains("p.Bad"));
    assertTrue(kept.contains("#endif /* ABIGUARD_ABI_ASSERTS_H */"));
  }

  @Test
  void theMirrorOfALine() {
    List<String> lines = List.of(ASSERTS.split("\n"));
    assertEquals("p.Bad", CProof.mirrorAt(lines, 13));
    assertEquals("p.Good", CProof.mirrorAt(lines, 7));
    assertEquals(null, CProof.mirrorAt(lines, 2));
  }
}
