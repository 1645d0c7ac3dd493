package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * {@code ByteBuffer} access: absolute gets and puts through {@code AbiRuntime}, with the bytes of
 * each integer reversed when the buffer's order is not the struct's ({@code swap}).
 */
final class BufferAccess implements Access {
  private static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");

  private final Order order;

  BufferAccess(Order order) {
    this.order = order;
  }

  @Override
  public String memory() {
    return "buf";
  }

  @Override
  public TypeName memoryType() {
    return BYTE_BUFFER;
  }

  @Override
  public TypeName offsetType() {
    return TypeName.INT;
  }

  @Override
  public boolean usesSwap() {
    return true;
  }

  @Override
  public CodeBlock prologue(
      StructModel type, String abi, CodeBlock bytes, boolean multiByte, boolean scalarsOnly) {
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement(checkBounds(bytes, type.cTypeName(), abi));
    if (multiByte) {
      code.add(
          "boolean swap = $T.$L(buf); // reverse each integer's bytes if the buffer's order is $L\n",
          RuntimeTypes.ABI_RUNTIME,
          order == Order.BIG ? "swapForBigEndian" : "swapForLittleEndian",
          order == Order.BIG ? "little endian" : "big endian");
    }
    return code.build();
  }

  @Override
  public CodeBlock get(Width width, CodeBlock index) {
    return switch (width.bytes()) {
      case 1 -> CodeBlock.of("buf.get($L)", index);
      case 2 -> CodeBlock.of("$T.getShort(buf, $L, swap)", RuntimeTypes.ABI_RUNTIME, index);
      case 4 -> CodeBlock.of("$T.getInt(buf, $L, swap)", RuntimeTypes.ABI_RUNTIME, index);
      default -> CodeBlock.of("$T.getLong(buf, $L, swap)", RuntimeTypes.ABI_RUNTIME, index);
    };
  }

  @Override
  public CodeBlock put(Width width, CodeBlock index, CodeBlock bits) {
    return switch (width.bytes()) {
      case 1 -> CodeBlock.of("buf.put($L, $L)", index, bits);
      case 2 ->
          CodeBlock.of("$T.putShort(buf, $L, $L, swap)", RuntimeTypes.ABI_RUNTIME, index, bits);
      case 4 -> CodeBlock.of("$T.putInt(buf, $L, $L, swap)", RuntimeTypes.ABI_RUNTIME, index, bits);
      default ->
          CodeBlock.of("$T.putLong(buf, $L, $L, swap)", RuntimeTypes.ABI_RUNTIME, index, bits);
    };
  }

  /** An absolute bulk get: the buffer's position stays. */
  @Override
  public CodeBlock getBytes(CodeBlock array, CodeBlock index, int length) {
    return CodeBlock.builder().addStatement("buf.get($L, $L)", index, array).build();
  }

  /** An absolute bulk put: the buffer's position stays. */
  @Override
  public CodeBlock putBytes(CodeBlock index, CodeBlock array, int length) {
    return CodeBlock.builder().addStatement("buf.put($L, $L)", index, array).build();
  }

  /** {@code AbiRuntime.getUnsignedInts(buf, offset + OFFSET_FRAMES, value.frames, 4, swap)}. */
  @Override
  public @Nullable CodeBlock getArray(
      ScalarCode element, CodeBlock array, CodeBlock index, CodeBlock count) {
    return element.movesAsArray() ? arrayCall(element.arrayGet(), index, array, count) : null;
  }

  /** {@code AbiRuntime.putInts(buf, offset + OFFSET_FRAMES, value.frames, 4, swap)}. */
  @Override
  public @Nullable CodeBlock putArray(
      ScalarCode element, CodeBlock index, CodeBlock array, CodeBlock count) {
    return element.movesAsArray() ? arrayCall(element.arrayPut(), index, array, count) : null;
  }

  /** One {@code AbiRuntime} call that moves a whole array between the buffer and {@code array}. */
  private static CodeBlock arrayCall(
      String method, CodeBlock index, CodeBlock array, CodeBlock count) {
    return CodeBlock.of(
        "$T.$L(buf, $L, $L, $L, swap)", RuntimeTypes.ABI_RUNTIME, method, index, array, count);
  }

  @Override
  public CodeBlock putNested(
      ClassName abiClass, CodeBlock value, CodeBlock index, boolean sameOrder) {
    return CodeBlock.of(
        "$T.put($L, buf, $L, $L)", abiClass, value, index, sameOrder ? "swap" : "!swap");
  }

  @Override
  public String putArguments() {
    return "buf, offset, swap";
  }

  @Override
  public CodeBlock zero(CodeBlock index, int count, String comment) {
    return CodeBlock.of(
        "$T.zero(buf, $L, $L); // $L\n", RuntimeTypes.ABI_RUNTIME, index, count, comment);
  }

  @Override
  public CodeBlock getBits(CodeBlock index, int bitOffset, int bits, boolean bigEndian) {
    return CodeBlock.of(
        "$T.getBits(buf, $L, $L, $L, $L)",
        RuntimeTypes.ABI_RUNTIME,
        index,
        bitOffset,
        bits,
        bigEndian);
  }

  @Override
  public CodeBlock putBits(
      CodeBlock index, int bitOffset, int bits, boolean bigEndian, CodeBlock value) {
    return CodeBlock.of(
        "$T.putBits(buf, $L, $L, $L, $L, $L)",
        RuntimeTypes.ABI_RUNTIME,
        index,
        bitOffset,
        bits,
        bigEndian,
        value);
  }

  @Override
  public CodeBlock flexibleCount(
      CodeBlock index, CodeBlock count, CodeBlock elementSize, String member, boolean signed) {
    return CodeBlock.of(
        signed
            ? "$T.flexibleCount(buf, $L, $L, $L, $S, true)"
            : "$T.flexibleCount(buf, $L, $L, $L, $S)",
        RuntimeTypes.ABI_RUNTIME,
        index,
        count,
        elementSize,
        member);
  }

  @Override
  public CodeBlock checkBounds(CodeBlock end, String cTypeName, String abi) {
    return CodeBlock.of(
        "$T.checkBounds(buf, offset, $L, $S, $S)", RuntimeTypes.ABI_RUNTIME, end, cTypeName, abi);
  }
}
