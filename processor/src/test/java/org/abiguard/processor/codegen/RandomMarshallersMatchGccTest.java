package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.abiguard.AbiCodec;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.testing.CHarness;
import org.abiguard.processor.testing.RandomCTypes;
import org.abiguard.processor.testing.StructDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated marshallers of random structs and unions (bit-fields, unions, anonymous and
 * untagged members, flexible arrays, packing, big-endian; compiled warning-free under {@code
 * -Xlint:all -Werror}) against gcc: C assigns random values to one random member path of each type
 * (one member of each union) through the real declaration and prints the bytes; the marshaller's
 * {@code write} of the same values must give exactly those bytes, and its {@code read} of C's bytes
 * must give back the values. On x86_64 and i386 (natively) and aarch64 (under qemu-aarch64), each
 * where it runs. Under JDK 22 or later the marshallers are compiled with {@code --release 22}, and
 * their {@code MemorySegment} {@code write} and {@code read} must do the same, their {@code LAYOUT}
 * have {@code SIZE}, {@code ALIGNMENT} and every named ordinary member's {@code OFFSET_}.
 */
class RandomMarshallersMatchGccTest {
  private static final int TYPES = Integer.getInteger("abiguard.fuzz.codegenTypes", 120);
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261129L);
  private static final List<TargetAbi> ABIS =
      List.of(TargetAbi.X86_64, TargetAbi.I386, TargetAbi.AARCH64);

  @TempDir Path dir;

  @Test
  void marshallersWriteAndReadWhatGccDoes() {
    RandomCTypes.Family family = new RandomCTypes(SEED, "g").generate(TYPES);
    boolean foreign = Runtime.version().feature() >= 22;
    List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Werror"));
    if (foreign) {
      options.addAll(List.of("--release", "22"));
    }
    LoadedMarshallers generated =
        LoadedMarshallers.compile(ABIS, options, family.models().toArray(new StructModel[0]));
    Segments segments = foreign ? new Segments() : null;
    int layoutsCompared = 0;
    Map<String, StructModel> byName = new LinkedHashMap<>();
    family.models().forEach(m -> byName.put(m.javaName(), m));
    List<StructModel> topLevel = family.topLevel();
    int ran = 0;
    for (TargetAbi abi : ABIS) {
      Optional<String> cannotRun =
          CHarness.compilerProblem(abi).or(() -> CHarness.emulatedRunProblem(abi));
      if (cannotRun.isPresent()) {
        System.out.println("[codegen fuzz " + abi.manifestName() + "] not run: " + cannotRun.get());
        continue;
      }
      ran++;
      Filler filler = new Filler(generated, byName, abi, new Random(SEED + abi.ordinal()));
      StringBuilder c =
          new StringBuilder(
              "#include <stdio.h>\n#include <string.h>\n#include <stdint.h>\n"
                  + "static void dump(const char *name, const void *p, size_t n) {\n"
                  + "    const unsigned char *b = p;\n    printf(\"%s \", name);\n"
                  + "    for (size_t i = 0; i < n; i++) printf(\"%02x\", b[i]);\n    printf(\"\\n\");\n}\n");
      Map<String, Object> expected = new LinkedHashMap<>();
      for (StructModel m : topLevel) {
        List<String> statements = new ArrayList<>();
        filler.flexibleEnds.clear();
        expected.put(m.javaName(), filler.fill(m, "", statements));
        // room past sizeof for the elements of a flexible array, its own or a nested one's
        c.append("static void fill_")
            .append(m.cName())
            .append("(void) {\n    static union { ")
            .append(m.cTypeName())
            .append(" t; unsigned char room[sizeof(")
            .append(m.cTypeName())
            .append(") + 256]; } storage;\n    size_t n = sizeof storage.t;\n")
            .append("    memset(&storage, 0, sizeof storage);\n#define v storage.t\n");
        statements.forEach(st -> c.append("    ").append(st).append('\n'));
        for (String end : filler.flexibleEnds) {
          // (offsetof: a big-endian scalar has no address)
          c.append("    if (__builtin_offsetof(")
              .append(m.cTypeName())
              .append(", ")
              .append(end)
              .append(") > n) n = __builtin_offsetof(")
              .append(m.cTypeName())
              .append(", ")
              .append(end)
              .append(");\n");
        }
        c.append("#undef v\n    dump(\"").append(m.javaName()).append("\", &storage.t, n);\n}\n");
      }
      c.append("int main(void) {\n");
      topLevel.forEach(m -> c.append("    fill_").append(m.cName()).append("();\n"));
      c.append("    return 0;\n}\n");
      Path header = CHarness.write(dir, "types.h", family.header());
      CHarness.Result result =
          CHarness.buildAndRunEmulated(
              abi, dir, "fill.c", c.toString(), List.of("-w", "-include", header.toString()));
      assertEquals(0, result.exitCode(), result::describe);
      int compared = 0;
      int shortWrites = 0;
      for (String line : result.output().strip().split("\n")) {
        String[] words = line.split(" ");
        StructModel m = byName.get(words[0]);
        byte[] cBytes = HexFormat.of().parseHex(words.length > 1 ? words[1] : "");
        AbiCodec<Object> codec = generated.codec(m, abi.manifestName());
        String where = m.cTypeName() + " on " + abi.manifestName();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
          ByteBuffer out = ByteBuffer.allocate(cBytes.length + 8).order(order);
          for (int i = 0; i < out.capacity(); i++) {
            out.put(i, (byte) 0xA5); // garbage: write must set every byte of the type
          }
          codec.write(expected.get(m.javaName()), out, 3);
          byte[] written = new byte[cBytes.length];
          out.get(3, written);
          assertEquals(
              HexFormat.of().formatHex(cBytes),
              HexFormat.of().formatHex(written),
              "write of " + where);
          assertEquals((byte) 0xA5, out.get(2), "byte before " + where);
          assertEquals((byte) 0xA5, out.get(3 + cBytes.length), "byte after " + where);
          Object read = codec.read(ByteBuffer.wrap(cBytes).order(order), 0);
          filler.assertSameValues(m, expected.get(m.javaName()), read, where);
        }
        if (cBytes.length > 0) {
          // one byte short of the type: refused before the first byte
          Object value = expected.get(m.javaName());
          ByteBuffer small = ByteBuffer.allocate(3 + cBytes.length - 1);
          java.util.Arrays.fill(small.array(), (byte) 0xA5);
          assertThrows(
              IndexOutOfBoundsException.class,
              () -> codec.write(value, small, 3),
              "write of " + where + " one byte short");
          assertUntouched(small.array(), "write of " + where + " one byte short");
          if (segments != null) {
            Class<?> abiClass =
                generated.load(generated.marshaller(m).getName() + "$" + abi.className());
            Object seg = segments.filled(3 + cBytes.length - 1);
            assertThrows(
                IndexOutOfBoundsException.class,
                () ->
                    LoadedMarshallers.invoke(
                        abiClass,
                        "write",
                        new Class<?>[] {generated.mirror(m), segments.type, long.class},
                        value,
                        seg,
                        3L),
                "segment write of " + where + " one byte short");
            assertUntouched(segments.bytes(seg), "segment write of " + where + " one byte short");
          }
          shortWrites++;
        }
        if (segments != null) {
          Class<?> abiClass =
              generated.load(generated.marshaller(m).getName() + "$" + abi.className());
          Object seg = segments.filled(cBytes.length + 8);
          LoadedMarshallers.invoke(
              abiClass,
              "write",
              new Class<?>[] {generated.mirror(m), segments.type, long.class},
              expected.get(m.javaName()),
              seg,
              3L);
          byte[] written = segments.bytes(seg);
          assertEquals(
              HexFormat.of().formatHex(cBytes),
              HexFormat.of().formatHex(written, 3, 3 + cBytes.length),
              "segment write of " + where);
          assertEquals((byte) 0xA5, written[2], "byte before " + where);
          assertEquals((byte) 0xA5, written[3 + cBytes.length], "byte after " + where);
          Object read =
              LoadedMarshallers.invoke(
                  abiClass,
                  "read",
                  new Class<?>[] {segments.type, long.class},
                  segments.of(cBytes),
                  0L);
          filler.assertSameValues(m, expected.get(m.javaName()), read, "segment read of " + where);
        }
        compared++;
      }
      assertEquals(topLevel.size(), compared);
      if (segments != null) {
        for (StructModel m : family.models()) {
          segments.assertLayout(generated, m, abi);
          layoutsCompared++;
        }
      }
      System.out.println(
          "[codegen fuzz "
              + abi.manifestName()
              + "] "
              + family.models().size()
              + " types generated"
              + " and compiled, "
              + compared
              + " top-level types written and read against gcc ("
              + filler.leaves
              + " values, "
              + filler.floats
              + " of them floats or doubles; elements in "
              + filler.flexibleOwn
              + " flexible arrays of their own and "
              + filler.flexibleNested
              + " of nested types), 0 mismatches; "
              + shortWrites
              + " writes one byte short refused with the memory untouched");
    }
    System.out.println(
        "[codegen fuzz] ABIs run: "
            + ran
            + (foreign
                ? ", with MemorySegment reads and writes; "
                    + layoutsCompared
                    + " LAYOUTs compared with SIZE, ALIGNMENT and OFFSET_"
                : ""));
  }

  private static void assertUntouched(byte[] memory, String what) {
    for (int i = 0; i < memory.length; i++) {
      assertEquals((byte) 0xA5, memory[i], what + ": byte " + i + " written");
    }
  }

  /** {@code java.lang.foreign} through reflection: the test itself is Java 17. */
  private static final class Segments {
    final Class<?> type;
    private final Class<?> layoutType;
    private final Class<?> pathElement;
    private final Object javaByte;
    private final Class<?> ofByte;

    Segments() {
      try {
        type = Class.forName("java.lang.foreign.MemorySegment");
        layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        pathElement = Class.forName("java.lang.foreign.MemoryLayout$PathElement");
        javaByte = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_BYTE").get(null);
        ofByte = Class.forName("java.lang.foreign.ValueLayout$OfByte");
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    Object of(byte[] bytes) {
      return call(null, type, "ofArray", new Class<?>[] {byte[].class}, (Object) bytes);
    }

    Object filled(int size) {
      byte[] bytes = new byte[size];
      java.util.Arrays.fill(bytes, (byte) 0xA5);
      return of(bytes);
    }

    byte[] bytes(Object seg) {
      return (byte[]) call(seg, type, "toArray", new Class<?>[] {ofByte}, javaByte);
    }

    /** LAYOUT's size, alignment and the offsets of the named ordinary members. */
    void assertLayout(LoadedMarshallers generated, StructModel m, TargetAbi abi) {
      String abiClass = abi.className();
      String where = m.cTypeName() + " LAYOUT on " + abi.manifestName();
      try {
        Object layout =
            generated
                .load(generated.marshaller(m).getName() + "$" + abiClass)
                .getField("LAYOUT")
                .get(null);
        assertEquals(
            (long) generated.constant(m, abiClass, "SIZE"),
            call(layout, layoutType, "byteSize", new Class<?>[0]),
            where + ": size");
        assertEquals(
            (long) generated.constant(m, abiClass, "ALIGNMENT"),
            call(layout, layoutType, "byteAlignment", new Class<?>[0]),
            where + ": alignment");
        for (FieldModel f : m.fields()) {
          if (f.isBitField() || !f.hasCName()) {
            continue;
          }
          Object path = java.lang.reflect.Array.newInstance(pathElement, 1);
          java.lang.reflect.Array.set(
              path,
              0,
              call(null, pathElement, "groupElement", new Class<?>[] {String.class}, f.cName()));
          assertEquals(
              (long) generated.constant(m, abiClass, ConstantNames.offsetConstant(f)),
              call(layout, layoutType, "byteOffset", new Class<?>[] {path.getClass()}, path),
              where + ": " + f.cName());
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    private static Object call(
        Object target, Class<?> type, String name, Class<?>[] parameters, Object... args) {
      try {
        return type.getMethod(name, parameters).invoke(target, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw new AssertionError(name + ": " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Types that no other type nests: the ones C fills as variables. */

  /** Builds mirrors with random values and the C statements that store the same values. */
  private static final class Filler {
    final LoadedMarshallers generated;
    final Map<String, StructModel> byName;
    final TargetAbi abi;
    final Random random;
    int leaves;

    /** Of the leaves, the floats and doubles. */
    int floats;

    /**
     * For the value being filled, one past the last element of each flexible array, as a C path.
     */
    final List<String> flexibleEnds = new ArrayList<>();

    /** Flexible arrays given elements: the type's own, and those of a nested type. */
    int flexibleOwn;

    int flexibleNested;

    Filler(
        LoadedMarshallers generated,
        Map<String, StructModel> byName,
        TargetAbi abi,
        Random random) {
      this.generated = generated;
      this.byName = byName;
      this.abi = abi;
      this.random = random;
    }

    Object fill(StructModel m, String prefix, List<String> c) {
      return fill(m, prefix, c, true);
    }

    /**
     * @param flexBytes whether the flexible arrays the value ends in have bytes: not in an array's
     *     element or a member followed by others, where C gives them none (they stay empty)
     */
    private Object fill(StructModel m, String prefix, List<String> c, boolean flexBytes) {
      try {
        Object mirror = generated.mirror(m).getDeclaredConstructor().newInstance();
        List<FieldModel> members = m.fields().stream().filter(f -> !f.unnamed()).toList();
        if (m.union() && !members.isEmpty()) {
          members = List.of(members.get(random.nextInt(members.size())));
        }
        for (FieldModel f : m.fields()) {
          Field field = generated.mirror(m).getDeclaredField(f.javaName());
          field.setAccessible(true);
          if (f.flexible()) {
            field.set(
                mirror,
                flexBytes
                    ? flexible(f, prefix + f.cName(), c)
                    : Array.newInstance(field.getType().getComponentType(), 0));
            continue;
          }
          if (!members.contains(f)) {
            continue;
          }
          String path = f.anonymous() ? prefix : prefix + f.cName();
          boolean tail = m.tailMembers().contains(f);
          field.set(mirror, value(f.type(), f, path, c, flexBytes && tail));
        }
        return mirror;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * Zero to three elements (rows) of a flexible array, stored by C past the struct's {@code
     * sizeof}; the C expression one past its last element joins {@link #flexibleEnds}.
     */
    private Object flexible(FieldModel f, String path, List<String> c) {
      MemberType.ArrayType type = (MemberType.ArrayType) f.type();
      int rows = random.nextInt(4);
      List<Integer> dims = new ArrayList<>(type.dims());
      dims.set(0, rows);
      int perRow = dims.stream().skip(1).reduce(1, (a, b) -> a * b);
      flexibleEnds.add(path + "[" + rows + "]");
      if (rows > 0 && path.equals(f.cName())) {
        flexibleOwn++;
      } else if (rows > 0) {
        flexibleNested++;
      }
      return value(
          new MemberType.ArrayType(rows * perRow, type.element(), dims),
          new FieldModel(f.javaName(), f.cName(), type, 0),
          path,
          c,
          false);
    }

    private Object value(
        MemberType type, FieldModel f, String path, List<String> c, boolean flexBytes) {
      if (type instanceof MemberType.StructType s) {
        StructModel nested = byName.get(s.javaName());
        return fill(nested, f.anonymous() ? path : path + ".", c, flexBytes);
      }
      if (type instanceof MemberType.ArrayType array) {
        Class<?> element =
            array.element() instanceof MemberType.StructType s
                ? generated.mirror(byName.get(s.javaName()))
                : array.element() instanceof MemberType.FloatType floating
                    ? (floating.bits() == 32 ? float.class : double.class)
                    : long.class;
        Object values = Array.newInstance(element, array.length());
        for (int i = 0; i < array.length(); i++) {
          Array.set(
              values,
              i,
              value(
                  array.element(),
                  new FieldModel(f.javaName(), f.cName(), array.element(), 0),
                  path + StructDump.indices(array.dims(), i),
                  c,
                  false));
        }
        return values;
      }
      if (type instanceof MemberType.FloatType floating) {
        return floating(floating, path, c);
      }
      Width w;
      boolean pointer = type instanceof MemberType.PointerType;
      if (pointer) {
        w = new Width(abi.pointerBytes() * 8, false);
      } else if (f.isBitField()) {
        w = f.valueWidth();
      } else {
        MemberType.IntType t = (MemberType.IntType) type;
        w = t.nativeLong() ? new Width(abi.longBytes() * 8, t.width().signed()) : t.width();
      }
      long v = random.nextLong();
      if (w.bits() < 64) {
        v = w.signed() ? v << (64 - w.bits()) >> (64 - w.bits()) : v >>> (64 - w.bits());
      }
      leaves++;
      String literal =
          w.signed()
              ? (v == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : v + "LL")
              : "0x" + Long.toHexString(v) + "ULL";
      c.add("v." + path + " = " + (pointer ? "(void *)(uintptr_t)" : "") + literal + ";");
      return v;
    }

    /**
     * A random finite float or double (any bits but a NaN's or an infinity's: subnormals and {@code
     * -0.0} too), which C assigns from its exact hexadecimal literal.
     */
    private Object floating(MemberType.FloatType type, String path, List<String> c) {
      leaves++;
      floats++;
      if (type.bits() == 32) {
        float f;
        do {
          f = Float.intBitsToFloat(random.nextInt());
        } while (!Float.isFinite(f));
        c.add("v." + path + " = " + Float.toHexString(f) + "f;");
        return f;
      }
      double d;
      do {
        d = Double.longBitsToDouble(random.nextLong());
      } while (!Double.isFinite(d));
      c.add("v." + path + " = " + Double.toHexString(d) + ";");
      return d;
    }

    /** Whether a member's value is all zero bits (a union's member left unset). */
    private static boolean zeroBits(Object value) {
      return Long.valueOf(0L).equals(value)
          || (value instanceof Float f && Float.floatToRawIntBits(f) == 0)
          || (value instanceof Double d && Double.doubleToRawLongBits(d) == 0);
    }

    /** The values read back equal those filled in (for a union: its filled member). */
    void assertSameValues(StructModel m, Object expected, Object actual, String where) {
      try {
        for (FieldModel f : m.fields()) {
          if (f.unnamed() || f.flexible()) {
            continue;
          }
          Field field = generated.mirror(m).getDeclaredField(f.javaName());
          field.setAccessible(true);
          Object e = field.get(expected);
          if (m.union() && (e == null || zeroBits(e))) {
            continue;
          }
          compare(f.type(), e, field.get(actual), where + " " + f.javaName());
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    private void compare(MemberType type, Object e, Object a, String where) {
      if (type instanceof MemberType.StructType s) {
        assertSameValues(byName.get(s.javaName()), e, a, where);
      } else if (type instanceof MemberType.ArrayType array) {
        for (int i = 0; i < Array.getLength(e); i++) {
          compare(array.element(), Array.get(e, i), Array.get(a, i), where + "[" + i + "]");
        }
      } else {
        assertEquals(e, a, where);
      }
    }
  }
}
