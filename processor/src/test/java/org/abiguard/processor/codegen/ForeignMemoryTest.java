package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.abiguard.processor.codegen.Reflection.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java 22+ foreign memory: with {@code --release 22} every marshaller and ABI class has {@code
 * LAYOUT} and {@code MemorySegment} methods. This test runs under JDK 22 or later (it is skipped,
 * with the reason, under 17); its FFM calls are in {@code FfmProbe}, compiled with the mirrors,
 * since the tests themselves are Java 17.
 */
class ForeignMemoryTest {
  private static final String DIR = "codegen/end-to-end/org/example/xen/";
  private static final String[] MARSHALLERS = {
    "XenAddToPhysmapMarshaller",
    "XenMemoryReservationMarshaller",
    "Hypercalls_BatchMarshaller",
    "Hypercalls_ReplyMarshaller"
  };

  /** Per marshaller: its members' C names and the OFFSET_ constants, in order. */
  private static final Map<String, String[][]> MEMBERS =
      Map.of(
          "XenAddToPhysmapMarshaller",
              new String[][] {
                {"domid", "DOMID"},
                {"size", "SIZE"},
                {"space", "SPACE"},
                {"idx", "IDX"},
                {"gpfn", "GPFN"}
              },
          "XenMemoryReservationMarshaller",
              new String[][] {
                {"extent_start", "EXTENT_START"},
                {"nr_extents", "NR_EXTENTS"},
                {"extent_order", "EXTENT_ORDER"},
                {"mem_flags", "MEM_FLAGS"},
                {"domid", "DOMID"}
              },
          "Hypercalls_BatchMarshaller",
              new String[][] {{"count", "COUNT"}, {"ops", "OPS"}, {"owners", "OWNERS"}},
          "Hypercalls_ReplyMarshaller",
              new String[][] {{"status", "STATUS"}, {"reservation", "RESERVATION"}});

  private static final String[] ABIS = {"X86_64", "I386", "Aarch64"};

  private static final String PROBE =
      """
      package org.example.xen;

      import java.lang.foreign.*;
      import java.lang.invoke.MethodHandle;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.List;

      /** The FFM side of ForeignMemoryTest. */
      @SuppressWarnings("restricted")
      public final class FfmProbe {
        private FfmProbe() {}

        public static long[] sizeAndAlignment(StructLayout layout) {
          return new long[] {layout.byteSize(), layout.byteAlignment()};
        }

        public static long offsetOf(StructLayout layout, String name) {
          return layout.byteOffset(MemoryLayout.PathElement.groupElement(name));
        }

        /** Member names in order; padding as "-N". */
        public static List<String> members(StructLayout layout) {
          List<String> names = new ArrayList<>();
          for (MemoryLayout m : layout.memberLayouts()) {
            names.add(m instanceof PaddingLayout ? "-" + m.byteSize() : m.name().orElse("?"));
          }
          return names;
        }

        /** A heap segment of {@code size} bytes, each 0x5A. */
        public static MemorySegment filled(int size) {
          return MemorySegment.ofArray(new byte[size]).fill((byte) 0x5A);
        }

        public static byte[] bytes(MemorySegment seg) {
          return seg.toArray(ValueLayout.JAVA_BYTE);
        }

        /** Writes value into native memory through the marshaller, then asks C what it sees there. */
        public static String describeInC(Path library, String function, StructLayout layout, Object value)
            throws Throwable {
          try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(layout);
            if (value instanceof XenAddToPhysmap x) {
              XenAddToPhysmapMarshaller.X86_64.write(x, seg, 0);
            } else {
              XenMemoryReservationMarshaller.X86_64.write((XenMemoryReservation) value, seg, 0);
            }
            MemorySegment out = arena.allocate(256);
            MethodHandle describe = Linker.nativeLinker().downcallHandle(
                SymbolLookup.libraryLookup(library, arena).find(function).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));
            int n = (int) describe.invokeExact(seg, out, 256L);
            return out.getString(0) + (n >= 256 ? "(cut)" : "");
          }
        }

        /** Lets C fill native memory, then reads it through the marshaller. */
        public static XenAddToPhysmap filledByC(Path library) throws Throwable {
          try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(XenAddToPhysmapMarshaller.LAYOUT);
            MethodHandle fill = Linker.nativeLinker().downcallHandle(
                SymbolLookup.libraryLookup(library, arena).find("fill_xatp").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
            fill.invokeExact(seg);
            return XenAddToPhysmapMarshaller.read(seg, 0);
          }
        }
      }
      """;

