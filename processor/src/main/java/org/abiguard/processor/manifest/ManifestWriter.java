package org.abiguard.processor.manifest;

import java.util.List;
import org.abiguard.processor.layout.StructLayout;

/**
 * Renders {@code META-INF/abiguard/abi-manifest.json}.
 *
 * <p>PLACEHOLDER during initial development: owned by the layout work.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  /** @param structs per struct (in a stable order), its layouts per ABI in option order */
  public static String render(List<List<StructLayout>> structs) {
    throw new UnsupportedOperationException("manifest not built yet");
  }
}
