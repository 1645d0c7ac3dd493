package org.abiguard.processor.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * Known values in, raw bytes out: writes a C program that fills structs through their real C
 * declarations with deterministic sample values and prints, per struct, {@code sizeof}, {@code
 * _Alignof}, each member's {@code offsetof} and {@code sizeof}, and the struct's raw bytes in hex;
 * and reads that output back. Tests compare the C compiler's answers with the layout engine's
 * ({@link #expectedBytes}) and, later, with generated marshallers.
 *
 * <p>Every integer and pointer inside a struct (nested structs and array elements included) is a
 * {@link Leaf}; the {@code k}-th leaf gets {@link #sampleValue(int, Width)}, copied into the C
 * member with {@code memcpy(&v.member, &value, sizeof v.member)} from a native 64-bit integer,
 * which works for integers, pointers, guest handles and unions alike. A C member narrower or wider
 * than its mirror receives fewer or more bytes than the layout engine expects, and the bytes show
 * it. The dumps assume a little-endian host.
 */
public final class StructDump {
  private final Function<String, StructModel> lookup;
  private final LayoutEngine engine;

  /**
   * @param lookup the models of nested structs, by Java name
   */
  public StructDump(Function<String, StructModel> lookup) {
    this.lookup = lookup;
    this.engine = new LayoutEngine(lookup);
  }

  /**
   * One integer or pointer inside a struct.
   *
   * @param path its C designator from the struct, e.g. {@code in.nr_extents} or {@code ins[1].b}
   * @param offset its offset in the struct by the layout engine
   * @param width its C width on the layout's ABI
   * @param pointer whether it is a pointer or guest handle
   */
  public record Leaf(String path, int offset, Width width, boolean pointer) {}

  /** What the C program printed for one struct. */
  public record Dump(
      String javaName, int size, int align, Map<String, Member> members, byte[] bytes) {}

  /** {@code offsetof} and {@code sizeof} of one top-level member. */
  public record Member(int offset, int size) {}

  /** The leaves of a struct in declaration order, depth first. */
  public List<Leaf> leaves(StructLayout layout) {
    List<Leaf> out = new ArrayList<>();
    addLeaves(layout, "", 0, out);
    return out;
  }

  private void addLeaves(StructLayout layout, String prefix, int base, List<Leaf> out) {
    for (FieldLayout f : layout.fields()) {
      String path = prefix + f.field().cName();
      if (f.field().type() instanceof MemberType.ArrayType array) {
        for (int i = 0; i < array.length(); i++) {
          addLeaf(
              layout,
              array.element(),
              f,
              path + indices(array.dims(), i),
              base + f.offset() + i * f.elementSize(),
              out);
        }
      } else {
        addLeaf(layout, f.field().type(), f, path, base + f.offset(), out);
      }
    }
  }

  /**
   * C's indices of the {@code i}-th element, row by row: {@code [1][0]} for 2 of {@code [3][2]}.
   */
  public static String indices(List<Integer> dims, int i) {
    StringBuilder out = new StringBuilder();
    int rest = i;
    int size = dims.stream().reduce(1, (a, b) -> a * b);
    for (int d : dims) {
      size /= d;
      out.append('[').append(rest / size).append(']');
      rest %= size;
    }
    return out.toString();
  }

  private void addLeaf(
      StructLayout outer, MemberType type, FieldLayout f, String path, int offset, List<Leaf> out) {
    if (type instanceof MemberType.StructType nested) {
      StructLayout inner = engine.layout(lookup.apply(nested.javaName()), outer.abi());
      addLeaves(inner, path + ".", offset, out);
    } else {
      out.add(new Leaf(path, offset, f.width(), type instanceof MemberType.PointerType));
    }
  }

  /**
   * The sample value of the {@code k}-th leaf, as the C member holds it: byte {@code i} (from the
   * least significant) is {@code 0x11 * (k + 1) + i}, modulo 256; signed widths are sign-extended,
   * unsigned ones zero-extended ({@code u64} as raw bits).
   */
  public static long sampleValue(int k, Width width) {
    long raw = 0;
    for (int i = 0; i < width.bytes(); i++) {
      raw |= (long) ((0x11 * (k + 1) + i) & 0xFF) << (8 * i);
    }
    if (width.signed() && width.bits() < 64) {
      int shift = 64 - width.bits();
      return raw << shift >> shift;
    }
    return raw;
  }

  /**
   * The struct filled with the sample values, placed by the layout engine, little-endian, padding
   * zero.
   */
  public byte[] expectedBytes(StructLayout layout) {
    byte[] bytes = new byte[layout.size()];
    List<Leaf> leaves = leaves(layout);
    for (int k = 0; k < leaves.size(); k++) {
      Leaf leaf = leaves.get(k);
      long v = sampleValue(k, leaf.width());
      for (int i = 0; i < leaf.width().bytes(); i++) {
        bytes[leaf.offset() + i] = (byte) (v >>> (8 * i));
      }
    }
    return bytes;
  }

  /**
   * A C program that includes {@code header} and, for each struct, fills one with the sample values
   * and prints what {@link #parse} reads.
   *
   * @param layouts the structs' layouts on the ABI the program is built for (for the leaves;
   *     offsets come from the C compiler)
   */
  public String program(String header, List<StructLayout> layouts) {
    StringBuilder c = new StringBuilder();
    c.append("#include <stddef.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n")
        .append("#include \"")
        .append(header)
        .append("\"\n\n")
        .append("static void dump_bytes(const void *p, size_t n) {\n")
        .append("    const unsigned char *b = p;\n")
        .append("    printf(\"bytes \");\n")
        .append("    for (size_t i = 0; i < n; i++) printf(\"%02x\", b[i]);\n")
        .append("    printf(\"\\n\");\n}\n");
    for (int s = 0; s < layouts.size(); s++) {
      StructLayout layout = layouts.get(s);
      String type = layout.struct().cTypeName();
      c.append("\nstatic void dump_")
          .append(s)
          .append("(void) {\n")
          .append("    ")
          .append(type)
          .append(" v;\n")
          .append("    memset(&v, 0, sizeof v);\n");
      List<Leaf> leaves = leaves(layout);
      for (int k = 0; k < leaves.size(); k++) {
        Leaf leaf = leaves.get(k);
        String value =
            "0x" + Long.toHexString(rawBits(sampleValue(k, leaf.width()), leaf.width())) + "ULL";
        c.append("    { unsigned long long t = ")
            .append(value)
            .append("; memcpy(&v.")
            .append(leaf.path())
            .append(", &t, sizeof v.")
            .append(leaf.path())
            .append("); }\n");
      }
      c.append("    printf(\"struct ")
          .append(layout.struct().javaName())
          .append(" %zu %zu\\n\", sizeof(")
          .append(type)
          .append("), _Alignof(")
          .append(type)
          .append("));\n");
      for (FieldLayout f : layout.fields()) {
        String m = f.field().cName();
        c.append("    printf(\"member ")
            .append(m)
            .append(" %zu %zu\\n\", offsetof(")
            .append(type)
            .append(", ")
            .append(m)
            .append("), sizeof v.")
            .append(m)
            .append(");\n");
      }
      c.append("    dump_bytes(&v, sizeof v);\n}\n");
    }
    c.append("\nint main(void) {\n");
    for (int s = 0; s < layouts.size(); s++) {
      c.append("    dump_").append(s).append("();\n");
    }
    return c.append("    return 0;\n}\n").toString();
  }

  private static long rawBits(long value, Width width) {
    return width.bits() == 64 ? value : value & ((1L << width.bits()) - 1);
  }

  /**
   * Builds and runs {@link #program} for {@code abi} against the header resource and returns what C
   * said about each struct. Skips the calling test (JUnit assumption, reason shown) where programs
   * for {@code abi} cannot be built and run on this host.
   *
   * @param headerResource a classpath resource with the C declarations, e.g. {@link
   *     XenMemoryStructs#HEADER}
   * @param dir a scratch directory (a JUnit {@code @TempDir})
   */
  public Map<String, Dump> runInC(
      TargetAbi abi, Path dir, String headerResource, List<StructModel> structs) {
    CHarness.assumeRunnable(abi);
    Path header = CHarness.copyResource(headerResource, dir);
    String source =
        program(
            header.getFileName().toString(),
            structs.stream().map(s -> engine.layout(s, abi)).toList());
    CHarness.Result r = CHarness.buildAndRun(abi, dir, "dump.c", source);
    if (!r.ok()) {
      throw new AssertionError(r.describe() + "\n" + source);
    }
    return parse(r.output());
  }

  /** Reads the program's output: one dump per struct, by Java name, in output order. */
  public static Map<String, Dump> parse(String output) {
    Map<String, Dump> dumps = new LinkedHashMap<>();
    String java = null;
    int size = 0;
    int align = 0;
    Map<String, Member> members = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      String[] w = line.strip().split(" ");
      switch (w[0]) {
        case "struct" -> {
          java = w[1];
          size = Integer.parseInt(w[2]);
          align = Integer.parseInt(w[3]);
          members = new LinkedHashMap<>();
        }
        case "member" ->
            members.put(w[1], new Member(Integer.parseInt(w[2]), Integer.parseInt(w[3])));
        case "bytes" ->
            dumps.put(
                java,
                new Dump(
                    java, size, align, members, HexFormat.of().parseHex(w.length > 1 ? w[1] : "")));
        default ->
            throw new IllegalArgumentException(
                "unexpected line in the C program's output: " + line);
      }
    }
    return dumps;
  }
}
