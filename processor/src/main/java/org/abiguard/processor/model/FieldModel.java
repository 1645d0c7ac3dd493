package org.abiguard.processor.model;

import org.jspecify.annotations.Nullable;

/**
 * One member of a struct or union.
 *
 * @param javaName the Java field or record component name
 * @param cName the C member name ({@code @AbiName}, else the Java name); empty for an unnamed
 *     bit-field and an anonymous member, which have no name in C
 * @param type its C type; for a bit-field the declared type (its storage unit), for a flexible
 *     array an {@link MemberType.ArrayType} of length 0
 * @param alignAtLeast {@code @AbiAlign} on the member, or 0
 * @param bitWidth for a bit-field ({@code @AbiBits}) its number of bits, 0 for a zero-width one;
 *     {@link #NOT_BITS} otherwise
 * @param unnamed a bit-field without a C name ({@code unsigned int : 5;}); zero-width ones always
 *     are
 * @param anonymous a C11 anonymous struct or union member ({@code @AbiAnonymous})
 * @param flexible a flexible array member {@code T name[]} ({@code @AbiFlexible})
 * @param countMember for a flexible array, the Java name of the member holding the element count,
 *     or empty when the caller gives it
 */
public record FieldModel(
    String javaName,
    String cName,
    MemberType type,
    int alignAtLeast,
    int bitWidth,
    boolean unnamed,
    boolean anonymous,
    boolean flexible,
    String countMember) {

  /** {@link #bitWidth} of a member that is no bit-field. */
  public static final int NOT_BITS = -1;

  /** An ordinary member: no bit-field, named, not flexible. */
  public FieldModel(String javaName, String cName, MemberType type, int alignAtLeast) {
    this(javaName, cName, type, alignAtLeast, NOT_BITS, false, false, false, "");
  }

  /**
   * A bit-field of {@code bits} bits (0: zero width, always unnamed) of the declared integer type.
   */
  public static FieldModel bitField(
      String javaName, String cName, MemberType declared, int bits, boolean unnamed) {
    boolean noName = unnamed || bits == 0;
    return new FieldModel(
        javaName, noName ? "" : cName, declared, 0, bits, noName, false, false, "");
  }

  /** An anonymous struct or union member of the given {@link MemberType.StructType}. */
  public static FieldModel anonymousMember(
      String javaName, MemberType.StructType type, int alignAtLeast) {
    return new FieldModel(javaName, "", type, alignAtLeast, NOT_BITS, false, true, false, "");
  }

  /** A flexible array member: {@code element cName[]}. */
  public static FieldModel flexibleArray(
      String javaName, String cName, MemberType element, int alignAtLeast, String countMember) {
    return flexibleArrayOf(
        javaName, cName, new MemberType.ArrayType(0, element), alignAtLeast, countMember);
  }

  /**
   * A flexible array member whose elements may themselves be arrays: {@code type}'s dimensions are
   * {@code [0]} for {@code T cName[]}, {@code [0, 6]} for {@code T cName[][6]}.
   */
  public static FieldModel flexibleArrayOf(
      String javaName,
      String cName,
      MemberType.ArrayType type,
      int alignAtLeast,
      String countMember) {
    return new FieldModel(
        javaName, cName, type, alignAtLeast, NOT_BITS, false, false, true, countMember);
  }

  /** Whether this is a bit-field ({@code @AbiBits}), zero-width ones included. */
  public boolean isBitField() {
    return bitWidth != NOT_BITS;
  }

  /** Whether C names this member: false for unnamed bit-fields and anonymous members. */
  public boolean hasCName() {
    return !unnamed && !anonymous;
  }

  /**
   * The width of the value the member holds: a bit-field's {@code u4}/{@code s3} (signedness of its
   * declared type), else the declared integer width; null for non-integers.
   */
  public @Nullable Width valueWidth() {
    if (!(type instanceof MemberType.IntType integer)) {
      return null;
    }
    return isBitField() ? new Width(bitWidth, integer.width().signed()) : integer.width();
  }
}
