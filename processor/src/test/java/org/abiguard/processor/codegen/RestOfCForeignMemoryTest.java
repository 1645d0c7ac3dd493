package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.abiguard.processor.codegen.Reflection.call;
import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java 22+ foreign memory for unions, bit-fields, packing and flexible arrays: each ABI class's
 * {@code LAYOUT} (a {@code UnionLayout} for a union; bit-fields as the bytes that hold them, named
 * after the first bit-field; a flexible array as a sequence of 0 elements) has the {@code SIZE},
 * {@code ALIGNMENT} and {@code OFFSET_} constants, and the {@code MemorySegment} reads and writes
 * give the bytes of the {@code ByteBuffer} ones, with the same checks before the first byte. Runs
 * under JDK 22 or later (skipped, with the reason, under 17).
 */
class RestOfCForeignMemoryTest {
  private static final String DIR = "codegen/rest-of-c/org/example/xen/";
  private static final String P = "org.example.xen.";
  private static final String[] ABIS = {"X86_64", "I386", "Aarch64"};

  /**
   * Packing edge cases: a bit-field no 8-byte window holds, a struct nested below its alignment, an
   * anonymous union.
   */
  private static final Source EDGES =
      Source.of(
          "org.example.xen.Edges",
          """
      package org.example.xen;

      import org.abiguard.AbiAnonymous;
      import org.abiguard.AbiArray;
      import org.abiguard.AbiBits;
      import org.abiguard.AbiFlexible;
      import org.abiguard.AbiStruct;
      import org.abiguard.AbiUnion;
      import org.abiguard.U16;
      import org.abiguard.U32;
      import org.abiguard.U64;
      import org.abiguard.U8;

      public final class Edges {
        private Edges() {}

        /** wide spans bits 3..64: nine bytes, no 8-byte window. */
        @AbiStruct(name = "odd", pack = 1)
        public static class Odd {
          @U8 @AbiBits(3) public int low;
          @U64 @AbiBits(62) public long wide;
          @U32 public long after;
        }

        /** inner (aligned to 4 on its own) at offset 1. */
        @AbiStruct(name = "packed_outer", pack = 1)
        public static class PackedOuter {
          @U8 public int tag;
          public Domctl.MaxVcpus inner;
          @U16 public int tail;
        }

        @AbiUnion(untagged = true)
        public static class Either {
          @U32 public long word;
          @U16 public int half;
        }

        /** A typedef'd union: its C name, word_t, does not say union. */
        @AbiUnion(name = "word_t", typedef = true)
        public static class Word {
          @U32 public long whole;
          @U16 public int low;
        }

        @AbiStruct(name = "with_anon")
        public static class WithAnon {
          @U8 public int tag;
          @AbiAnonymous public Either either;
        }

        /** GNU C's zero-length arrays, as in io_uring_sqe: mid and data have no bytes. */
        @AbiStruct(name = "zero_len")
        public static class ZeroLen {
          @U8 public int opcode;
          @AbiArray(0) @U64 public long[] mid = new long[0];
          @U16 public int ioprio;
          @AbiAnonymous public Cmd cmd;
        }

        /** C's uint16_t coeff[3][2]: a sequence of 3 sequences of 2. */
        @AbiStruct(name = "grid")
        public static class Grid {
          @U8 public int tag;
          @AbiArray({3, 2}) @U16 public int[] coeff = new int[6];
        }

        /** virtio-net's MAC table: uint8_t macs[][6], counted in rows by entries. */
        @AbiStruct(name = "mac_table")
        public static class MacTable {
          @U32 public long entries;
          @AbiFlexible(count = "entries") @AbiArray(6) @U8 public byte[] macs = new byte[0];
        }

        @AbiUnion(untagged = true)
        public static class Cmd {
          @U64 public long optval;
          @AbiArray(0) @U8 public byte[] data;
        }

        /** A union with a member whose words[] the caller counts, last in a struct (GNU C). */
        @AbiUnion(untagged = true)
        public static class Event {
          @U32 public long type;
          public Wire.Tail tail;
        }

        @AbiStruct(name = "queued")
        public static class Queued {
          @U16 public int len;
          public Event ev;
        }

        /** A struct that ends in blob, whose entries[] go past both structs' sizeof (GNU C). */
        @AbiStruct(name = "framed")
        public static class Framed {
          @U8 public int kind;
          public Wire.Blob blob;
        }
      }
      """);

