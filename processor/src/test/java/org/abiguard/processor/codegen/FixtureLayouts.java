package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;

/**
 * Layouts of fixture structs by the real {@link LayoutEngine}. Tests that rely on particular
 * offsets pin them as literals, and the C tests compare the generated code with gcc.
 */
final class FixtureLayouts {
  private final LayoutEngine engine;

  /**
   * @param structs every fixture struct of the compilation, by Java name
   */
  FixtureLayouts(Map<String, StructModel> structs) {
    this.engine = new LayoutEngine(structs::get);
  }

  StructLayout layout(StructModel struct, TargetAbi abi) {
    return engine.layout(struct, abi);
  }

  /** The layouts on each ABI, in order. */
  List<StructLayout> layouts(StructModel struct, List<TargetAbi> abis) {
    List<StructLayout> layouts = new ArrayList<>();
    for (TargetAbi abi : abis) {
      layouts.add(layout(struct, abi));
    }
    return layouts;
  }
}
