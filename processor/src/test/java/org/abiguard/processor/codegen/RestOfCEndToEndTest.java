package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Compile;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.CHarness;
import org.abiguard.processor.testing.RealHeaderMirrors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unions, bit-fields, packing and flexible arrays through the real processor, on annotated mirrors
 * of real Xen types ({@code xen_domctl} with its untagged union, {@code ioreq}) and wire formats (a
 * packed e820 entry, a big-endian record with bit-fields, flexible arrays): compiled warning-free
 * under {@code -Xlint:all -Werror} for three ABIs; the generated {@code abi-asserts.h} and {@code
 * abi-check.c} hold against Xen's real headers; the marshallers select union members, range-check
 * bit-fields before writing anything, keep neighbouring bits, and bound flexible arrays.
 */
class RestOfCEndToEndTest {
  private static final String DIR = "codegen/rest-of-c/org/example/xen/";
  private static final String P = "org.example.xen.";
  private static Compilation compilation;
  private static ClassLoader loader;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    compilation =
        Compile.javac(
            List.of("-Aabiguard.abis=x86_64,i386,aarch64", "-Werror"),
            Source.resource(DIR + "Domctl.java"),
            Source.resource(DIR + "Wire.java"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void assertsAndBitChecksHoldAgainstXensHeaders(TargetAbi abi) {
    CHarness.assumeCompiler(abi);
    String asserts = CompiledClasses.abiAsserts(compilation);
    String check =
        CompiledClasses.resource(compilation, "META-INF/abiguard/abi-check.c").orElseThrow();
    Path xen = RealHeaderMirrors.XEN_INCLUDE;
    // the Xen types from Xen's headers, the wire types declared here as C would
    Path header =
        CHarness.write(
            dir,
            "real.h",
            RealHeaderMirrors.XEN_HEADER
                + """
        struct __attribute__((packed)) e820entry { uint64_t addr; uint64_t size; uint32_t type; };
        struct __attribute__((scalar_storage_order("big-endian"))) be_hdr {
            uint16_t version : 4; uint16_t length : 12; int16_t delta : 5; uint16_t : 0; uint32_t id;
        };
        struct blob { uint32_t nr; uint32_t entries[]; };
        struct tail { uint16_t kind; uint64_t words[]; };
        """);
    Path assertsFile = CHarness.write(dir, "abi-asserts.h", asserts);
    List<String> flags = List.of("-D__XEN_TOOLS__", "-I", xen.toString());
    List<String> command = new ArrayList<>(CHarness.compiler(abi));
    command.addAll(List.of("-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"));
    command.addAll(flags);
    command.addAll(
        List.of(
            "-include",
            header.toString(),
            "-include",
            assertsFile.toString(),
            "-x",
            "c",
            "/dev/null"));
    CHarness.Result compiled = CHarness.run(dir, command);
    assertTrue(compiled.ok(), compiled::describe);
    assertTrue(asserts.contains("offsetof(struct xen_domctl, u.max_vcpus)"), asserts);

    CHarness.emulatedRunProblem(abi)
        .ifPresent(why -> org.junit.jupiter.api.Assumptions.assumeTrue(false, why));
    List<String> extra = new ArrayList<>(flags);
    // warning-free, also for be_hdr's reverse scalar storage order (-Wscalar-storage-order is on
    // by default: passing &v of such a struct to expect() warned)
    extra.addAll(List.of("-Wextra", "-Werror", "-include", header.toString()));
    CHarness.Result ran = CHarness.buildAndRunEmulated(abi, dir, "abi-check.c", check, extra);
    assertEquals(0, ran.exitCode(), ran::describe);
    assertTrue(ran.output().contains(" 0 mismatches"), ran::describe);
  }

  @Test
  void manifestRecordsTheNewKinds() {
    String manifest =
        CompiledClasses.resource(compilation, "META-INF/abiguard/abi-manifest.json").orElseThrow();
    assertTrue(manifest.contains("\"kind\": \"union\""), manifest);
    assertTrue(manifest.contains("\"pack\": 1"), manifest);
    assertTrue(
        manifest.contains(
            "{\"name\": \"state\", \"offset\": 30, \"size\": 1, \"align\": 1,"
                + " \"bitOffset\": 240, \"bitSize\": 4, \"signed\": false, \"kind\": \"bits\"}"),
        manifest);
    assertTrue(
        manifest.contains(
            "{\"java\": \"pad1\", \"offset\": 30, \"size\": 1, \"align\": 1,"
                + " \"bitOffset\": 247, \"bitSize\": 1, \"signed\": false, \"kind\": \"bits\"}"),
        manifest);
    assertTrue(
        manifest.contains("\"kind\": \"array\", \"flexible\": true, \"length\": 0"), manifest);
  }

  // ---------------------------------------------------------------- unions

  @Test
  void theOneMemberThatIsSetIsWrittenAndTheRestOfTheUnionIsZero() throws Exception {
    Object domctl = domctl(15);
    Object u = get(domctl, "u");
    Object vcpus = newInstance("Domctl$MaxVcpus");
    set(vcpus, "max", 4L);
    set(u, "maxVcpus", vcpus);
    ByteBuffer buf = garbage(200);
    call("Domctl_XenDomctlMarshaller", "write", domctl, buf, 0);
    int off = (int) constant("Domctl_XenDomctlMarshaller", "OFFSET_U");
    assertEquals(16, off);
    assertEquals(4, buf.getInt(off));
    for (int i = off + 4; i < off + 128; i++) {
      assertEquals(0, buf.get(i), "union byte " + i);
    }
    assertEquals(15, buf.getInt(0));
    // hypervisor side: read, and the command picks the member
    Object back = call("Domctl_XenDomctlMarshaller", "read", buf, 0);
    assertEquals(4L, get(get(get(back, "u"), "maxVcpus"), "max"));
    assertEquals(
        4L,
        get(get(get(back, "u"), "maxMem"), "maxMemkb"),
        "every member decoded from the same bytes");
  }

  @Test
  void twoMembersSetIsAnErrorBeforeAnyByteIsWritten() throws Exception {
    Object domctl = domctl(15);
    Object u = get(domctl, "u");
    set(u, "maxVcpus", newInstance("Domctl$MaxVcpus"));
    set(u, "maxMem", newInstance("Domctl$MaxMem"));
    ByteBuffer buf = garbage(200);
    byte[] before = buf.array().clone();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> call("Domctl_XenDomctlMarshaller", "write", domctl, buf, 0));
    assertEquals(
        "union U: members MAX_MEM and MAX_VCPUS are both set; set exactly one (the others null or 0),"
            + " or name it: write(value, Member.MAX_VCPUS, buf, offset)",
        e.getMessage());
    assertArrayEquals(before, buf.array());
  }

  @Test
  void theCallNamesTheMember() throws Exception {
    Class<?> memberEnum = load(P + "Domctl_UMarshaller$Member");
    Object maxMem = memberEnum.getField("MAX_MEM").get(null);
    Object u = newInstance("Domctl$U");
    Object mem = newInstance("Domctl$MaxMem");
    set(mem, "maxMemkb", 0x1122334455L);
    set(u, "maxMem", mem);
    set(u, "pad", new byte[128]);
    ByteBuffer buf = garbage(128);
    Method write =
        load(P + "Domctl_UMarshaller")
            .getMethod("write", load(P + "Domctl$U"), memberEnum, ByteBuffer.class, int.class);
    write.invoke(null, u, maxMem, buf, 0);
    assertEquals(0x1122334455L, buf.getLong(0));
    for (int i = 8; i < 128; i++) {
      assertEquals(0, buf.get(i));
    }
    Method read =
        load(P + "Domctl_UMarshaller").getMethod("read", ByteBuffer.class, int.class, memberEnum);
    Object one = read.invoke(null, buf, 0, maxMem);
    assertEquals(0x1122334455L, get(get(one, "maxMem"), "maxMemkb"));
    assertNull(get(one, "maxVcpus"));
    assertNull(get(one, "pad"));
    assertEquals(
        maxMem,
        load(P + "Domctl_UMarshaller")
            .getMethod("selected", load(P + "Domctl$U"))
            .invoke(null, one));
  }

  // ---------------------------------------------------------------- bit-fields

  @Test
  void bitFieldsShareTheirByteAndKeepTheirNeighbours() throws Exception {
    Object io = ioreq(9, 1, 0, 1, 0x42);
    ByteBuffer buf = garbage(64);
    call("Domctl_IoreqMarshaller", "write", io, buf, 0);
    // state:4 = 9, data_is_ptr:1 = 1, dir:1 = 0, df:1 = 1, the unnamed bit zero: 0b0101_1001
    assertEquals((byte) 0x59, buf.get(30));
    assertEquals((byte) 0x42, buf.get(31));
    Object back = call("Domctl_IoreqMarshaller", "read", buf, 0);
    assertEquals(9, get(back, "state"));
    assertEquals(1, get(back, "dataIsPtr"));
    assertEquals(0, get(back, "dir"));
    assertEquals(1, get(back, "df"));
    assertEquals(0, get(back, "pad1"), "an unnamed bit-field is never read");
  }

  @Test
  void aValueWiderThanTheBitFieldIsAnAbiRangeExceptionAndNothingIsWritten() throws Exception {
    Object io = ioreq(16, 0, 0, 0, 1);
    ByteBuffer buf = garbage(64);
    byte[] before = buf.array().clone();
    AbiRangeException e =
        assertThrows(
            AbiRangeException.class, () -> call("Domctl_IoreqMarshaller", "write", io, buf, 0));
    assertEquals("ioreq.state = 16 does not fit u4 (0..15)", e.getMessage());
    assertArrayEquals(before, buf.array());
  }

  @Test
  void bigEndianRecordWithSignedBitFields() throws Exception {
    Class<?> type = load(P + "Wire$BeHdr");
    Object hdr = type.getDeclaredConstructors()[0].newInstance(0xA, 0x123, -3, 0, 0x01020304L);
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      ByteBuffer buf = garbage(8).order(order);
      call("Wire_BeHdrMarshaller", "write", hdr, buf, 0);
      // version:4 then length:12 from the most significant bit: 0xA123; delta:5 = -3 = 0b11101 at
      // the top of the next unit: 0xE8 0x00; then the zero-width field aligns id to 4
      assertEquals("a123e80001020304", HexFormat.of().formatHex(buf.array()));
      Object back = call("Wire_BeHdrMarshaller", "read", buf, 0);
      assertEquals(hdr, back);
    }
    Object bad = type.getDeclaredConstructors()[0].newInstance(0, 0, 16, 0, 0L);
    AbiRangeException e =
        assertThrows(
            AbiRangeException.class,
            () -> call("Wire_BeHdrMarshaller", "write", bad, garbage(8), 0));
    assertEquals("be_hdr.delta = 16 does not fit s5 (-16..15)", e.getMessage());
  }

