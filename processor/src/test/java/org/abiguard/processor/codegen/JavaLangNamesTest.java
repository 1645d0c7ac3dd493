package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mirrors, and other classes of the mirror's package, named like the {@code java.lang} types (and
 * the other types) a marshaller uses: the generated code must still mean the real ones. Every
 * marshaller compiles warning-free and round-trips through code written against it.
 */
class JavaLangNamesTest {
  private static final String[] NAMES = {
    "Long",
    "Integer",
    "Short",
    "Byte",
    "Character",
    "Object",
    "String",
    "Override",
    "IllegalArgumentException",
    "IndexOutOfBoundsException",
    "NullPointerException",
    "ArithmeticException",
    "Math",
    "System",
    "Objects",
    "Generated",
    "ByteBuffer",
    "ByteOrder",
    "AbiRuntime",
    "AbiCodec",
    "AbiRangeException",
    "Codec",
    "SuppressWarnings",
    "Deprecated",
    "FunctionalInterface"
  };

  /** A mirror with every kind of member, in package p, little or big endian. */
  private static String mirror(String name, String nested, String order) {
    return """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "m_%1$s", order = Endian.%3$s)
        public class %1$s {
          @U8 public int small;
          @U16 public char letter;
          @U32 public int raw;
          @S16 public short delta;
          @NativeLong public long count;
          @Pointer public long handle;
          @AbiArray(3) @U16 public int[] ports = new int[3];
          public %2$s inner;
          @AbiArray(2) public %2$s[] pair;
        }
        """
        .formatted(name, nested, order);
  }

  private static String leaf(String name) {
    return """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "leaf_%1$s")
        public record %1$s(@U16 int a, @S32 int b) {}
        """
        .formatted(name);
  }

  /**
   * Writes a filled mirror on every ABI, reads it back and compares, through the marshaller's own
   * API.
   */
  private static String roundTrip(String mirror, String leaf) {
    return """
        package p;

        public final class RoundTrip {
          private RoundTrip() {}

          public static java.lang.String run() {
            %1$s m = new %1$s();
            m.small = 200;
            m.letter = (char) 0xFFFE;
            m.raw = 0x7FFF_FFFE;
            m.delta = (short) -300;
            m.count = 0x7FFF_FFFFL;
            m.handle = 0x1234L;
            m.ports = new int[] {1, 0xFFFF, 3};
            m.inner = new %2$s(0xFFFF, -5);
            m.pair = new %2$s[] {new %2$s(1, 2), new %2$s(3, -4)};
            java.lang.StringBuilder out = new java.lang.StringBuilder();
            for (java.lang.String abi : new java.lang.String[] {"x86_64", "i386", "aarch64"}) {
              org.abiguard.AbiCodec<%1$s> codec = %1$sMarshaller.codec(abi);
              java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(codec.size() + 8);
              codec.write(m, buf, 8);
              %1$s back = codec.read(buf, 8);
              out.append(abi).append(':').append(back.small).append(',').append((int) back.letter).append(',')
                  .append(back.raw).append(',').append(back.delta).append(',').append(back.count).append(',')
                  .append(back.handle).append(',').append(java.util.Arrays.toString(back.ports)).append(',')
                  .append(back.inner).append(',').append(java.util.Arrays.toString(back.pair)).append(';');
            }
            return out.toString();
          }
        }
        """
        .formatted(mirror, leaf);
  }

  private static final String EXPECTED_ONE =
      ":200,65534,2147483646,-300,2147483647,4660,[1, 65535, 3],%1$s[a=65535, b=-5],"
          + "[%1$s[a=1, b=2], %1$s[a=3, b=-4]];";

  private static String expected(String leaf) {
    StringBuilder out = new StringBuilder();
    for (String abi : new String[] {"x86_64", "i386", "aarch64"}) {
      out.append(abi).append(EXPECTED_ONE.formatted(leaf));
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"LITTLE", "BIG"})
  void mirrorsNamedLikeTheTypesGeneratedCodeUsesWork(String order) throws Exception {
    // each name is a mirror: a class with every kind of member, nesting a record also named so
    for (String name : NAMES) {
      String leaf = name.equals("Long") ? "Integer" : "Long";
      Compilation compilation =
          Compile.javac(
              List.of("-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
              Source.of("p." + name, mirror(name, leaf, order)),
              Source.of("p." + leaf, leaf(leaf)),
              Source.of("p.RoundTrip", roundTrip(name, leaf)));
      assertThat(compilation).succeededWithoutWarnings();
      assertEquals(expected(leaf), run(compilation), name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"LITTLE", "BIG"})
  void classesOfThePackageNamedLikeThoseTypesChangeNothing(String order) throws Exception {
    List<Source> sources = new ArrayList<>();
    for (String name : NAMES) {
      String kind =
          name.endsWith("Exception")
              ? "class %s extends java.lang.RuntimeException {"
                  + " private static final long serialVersionUID = 1L; }"
              : "class %s {}";
      sources.add(Source.of("p." + name, "package p;\n\n" + kind.formatted(name) + "\n"));
    }
    sources.add(Source.of("p.Mirror", mirror("Mirror", "Leaf", order)));
    sources.add(Source.of("p.Leaf", leaf("Leaf")));
    sources.add(Source.of("p.RoundTrip", roundTrip("Mirror", "Leaf")));
    Compilation compilation =
        Compile.javac(
            List.of("-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
            sources.toArray(new Source[0]));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(expected("Leaf"), run(compilation));
  }

  private static String run(Compilation compilation) throws Exception {
    Method run = CompiledClasses.loader(compilation).loadClass("p.RoundTrip").getMethod("run");
    return (String) run.invoke(null);
  }
}
