package org.abiguard.processor.layout;

import java.util.function.Function;
import org.abiguard.processor.model.StructModel;

/**
 * Applies the C layout rules of a target ABI to a struct model. Plain Java, no javac.
 *
 * <p>PLACEHOLDER during initial development: owned by the layout work.
 */
public final class LayoutEngine {
  /** @param lookup canonical Java name of an {@code @AbiStruct} type → its model, or null if unknown */
  public LayoutEngine(Function<String, StructModel> lookup) {}

  /**
   * The struct's layout on {@code abi}.
   *
   * @throws LayoutException when it cannot be laid out (unknown nested struct, nesting cycle,
   *     alignment not a power of two, size overflow)
   */
  public StructLayout layout(StructModel struct, TargetAbi abi) {
    throw new LayoutException("layout engine not built yet");
  }
}