  private static ClassLoader loader;
  private static Compilation compilation;
  private static Class<?> segmentType;
  private static Class<?> probe;

  @TempDir Path dir;

  @BeforeAll
  static void compile() throws Exception {
    assumeTrue(
        Runtime.version().feature() >= 22,
        "java.lang.foreign is final from Java 22; this JDK is " + Runtime.version().feature());
    compilation =
        Compile.javac(
            List.of("--release", "22", "-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
            Source.resource(DIR + "DomId.java"),
            Source.resource(DIR + "XenAddToPhysmap.java"),
            Source.resource(DIR + "XenMemoryReservation.java"),
            Source.resource(DIR + "Hypercalls.java"),
            Source.of("org.example.xen.FfmProbe", PROBE));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
    segmentType = Class.forName("java.lang.foreign.MemorySegment");
    probe = loader.loadClass("org.example.xen.FfmProbe");
  }

  private static Class<?> marshaller(String name, String abi) throws ClassNotFoundException {
    return loader.loadClass("org.example.xen." + name + (abi == null ? "" : "$" + abi));
  }

  @Test
  void layoutHasTheSizeAlignmentAndOffsetsOfEveryAbiClass() throws Throwable {
    for (String name : MARSHALLERS) {
      for (String abi : ABIS) {
        Class<?> abiClass = marshaller(name, abi);
        Object layout = abiClass.getField("LAYOUT").get(null);
        long[] sizeAndAlignment = (long[]) call(probe, "sizeAndAlignment", layout);
        String where = name + "." + abi;
        assertEquals(abiClass.getField("SIZE").getInt(null), sizeAndAlignment[0], where + " size");
        assertEquals(
            abiClass.getField("ALIGNMENT").getInt(null), sizeAndAlignment[1], where + " alignment");
        List<String> names = new ArrayList<>();
        for (String[] member : MEMBERS.get(name)) {
          names.add(member[0]);
          assertEquals(
              abiClass.getField("OFFSET_" + member[1]).getInt(null),
              (long) call(probe, "offsetOf", layout, member[0]),
              where + "." + member[0]);
        }
        @SuppressWarnings("unchecked")
        List<String> inLayout = (List<String>) call(probe, "members", layout);
        assertEquals(names, inLayout.stream().filter(n -> !n.startsWith("-")).toList(), where);
      }
      assertTrue(
          marshaller(name, null).getField("LAYOUT").get(null)
              == marshaller(name, "X86_64").getField("LAYOUT").get(null),
          name + ": the primary ABI's LAYOUT");
    }
    @SuppressWarnings("unchecked")
    List<String> batch =
        (List<String>)
            call(
                probe,
                "members",
                marshaller("Hypercalls_BatchMarshaller", "I386").getField("LAYOUT").get(null));
    assertEquals(List.of("count", "-3", "ops", "owners", "-2"), batch, "padding is explicit");
  }

  @Test
  void segmentMethodsWriteTheBytesOfTheBufferMethodsAndReadThemBack() throws Throwable {
    Object xatp = newXatp(0x7FF0, 3, 0xFFFF_FFFFL, 0x1234_5678L, 9L);
    for (String abi : new String[] {"X86_64", "I386"}) {
      Class<?> abiClass = marshaller("XenAddToPhysmapMarshaller", abi);
      int size = abiClass.getField("SIZE").getInt(null);
      for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
        ByteBuffer buf = ByteBuffer.allocate(size + 5).order(order);
        call(abiClass, "write", xatp, buf, 5);
        Object seg = call(probe, "filled", size + 5);
        call(abiClass, "write", xatp, seg, 5L);
        byte[] bytes = (byte[]) call(probe, "bytes", seg);
        assertArrayEquals(
            Arrays.copyOfRange(buf.array(), 5, size + 5),
            Arrays.copyOfRange(bytes, 5, size + 5),
            abi);
        assertEquals(0x5A, bytes[0], "nothing before the offset");
        Object back = call(abiClass, "read", seg, 5L);
        assertEquals(fields(xatp), fields(back), abi);
      }
    }
  }

