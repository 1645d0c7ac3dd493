package org.abiguard.processor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;

/**
 * Lays out fixtures the way the processor does: per struct, its layouts per ABI in option order.
 */
public final class Layouts {
  private Layouts() {}

  public static List<List<StructLayout>> of(
      List<StructModel> structs, Function<String, StructModel> lookup, List<TargetAbi> abis) {
    LayoutEngine engine = new LayoutEngine(lookup);
    List<List<StructLayout>> all = new ArrayList<>();
    for (StructModel s : structs) {
      all.add(abis.stream().map(abi -> engine.layout(s, abi)).toList());
    }
    return all;
  }

  /** One struct on one ABI. */
  public static StructLayout of(
      StructModel struct, Function<String, StructModel> lookup, TargetAbi abi) {
    return new LayoutEngine(lookup).layout(struct, abi);
  }

  /** Every ABI, in declaration order (x86_64, i386, aarch64). */
  public static final List<TargetAbi> ALL_ABIS = List.of(TargetAbi.values());
}
