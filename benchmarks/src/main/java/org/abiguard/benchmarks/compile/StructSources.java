package org.abiguard.benchmarks.compile;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes the annotated types of one synthetic package: its typedef annotations and its
 * {@code @AbiStruct} mirrors.
 *
 * <p>Every struct index {@code i} with {@code i % 5 == 4} is a record, the others are classes with
 * the same core members (so that {@link FlowSources} can read them): {@code domid} (typedef u16),
 * {@code kind} (u8), {@code size} (u16), {@code space} (u32), {@code gpfn} (typedef u64), {@code
 * delta} (s16), {@code offset} (s32), {@code mac} (u8[4], raw bits in {@code byte}) and {@code
 * ports} (u16[3]). Classes with {@code i % 5} in 1..3 nest the previous struct ({@code inner});
 * with 3 they also hold an array of struct 0 ({@code pair}). A seeded random tail adds the rest of
 * the annotation vocabulary: u64, s8, s64, native long, pointer, aligned, raw u32 in {@code int},
 * typedefs, {@code char}, arrays of u32.
 */
final class StructSources {
  /** The typedef annotation types every synthetic package declares: name, bits. */
  static final List<String[]> TYPEDEFS =
      List.of(
          new String[] {"DomId", "16"},
          new String[] {"Pfn", "64"},
          new String[] {"Len", "32"},
          new String[] {"Flags8", "8"});

  private static final String[] TAIL_KINDS = {
    "@U64 public long cookie%d;",
    "@S8 public byte bias%d;",
    "@S64 public long stamp%d;",
    "@NativeLong public long nr%d;",
    "@Pointer public long handle%d;",
    "@AbiAlign(8) @U64 public long aligned%d;",
    "@U32 public int raw%d;",
    "@Len public long len%d;",
    "@Flags8 public int flags%d;",
    "@AbiName(\"c_word%1$d\") @U16 public char word%1$d;",
    "@NativeLong(signed = true) public long snr%d;",
    "@AbiArray(8) @U32 public long[] table%1$d = new long[8];",
  };

  private StructSources() {}

  /** True if struct {@code index} of a package is a record. */
  static boolean isRecord(int index) {
    return index % 5 == 4;
  }

  /** True if struct {@code index} (a class) has the nested {@code inner} member. */
  static boolean hasInner(int index) {
    return index % 5 >= 1 && index % 5 <= 3;
  }

  /** The simple name of struct {@code index}. */
  static String name(int index) {
    return String.format("%s%02d", isRecord(index) ? "Rec" : "Msg", index);
  }

  /** The source of typedef annotation {@code typedef} ({@code {name, bits}}). */
  static String typedef(String pkg, String[] typedef) {
    return SourceBuilder.file(
            pkg,
            "java.lang.annotation.Retention",
            "java.lang.annotation.RetentionPolicy",
            "org.abiguard.AbiWidth")
        .line("/** Synthetic C typedef: a " + typedef[1] + "-bit unsigned integer. */")
        .line("@AbiWidth(" + typedef[1] + ")")
        .line("@Retention(RetentionPolicy.CLASS)")
        .line("public @interface " + typedef[0] + " {}")
        .toString();
  }

  /**
   * The source of struct {@code index} of package {@code pkg} (package number {@code pkgIndex}).
   */
  static String struct(String pkg, int pkgIndex, int index) {
    return isRecord(index) ? record(pkg, pkgIndex, index) : structClass(pkg, pkgIndex, index);
  }

  private static String record(String pkg, int pkgIndex, int index) {
    String cName = String.format("p%03d_r%02d", pkgIndex, index);
    return header(pkg)
        .line("/** Synthetic mirror of C {@code struct " + cName + "}. */")
        .line("@AbiStruct(name = \"" + cName + "\")")
        .line("public record " + name(index) + "(")
        .line(
            "    @DomId int domid, @U16 int size, @U32 long space, @U8 int kind, @S32 int offset) {}")
        .toString();
  }

  private static String structClass(String pkg, int pkgIndex, int index) {
    String cName = String.format("p%03d_s%02d", pkgIndex, index);
    SourceBuilder b = header(pkg);
    b.line("/** Synthetic mirror of C {@code struct " + cName + "}. */");
    if (index % 11 == 10) {
      b.line("@AbiStruct(name = \"" + cName + "_t\", typedef = true)");
    } else if (index % 7 == 6) {
      b.line("@AbiStruct(name = \"" + cName + "\", order = Endian.BIG)");
    } else {
      b.line("@AbiStruct(name = \"" + cName + "\")");
    }
    b.open("public class " + name(index));
    b.line("@DomId public int domid;");
    b.line("@U8 public int kind;");
    b.line("@U16 public int size;");
    b.line("@U32 public long space;");
    b.line("@Pfn public long gpfn;");
    b.line("@S16 public short delta;");
    b.line("@S32 public int offset;");
    b.line("@AbiArray(4) @U8 public byte[] mac = new byte[4];");
    b.line("@AbiArray(3) @U16 public int[] ports = new int[3];");
    if (hasInner(index)) {
      String inner = name(index - 1);
      b.line("@AbiName(\"inner_hdr\") public " + inner + " inner = new " + inner + "();");
    }
    if (index % 5 == 3) {
      String first = name(index - 3);
      b.line(
          "@AbiArray(2) public " + first + "[] pair = {new " + first + "(), new " + first + "()};");
    }
    Random random = new Random(31L * pkgIndex + index);
    int tail = random.nextInt(6);
    for (int k = 0; k < tail; k++) {
      b.line(String.format(TAIL_KINDS[random.nextInt(TAIL_KINDS.length)], k));
    }
    return b.close().toString();
  }

  private static SourceBuilder header(String pkg) {
    String[] imports = {
      "AbiAlign",
      "AbiArray",
      "AbiName",
      "AbiStruct",
      "Endian",
      "NativeLong",
      "Pointer",
      "S16",
      "S32",
      "S64",
      "S8",
      "U16",
      "U32",
      "U64",
      "U8"
    };
    return SourceBuilder.file(
        pkg, Arrays.stream(imports).map(a -> "org.abiguard." + a).toArray(String[]::new));
  }
}