  private static final String PROBE =
      """
      package org.example.xen;

      import java.lang.foreign.*;
      import java.util.ArrayList;
      import java.util.List;

      /** The FFM side of RestOfCForeignMemoryTest. */
      public final class RestOfCProbe {
        private RestOfCProbe() {}

        public static long[] sizeAndAlignment(MemoryLayout layout) {
          return new long[] {layout.byteSize(), layout.byteAlignment()};
        }

        public static boolean isUnion(MemoryLayout layout) {
          return layout instanceof UnionLayout;
        }

        public static long offsetOf(MemoryLayout layout, String name) {
          return layout.byteOffset(MemoryLayout.PathElement.groupElement(name));
        }

        public static long offsetOfElement(MemoryLayout layout, String name, long i, long j) {
          return layout.byteOffset(
              MemoryLayout.PathElement.groupElement(name),
              MemoryLayout.PathElement.sequenceElement(i),
              MemoryLayout.PathElement.sequenceElement(j));
        }

        public static long sizeOf(MemoryLayout layout, String name) {
          return layout.select(MemoryLayout.PathElement.groupElement(name)).byteSize();
        }

        /** Member names in order; padding as "-N", a member without a name as "?". */
        public static List<String> members(MemoryLayout layout) {
          List<String> names = new ArrayList<>();
          for (MemoryLayout m : ((GroupLayout) layout).memberLayouts()) {
            names.add(m instanceof PaddingLayout ? "-" + m.byteSize() : m.name().orElse("?"));
          }
          return names;
        }

        public static MemorySegment filled(int size) {
          return MemorySegment.ofArray(new byte[size]).fill((byte) 0x5A);
        }

        public static void putInt(MemorySegment seg, long offset, int value) {
          seg.set(ValueLayout.JAVA_INT_UNALIGNED, offset, value);
        }

        public static byte[] bytes(MemorySegment seg) {
          return seg.toArray(ValueLayout.JAVA_BYTE);
        }
      }
      """;

  private static Compilation compilation;
  private static ClassLoader loader;
  private static Class<?> segmentType;
  private static Class<?> probe;

