package org.abiguard.processor.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.processor.codegen.AbiCheckWriter;
import org.abiguard.processor.codegen.CAssertsWriter;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.CHarness;
import org.abiguard.processor.testing.RandomCTypes;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random structs and unions with every 0.2 feature (bit-fields, unions, anonymous members, flexible
 * arrays, packing, big-endian), laid out by the engine and proven by the real compilers: {@code
 * abi-asserts.h} must compile after the C declarations (size, alignment, every member's offset and
 * size), and {@code abi-check.c} must build, run and report no bit-field mismatch (x86_64 and i386
 * natively, aarch64 under qemu-aarch64; where aarch64 programs cannot run, the assertions are still
 * compiled).
 *
 * <p>The number of types is {@code -Dabiguard.fuzz.types} (default 400 top-level types per ABI,
 * plus what they nest); the seed {@code -Dabiguard.fuzz.seed}. Each run prints its figures.
 */
class RandomLayoutsMatchGccTest {
  private static final int TYPES = Integer.getInteger("abiguard.fuzz.types", 400);
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261129L);

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void randomLayoutsMatchGcc(TargetAbi abi, @TempDir Path dir) {
    CHarness.assumeCompiler(abi);
    RandomCTypes.Family family = new RandomCTypes(SEED + abi.ordinal(), "f").generate(TYPES);
    LayoutEngine engine = new LayoutEngine(family.lookup());
    List<List<StructLayout>> layouts = new ArrayList<>();
    for (StructModel m : family.models()) {
      layouts.add(List.of(engine.layout(m, abi)));
    }
    Path header = CHarness.write(dir, "types.h", family.header());
    String asserts = CAssertsWriter.render(layouts);
    // gnu11 without -pedantic-errors: the declarations use gcc attributes, pragmas and members
    // gcc only warns about (an anonymous struct of unnamed bit-fields, type punning across orders)
    Path assertsFile = CHarness.write(dir, "abi-asserts.h", asserts);
    List<String> command = new ArrayList<>(CHarness.compiler(abi));
    command.addAll(
        List.of(
            "-std=gnu11",
            "-fsyntax-only",
            "-include",
            header.toString(),
            "-include",
            assertsFile.toString(),
            "-x",
            "c",
            "/dev/null"));
    CHarness.Result compiled = CHarness.run(dir, command);
    assertTrue(compiled.ok(), () -> errorLines(compiled.output(), 40));

    Optional<String> cannotRun = CHarness.emulatedRunProblem(abi);
    String checks = "not run (" + cannotRun.orElse("") + ")";
    if (cannotRun.isEmpty()) {
      CHarness.Result ran =
          CHarness.buildAndRunEmulated(
              abi,
              dir,
              "abi-check.c",
              AbiCheckWriter.render(layouts),
              List.of("-include", header.toString()));
      assertEquals(0, ran.exitCode(), () -> firstLines(ran.describe(), 40));
      Matcher m =
          Pattern.compile(
                  "abi-check: (\\d+) bit-field checks?, (\\d+) signedness checks?, 0 mismatches")
              .matcher(ran.output());
      assertTrue(m.find(), ran::describe);
      checks =
          m.group(1)
              + " bit-field value checks and "
              + m.group(2)
              + " signedness checks run, 0 mismatches";
    }
    System.out.println(
        "[fuzz "
            + abi.manifestName()
            + "] "
            + figures(family.models(), asserts)
            + "; abi-check.c: "
            + checks);
  }

  /** What was compared, per feature. */
  static String figures(List<StructModel> models, String asserts) {
    Map<String, Integer> n = new TreeMap<>();
    Function<String, StructModel> byName = StructBuilder.lookup(models);
    LayoutEngine engine = new LayoutEngine(byName);
    for (StructModel m : models) {
      n.merge(m.union() ? "unions" : "structs", 1, Integer::sum);
      n.merge(m.pack() == 1 ? "packed" : m.pack() > 1 ? "pragma-pack" : "natural", 1, Integer::sum);
      if (m.order() == Order.BIG) {
        n.merge("big-endian", 1, Integer::sum);
      }
      if (m.fields().isEmpty()) {
        n.merge("empty", 1, Integer::sum);
      }
      if (m.fields().size() == 1 && m.fields().get(0).flexible()) {
        n.merge("flexible arrays alone", 1, Integer::sum);
      }
      for (FieldModel f : m.fields()) {
        n.merge("members", 1, Integer::sum);
        if (f.isBitField()) {
          n.merge(
              f.bitWidth() == 0
                  ? "bit-fields zero-width"
                  : f.unnamed() ? "bit-fields unnamed" : "bit-fields named",
              1,
              Integer::sum);
        }
        if (f.anonymous()) {
          n.merge("anonymous members", 1, Integer::sum);
        }
        if (f.type() instanceof org.abiguard.processor.model.MemberType.StructType st
            && !f.anonymous()
            && models.stream().anyMatch(o -> o.javaName().equals(st.javaName()) && o.untagged())) {
          n.merge("members of untagged type", 1, Integer::sum);
        }
        org.abiguard.processor.model.MemberType nestedType =
            f.type() instanceof org.abiguard.processor.model.MemberType.ArrayType a
                ? a.element()
                : f.type();
        if (nestedType instanceof org.abiguard.processor.model.MemberType.StructType st) {
          StructModel nested = byName.apply(st.javaName());
          if (nested != null && engine.layout(nested, TargetAbi.X86_64).endsFlexible()) {
            String where =
                f.type() instanceof org.abiguard.processor.model.MemberType.ArrayType
                    ? "flexible ends as elements"
                    : m.union()
                        ? "flexible ends in unions"
                        : m.tailMembers().contains(f)
                            ? "flexible ends last"
                            : "flexible ends before others";
            n.merge(where, 1, Integer::sum);
          }
        }
        if (f.flexible()) {
          n.merge(
              ((org.abiguard.processor.model.MemberType.ArrayType) f.type()).dims().size() > 1
                  ? "flexible arrays of arrays"
                  : "flexible arrays",
              1,
              Integer::sum);
        } else if (f.type() instanceof org.abiguard.processor.model.MemberType.ArrayType a) {
          n.merge(
              a.dims().size() > 1
                  ? "arrays of arrays"
                  : a.length() == 0 ? "zero-length arrays" : "arrays",
              1,
              Integer::sum);
        }
        if (f.alignAtLeast() > 0) {
          n.merge("aligned members", 1, Integer::sum);
        }
        org.abiguard.processor.model.MemberType scalar =
            f.type() instanceof org.abiguard.processor.model.MemberType.ArrayType a
                ? a.element()
                : f.type();
        if (scalar instanceof org.abiguard.processor.model.MemberType.FloatType floating) {
          n.merge(floating.bits() == 32 ? "floats" : "doubles", 1, Integer::sum);
        }
      }
    }
    int assertions = asserts.split("_Static_assert\\(", -1).length - 1;
    return "types " + models.size() + " " + n + ", " + assertions + " static assertions";
  }

  /** The compiler's error lines (its warnings about the declarations themselves left out). */
  private static String errorLines(String output, int lines) {
    return String.join("\n", output.lines().filter(l -> l.contains("error")).limit(lines).toList());
  }

  private static String firstLines(String s, int lines) {
    String[] all = s.split("\n");
    return String.join("\n", java.util.Arrays.copyOf(all, Math.min(lines, all.length)));
  }
}
