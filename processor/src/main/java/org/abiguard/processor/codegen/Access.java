package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * How generated code reaches the bytes of one kind of memory ({@code ByteBuffer} today): the names
 * and types of the {@code read}/{@code write} parameters, and the expressions that get or put one
 * integer of a C width at an index. Member code ({@link MemberCode}) is written once against this
 * interface, so each kind of memory gets the same members in the same order.
 */
interface Access {
  /** The memory parameter's name: {@code buf}. */
  String memory();

  /** The memory parameter's type. */
  TypeName memoryType();

  /** The offset parameter's type: {@code int} for a buffer. */
  TypeName offsetType();

  /**
   * Whether the gets and puts take the local {@code swap} (the memory's byte order is only known at
   * run time).
   */
  boolean usesSwap();

  /**
   * Statements to run first in {@code read} and {@code write}: the bounds check, and {@code swap}.
   *
   * @param type the struct or union read or written
   * @param abi how its bounds messages name the ABIs that run this code
   * @param bytes the bytes from {@code offset} the memory must hold: {@code SIZE}, or {@code
   *     byteSize(value)} for a write that goes past it
   * @param scalarsOnly whether every member is an integer, pointer or bit-field (no array, nested
   *     type or flexible array)
   */
  CodeBlock prologue(
      StructModel type, String abi, CodeBlock bytes, boolean multiByte, boolean scalarsOnly);

  /** The raw bits of {@code width} at {@code index}, as a Java primitive of exactly that width. */
  CodeBlock get(Width width, CodeBlock index);

  /** The statement putting {@code bits} (a primitive of exactly the width) at {@code index}. */
  CodeBlock put(Width width, CodeBlock index, CodeBlock bits);

  /**
   * The statement copying {@code length} bytes at {@code index} into {@code array} (a {@code
   * byte[]} of that length), in one bulk copy: an array of raw bytes.
   */
  CodeBlock getBytes(CodeBlock array, CodeBlock index, int length);

  /** The statements copying {@code length} bytes of {@code array} to {@code index}. */
  CodeBlock putBytes(CodeBlock index, CodeBlock array, int length);

  /**
   * The statement filling {@code array} (made with {@code count} elements) with the elements from
   * {@code index} in one call, or null where this memory reads them one by one: an array of {@code
   * element}s that {@link ScalarCode#movesAsArray() moves as an array}.
   *
   * @param count the elements: the C length ({@code 4}), or a flexible array's ({@code countData})
   */
  default @Nullable CodeBlock getArray(
      ScalarCode element, CodeBlock array, CodeBlock index, CodeBlock count) {
    return null;
  }

  /**
   * The statement writing the {@code count} elements of {@code array} (checked) from {@code index}
   * in one call, or null where this memory writes them one by one: see {@link #getArray}.
   */
  default @Nullable CodeBlock putArray(
      ScalarCode element, CodeBlock index, CodeBlock array, CodeBlock count) {
    return null;
  }

  /**
   * The statements writing {@code count} zero bytes at {@code index}, each ending with {@code
   * comment} ({@code "padding"}).
   */
  CodeBlock zero(CodeBlock index, int count, String comment);

  /** The expression reading a nested struct at {@code index} through its ABI class. */
  default CodeBlock readNested(ClassName abiClass, CodeBlock index) {
    return CodeBlock.of("$T.read($L, $L)", abiClass, memory(), index);
  }

  /**
   * The statement writing a nested struct, already checked and within bounds, at {@code index}
   * through the package-private {@code put} of its ABI class (a marshaller of this compilation and
   * package): no second check of what the outer {@code write} checked.
   *
   * @param sameOrder whether the nested struct has the outer one's byte order
   */
  CodeBlock putNested(ClassName abiClass, CodeBlock value, CodeBlock index, boolean sameOrder);

  /**
   * The parameters of {@code put} after {@code value}, as an argument list: {@code buf, offset,
   * swap}.
   */
  String putArguments();

  /** The statement writing a nested struct at {@code index} through its ABI class. */
  default CodeBlock writeNested(ClassName abiClass, CodeBlock value, CodeBlock index) {
    return CodeBlock.of("$T.write($L, $L, $L)", abiClass, value, memory(), index);
  }

  /**
   * The bits of a bit-field that no 8-byte window holds, as an unsigned {@code long}: see {@code
   * AbiRuntime.getBits}.
   */
  CodeBlock getBits(CodeBlock index, int bitOffset, int bits, boolean bigEndian);

  /** The statement putting such a bit-field's bits, other bits untouched. */
  CodeBlock putBits(CodeBlock index, int bitOffset, int bits, boolean bigEndian, CodeBlock value);

  /**
   * The number of elements of a flexible array at {@code index}, {@code count} (a {@code long},
   * signed when {@code signed}, else unsigned), bounds-checked.
   */
  CodeBlock flexibleCount(
      CodeBlock index, CodeBlock count, CodeBlock elementSize, String member, boolean signed);

  /**
   * The bounds check of {@code end} bytes from {@code offset} (a struct with its flexible array).
   */
  CodeBlock checkBounds(CodeBlock end, String cTypeName, String abi);
}
