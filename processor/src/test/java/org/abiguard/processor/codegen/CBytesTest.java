package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abiguard.AbiCodec;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bytes from C: a C program fills {@code xen_add_to_physmap} and {@code xen_memory_reservation} and
 * prints their bytes; {@code read} of those bytes returns exactly the values C stored and {@code
 * write} of the result reproduces exactly the bytes, on x86_64 and (via {@code gcc -m32}) i386.
 */
class CBytesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = TargetAbi.class,
      names = {"X86_64", "I386"})
  void readOfCBytesGivesCValuesAndWriteGivesCBytes(TargetAbi abi) throws Exception {
    CProgram program =
        CProgram.compile(
            "codegen/c-bytes/xen_structs.c",
            dir,
            abi == TargetAbi.I386 ? new String[] {"-m32"} : new String[] {"-m64"});
    StructModel physmap = Xen.addToPhysmap();
    StructModel reservation = Xen.memoryReservation();
    LoadedMarshallers generated = LoadedMarshallers.compile(physmap, reservation);
    Map<String, StructModel> byCName =
        Map.of(physmap.cName(), physmap, reservation.cName(), reservation);
    List<String> lines = program.run();
    assertEquals(2, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      Map<String, String> c = parse(line);
      StructModel struct = byCName.get(c.get("struct"));
      StructLayout layout = generated.layout(struct, abi);
      AbiCodec<Object> codec = generated.codec(struct, abi.manifestName());
      byte[] bytes = hex(c.get("bytes"));
      assertEquals(Integer.parseInt(c.get("sizeof")), codec.size(), "sizeof " + struct.cName());
      assertEquals(bytes.length, codec.size());
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        Object mirror = codec.read(ByteBuffer.wrap(bytes).order(order), 0);
        Map<String, Object> values = generated.toMap(struct, mirror);
        for (FieldLayout field : layout.fields()) {
          assertEquals(
              c.get(field.field().cName()),
              unsigned(values.get(field.field().javaName()), field.width()),
              struct.cName() + "." + field.field().cName() + " on " + abi.manifestName());
        }
        ByteBuffer out = ByteBuffer.allocate(bytes.length).order(order);
        codec.write(mirror, out, 0);
        assertArrayEquals(bytes, out.array(), struct.cName() + " written on " + abi.manifestName());
      }
    }
  }

  /** The Java value of an unsigned member as C prints it. */
  static String unsigned(Object value, Width width) {
    long bits = ((Number) value).longValue();
    long mask = width.bits() == 64 ? -1L : (1L << width.bits()) - 1;
    return Long.toUnsignedString(bits & mask);
  }

  static Map<String, String> parse(String line) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] words = line.split(" ");
    values.put("struct", words[0]);
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return values;
  }

  static byte[] hex(String commaSeparated) {
    String[] parts = commaSeparated.split(",");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }
}
