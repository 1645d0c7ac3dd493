package org.abiguard.processor.layout;

import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Where one member lies on one ABI.
 *
 * @param field the member
 * @param offset C's offsetof in bytes; for a bit-field the offset of its storage unit (the unit of
 *     its declared type, at that type's alignment, that holds its first bit)
 * @param size {@code sizeof} the member (the whole array for arrays, 0 for a flexible array); for a
 *     bit-field the size of its declared type
 * @param align the member's alignment; for a bit-field that of its declared type in this struct
 *     (after packing)
 * @param elementSize for an array, {@code sizeof} one element; otherwise equal to {@code size}
 * @param elementAlign for an array, the alignment of one element; otherwise equal to {@code align}
 * @param width the C integer width on this ABI of the member (or array element) when it is an
 *     integer or pointer ({@code @NativeLong} and {@code @Pointer} resolved, pointers unsigned);
 *     for a float or double the unsigned integer of its bits ({@code u32}, {@code u64}); for a
 *     bit-field its declared type's width; null for nested structs and arrays of structs
 * @param bitOffset for a bit-field, its first bit counted from the start of the enclosing type (bit
 *     {@code b} is bit {@code b % 8} of byte {@code b / 8}, from the least significant bit in a
 *     little-endian type and from the most significant in a big-endian one); otherwise {@code 8 *
 *     offset}
 * @param bitSize for a bit-field its number of bits (0 for a zero-width one), otherwise {@code 8 *
 *     size}
 */
public record FieldLayout(
    FieldModel field,
    int offset,
    int size,
    int align,
    int elementSize,
    int elementAlign,
    @Nullable Width width,
    long bitOffset,
    int bitSize) {

  /** A member that is no bit-field. */
  public FieldLayout(
      FieldModel field,
      int offset,
      int size,
      int align,
      int elementSize,
      int elementAlign,
      @Nullable Width width) {
    this(field, offset, size, align, elementSize, elementAlign, width, 8L * offset, size * 8);
  }

  /** Whether the member is a bit-field. */
  public boolean isBitField() {
    return field.isBitField();
  }

  /**
   * For a bit-field, the width of its value: {@code u4}, {@code s3}; otherwise {@link #width()}.
   */
  public @Nullable Width valueWidth() {
    return isBitField()
        ? new Width(
            Math.max(bitSize, 1),
            java.util.Objects.requireNonNull(width, "a bit-field's width").signed())
        : width;
  }

  /** The first byte a bit-field touches. */
  public int firstByte() {
    return (int) (bitOffset >>> 3);
  }

  /** How many bytes a bit-field touches (1 to 9); 0 for a zero-width one. */
  public int byteSpan() {
    return bitSize == 0 ? 0 : (int) (((bitOffset + bitSize - 1) >>> 3) - (bitOffset >>> 3) + 1);
  }
}
