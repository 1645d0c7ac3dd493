package org.abiguard.processor.codegen;

import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;

/**
 * Mirrors compiled with abiguard for every {@link TargetAbi} (x86_64, i386 and aarch64), and a
 * loader of the classes the compilation wrote: the fixture of the tests that run the generated
 * marshallers and have gcc prove their layouts.
 *
 * @param compilation the compilation, for its diagnostics and the files it wrote
 * @param loader a loader of the mirrors and their marshallers
 */
record CompiledMirrors(Compilation compilation, ClassLoader loader) {
  private static final String EVERY_ABI = "-Aabiguard.abis=x86_64,i386,aarch64";

  /** Compiles the mirrors for every ABI, as a user's build would. */
  static CompiledMirrors onEveryAbi(Source... mirrors) {
    return compile(List.of(), mirrors);
  }

  /**
   * Compiles the mirrors for every ABI with {@code --release 22}, so that the marshallers have
   * their {@code MemorySegment} methods and {@code LAYOUT}; on a JDK before 22 the calling test is
   * skipped (an assumption fails), since {@code java.lang.foreign} is final only from Java 22.
   */
  static CompiledMirrors forForeignMemory(Source... mirrors) {
    assumeTrue(
        Runtime.version().feature() >= 22,
        "java.lang.foreign is final from Java 22; this JDK is " + Runtime.version().feature());
    return compile(List.of("--release", "22"), mirrors);
  }

  private static CompiledMirrors compile(List<String> options, Source... mirrors) {
    List<String> all = new ArrayList<>(options);
    all.add(EVERY_ABI);
    Compilation compilation = Compile.javac(all, mirrors);
    return new CompiledMirrors(compilation, CompiledClasses.loader(compilation));
  }

  /** Asserts that javac and abiguard reported nothing (notes aside). */
  void assertNoDiagnostic() {
    assertExactly(compilation);
  }

  /** The C assertions the compilation wrote ({@code META-INF/abiguard/abi-asserts.h}). */
  String asserts() {
    return CompiledClasses.abiAsserts(compilation);
  }

  /** A class the compilation wrote, by binary name ({@code p.Fp$Sample}). */
  Class<?> loadClass(String name) throws ClassNotFoundException {
    return loader.loadClass(name);
  }

  /**
   * Asserts that every ABI class of each type's marshaller ({@code marshallerPrefix + type +
   * "Marshaller$" + abi}, e.g. {@code p.Fp_SampleMarshaller$I386}) has a {@code LAYOUT} of {@code
   * SIZE} bytes aligned to {@code ALIGNMENT}. The mirrors must be compiled {@link
   * #forForeignMemory}; {@code MemoryLayout} is reached by reflection, as the tests compile for
   * Java 17.
   */
  void assertLayoutsMatchConstants(String marshallerPrefix, Collection<String> types)
      throws ReflectiveOperationException {
    Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
    for (String type : types) {
      for (TargetAbi abi : TargetAbi.values()) {
        Class<?> m = loadClass(marshallerPrefix + type + "Marshaller$" + abi.className());
        Object layout = m.getField("LAYOUT").get(null);
        String where = type + " " + abi.manifestName();
        assertEquals(
            (long) m.getField("SIZE").getInt(null),
            memoryLayout.getMethod("byteSize").invoke(layout),
            where);
        assertEquals(
            (long) m.getField("ALIGNMENT").getInt(null),
            memoryLayout.getMethod("byteAlignment").invoke(layout),
            where);
      }
    }
  }
}
