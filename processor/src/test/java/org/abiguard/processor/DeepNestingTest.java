package org.abiguard.processor;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.StandardLocation;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.Test;

/**
 * A chain of 1,000 nested structs (issue 8, item 15): no recursion depth limits a correct input.
 * The layout engine and the nesting check work from explicit work lists; before, this overflowed
 * the Java stack ("An annotation processor threw an uncaught exception").
 */
class DeepNestingTest {
  private static final int DEPTH = 1000;

  @Test
  void aThousandNestedStructsCompileWithoutDiagnostics() {
    StringBuilder text =
        new StringBuilder("package p;\n\nimport org.abiguard.*;\n\npublic final class Chain {\n");
    for (int i = 0; i < DEPTH; i++) {
      text.append("  @AbiStruct(name = \"s")
          .append(i)
          .append("\")\n  static class S")
          .append(i)
          .append(" {\n")
          .append("    @U8 int tag;\n");
      if (i + 1 < DEPTH) {
        text.append("    S").append(i + 1).append(" next;\n");
      }
      text.append("  }\n");
    }
    text.append("}\n");
    Source s = Source.of("p.Chain", text.toString());
    Compilation c = javac(s);
    assertExactly(c);
    String asserts =
        c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/abiguard/abi-asserts.h")
            .orElseThrow()
            .toUri()
            .toString();
    assertTrue(asserts.endsWith("abi-asserts.h"));
    // S0 holds 1,000 one-byte tags: sizeof(struct s0) == 1000 on x86_64
    assertTrue(c.generatedSourceFile("p.Chain_S0Marshaller").isPresent());
  }

  /** The engine alone, 100,000 levels deep: far beyond any Java stack for a recursive walk. */
  @Test
  void layoutEngineHasNoDepthLimit() {
    int depth = 100_000;
    List<StructModel> models = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      StructBuilder b = StructBuilder.struct("p.S" + i, "s" + i).field("tag", StructBuilder.u8());
      if (i + 1 < depth) {
        b.field("next", StructBuilder.struct("p.S" + (i + 1)));
      }
      models.add(b.build());
    }
    LayoutEngine engine = new LayoutEngine(StructBuilder.lookup(models));
    assertEquals(depth, engine.layout(models.get(0), TargetAbi.X86_64).size());
  }
}
