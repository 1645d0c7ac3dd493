package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * {@code MemorySegment} access (Java 22+): gets and puts through value layouts of the struct's byte
 * order, unaligned, which each ABI class declares ({@code LE_SHORT}, {@code LE_INT}, {@code
 * LE_LONG}, or {@code BE_...}). Only names are generated: the processor itself never loads a {@code
 * java.lang.foreign} class, so it runs on javac 17. Arrays of integers move one element at a time
 * here ({@link Access#getArray} is null): {@code AbiRuntime}, built for Java 17, has no whole-array
 * calls on a {@code MemorySegment}.
 */
final class SegmentAccess implements Access {
  static final ClassName MEMORY_SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
  static final ClassName MEMORY_LAYOUT = ClassName.get("java.lang.foreign", "MemoryLayout");
  static final ClassName STRUCT_LAYOUT = ClassName.get("java.lang.foreign", "StructLayout");
  static final ClassName UNION_LAYOUT = ClassName.get("java.lang.foreign", "UnionLayout");
  static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");
  private static final ClassName BYTE_ORDER = ClassName.get("java.nio", "ByteOrder");
  private static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");

  private final Order order;

  SegmentAccess(Order order) {
    this.order = order;
  }

  /** The marshaller's value layout of a multi-byte integer: {@code LE_SHORT}. */
  String valueLayout(int bytes) {
    return (order == Order.BIG ? "BE_" : "LE_")
        + (bytes == 2 ? "SHORT" : bytes == 4 ? "INT" : "LONG");
  }

  /**
   * {@code bytes} bytes: {@code JAVA_BYTE}, an unaligned {@code LE_INT} etc. for 2, 4, 8, else a
   * byte sequence.
   */
  CodeBlock bytesLayout(int bytes) {
    return switch (bytes) {
      case 1 -> CodeBlock.of("$T.JAVA_BYTE", VALUE_LAYOUT);
      case 2, 4, 8 -> CodeBlock.of("$L", valueLayout(bytes));
      default ->
          CodeBlock.of("$T.sequenceLayout($L, $T.JAVA_BYTE)", MEMORY_LAYOUT, bytes, VALUE_LAYOUT);
    };
  }

  /** The marshaller's three value layouts, in the struct's byte order and unaligned. */
  List<FieldSpec> valueLayouts() {
    String byteOrder = order == Order.BIG ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
    return List.of(
        valueLayout(2, "OfShort", "JAVA_SHORT_UNALIGNED", byteOrder),
        valueLayout(4, "OfInt", "JAVA_INT_UNALIGNED", byteOrder),
        valueLayout(8, "OfLong", "JAVA_LONG_UNALIGNED", byteOrder));
  }

  /**
   * The value layout of a float or double member in {@code LAYOUT}: {@code LE_FLOAT}, {@code
   * LE_DOUBLE}. Reads and writes move its bits through the integer layouts.
   */
  String floatLayout(int bytes) {
    return (order == Order.BIG ? "BE_" : "LE_") + (bytes == 4 ? "FLOAT" : "DOUBLE");
  }

  /**
   * The value layouts of the float and double members, unaligned in the struct's byte order: for
   * each size in {@code bytes} (4, 8) that a member of the type has, none otherwise.
   */
  List<FieldSpec> floatLayouts(java.util.SortedSet<Integer> bytes) {
    String byteOrder = order == Order.BIG ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
    List<FieldSpec> fields = new java.util.ArrayList<>();
    for (int n : bytes) {
      fields.add(
          n == 4
              ? layoutField(floatLayout(4), "OfFloat", "JAVA_FLOAT_UNALIGNED", byteOrder)
              : layoutField(floatLayout(8), "OfDouble", "JAVA_DOUBLE_UNALIGNED", byteOrder));
    }
    return fields;
  }

  private FieldSpec valueLayout(int bytes, String type, String base, String byteOrder) {
    return layoutField(valueLayout(bytes), type, base, byteOrder);
  }

  private static FieldSpec layoutField(String name, String type, String base, String byteOrder) {
    return FieldSpec.builder(
            VALUE_LAYOUT.nestedClass(type), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.$L.withOrder($T.$L)", VALUE_LAYOUT, base, BYTE_ORDER, byteOrder)
        .build();
  }

  @Override
  public String memory() {
    return "seg";
  }

  @Override
  public TypeName memoryType() {
    return MEMORY_SEGMENT;
  }

  @Override
  public TypeName offsetType() {
    return TypeName.LONG;
  }

  @Override
  public boolean usesSwap() {
    return false;
  }

  /**
   * The bounds check; then, for a type of scalars only, {@code seg} becomes the type's own {@code
   * SIZE} bytes and {@code offset} 0, so that each access below is checked against a constant,
   * which the JIT folds away (the segment's own check of every access otherwise stays). A type with
   * arrays or nested types keeps the caller's segment: it passes the segment on to bulk copies and
   * nested marshallers, where a slice could escape and cost an allocation.
   */
  @Override
  public CodeBlock prologue(
      StructModel type, String abi, CodeBlock bytes, boolean multiByte, boolean scalarsOnly) {
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement(checkBounds(bytes, type.cTypeName(), abi));
    if (scalarsOnly) {
      code.add("// from here on, seg is the $L's own SIZE bytes and offset is 0\n", type.kind())
          .addStatement("seg = seg.asSlice(offset, SIZE)")
          .addStatement("offset = 0");
    }
    return code.build();
  }

  @Override
  public CodeBlock get(Width width, CodeBlock index) {
    return width.bytes() == 1
        ? CodeBlock.of("seg.get($T.JAVA_BYTE, $L)", VALUE_LAYOUT, index)
        : CodeBlock.of("seg.get($L, $L)", valueLayout(width.bytes()), index);
  }

  @Override
  public CodeBlock put(Width width, CodeBlock index, CodeBlock bits) {
    return width.bytes() == 1
        ? CodeBlock.of("seg.set($T.JAVA_BYTE, $L, $L)", VALUE_LAYOUT, index, bits)
        : CodeBlock.of("seg.set($L, $L, $L)", valueLayout(width.bytes()), index, bits);
  }

  @Override
  public CodeBlock putNested(
      ClassName abiClass, CodeBlock value, CodeBlock index, boolean sameOrder) {
    return CodeBlock.of("$T.put($L, seg, $L)", abiClass, value, index);
  }

  @Override
  public String putArguments() {
    return "seg, offset";
  }

  @Override
  public CodeBlock getBytes(CodeBlock array, CodeBlock index, int length) {
    return CodeBlock.builder()
        .addStatement(
            "$T.copy(seg, $T.JAVA_BYTE, $L, $L, 0, $L)",
            MEMORY_SEGMENT,
            VALUE_LAYOUT,
            index,
            array,
            length)
        .build();
  }

  @Override
  public CodeBlock putBytes(CodeBlock index, CodeBlock array, int length) {
    return CodeBlock.builder()
        .addStatement(
            "$T.copy($L, 0, seg, $T.JAVA_BYTE, $L, $L)",
            MEMORY_SEGMENT,
            array,
            VALUE_LAYOUT,
            index,
            length)
        .build();
  }

  /**
   * A run of up to {@link #ZERO_STORE_BYTES} bytes as stores of 8, 4, 2 and 1 zero bytes (zero in
   * any byte order), with no slice that could escape and be allocated; a longer run through a
   * slice's {@code fill}.
   */
  @Override
  public CodeBlock zero(CodeBlock index, int count, String comment) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (count > ZERO_STORE_BYTES) {
      return code.add("seg.asSlice($L, $L).fill((byte) 0); // $L\n", index, count, comment).build();
    }
    int at = 0;
    for (int bytes : new int[] {8, 4, 2, 1}) {
      while (count - at >= bytes) {
        CodeBlock where = at == 0 ? index : CodeBlock.of("$L + $L", index, at);
        code.add(
            "seg.set($T.$L, $L, $L); // $L\n",
            VALUE_LAYOUT,
            bytes == 1 ? "JAVA_BYTE" : UNALIGNED.get(bytes),
            where,
            ZEROS.get(bytes),
            comment);
        at += bytes;
      }
    }
    return code.build();
  }

  /** The longest run of zero bytes written as stores (at most five) rather than a {@code fill}. */
  static final int ZERO_STORE_BYTES = 16;

  private static final java.util.Map<Integer, String> UNALIGNED =
      java.util.Map.of(
          2, "JAVA_SHORT_UNALIGNED", 4, "JAVA_INT_UNALIGNED", 8, "JAVA_LONG_UNALIGNED");
  private static final java.util.Map<Integer, String> ZEROS =
      java.util.Map.of(1, "(byte) 0", 2, "(short) 0", 4, "0", 8, "0L");

  /** Through a copy of the bytes the bits touch: {@code AbiRuntime.getBits} on a wrapped array. */
  @Override
  public CodeBlock getBits(CodeBlock index, int bitOffset, int bits, boolean bigEndian) {
    return CodeBlock.of(
        "$T.getBits($T.wrap(seg.asSlice($L, $L).toArray($T.JAVA_BYTE)), 0, $L, $L, $L)",
        RuntimeTypes.ABI_RUNTIME,
        BYTE_BUFFER,
        index,
        (bitOffset + bits + 7) / 8,
        VALUE_LAYOUT,
        bitOffset,
        bits,
        bigEndian);
  }

  /** Read-modify-write of a copy of the bytes the bits touch, copied back: other bits stay. */
  @Override
  public CodeBlock putBits(
      CodeBlock index, int bitOffset, int bits, boolean bigEndian, CodeBlock value) {
    int bytes = (bitOffset + bits + 7) / 8;
    return CodeBlock.of(
        "$T.copy($T.withBits(seg.asSlice($L, $L).toArray($T.JAVA_BYTE), $L, $L, $L, $L), 0, seg, "
            + "$T.JAVA_BYTE, $L, $L)",
        MEMORY_SEGMENT,
        RuntimeTypes.ABI_RUNTIME,
        index,
        bytes,
        VALUE_LAYOUT,
        bitOffset,
        bits,
        bigEndian,
        value,
        VALUE_LAYOUT,
        index,
        bytes);
  }

  @Override
  public CodeBlock flexibleCount(
      CodeBlock index, CodeBlock count, CodeBlock elementSize, String member, boolean signed) {
    return CodeBlock.of(
        signed
            ? "$T.flexibleCount(seg.byteSize(), $L, $L, $L, $S, true)"
            : "$T.flexibleCount(seg.byteSize(), $L, $L, $L, $S)",
        RuntimeTypes.ABI_RUNTIME,
        index,
        count,
        elementSize,
        member);
  }

  @Override
  public CodeBlock checkBounds(CodeBlock end, String cTypeName, String abi) {
    return CodeBlock.of(
        "$T.checkBounds(seg.byteSize(), offset, $L, $S, $S)",
        RuntimeTypes.ABI_RUNTIME,
        end,
        cTypeName,
        abi);
  }
}
