package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-abi's comparison and its baselines, on manifests written by the real processor. */
class AbiCheckTest {
  @TempDir Path dir;

  private String manifest(String name, String fields) throws IOException {
    Path classes =
        Mirrors.compile(
            dir.resolve(name),
            "x86_64,i386",
            Map.of(
                "p/S.java",
                """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "s")
        public class S {
        %s}
        """
                    .formatted(fields)));
    return Files.readString(classes.resolve(Baseline.MANIFEST));
  }

  private static final String V1 = "  @U32 public long a;\n  @U8 public int b;\n";

  @Test
  void movedMemberIsAnErrorNamingMirrorMemberAbisAndOffsets() throws Exception {
    String old = manifest("old", V1);
    String now =
        manifest("new", "  @U32 public long a;\n  @U16 public int x;\n  @U8 public int b;\n");
    RecordingLog log = new RecordingLog();
    AbiCheck.Result result =
        AbiCheck.run(now, new Baseline("g:a:1.0", "1.0", Optional.of(old)), true, log);
    assertTrue(result.failed());
    assertEquals(
        List.of(
            "[abiguard:abi-break] p.S.b: field s.b moved from offset 4 to 6 on x86_64 and i386 since 1.0"),
        log.errors);
    // 'x' moved 'b': it is part of the break, not a compatible addition
    assertEquals(List.of(), log.infos);
  }

  @Test
  void breaksAreWarningsWhenTheyDoNotFailTheBuild() throws Exception {
    String old = manifest("old", V1);
    String now = manifest("new", "  @U16 public int a;\n  @U8 public int b;\n");
    RecordingLog log = new RecordingLog();
    AbiCheck.Result result =
        AbiCheck.run(now, new Baseline("g:a:1.0", "1.0", Optional.of(old)), false, log);
    assertTrue(result.failed());
    assertEquals(List.of(), log.errors);
    assertEquals(3, log.warnings.size(), log.toString());
  }

  @Test
  void sameLayoutsPass() throws Exception {
    String old = manifest("old", V1);
    RecordingLog log = new RecordingLog();
    AbiCheck.Result result =
        AbiCheck.run(old, new Baseline("g:a:1.0", "1.0", Optional.of(old)), true, log);
    assertFalse(result.failed());
    assertEquals(
        List.of("abiguard check-abi: 1 mirror compatible with g:a:1.0 (1 in it)"), log.infos);
  }

  @Test
  void aRenamedMirrorIsACompatibleChangeNamedTheRightWayRound() throws Exception {
    String old = manifest("old", V1);
    String now = old.replace("\"p.S\"", "\"p.Renamed\"");
    RecordingLog log = new RecordingLog();
    AbiCheck.Result result =
        AbiCheck.run(now, new Baseline("g:a:1.0", "1.0", Optional.of(old)), true, log);
    assertFalse(result.failed());
    assertEquals(
        List.of(
            "[abiguard:abi-break] compatible: struct s (p.Renamed) is no longer mirrored by p.S since"
                + " 1.0",
            "abiguard check-abi: 1 mirror compatible with g:a:1.0 (1 in it; 1 compatible change)"),
        log.infos);
  }

  @Test
  void aMemberRenamedInCIsACompatibleChange() throws Exception {
    String old = manifest("old", V1);
    String now =
        manifest("new", "  @U32 public long a;\n  @U8 @AbiName(\"flags\") public int b;\n");
    RecordingLog log = new RecordingLog();
    AbiCheck.Result result =
        AbiCheck.run(now, new Baseline("g:a:1.0", "1.0", Optional.of(old)), true, log);
    assertFalse(result.failed());
    assertEquals(List.of(), log.errors);
    assertEquals(
        List.of(
            "[abiguard:abi-break] compatible: field s.b (p.S.b) was renamed to flags, at the same"
                + " offset with the same type on x86_64 and i386 since 1.0",
            "abiguard check-abi: 1 mirror compatible with g:a:1.0 (1 in it; 1 compatible change)"),
        log.infos);
  }

  @Test
  void aBaselineWithoutManifestIsANotice() throws Exception {
    RecordingLog log = new RecordingLog();
    assertFalse(
        AbiCheck.run(null, new Baseline("g:a:0.9", "0.9", Optional.empty()), true, log).failed());
    assertEquals(
        List.of(
            "abiguard check-abi: g:a:0.9 has no META-INF/abiguard/abi-manifest.json (it predates"
                + " abiguard or has no mirror): nothing to compare"),
        log.infos);
  }

  @Test
  void aBuildWithoutManifestLosesEveryMirror() throws Exception {
    String old = manifest("old", V1);
    RecordingLog log = new RecordingLog();
    assertTrue(
        AbiCheck.run(null, new Baseline("g:a:1.0", "1.0", Optional.of(old)), true, log).failed());
    assertEquals(
        List.of("[abiguard:abi-break] p.S: struct s (p.S) was removed since 1.0"), log.errors);
    assertEquals(1, log.warnings.size());
  }

  @Test
  void anInvalidBaselineSaysWhere() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                AbiCheck.run(
                    "{\"format\": 1}",
                    new Baseline("g:a:1.0", "1.0", Optional.of("{\"format\": 2, \"structs\": []}")),
                    true,
                    new RecordingLog()));
    assertEquals(
        "abiguard check-abi: the manifest of g:a:1.0 is not a valid abiguard manifest: line 1, column 12:"
            + " manifest format 2 is not supported; this abiguard reads format 1",
        e.getMessage());
  }

  @Test
  void baselineFromAJarOrAManifestFile() throws Exception {
    String json = manifest("old", V1);
    Path jar = dir.resolve("lib-1.0.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("p/S.class"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(Baseline.MANIFEST));
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertEquals(Optional.of(json), Baseline.of(jar, "g:lib:1.0", "1.0").manifest());
    Path file = dir.resolve("abi-manifest.json");
    Files.writeString(file, json);
    assertEquals(
        Optional.of(json), Baseline.of(file, "abi-manifest.json", "abi-manifest.json").manifest());
    Path empty = dir.resolve("empty.jar");
    try (OutputStream out = Files.newOutputStream(empty);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("p/S.class"));
      zip.closeEntry();
    }
    assertEquals(Optional.empty(), Baseline.of(empty, "g:lib:0.9", "0.9").manifest());
    assertThrows(IOException.class, () -> Baseline.of(dir.resolve("missing.jar"), "x", "x"));
  }

  @Test
  void aNamedBaselineWithoutManifestFails() throws Exception {
    String json = manifest("old", V1);
    Path empty = dir.resolve("empty.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
      zip.putNextEntry(new ZipEntry("p/S.class"));
      zip.closeEntry();
    }
    Baseline none = Baseline.of(empty, empty.toString(), "empty.jar");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> none.requireManifest("baselineFile"));
    assertEquals(
        "abiguard check-abi: the baselineFile "
            + empty
            + " has no META-INF/abiguard/abi-manifest.json, so there is nothing to compare this"
            + " build with: name a jar built with abiguard-processor in the compiler's"
            + " annotationProcessorPaths (or its META-INF/abiguard/abi-manifest.json itself), or,"
            + " to compare with no release, remove baselineFile",
        e.getMessage());
    // one with a manifest is itself
    Baseline some = new Baseline("g:a:1.0", "1.0", Optional.of(json));
    assertEquals(some, some.requireManifest("baselineVersion"));
  }
}
