package org.abiguard.processor.codegen;

import java.util.List;
import org.abiguard.processor.layout.StructLayout;

/**
 * Renders {@code META-INF/abiguard/abi-asserts.h}.
 *
 * <p>PLACEHOLDER during initial development: owned by the layout work.
 */
public final class CAssertsWriter {
  private CAssertsWriter() {}

  /** @param structs per struct (in a stable order), its layouts per ABI in option order */
  public static String render(List<List<StructLayout>> structs) {
    throw new UnsupportedOperationException("C assertions not built yet");
  }
}
