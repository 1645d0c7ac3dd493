package org.abiguard.importer;

import static org.abiguard.importer.TestHeaderImports.assumeCompilers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typedef that raises its type's alignment ({@code typedef uint64_t u64a_t
 * __attribute__((aligned(8)))}) makes its members {@code @AbiAlign(8)}: the typedef's own {@code
 * _Alignof} is 8 like the member's, which hid the raise, so the mirror was disproved on i386 (where
 * {@code uint64_t} is aligned to 4) and left out. Found by an outside audit.
 */
class AlignedTypedefImportTest {
  @TempDir Path out;

  @Test
  void membersOfAnAlignedTypedefAreAlignedAndProven() throws Exception {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    assumeCompilers(abis);
    ImportResult r =
        TestHeaderImports.run(out, "aligned_typedef.h", abis, false, new RecordingLog());
    assertNull(r.problem());
    assertEquals(List.of(), r.leftOut());
    assertEquals(List.of("struct with_aligned_typedefs"), r.proven());
    String mirror = Files.readString(out.resolve("p/WithAlignedTypedefs.java"));
    assertTrue(mirror.contains("@AbiAlign(8) @U64aT public long b;"), mirror);
    assertTrue(mirror.contains("@AbiAlign(8) @U64aAgainT public long d;"), mirror);
    assertTrue(mirror.contains("@U32 public long c;"), mirror);
    assertTrue(mirror.contains("@AbiAlign(8) @U64aT @AbiArray(2) public long[] g"), mirror);
  }

  /**
   * The same for a typedef of a tagged struct ({@code typedef struct frame_ref frame_ref_a8
   * __attribute__((aligned(8)))}): its member is {@code @AbiAlign(8)}, the struct's own mirror and
   * its plain members are not. It was disproved on every ABI and left out before.
   */
  @Test
  void membersOfAnAlignedStructTypedefAreAlignedAndProven() throws Exception {
    List<String> abis = List.of("x86_64", "i386", "aarch64");
    assumeCompilers(abis);
    ImportResult r =
        TestHeaderImports.run(out, "aligned_struct_typedef.h", abis, false, new RecordingLog());
    assertNull(r.problem());
    assertEquals(List.of(), r.leftOut());
    assertEquals(
        List.of("struct frame_ref", "struct with_aligned_struct_typedef"),
        r.proven().stream().sorted().toList());
    String mirror = Files.readString(out.resolve("p/WithAlignedStructTypedef.java"));
    assertTrue(mirror.contains("@AbiAlign(8) public FrameRef ref = new FrameRef();"), mirror);
    assertTrue(mirror.contains("public FrameRef plain = new FrameRef();"), mirror);
    assertFalse(mirror.contains("@AbiAlign(8) public FrameRef plain"), mirror);
  }
}
