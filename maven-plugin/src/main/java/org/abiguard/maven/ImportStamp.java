package org.abiguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Whether an import is up to date: a SHA-256 over the import's options and the content of every
 * file its headers read, kept with the list of files the import wrote. The import is up to date
 * when the fingerprint is the same and every file it wrote is still there.
 */
final class ImportStamp {
  private static final String FINGERPRINT = "fingerprint ";
  private static final String FILE = "file ";

  private ImportStamp() {}

  /** The fingerprint of {@code options} (one line each) and the files' paths and contents. */
  static String fingerprint(List<String> options, List<Path> inputs) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String option : options) {
      update(sha, "option " + option);
    }
    for (Path input : inputs) {
      update(sha, "file " + input);
      byte[] content = Files.readAllBytes(input);
      update(sha, "size " + content.length);
      sha.update(content);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String line) {
    sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code stamp} holds {@code fingerprint} and every file it lists exists. */
  static boolean upToDate(Path stamp, String fingerprint) throws IOException {
    if (!Files.isRegularFile(stamp)) {
      return false;
    }
    List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(FINGERPRINT + fingerprint)) {
      return false;
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith(FILE) && !Files.isRegularFile(Path.of(line.substring(FILE.length())))) {
        return false;
      }
    }
    return true;
  }

  static void write(Path stamp, String fingerprint, List<Path> written) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(FINGERPRINT + fingerprint);
    for (Path p : written) {
      lines.add(FILE + p.toAbsolutePath().normalize());
    }
    Files.createDirectories(stamp.getParent());
    Files.write(stamp, lines, StandardCharsets.UTF_8);
  }

  static void delete(Path stamp) throws IOException {
    Files.deleteIfExists(stamp);
  }
}
