package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.testing.BufferCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The count of a flexible array in the marshallers' messages reads as its member holds it: a signed
 * count's negative value as negative, a {@code u64}'s raw bits as the unsigned value C sees, the
 * caller's {@code int count} as given. (A signed count of -3 used to read "says
 * 18446744073709551613".)
 */
class FlexibleCountMessagesTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Counted",
          """
          package p;

          import org.abiguard.*;

          public final class Counted {
            private Counted() {}

            @AbiStruct(name = "signed_count")
            public static class SignedCount {
              @S32 public int n;
              @AbiFlexible(count = "n") @U8 public int[] data = new int[0];
            }

            @AbiStruct(name = "u64_count")
            public static class U64Count {
              @U64 public long n;
              @AbiFlexible(count = "n") @U8 public int[] data = new int[0];
            }

            @AbiStruct(name = "caller_count")
            public static class CallerCount {
              @U32 public long kind;
              @AbiFlexible @U8 public int[] data = new int[0];
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
  void aNegativeSignedCountIsWrittenNegativeAndNothingIsWritten() throws Exception {
    Object value = newInstance("SignedCount");
    set(value, "n", -3);
    ByteBuffer out = filled(16);
    Throwable e = thrown(() -> BufferCalls.write(marshaller("SignedCount"), value, out, 0));
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals("signed_count.data has 0 elements but signed_count.n says -3", e.getMessage());
    Buffers.assertUntouched(out, "signed_count");
  }

  @Test
  void aNegativeSignedCountReadFromTheBufferIsWrittenNegative() {
    ByteBuffer in = filled(16).putInt(0, -2);
    Throwable e = thrown(() -> BufferCalls.read(marshaller("SignedCount"), in, 0));
    assertEquals(IndexOutOfBoundsException.class, e.getClass());
    assertEquals(
        "signed_count.data: -2 elements of 1 bytes from offset 4 do not fit in a buffer with limit"
            + " 16",
        e.getMessage());
  }

  @Test
  void aU64CountPastLongsRangeIsWrittenAsTheUnsignedValue() throws Exception {
    Object value = newInstance("U64Count");
    set(value, "n", -1L);
    Throwable e = thrown(() -> BufferCalls.write(marshaller("U64Count"), value, filled(16), 0));
    assertEquals(
        "u64_count.data has 0 elements but u64_count.n says 18446744073709551615", e.getMessage());
    ByteBuffer in = filled(16).putLong(0, -1L);
    Throwable read = thrown(() -> BufferCalls.read(marshaller("U64Count"), in, 0));
    assertEquals(
        "u64_count.data: 18446744073709551615 elements of 1 bytes from offset 8 do not fit in a"
            + " buffer with limit 16",
        read.getMessage());
  }

  @Test
  void aNegativeCountFromTheCallerIsWrittenNegative() {
    Throwable e =
        thrown(
            () ->
                marshaller("CallerCount")
                    .getMethod("read", ByteBuffer.class, int.class, int.class)
                    .invoke(null, filled(16), 0, -5));
    assertEquals(IndexOutOfBoundsException.class, e.getClass());
    assertEquals(
        "caller_count.data: -5 elements of 1 bytes from offset 4 do not fit in a buffer with limit"
            + " 16",
        e.getMessage());
  }

  private interface Call {
    void run() throws ReflectiveOperationException;
  }

  /** What the generated method threw. */
  private static Throwable thrown(Call call) {
    InvocationTargetException e = assertThrows(InvocationTargetException.class, call::run);
    return e.getCause();
  }

  private static Class<?> marshaller(String type) {
    try {
      return compiled.loadClass("p.Counted_" + type + "Marshaller");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static Object newInstance(String type) throws ReflectiveOperationException {
    var c = compiled.loadClass("p.Counted$" + type).getDeclaredConstructor();
    c.setAccessible(true);
    return c.newInstance();
  }

  private static ByteBuffer filled(int size) {
    return Buffers.filled(size, ByteOrder.LITTLE_ENDIAN);
  }
}