  // ---------------------------------------------------------------- packing and flexible arrays

  @Test
  void packedE820EntryIs20Bytes() throws Exception {
    assertEquals(20, constant("Wire_E820EntryMarshaller", "SIZE"));
    assertEquals(16, constant("Wire_E820EntryMarshaller", "OFFSET_TYPE"));
    Object e = newInstance("Wire$E820Entry");
    set(e, "addr", 0x100000L);
    set(e, "size", 0x7ff00000L);
    set(e, "type", 1L);
    ByteBuffer buf = garbage(41);
    call("Wire_E820EntryMarshaller", "write", e, buf, 21);
    assertEquals(
        "0000100000000000" + "0000f07f00000000" + "01000000",
        HexFormat.of().formatHex(buf.array(), 21, 41));
  }

  @Test
  void countedFlexibleArray() throws Exception {
    Object blob = newInstance("Wire$Blob");
    set(blob, "nr", 3L);
    set(blob, "entries", new long[] {7, 8, 0xFFFFFFFFL});
    assertEquals(4, constant("Wire_BlobMarshaller", "SIZE"));
    ByteBuffer buf = garbage(16);
    call("Wire_BlobMarshaller", "write", blob, buf, 0);
    assertEquals(
        "03000000" + "07000000" + "08000000" + "ffffffff", HexFormat.of().formatHex(buf.array()));
    Object back = call("Wire_BlobMarshaller", "read", buf, 0);
    assertArrayEquals(new long[] {7, 8, 0xFFFFFFFFL}, (long[]) get(back, "entries"));
    // the count says more elements than the buffer holds: nothing is read
    buf.putInt(0, 4);
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> call("Wire_BlobMarshaller", "read", buf, 0));
    assertEquals(
        "blob.entries: 4 elements of 4 bytes from offset 4 do not fit in a buffer with limit 16",
        e.getMessage());
    // the array and its count disagree: nothing is written
    set(blob, "nr", 2L);
    ByteBuffer out = garbage(16);
    byte[] before = out.array().clone();
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () -> call("Wire_BlobMarshaller", "write", blob, out, 0));
    assertEquals("blob.entries has 3 elements but blob.nr says 2", wrong.getMessage());
    assertArrayEquals(before, out.array());
    // a buffer too small for the elements: nothing is written
    set(blob, "nr", 3L);
    ByteBuffer small = garbage(12);
    byte[] smallBefore = small.array().clone();
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> call("Wire_BlobMarshaller", "write", blob, small, 0));
    assertArrayEquals(smallBefore, small.array());
  }

  @Test
  void flexibleArrayTheCallerCounts() throws Exception {
    Object tail = newInstance("Wire$Tail");
    set(tail, "kind", 5);
    set(tail, "words", new long[] {1, 2});
    assertEquals(8, constant("Wire_TailMarshaller", "SIZE"));
    ByteBuffer buf = garbage(24);
    call("Wire_TailMarshaller", "write", tail, buf, 0);
    assertEquals(
        "0500000000000000" + "0100000000000000" + "0200000000000000",
        HexFormat.of().formatHex(buf.array()));
    Object none = call("Wire_TailMarshaller", "read", buf, 0);
    assertEquals(0, ((long[]) get(none, "words")).length);
    Method read =
        load(P + "Wire_TailMarshaller").getMethod("read", ByteBuffer.class, int.class, int.class);
    Object two = read.invoke(null, buf, 0, 2);
    assertArrayEquals(new long[] {1, 2}, (long[]) get(two, "words"));
  }

  // ---------------------------------------------------------------- reflection

  private static Object domctl(long cmd) throws Exception {
    Object d = newInstance("Domctl$XenDomctl");
    set(d, "cmd", cmd);
    set(d, "pad", new int[3]);
    set(d, "u", newInstance("Domctl$U"));
    return d;
  }

  private static Object ioreq(int state, int dataIsPtr, int dir, int df, int type)
      throws Exception {
    Object io = newInstance("Domctl$Ioreq");
    set(io, "state", state);
    set(io, "dataIsPtr", dataIsPtr);
    set(io, "dir", dir);
    set(io, "df", df);
    set(io, "pad1", 1);
    set(io, "type", type);
    return io;
  }

  private static ByteBuffer garbage(int size) {
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < size; i++) {
      buf.put(i, (byte) 0xA5);
    }
    return buf;
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

  private static Object constant(String marshaller, String name) throws Exception {
    return load(P + marshaller).getField(name).get(null);
  }

  /**
   * A public static method of a marshaller, by name and argument count; its exception rethrown as
   * it is.
   */
  private static Object call(String marshaller, String name, Object... args) throws Exception {
    for (Method m : load(P + marshaller).getMethods()) {
      if (m.getName().equals(name)
          && m.getParameterCount() == args.length
          && (args.length == 0 || m.getParameterTypes()[args.length - 1] == int.class)
          && (args.length < 2 || !m.getParameterTypes()[1].isEnum())) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new AssertionError("no " + name + " in " + marshaller);
  }
}
