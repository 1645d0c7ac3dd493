package org.abiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@code AbiRuntime.codec(lookup, struct, abi, abiClasses...)}, the whole of a generated {@code
 * codec(String abi)}: the ABI class named after {@code abi}, its {@code SIZE} and {@code ALIGNMENT}
 * (the primary ABI's class inherits them), one codec per class however often asked, and for any
 * other name the ABIs there are.
 */
class AbiRuntimeCodecTest {
  /** A marshaller as abiguard writes one, of a struct of one {@code uint16_t} and padding. */
  public static class PairMarshaller {
    public static final int SIZE = 8;
    public static final int ALIGNMENT = 4;

    PairMarshaller() {}

    public static int[] read(ByteBuffer buf, int offset) {
      return new int[] {buf.getShort(offset) & 0xFFFF, 64};
    }

    public static void write(int[] value, ByteBuffer buf, int offset) {
      buf.putShort(offset, (short) value[0]);
    }

    public static AbiCodec<int[]> codec(String abi) {
      return AbiRuntime.codec(
          MethodHandles.lookup(), "struct pair", abi, X86_64.class, I386.class, Aarch64.class);
    }

    static AbiCodec<int[]> primaryOnly(String abi) {
      return AbiRuntime.codec(MethodHandles.lookup(), "struct pair", abi, X86_64.class);
    }

    static AbiCodec<int[]> twoAbis(String abi) {
      return AbiRuntime.codec(MethodHandles.lookup(), "struct pair", abi, X86_64.class, I386.class);
    }

    /** The primary ABI's class: the marshaller's members. */
    public static final class X86_64 extends PairMarshaller {
      private X86_64() {}
    }

    /** The same layout, another class. */
    public static final class Aarch64 extends PairMarshaller {
      private Aarch64() {}
    }

    /** Another layout, members of its own. */
    public static final class I386 {
      public static final int SIZE = 6;
      public static final int ALIGNMENT = 2;

      private I386() {}

      public static int[] read(ByteBuffer buf, int offset) {
        return new int[] {buf.getShort(offset) & 0xFFFF, 32};
      }

      public static void write(int[] value, ByteBuffer buf, int offset) {
        buf.putShort(offset, (short) ~value[0]);
      }
    }

    /** An ABI class without its constants. */
    public static final class Sparc {
      private Sparc() {}

      public static int[] read(ByteBuffer buf, int offset) {
        return new int[0];
      }

      public static void write(int[] value, ByteBuffer buf, int offset) {}
    }

    static AbiCodec<int[]> broken(String abi) {
      return AbiRuntime.codec(
          MethodHandles.lookup(), "struct pair", abi, X86_64.class, Sparc.class);
    }
  }

  @Test
  void eachAbiHasItsClasssCodecOnceWithItsConstants() {
    AbiCodec<int[]> x86 = PairMarshaller.codec("x86_64");
    AbiCodec<int[]> i386 = PairMarshaller.codec("i386");
    AbiCodec<int[]> aarch64 = PairMarshaller.codec("aarch64");
    assertEquals(8, x86.size());
    assertEquals(4, x86.alignment());
    assertEquals(6, i386.size());
    assertEquals(2, i386.alignment());
    assertEquals(8, aarch64.size());
    assertEquals("PairMarshaller.codec(\"x86_64\")", x86.toString());
    assertEquals("PairMarshaller.codec(\"i386\")", i386.toString());
    assertEquals("PairMarshaller.codec(\"aarch64\")", aarch64.toString());
    // the same instance whichever overload asks
    assertSame(x86, PairMarshaller.codec("x86_64"));
    assertSame(x86, PairMarshaller.primaryOnly("x86_64"));
    assertSame(i386, PairMarshaller.twoAbis("i386"));
    assertSame(
        x86,
        AbiRuntime.codec(
            MethodHandles.lookup(),
            PairMarshaller.X86_64.class,
            "x86_64",
            PairMarshaller.SIZE,
            PairMarshaller.ALIGNMENT));

    ByteBuffer buf = ByteBuffer.allocate(8);
    x86.write(new int[] {0x1234}, buf, 2);
    assertEquals(0x1234, x86.read(buf, 2)[0]);
    assertEquals(64, x86.read(buf, 2)[1]);
    i386.write(new int[] {0x1234}, buf, 2);
    assertEquals(0xEDCB, i386.read(buf, 2)[0]);
    assertEquals(32, i386.read(buf, 2)[1]);
  }

  @Test
  void anotherAbiIsRefusedNamingTheOnesThereAre() {
    assertNoCodec("x86_64, i386, aarch64", "sparc", () -> PairMarshaller.codec("sparc"));
    assertNoCodec("x86_64, i386", "aarch64", () -> PairMarshaller.twoAbis("aarch64"));
    assertNoCodec("x86_64", "i386", () -> PairMarshaller.primaryOnly("i386"));
    // names as the processor's option spells them: not the classes' names
    assertNoCodec("x86_64, i386, aarch64", "X86_64", () -> PairMarshaller.codec("X86_64"));
    assertNoCodec("x86_64, i386, aarch64", "", () -> PairMarshaller.codec(""));
    assertNoCodec("x86_64, i386, aarch64", "null", () -> PairMarshaller.codec(null));
  }

  @Test
  void anAbiClassWithoutItsConstantsIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairMarshaller.broken("sparc"));
    assertTrue(
        e.getMessage()
            .startsWith(PairMarshaller.Sparc.class.getName() + " has no usable static int SIZE"),
        e.getMessage());
  }

  private static void assertNoCodec(String generated, String abi, Runnable codec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, codec::run);
    assertEquals(
        "no codec of struct pair for ABI "
            + abi
            + "; generated for "
            + generated
            + " (the ABIs of -Aabiguard.abis the mirror is for)",
        e.getMessage());
  }
}