  /**
   * A type of scalars only is accessed through a slice of its own {@code SIZE} bytes, so that the
   * JIT folds each access's bounds check; a type with arrays or nested types passes the caller's
   * segment on (to bulk copies and nested marshallers) and is not sliced.
   */
  @Test
  void aTypeOfScalarsOnlyIsAccessedThroughASliceOfItsOwnBytes() throws Exception {
    String scalars = generated("org.example.xen.XenAddToPhysmapMarshaller");
    assertTrue(
        scalars.contains(
            "        // from here on, seg is the struct's own SIZE bytes and offset is 0\n"
                + "        seg = seg.asSlice(offset, SIZE);\n"
                + "        offset = 0;\n"),
        scalars);
    assertEquals(
        4,
        occurrences(scalars, "seg = seg.asSlice(offset, SIZE);"),
        "read and write on x86_64 (which aarch64 inherits: the same layout) and on i386");
    String batch = generated("org.example.xen.Hypercalls_BatchMarshaller");
    assertEquals(0, occurrences(batch, "asSlice(offset, SIZE)"), batch);
  }

  private static String generated(String name) throws Exception {
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(false).toString();
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void outOfBoundsAndValuesThatDoNotFitWriteNothing() throws Throwable {
    Class<?> i386 = marshaller("XenAddToPhysmapMarshaller", "I386");
    Object seg = call(probe, "filled", 20);
    Object good = newXatp(1, 2, 3, 4, 5);
    for (long offset : new long[] {-1, 5, 20, Long.MAX_VALUE, Long.MIN_VALUE}) {
      IndexOutOfBoundsException e =
          assertThrows(
              IndexOutOfBoundsException.class, () -> call(i386, "write", good, seg, offset));
      assertEquals(
          "struct xen_add_to_physmap (i386, 16 bytes) at offset "
              + offset
              + " does not fit in a segment of 20 bytes",
          e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> call(i386, "read", seg, offset));
    }
    Object bad = newXatp(1, 2, 3, 0x1_0000_0000L, 5);
    AbiRangeException e =
        assertThrows(AbiRangeException.class, () -> call(i386, "write", bad, seg, 0L));
    assertEquals(
        "xen_add_to_physmap.idx = 4294967296 does not fit u32 (0..4294967295)", e.getMessage());
    byte[] bytes = (byte[]) call(probe, "bytes", seg);
    for (byte b : bytes) {
      assertEquals(0x5A, b, "no byte written");
    }
    Object batch =
        loader.loadClass("org.example.xen.Hypercalls$Batch").getConstructor().newInstance();
    assertThrows(
        NullPointerException.class,
        () ->
            call(
                marshaller("Hypercalls_BatchMarshaller", "X86_64"),
                "write",
                batch,
                call(probe, "filled", 64),
                0L));
  }

  @Test
  void cReadsWhatTheSegmentMarshallerWroteInNativeMemoryAndTheOtherWayRound() throws Throwable {
    assumeTrue(
        System.getProperty("os.arch").equals("amd64")
            || System.getProperty("os.arch").equals("x86_64"),
        "the C library is built for x86_64; this host is " + System.getProperty("os.arch"));
    Path library = buildLibrary();
    Object layout = marshaller("XenAddToPhysmapMarshaller", "X86_64").getField("LAYOUT").get(null);
    Object xatp = newXatp(0x7FF0, 65535, 0xFFFF_FFFFL, -1L, 0x1_0000_0000L);
    assertEquals(
        "domid=32752 size=65535 space=4294967295 idx=18446744073709551615 gpfn=4294967296",
        call(probe, "describeInC", library, "describe_xatp", layout, xatp));

    Class<?> reservationType = loader.loadClass("org.example.xen.XenMemoryReservation");
    Object reservation =
        reservationType.getConstructors()[0].newInstance(0xDEAD_B000L, 7L, 9, -1, 0x7FF0);
    Object reservationLayout =
        marshaller("XenMemoryReservationMarshaller", "X86_64").getField("LAYOUT").get(null);
    assertEquals(
        "extent_start=0xdeadb000 nr_extents=7 extent_order=9 mem_flags=4294967295 domid=32752",
        call(
            probe, "describeInC", library, "describe_reservation", reservationLayout, reservation));

    Object fromC = call(probe, "filledByC", library);
    assertEquals(List.of(0x7FF2, 65535, 0xFFFF_FFFFL, -2L, 42L), fields(fromC));
  }

  private static final Source LIB_RANGE =
      Source.of(
          "lib.Range",
          """
      package lib;

      @org.abiguard.AbiStruct
      public class Range {
        public @org.abiguard.U64 long start;
      }
      """);

  private static final Source REQ =
      Source.of(
          "p.Req",
          """
      package p;

      @org.abiguard.AbiStruct
      public class Req {
        public lib.Range range;
      }
      """);

  @Test
  void aNestedStructFromALibraryCompiledBelowJava22IsAnError(@TempDir Path lib) {
    CompiledClasses.compileLibrary(lib, true, List.of("--release", "17"), LIB_RANGE);
    Compilation c =
        Compile.compiler(List.of("--release", "22"))
            .withClasspath(CompiledClasses.classPathWith(lib))
            .compile(Compile.files(REQ));
    org.abiguard.processor.Expected.assertExactly(
        c,
        REQ.error(
            "lib.Range range;",
            "range",
            "[abiguard:annotation] 'range' nests lib.Range from the class path, whose marshaller lib.RangeMarshaller"
                + " was compiled for a source level below 22, without LAYOUT and MemorySegment methods; build that"
                + " library with --release 22 or later too"));
  }

  @Test
  void aNestedStructFromALibraryCompiledForJava22IsLaidOutInside(@TempDir Path lib)
      throws Throwable {
    CompiledClasses.compileLibrary(lib, true, List.of("--release", "22"), LIB_RANGE);
    Compilation c =
        Compile.compiler(List.of("--release", "22", "-Werror"))
            .withClasspath(CompiledClasses.classPathWith(lib))
            .compile(Compile.files(REQ));
    assertThat(c).succeededWithoutWarnings();
    Class<?> req = CompiledClasses.loader(c, lib).loadClass("p.ReqMarshaller");
    assertEquals(
        8L, ((long[]) call(probe, "sizeAndAlignment", req.getField("LAYOUT").get(null)))[0]);
  }

  private Object newXatp(int domid, int size, long space, long idx, long gpfn) throws Exception {
    Class<?> type = loader.loadClass("org.example.xen.XenAddToPhysmap");
    Object value = type.getConstructor().newInstance();
    type.getField("domid").setInt(value, domid);
    type.getField("size").setInt(value, size);
    type.getField("space").setLong(value, space);
    type.getField("idx").setLong(value, idx);
    type.getField("gpfn").setLong(value, gpfn);
    return value;
  }

  private static List<Object> fields(Object xatp) throws Exception {
    Class<?> type = xatp.getClass();
    return List.of(
        type.getField("domid").getInt(xatp),
        type.getField("size").getInt(xatp),
        type.getField("space").getLong(xatp),
        type.getField("idx").getLong(xatp),
        type.getField("gpfn").getLong(xatp));
  }

  private Path buildLibrary() throws Exception {
    Path source = dir.resolve("xen_native.c");
    try (InputStream in = getClass().getResourceAsStream("/codegen/foreign/xen_native.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path library = dir.resolve("libxen_native.so");
    Process gcc;
    try {
      gcc =
          new ProcessBuilder(
                  "gcc",
                  "-std=c11",
                  "-Wall",
                  "-Wextra",
                  "-Werror",
                  "-shared",
                  "-fPIC",
                  "-o",
                  library.toString(),
                  source.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no gcc: " + e.getMessage());
      throw e;
    }
    String output = new String(gcc.getInputStream().readAllBytes());
    assertTrue(gcc.waitFor(60, TimeUnit.SECONDS));
    assumeTrue(gcc.exitValue() == 0, "gcc cannot build a shared library here: " + output);
    assertFalse(output.contains("warning"), output);
    return library;
  }
}
