package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A struct with 4,000 members of every kind: one {@code read}, {@code check} or {@code write}
 * method would pass the JVM's 64 KiB limit ("code too large"), so the generator splits them; the
 * marshaller compiles warning-free and round-trips on each ABI.
 */
class ManyMembersTest {
  private static final int MEMBERS = 4000;
  private static Compilation compilation;

  /**
   * Member {@code i}: a u16, a u32, an s8, a native long, an array of u16, a nested struct, in
   * turn.
   */
  private static String member(int i) {
    return switch (i % 6) {
      case 0 -> "@U16 public int m" + i + ";";
      case 1 -> "@U32 public long m" + i + ";";
      case 2 -> "@S8 public byte m" + i + ";";
      case 3 -> "@NativeLong public long m" + i + ";";
      case 4 -> "@AbiArray(2) @U16 public int[] m" + i + " = new int[2];";
      default -> "public Pair m" + i + " = new Pair();";
    };
  }

  /** The value member {@code i} is filled with, as code. */
  private static String fill(int i) {
    return switch (i % 6) {
      case 0 -> "w.m" + i + " = " + (i & 0xFFFF) + ";";
      case 1 -> "w.m" + i + " = " + (0xFFFF_0000L + i) + "L;";
      case 2 -> "w.m" + i + " = (byte) " + (i % 128 - 64) + ";";
      case 3 -> "w.m" + i + " = " + i + "L;";
      case 4 -> "w.m" + i + " = new int[] {" + i % 0xFFFF + ", 7};";
      default -> "w.m" + i + ".a = " + (i & 0xFF) + ";";
    };
  }

  @BeforeAll
  static void compile() {
    StringBuilder wide =
        new StringBuilder(
            "package p;\n\nimport org.abiguard.*;\n\n@AbiStruct(name = \"wide\")\n"
                + "public class Wide {\n");
    StringBuilder fill = new StringBuilder();
    StringBuilder compare = new StringBuilder();
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < MEMBERS; i++) {
      if (i % 500 == 0) {
        String close = i == 0 ? "" : "    return \"none\";\n  }\n";
        fill.append(i == 0 ? "" : "  }\n")
            .append("  static void fill")
            .append(i / 500)
            .append("(Wide w) {\n");
        compare
            .append(close)
            .append("  static String compare")
            .append(i / 500)
            .append("(Wide a, Wide b) {\n");
        parts.append("    fill").append(i / 500).append("(w);\n");
      }
      wide.append("  ").append(member(i)).append('\n');
      fill.append("    ").append(fill(i)).append('\n');
      String m = "m" + i;
      compare
          .append("    if (")
          .append(
              i % 6 == 4
                  ? "!java.util.Arrays.equals(a." + m + ", b." + m + ")"
                  : i % 6 == 5 ? "a." + m + ".a != b." + m + ".a" : "a." + m + " != b." + m)
          .append(") { return \"")
          .append(m)
          .append("\"; }\n");
    }
    wide.append("}\n");
    fill.append("  }\n");
    compare.append("    return \"none\";\n  }\n");
    StringBuilder firstDifference = new StringBuilder();
    for (int part = 0; part * 500 < MEMBERS; part++) {
      firstDifference
          .append("    if (!compare")
          .append(part)
          .append("(a, b).equals(\"none\")) { return compare")
          .append(part)
          .append("(a, b); }\n");
    }
    // filling and comparing 4,000 members takes many methods too
    String values =
        """
        package p;

        public final class Values {
          private Values() {}

          public static Wide filled() {
            Wide w = new Wide();
        %s    return w;
          }

          public static String firstDifference(Wide a, Wide b) {
        %s    return "none";
          }

        %s
        %s}
        """
            .formatted(parts, firstDifference, fill, compare);
    // under JDK 22+ with --release 22, so that LAYOUT and the MemorySegment methods are split too
    List<String> options =
        Runtime.version().feature() >= 22
            ? List.of("--release", "22", "-Aabiguard.abis=x86_64,i386", "-Werror")
            : List.of("-Aabiguard.abis=x86_64,i386", "-Werror");
    compilation =
        Compile.javac(
            options,
            Source.of("p.Wide", wide.toString()),
            Source.of(
                "p.Pair",
                "package p;\n\nimport org.abiguard.*;\n\n@AbiStruct(name = \"pair\")\n"
                    + "public class Pair {\n  @U8 public int a;\n  @U16 public int b;\n}\n"),
            Source.of("p.Values", values));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theGeneratedMethodsAreSplitAndTheMarshallerRoundTripsOnEachAbi() throws Exception {
    ClassLoader loader = CompiledClasses.loader(compilation);
    Class<?> values = loader.loadClass("p.Values");
    Class<?> wide = loader.loadClass("p.Wide");
    Object filled = values.getMethod("filled").invoke(null);
    Class<?> marshaller = loader.loadClass("p.WideMarshaller");
    for (String abi : new String[] {"x86_64", "i386"}) {
      @SuppressWarnings("unchecked")
      org.abiguard.AbiCodec<Object> codec =
          (org.abiguard.AbiCodec<Object>)
              marshaller.getMethod("codec", String.class).invoke(null, abi);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(codec.size());
      codec.write(filled, buf, 0);
      Object back = codec.read(buf, 0);
      assertEquals(
          "none", values.getMethod("firstDifference", wide, wide).invoke(null, filled, back), abi);
    }
    // the primary ABI's code is the marshaller's own (its nested class inherits it)
    for (String code : new String[] {"p.WideMarshaller", "p.WideMarshaller$I386"}) {
      Class<?> abiClass = loader.loadClass(code);
      String abi = abiClass.getSimpleName();
      for (String method : new String[] {"read", "check", "write"}) {
        long parts =
            java.util.Arrays.stream(abiClass.getDeclaredMethods())
                .filter(m -> m.getName().startsWith(method + "Members"))
                .count();
        assertTrue(parts > 1, abi + "." + method + ": " + parts + " parts");
      }
    }
  }

