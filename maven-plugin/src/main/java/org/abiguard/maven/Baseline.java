package org.abiguard.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A baseline to compare with: what it is called in messages, and its manifest's text (absent when
 * the baseline has none, e.g. a release from before abiguard).
 *
 * @param label e.g. {@code org.example:hv-api:1.0}
 * @param since how messages name it after "since", e.g. {@code 1.0}
 */
record Baseline(String label, String since, Optional<String> manifest) {
  static final String MANIFEST = "META-INF/abiguard/abi-manifest.json";

  /**
   * The baseline in {@code file}: a jar (its {@code META-INF/abiguard/abi-manifest.json}) or a
   * manifest itself.
   */
  static Baseline of(Path file, String label, String since) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is not a file");
    }
    if (!isZip(file)) {
      return new Baseline(
          label, since, Optional.of(Files.readString(file, StandardCharsets.UTF_8)));
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(MANIFEST);
      if (entry == null) {
        return new Baseline(label, since, Optional.empty());
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new Baseline(
            label, since, Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
  }

  /**
   * This baseline, when it has a manifest; a baseline the build named ({@code baselineFile} or
   * {@code baselineVersion}) must have one, since comparing with nothing would pass any change.
   * (The previous release found on its own may have none: it predates abiguard.)
   *
   * @param namedBy how the build named it, for the message: {@code baselineFile}
   * @throws ConfigurationException when it has no manifest
   */
  Baseline requireManifest(String namedBy) throws ConfigurationException {
    if (manifest.isPresent()) {
      return this;
    }
    throw new ConfigurationException(
        "abiguard check-abi: the "
            + namedBy
            + " "
            + label
            + " has no "
            + MANIFEST
            + ", so there is nothing to compare this build with: name a jar built with"
            + " abiguard-processor in the compiler's annotationProcessorPaths (or its "
            + MANIFEST
            + " itself), or, to compare with no release, remove "
            + namedBy);
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }
}
