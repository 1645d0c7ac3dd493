package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.testing.BufferCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A value out of range in a nested struct, an array's element or an anonymous member is named with
 * where it is nested from the struct written, not only by the nested struct's own member ({@code
 * slot.gfn} alone did not say which of the ring's slots); nothing is written.
 */
class NestedRangeMessagesTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Ring",
          """
          package p;

          import org.abiguard.*;

          @AbiStruct(name = "ring")
          public class Ring {
            @U32 public long head;
            public Slot inner = new Slot();
            @AbiArray(3) public Slot[] slots = {new Slot(), new Slot(), new Slot()};
            @AbiAnonymous public Flags flags = new Flags();
            public Deep deep = new Deep();

            @AbiStruct(name = "slot")
            public static class Slot {
              @U16 public int gfn;
            }

            @AbiUnion(untagged = true)
            public static class Flags {
              @U8 public int bits;
            }

            @AbiStruct(name = "deep")
            public static class Deep {
              @AbiArray(2) public Slot[] pair = {new Slot(), new Slot()};
            }
          }
          """);

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @Test
  void anArraysElementIsNamedByIndex() throws Exception {
    Object ring = ring();
    set(Array.get(get(ring, "slots"), 2), "gfn", 70000);
    assertEquals(
        "slot.gfn = 70000 does not fit u16 (0..65535), in ring.slots[2]", writeFails(ring));
  }

  @Test
  void aNestedMemberIsNamed() throws Exception {
    Object ring = ring();
    set(get(ring, "inner"), "gfn", -1);
    assertEquals("slot.gfn = -1 does not fit u16 (0..65535), in ring.inner", writeFails(ring));
  }

  @Test
  void anAnonymousMemberIsNamed() throws Exception {
    Object ring = ring();
    set(get(ring, "flags"), "bits", 300);
    assertEquals(
        "Flags.bits = 300 does not fit u8 (0..255), in ring.(anonymous flags)", writeFails(ring));
  }

  @Test
  void everyLevelIsNamedInnermostFirst() throws Exception {
    Object ring = ring();
    set(Array.get(get(get(ring, "deep"), "pair"), 1), "gfn", 0x10000);
    assertEquals(
        "slot.gfn = 65536 does not fit u16 (0..65535), in deep.pair[1], in ring.deep",
        writeFails(ring));
  }

  @Test
  void everyAbisCodecNamesItToo() throws Exception {
    Object ring = ring();
    set(Array.get(get(ring, "slots"), 0), "gfn", 70000);
    Class<?> i386 = compiled.loadClass("p.RingMarshaller$I386");
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(i386, ring, ByteBuffer.allocate(64), 0));
    assertEquals(
        "slot.gfn = 70000 does not fit u16 (0..65535), in ring.slots[0]",
        e.getCause().getMessage());
  }

  private static Object ring() throws ReflectiveOperationException {
    return compiled.loadClass("p.Ring").getConstructor().newInstance();
  }

  /** Writes {@code ring}, which must throw before any byte; returns the message. */
  private static String writeFails(Object ring) throws ReflectiveOperationException {
    ByteBuffer buf = Buffers.filled(64, ByteOrder.LITTLE_ENDIAN);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(compiled.loadClass("p.RingMarshaller"), ring, buf, 0));
    AbiRangeException range = assertInstanceOf(AbiRangeException.class, e.getCause());
    assertInstanceOf(AbiRangeException.class, range.getCause(), "the nested check's exception");
    Buffers.assertUntouched(buf, "nothing written");
    return range.getMessage();
  }
}
