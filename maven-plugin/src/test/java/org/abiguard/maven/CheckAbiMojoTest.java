package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-abi's words for a baseline it cannot read: what is wrong and what to do, no class names.
 */
class CheckAbiMojoTest {
  @TempDir Path dir;

  @Test
  void aMissingBaselineFileSaysSo() {
    Path missing = dir.resolve("nonexist.json");
    assertEquals(
        Optional.of(
            "abiguard check-abi: the baselineFile "
                + missing
                + " does not exist: name the previous release's jar, or its"
                + " META-INF/abiguard/abi-manifest.json (or leave baselineFile out to compare with"
                + " the previous release in the repositories)"),
        CheckAbiMojo.unusableBaselineFile(missing));
  }

  @Test
  void aDirectoryIsNoBaselineFile() {
    assertEquals(
        Optional.of(
            "abiguard check-abi: the baselineFile "
                + dir
                + " is not a file: name the previous release's jar, or its"
                + " META-INF/abiguard/abi-manifest.json (or leave baselineFile out to compare with"
                + " the previous release in the repositories)"),
        CheckAbiMojo.unusableBaselineFile(dir));
  }

  @Test
  void aFileIsUsable() throws IOException {
    Path manifest = Files.writeString(dir.resolve("abi-manifest.json"), "{}");
    assertEquals(Optional.empty(), CheckAbiMojo.unusableBaselineFile(manifest));
  }

  @Test
  void ioFailuresAreWordsNotClassNames() {
    assertEquals("no such file", CheckAbiMojo.why(new NoSuchFileException("/x")));
    assertEquals("permission denied", CheckAbiMojo.why(new AccessDeniedException("/x")));
    assertEquals("disk full", CheckAbiMojo.why(new IOException("disk full")));
  }
}
