package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Buffers.FILL;
import static org.abiguard.processor.codegen.Buffers.assertUntouched;
import static org.abiguard.processor.codegen.Buffers.filled;
import static org.abiguard.processor.codegen.Buffers.slice;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every C width in every Java type that may hold it, on every ABI, as class and record, little and
 * big endian: edge values encode to exactly the expected bytes and decode back, values that do not
 * fit are rejected with the buffer untouched, random values and random bytes round-trip.
 */
class ScalarEncodingTest {
  private static final int OFFSET = 3;

  private static final StructModel CLASS_LE = Scalars.struct("Scalars", false, false);
  private static final StructModel RECORD_LE = Scalars.struct("ScalarsRecord", true, false);
  private static final StructModel CLASS_BE = Scalars.struct("ScalarsBig", false, true);
  private static final StructModel RECORD_BE = Scalars.struct("ScalarsBigRecord", true, true);

  private static LoadedMarshallers generated;

  @BeforeAll
  static void compile() {
    generated =
        LoadedMarshallers.compile(
            List.of(TargetAbi.values()), CLASS_LE, RECORD_LE, CLASS_BE, RECORD_BE);
  }

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (TargetAbi abi : TargetAbi.values()) {
      for (StructModel struct : List.of(CLASS_LE, RECORD_LE, CLASS_BE, RECORD_BE)) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
          cases.add(Arguments.of(abi, struct.relativeName(), order.toString()));
        }
      }
    }
    return cases;
  }

  private static StructModel named(String name) {
    return List.of(CLASS_LE, RECORD_LE, CLASS_BE, RECORD_BE).stream()
        .filter(s -> s.relativeName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ByteOrder order(String name) {
    return name.equals(ByteOrder.BIG_ENDIAN.toString())
        ? ByteOrder.BIG_ENDIAN
        : ByteOrder.LITTLE_ENDIAN;
  }

  @ParameterizedTest(name = "{0} {1} in a {2} buffer")
  @MethodSource("cases")
  void edgeValuesEncodeExactlyOrAreRejectedWithTheBufferUntouched(
      TargetAbi abi, String name, String bufferOrder) {
    StructModel struct = named(name);
    StructLayout layout = generated.layout(struct, abi);
    AbiCodec<Object> codec = generated.codec(struct, abi.manifestName());
    boolean big = struct.order() == Order.BIG;
    List<Executable> checks = new ArrayList<>();
    for (FieldLayout field : layout.fields()) {
      JavaKind kind = Scalars.kind(field.field());
      Width width = Scalars.width(field.field(), abi);
      for (long value : Scalars.edges(kind, width)) {
        checks.add(
            () -> {
              String what = field.field().javaName() + " = " + value;
              Object mirror =
                  generated.newMirror(
                      struct, Map.of(field.field().javaName(), Scalars.box(kind, value)));
              ByteBuffer buf = filled(layout.size() + 2 * OFFSET, order(bufferOrder));
              if (Scalars.fits(kind, width, value)) {
                codec.write(mirror, buf, OFFSET);
                byte[] expected = new byte[layout.size()];
                System.arraycopy(
                    Scalars.encode(value, width.bytes(), big),
                    0,
                    expected,
                    field.offset(),
                    width.bytes());
                assertArrayEquals(expected, slice(buf, OFFSET, layout.size()), what);
                assertEquals(FILL, buf.get(OFFSET - 1), what + ": byte before the struct");
                assertEquals(
                    FILL, buf.get(OFFSET + layout.size()), what + ": byte after the struct");
                assertEquals(
                    generated.toMap(struct, mirror),
                    generated.toMap(struct, codec.read(buf, OFFSET)),
                    what);
              } else {
                AbiRangeException e =
                    assertThrows(
                        AbiRangeException.class, () -> codec.write(mirror, buf, OFFSET), what);
                assertTrue(
                    e.getMessage()
                        .startsWith(
                            "scalars."
                                + field.field().cName()
                                + " = "
                                + shown(field.field().type(), value)
                                + " does not fit "
                                + width),
                    e.getMessage());
                assertUntouched(buf, what);
              }
            });
      }
    }
    assertAll(checks);
  }

  /**
   * A value as a range message writes it: an unsigned C {@code long}'s or pointer's Java {@code
   * long} holds its bits, so a negative one is written unsigned, as C sees it.
   */
  private static String shown(MemberType type, long value) {
    boolean unsignedBits =
        type instanceof MemberType.PointerType
            || (type instanceof MemberType.IntType integer
                && integer.nativeLong()
                && !integer.width().signed());
    return unsignedBits ? Long.toUnsignedString(value) : Long.toString(value);
  }

  @ParameterizedTest(name = "{0} {1} in a {2} buffer")
  @MethodSource("cases")
  void randomBytesReadThenWriteBackIdenticallyWithZeroPadding(
      TargetAbi abi, String name, String bufferOrder) {
    StructModel struct = named(name);
    StructLayout layout = generated.layout(struct, abi);
    AbiCodec<Object> codec = generated.codec(struct, abi.manifestName());
    boolean[] padding = padding(layout);
    Random random = new Random(0xAB1 + abi.ordinal() * 31L + name.hashCode());
    for (int iteration = 0; iteration < 300; iteration++) {
      byte[] bytes = new byte[layout.size() + 16];
      random.nextBytes(bytes);
      int offset = random.nextInt(17);
      ByteBuffer in =
          ByteBuffer.wrap(bytes.clone()).order(order(bufferOrder)).limit(offset + layout.size());
      Object mirror = codec.read(in, offset);
      ByteBuffer out = ByteBuffer.wrap(bytes.clone()).order(order(bufferOrder));
      codec.write(mirror, out, offset);
      for (int i = 0; i < layout.size(); i++) {
        byte expected = padding[i] ? 0 : bytes[offset + i];
        assertEquals(expected, out.get(offset + i), "byte " + i + " of iteration " + iteration);
      }
      assertEquals(bytes[bytes.length - 1], out.get(bytes.length - 1));
    }
  }

  @ParameterizedTest(name = "{0} {1} in a {2} buffer")
  @MethodSource("cases")
  void randomValuesThatFitRoundTrip(TargetAbi abi, String name, String bufferOrder) {
    StructModel struct = named(name);
    StructLayout layout = generated.layout(struct, abi);
    AbiCodec<Object> codec = generated.codec(struct, abi.manifestName());
    Random random = new Random(42 + abi.ordinal() + name.hashCode());
    ByteBuffer buf = ByteBuffer.allocate(layout.size() + 8).order(order(bufferOrder));
    for (int iteration = 0; iteration < 300; iteration++) {
      Map<String, Object> values = new HashMap<>();
      for (FieldLayout field : layout.fields()) {
        JavaKind kind = Scalars.kind(field.field());
        Width width = Scalars.width(field.field(), abi);
        long value;
        do {
          value = random.nextLong() >> random.nextInt(64);
          value = (byte) value == value || random.nextBoolean() ? value : value >>> 1;
        } while (!Scalars.representable(kind, value) || !Scalars.fits(kind, width, value));
        values.put(field.field().javaName(), Scalars.box(kind, value));
      }
      Object mirror = generated.newMirror(struct, values);
      int offset = random.nextInt(9);
      codec.write(mirror, buf, offset);
      assertEquals(
          generated.toMap(struct, mirror),
          generated.toMap(struct, codec.read(buf, offset)),
          "iteration " + iteration);
      assertEquals(0, buf.position());
      assertEquals(order(bufferOrder), buf.order());
    }
  }

  private static boolean[] padding(StructLayout layout) {
    boolean[] padding = new boolean[layout.size()];
    Arrays.fill(padding, true);
    for (FieldLayout field : layout.fields()) {
      Arrays.fill(padding, field.offset(), field.offset() + field.size(), false);
    }
    return padding;
  }
}
