package org.abiguard.processor.manifest;

import java.util.List;
import org.abiguard.processor.layout.StructLayout;

/**
 * Compares this compilation's layouts with a baseline manifest from an earlier release.
 *
 * <p>PLACEHOLDER during initial development: owned by the layout work.
 */
public final class BaselineChecker {
  private BaselineChecker() {}

  /**
   * @param baselineJson the baseline manifest's text
   * @param structs per struct, its layouts per ABI in option order
   * @throws IllegalArgumentException when the baseline is not a valid manifest (message says where)
   */
  public static List<AbiBreak> compare(String baselineJson, List<List<StructLayout>> structs) {
    throw new UnsupportedOperationException("baseline check not built yet");
  }
}