  @BeforeAll
  static void compile() throws Exception {
    assumeTrue(
        Runtime.version().feature() >= 22,
        "java.lang.foreign is final from Java 22; this JDK is " + Runtime.version().feature());
    compilation =
        Compile.javac(
            List.of("--release", "22", "-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
            Source.resource(DIR + "Domctl.java"),
            Source.resource(DIR + "Wire.java"),
            EDGES,
            Source.of("org.example.xen.RestOfCProbe", PROBE));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
    segmentType = Class.forName("java.lang.foreign.MemorySegment");
    probe = loader.loadClass(P + "RestOfCProbe");
  }

  /**
   * A union of scalars is read through a slice of its own bytes, and its code says so: the kind
   * comes from the model, not from the C name (a typedef's, word_t, does not say union).
   */
  @Test
  void aUnionOfScalarsIsSlicedAsAUnion() throws Exception {
    String word =
        compilation
            .generatedSourceFile(P + "Edges_WordMarshaller")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(
        word.contains("// from here on, seg is the union's own SIZE bytes and offset is 0"), word);
  }

  // ---------------------------------------------------------------- LAYOUT

  /**
   * Per marshaller: the LAYOUT's members (padding "-N") on x86_64, and C name to OFFSET_ constant.
   */
  private record Expected(List<String> members, Map<String, String> offsets) {}

  private static Map<String, String> offsets(String... nameAndConstant) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameAndConstant.length; i += 2) {
      m.put(nameAndConstant[i], nameAndConstant[i + 1]);
    }
    return m;
  }

  private static final Map<String, Expected> LAYOUTS = new LinkedHashMap<>();

  static {
    LAYOUTS.put(
        "Domctl_UMarshaller",
        new Expected(
            List.of("max_mem", "max_vcpus", "pad"),
            offsets("max_mem", "MAX_MEM", "max_vcpus", "MAX_VCPUS", "pad", "PAD")));
    LAYOUTS.put(
        "Domctl_XenDomctlMarshaller",
        new Expected(
            List.of("cmd", "interface_version", "domain", "_pad", "u"),
            offsets(
                "cmd",
                "CMD",
                "interface_version",
                "INTERFACE_VERSION",
                "domain",
                "DOMAIN",
                "_pad",
                "PAD",
                "u",
                "U")));
    // state, data_is_ptr, dir, df and the unnamed bit share byte 30: one member named state
    LAYOUTS.put(
        "Domctl_IoreqMarshaller",
        new Expected(
            List.of("addr", "data", "count", "size", "vp_eport", "_pad0", "state", "type"),
            offsets(
                "addr",
                "ADDR",
                "data",
                "DATA",
                "count",
                "COUNT",
                "size",
                "SIZE",
                "vp_eport",
                "VP_EPORT",
                "_pad0",
                "PAD0",
                "type",
                "TYPE")));
    LAYOUTS.put(
        "Wire_E820EntryMarshaller",
        new Expected(
            List.of("addr", "size", "type"),
            offsets("addr", "ADDR", "size", "SIZE", "type", "TYPE")));
    // version:4 and length:12 share bytes 0 and 1; delta:5 is byte 2; the zero-width field aligns
    // id
    LAYOUTS.put(
        "Wire_BeHdrMarshaller",
        new Expected(List.of("version", "delta", "-1", "id"), offsets("id", "ID")));
    LAYOUTS.put(
        "Wire_BlobMarshaller",
        new Expected(List.of("nr", "entries"), offsets("nr", "NR", "entries", "ENTRIES")));
    LAYOUTS.put(
        "Wire_TailMarshaller",
        new Expected(List.of("kind", "-6", "words"), offsets("kind", "KIND", "words", "WORDS")));
    LAYOUTS.put(
        "Edges_OddMarshaller", new Expected(List.of("low", "after"), offsets("after", "AFTER")));
    LAYOUTS.put(
        "Edges_PackedOuterMarshaller",
        new Expected(
            List.of("tag", "inner", "tail"),
            offsets("tag", "TAG", "inner", "INNER", "tail", "TAIL")));
    LAYOUTS.put(
        "Edges_EitherMarshaller",
        new Expected(List.of("word", "half"), offsets("word", "WORD", "half", "HALF")));
    LAYOUTS.put(
        "Edges_WithAnonMarshaller", new Expected(List.of("tag", "-3", "?"), offsets("tag", "TAG")));
    LAYOUTS.put(
        "Edges_MacTableMarshaller",
        new Expected(List.of("entries", "macs"), offsets("entries", "ENTRIES", "macs", "MACS")));
    // blob and tail end in flexible arrays: sequences of 0 elements inside them
    LAYOUTS.put(
        "Edges_FramedMarshaller",
        new Expected(List.of("kind", "-3", "blob"), offsets("kind", "KIND", "blob", "BLOB")));
    LAYOUTS.put(
        "Edges_EventMarshaller",
        new Expected(List.of("type", "tail"), offsets("type", "TYPE", "tail", "TAIL")));
    LAYOUTS.put(
        "Edges_QueuedMarshaller",
        new Expected(List.of("len", "-6", "ev"), offsets("len", "LEN", "ev", "EV")));
    LAYOUTS.put(
        "Edges_GridMarshaller",
        new Expected(List.of("tag", "-1", "coeff"), offsets("tag", "TAG", "coeff", "COEFF")));
    // mid is a sequence of 0 elements at 8 (4 on i386), where ioprio starts too
    LAYOUTS.put(
        "Edges_ZeroLenMarshaller",
        new Expected(
            List.of("opcode", "-7", "mid", "ioprio", "-6", "?"),
            offsets("opcode", "OPCODE", "mid", "MID", "ioprio", "IOPRIO")));
  }

  @Test
  void layoutHasTheSizeAlignmentAndOffsetsOfEveryAbiClass() throws Throwable {
    for (Map.Entry<String, Expected> e : LAYOUTS.entrySet()) {
      String name = e.getKey();
      for (String abi : ABIS) {
        Class<?> abiClass = load(P + name + "$" + abi);
        Object layout = abiClass.getField("LAYOUT").get(null);
        String where = name + "." + abi;
        long[] sizeAndAlignment = (long[]) call(probe, "sizeAndAlignment", layout);
        assertEquals(abiClass.getField("SIZE").getInt(null), sizeAndAlignment[0], where + " size");
        assertEquals(
            abiClass.getField("ALIGNMENT").getInt(null), sizeAndAlignment[1], where + " alignment");
        for (Map.Entry<String, String> member : e.getValue().offsets().entrySet()) {
          assertEquals(
              abiClass.getField("OFFSET_" + member.getValue()).getInt(null),
              (long) call(probe, "offsetOf", layout, member.getKey()),
              where + "." + member.getKey());
        }
        @SuppressWarnings("unchecked")
        List<String> members = (List<String>) call(probe, "members", layout);
        List<String> named = members.stream().filter(m -> !m.startsWith("-")).toList();
        assertEquals(
            e.getValue().members().stream().filter(m -> !m.startsWith("-")).toList(), named, where);
        if (abi.equals("X86_64")) {
          assertEquals(e.getValue().members(), members, where + ", padding included");
        }
      }
      assertTrue(
          load(P + name).getField("LAYOUT").get(null)
              == load(P + name + "$X86_64").getField("LAYOUT").get(null),
          name + ": the primary ABI's LAYOUT");
    }
  }

  @Test
  void aUnionIsAUnionLayoutAndBitFieldsAreTheBytesThatHoldThem() throws Throwable {
    Object union = load(P + "Domctl_UMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(true, call(probe, "isUnion", union));
    assertEquals(
        false,
        call(
            probe,
            "isUnion",
            load(P + "Domctl_XenDomctlMarshaller$X86_64").getField("LAYOUT").get(null)));
    Object ioreq = load(P + "Domctl_IoreqMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(30L, call(probe, "offsetOf", ioreq, "state"));
    assertEquals(1L, call(probe, "sizeOf", ioreq, "state"));
    Object hdr = load(P + "Wire_BeHdrMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(2L, call(probe, "sizeOf", hdr, "version"), "version and length share two bytes");
    assertEquals(2L, call(probe, "offsetOf", hdr, "delta"));
    Object odd = load(P + "Edges_OddMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(9L, call(probe, "sizeOf", odd, "low"), "low and wide share nine bytes");
    assertEquals(
        0L,
        call(
            probe,
            "sizeOf",
            load(P + "Wire_BlobMarshaller$X86_64").getField("LAYOUT").get(null),
            "entries"),
        "a flexible array is a sequence of 0 elements");
    Object outer = load(P + "Edges_PackedOuterMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(4L, call(probe, "sizeOf", outer, "inner"));
    Object grid = load(P + "Edges_GridMarshaller$X86_64").getField("LAYOUT").get(null);
    assertEquals(
        2L + 2 * 4 + 1 * 2,
        call(probe, "offsetOfElement", grid, "coeff", 2L, 1L),
        "coeff[2][1]: a sequence of 3 sequences of 2");
  }

  // ---------------------------------------------------------------- the same bytes

  @Test
  void segmentWritesGiveTheBytesOfBufferWritesAndReadBack() throws Throwable {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Domctl_XenDomctlMarshaller", domctl());
    values.put("Domctl_IoreqMarshaller", ioreq(9, 1, 0, 1, 0x42));
    values.put("Wire_E820EntryMarshaller", e820());
    values.put(
        "Wire_BeHdrMarshaller",
        load(P + "Wire$BeHdr")
            .getDeclaredConstructors()[0]
            .newInstance(0xA, 0x123, -3, 0, 0x01020304L));
    values.put("Wire_BlobMarshaller", blob(3, new long[] {7, 8, 0xFFFFFFFFL}));
    values.put("Edges_OddMarshaller", odd());
    values.put("Edges_PackedOuterMarshaller", packedOuter());
    values.put("Edges_WithAnonMarshaller", withAnon());
    values.put("Edges_ZeroLenMarshaller", zeroLen());
    values.put("Edges_MacTableMarshaller", macTable());
    values.put("Edges_FramedMarshaller", framed(new long[] {7, 8, 0xFFFFFFFFL}));
    values.put("Edges_QueuedMarshaller", queued());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      for (String abi : ABIS) {
        Class<?> abiClass = load(P + e.getKey() + "$" + abi);
        int size =
            abiClass.getField("SIZE").getInt(null) + 12; // room for a flexible array's elements
        String where = e.getKey() + "." + abi;
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
          ByteBuffer buf = ByteBuffer.allocate(size + 3).order(order);
          Arrays.fill(buf.array(), (byte) 0x5A);
          call(abiClass, "write", e.getValue(), buf, 3);
          Object seg = call(probe, "filled", size + 3);
          call(abiClass, "write", e.getValue(), seg, 3L);
          assertArrayEquals(buf.array(), (byte[]) call(probe, "bytes", seg), where + " " + order);
          assertEquals(
              describe(call(abiClass, "read", buf, 3)),
              describe(call(abiClass, "read", seg, 3L)),
              where);
        }
        if (!e.getKey().equals("Domctl_XenDomctlMarshaller")
            && !e.getKey().equals("Edges_WithAnonMarshaller")
            && !e.getKey().equals("Edges_ZeroLenMarshaller")
            && !e.getKey().equals("Edges_QueuedMarshaller")) {
          // (a union read decodes every member from the same bytes, so only these read back as
          // written)
          Object seg = call(probe, "filled", size + 3);
          call(abiClass, "write", e.getValue(), seg, 3L);
          assertEquals(
              describe(e.getValue()),
              describe(call(abiClass, "read", seg, 3L)),
              where + " read back");
        }
      }
    }
  }

  @Test
  void theCallNamesTheUnionMemberAndTheCallerCountsTheFlexibleArray() throws Throwable {
    Class<?> memberEnum = load(P + "Domctl_UMarshaller$Member");
    Object maxMem = memberEnum.getField("MAX_MEM").get(null);
    Object u = newInstance("Domctl$U");
    Object mem = newInstance("Domctl$MaxMem");
    set(mem, "maxMemkb", 0x1122334455L);
    set(u, "maxMem", mem);
    set(u, "pad", new byte[128]);
    for (String abi : ABIS) {
      Class<?> abiClass = load(P + "Domctl_UMarshaller$" + abi);
      ByteBuffer buf = ByteBuffer.allocate(130).order(ByteOrder.LITTLE_ENDIAN);
      Arrays.fill(buf.array(), (byte) 0x5A);
      abiClass
          .getMethod("write", load(P + "Domctl$U"), memberEnum, ByteBuffer.class, int.class)
          .invoke(null, u, maxMem, buf, 2);
      Object seg = call(probe, "filled", 130);
      abiClass
          .getMethod("write", load(P + "Domctl$U"), memberEnum, segmentType, long.class)
          .invoke(null, u, maxMem, seg, 2L);
      assertArrayEquals(buf.array(), (byte[]) call(probe, "bytes", seg), abi);
      Object one =
          abiClass
              .getMethod("read", segmentType, long.class, memberEnum)
              .invoke(null, seg, 2L, maxMem);
      assertEquals(0x1122334455L, get(get(one, "maxMem"), "maxMemkb"));
      assertEquals(null, get(one, "pad"), "only the member named is read");
    }
    Object tail = newInstance("Wire$Tail");
    set(tail, "kind", 5);
    set(tail, "words", new long[] {1, 2});
    Class<?> x86 = load(P + "Wire_TailMarshaller$X86_64");
    Object seg = call(probe, "filled", 24);
    call(x86, "write", tail, seg, 0L);
    assertEquals(
        "0500000000000000" + "0100000000000000" + "0200000000000000",
        java.util.HexFormat.of().formatHex((byte[]) call(probe, "bytes", seg)));
    assertEquals(0, ((long[]) get(call(x86, "read", seg, 0L), "words")).length);
    Object two = x86.getMethod("read", segmentType, long.class, int.class).invoke(null, seg, 0L, 2);
    assertArrayEquals(new long[] {1, 2}, (long[]) get(two, "words"));
    InvocationTargetException tooMany =
        assertThrows(
            InvocationTargetException.class,
            () ->
                x86.getMethod("read", segmentType, long.class, int.class).invoke(null, seg, 0L, 3));
    assertEquals(
        "tail.words: 3 elements of 8 bytes from offset 8 do not fit in a segment of 24 bytes",
        tooMany.getCause().getMessage());
  }

  // ---------------------------------------------------------------- nothing written on failure

  @Test
  void whatTheBufferMethodsRefuseTheSegmentMethodsRefuseWritingNothing() throws Throwable {
    Class<?> ioreq = load(P + "Domctl_IoreqMarshaller$X86_64");
    assertUnchanged(
        64,
        seg -> call(ioreq, "write", ioreq(16, 0, 0, 0, 1), seg, 0L),
        AbiRangeException.class,
        "ioreq.state = 16 does not fit u4 (0..15)");
    Object domctl = domctl();
    set(get(domctl, "u"), "maxMem", newInstance("Domctl$MaxMem"));
    Class<?> xenDomctl = load(P + "Domctl_XenDomctlMarshaller$X86_64");
    assertUnchanged(
        200,
        seg -> call(xenDomctl, "write", domctl, seg, 0L),
        IllegalArgumentException.class,
        "union U: members MAX_MEM and MAX_VCPUS are both set; set exactly one (the others null or 0),"
            + " or name it: write(value, Member.MAX_VCPUS, buf, offset)");
    Class<?> blob = load(P + "Wire_BlobMarshaller$X86_64");
    assertUnchanged(
        16,
        seg -> call(blob, "write", blob(2, new long[] {7, 8, 9}), seg, 0L),
        IllegalArgumentException.class,
        "blob.entries has 3 elements but blob.nr says 2");
    assertUnchanged(
        12,
        seg -> call(blob, "write", blob(3, new long[] {7, 8, 9}), seg, 0L),
        IndexOutOfBoundsException.class,
        // blob is laid out alike on every ABI: one code, whose message names them all
        "struct blob (x86_64, i386 and aarch64, 16 bytes) at offset 0 does not fit in a segment"
            + " of 12 bytes");
    Class<?> framed = load(P + "Edges_FramedMarshaller$I386");
    assertUnchanged(
        16,
        seg -> call(framed, "write", framed(new long[] {7, 8, 9}), seg, 0L),
        IndexOutOfBoundsException.class,
        // blob's entries continue framed: 8 bytes, then 3 elements
        "struct framed (x86_64, i386 and aarch64, 20 bytes) at offset 0 does not fit in a segment"
            + " of 16 bytes");
    Class<?> queued = load(P + "Edges_QueuedMarshaller$X86_64");
    assertUnchanged(
        16,
        seg -> call(queued, "write", queued(), seg, 0L),
        IndexOutOfBoundsException.class,
        // tail's words[] continue the union, and the union continues queued
        "struct queued (x86_64 and aarch64, 24 bytes) at offset 0 does not fit in a segment of 16"
            + " bytes");
    Object seg = call(probe, "filled", 16);
    call(blob, "write", blob(3, new long[] {7, 8, 9}), seg, 0L);
    call(probe, "putInt", seg, 0L, 4);
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> call(blob, "read", seg, 0L));
    assertEquals(
        "blob.entries: 4 elements of 4 bytes from offset 4 do not fit in a segment of 16 bytes",
        e.getMessage());
    Class<?> odd = load(P + "Edges_OddMarshaller$I386");
    Object tooWide = odd();
    set(tooWide, "wide", 1L << 62);
    assertUnchanged(
        16,
        s -> call(odd, "write", tooWide, s, 0L),
        AbiRangeException.class,
        "odd.wide = 4611686018427387904 does not fit u62 (0..4611686018427387903)");
  }

  private interface SegmentWrite {
    void write(Object seg) throws Throwable;
  }

  private static void assertUnchanged(
      int size, SegmentWrite write, Class<? extends Throwable> type, String message)
      throws Throwable {
    Object seg = call(probe, "filled", size);
    Throwable thrown = assertThrows(type, () -> write.write(seg));
    assertEquals(message, thrown.getMessage());
    for (byte b : (byte[]) call(probe, "bytes", seg)) {
      assertEquals(0x5A, b, "no byte written");
    }
  }

  // ---------------------------------------------------------------- values

  private static Object domctl() throws Exception {
    Object d = newInstance("Domctl$XenDomctl");
    set(d, "cmd", 15L);
    set(d, "interfaceVersion", 0x15L);
    set(d, "domain", 7);
    set(d, "pad", new int[3]);
    Object u = newInstance("Domctl$U");
    Object vcpus = newInstance("Domctl$MaxVcpus");
    set(vcpus, "max", 4L);
    set(u, "maxVcpus", vcpus);
    set(d, "u", u);
    return d;
  }

  private static Object ioreq(int state, int dataIsPtr, int dir, int df, int type)
      throws Exception {
    Object io = newInstance("Domctl$Ioreq");
    set(io, "addr", 0x1122334455667788L);
    set(io, "state", state);
    set(io, "dataIsPtr", dataIsPtr);
    set(io, "dir", dir);
    set(io, "df", df);
    set(io, "type", type);
    return io;
  }

  private static Object e820() throws Exception {
    Object e = newInstance("Wire$E820Entry");
    set(e, "addr", 0x100000L);
    set(e, "size", 0x7ff00000L);
    set(e, "type", 1L);
    return e;
  }

  private static Object blob(long nr, long[] entries) throws Exception {
    Object b = newInstance("Wire$Blob");
    set(b, "nr", nr);
    set(b, "entries", entries);
    return b;
  }

  private static Object framed(long[] entries) throws Exception {
    Object o = newInstance("Edges$Framed");
    set(o, "kind", 0x33);
    set(o, "blob", blob(entries.length, entries));
    return o;
  }

  private static Object queued() throws Exception {
    Object tail = newInstance("Wire$Tail");
    set(tail, "kind", 5);
    set(tail, "words", new long[] {9});
    Object ev = newInstance("Edges$Event");
    set(ev, "tail", tail);
    Object o = newInstance("Edges$Queued");
    set(o, "len", 0x0102);
    set(o, "ev", ev);
    return o;
  }

  private static Object odd() throws Exception {
    Object o = newInstance("Edges$Odd");
    set(o, "low", 5);
    set(o, "wide", 0x2345_6789_ABCD_EF01L);
    set(o, "after", 0xFFFF_FFFEL);
    return o;
  }

  private static Object packedOuter() throws Exception {
    Object o = newInstance("Edges$PackedOuter");
    set(o, "tag", 0xAB);
    Object inner = newInstance("Domctl$MaxVcpus");
    set(inner, "max", 0x01020304L);
    set(o, "inner", inner);
    set(o, "tail", 0xBEEF);
    return o;
  }

  private static Object withAnon() throws Exception {
    Object o = newInstance("Edges$WithAnon");
    set(o, "tag", 3);
    Object either = newInstance("Edges$Either");
    set(either, "half", 0x7788);
    set(o, "either", either);
    return o;
  }

  private static Object macTable() throws Exception {
    Object o = newInstance("Edges$MacTable");
    set(o, "entries", 2L);
    set(o, "macs", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    return o;
  }

  private static Object zeroLen() throws Exception {
    Object o = newInstance("Edges$ZeroLen");
    set(o, "opcode", 0x11);
    set(o, "ioprio", 0x2233);
    Object cmd = newInstance("Edges$Cmd");
    set(cmd, "optval", 0x4455667788990011L);
    set(o, "cmd", cmd);
    return o;
  }

  // ---------------------------------------------------------------- reflection

  /** Every field of a value, nested values and arrays included, as text. */
  private static String describe(Object value) throws Exception {
    if (value == null) {
      return "null";
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        parts.add(describe(java.lang.reflect.Array.get(value, i)));
      }
      return parts.toString();
    }
    if (type.isPrimitive()
        || value instanceof Number
        || value instanceof Character
        || value instanceof Boolean) {
      return value.toString();
    }
    if (type.isRecord()) {
      return value.toString();
    }
    StringBuilder out = new StringBuilder(type.getSimpleName()).append('{');
    for (Field f : type.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      out.append(f.getName()).append('=').append(describe(f.get(value))).append(' ');
    }
    return out.append('}').toString();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static Object newInstance(String nested) throws Exception {
    var c = load(P + nested).getDeclaredConstructor();
    c.setAccessible(true);
    return c.newInstance();
  }
}