  @Test
  void aValueThatDoesNotFitTheLastPartIsStillCheckedBeforeAnyByte() throws Exception {
    ClassLoader loader = CompiledClasses.loader(compilation);
    Object filled = loader.loadClass("p.Values").getMethod("filled").invoke(null);
    filled.getClass().getField("m" + (MEMBERS - 3)).setLong(filled, 0x1_0000_0000L);
    Method write =
        loader
            .loadClass("p.WideMarshaller")
            .getMethod("write", filled.getClass(), java.nio.ByteBuffer.class, int.class);
    java.nio.ByteBuffer buf =
        java.nio.ByteBuffer.allocate(
            loader.loadClass("p.WideMarshaller").getField("SIZE").getInt(null));
    InvocationTargetException e =
        assertThrows(InvocationTargetException.class, () -> write.invoke(null, filled, buf, 0));
    assertTrue(e.getCause() instanceof AbiRangeException, e.getCause().toString());
    assertEquals(
        "wide.m" + (MEMBERS - 3) + " = 4294967296 does not fit u32 (0..4294967295)",
        e.getCause().getMessage());
    for (int i = 0; i < buf.capacity(); i++) {
      assertEquals(0, buf.get(i), "byte " + i);
    }
  }

  /**
   * On i386 the C longs (every sixth member) are narrower: its {@code check} runs the marshaller's,
   * then those 667 members' own checks in parts; the last one's is still before any byte.
   */
  @Test
  void aCLongThatDoesNotFitI386InItsLastPartIsCheckedBeforeAnyByte() throws Exception {
    ClassLoader loader = CompiledClasses.loader(compilation);
    Object filled = loader.loadClass("p.Values").getMethod("filled").invoke(null);
    int last = MEMBERS - 1; // a native long: 3999 % 6 == 3
    filled.getClass().getField("m" + last).setLong(filled, 1L << 40);
    Class<?> i386 = loader.loadClass("p.WideMarshaller$I386");
    Method write = i386.getMethod("write", filled.getClass(), java.nio.ByteBuffer.class, int.class);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(i386.getField("SIZE").getInt(null));
    InvocationTargetException e =
        assertThrows(InvocationTargetException.class, () -> write.invoke(null, filled, buf, 0));
    assertTrue(e.getCause() instanceof AbiRangeException, e.getCause().toString());
    assertEquals(
        "wide.m" + last + " = 1099511627776 does not fit u32 (0..4294967295)",
        e.getCause().getMessage());
    for (int i = 0; i < buf.capacity(); i++) {
      assertEquals(0, buf.get(i), "byte " + i);
    }
    // the same value fits x86_64's 64-bit C long
    loader
        .loadClass("p.WideMarshaller")
        .getMethod("write", filled.getClass(), java.nio.ByteBuffer.class, int.class)
        .invoke(
            null,
            filled,
            java.nio.ByteBuffer.allocate(
                loader.loadClass("p.WideMarshaller").getField("SIZE").getInt(null)),
            0);
  }
}
