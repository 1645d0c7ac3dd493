package org.abiguard.processor.model;

import java.util.List;

/**
 * The C type of a struct member, as far as layout and code generation need it. Plain data: no javac
 * types, so the layout engine can be used and tested without a compiler.
 */
public sealed interface MemberType
    permits MemberType.IntType,
        MemberType.FloatType,
        MemberType.PointerType,
        MemberType.StructType,
        MemberType.ArrayType {

  /**
   * An integer. For {@code @NativeLong}, {@code nativeLong} is true and {@code width} is the LP64
   * width (64 bits); the layout engine narrows it to 32 bits on ILP32 ABIs.
   *
   * @param javaKind the Java primitive holding the value
   */
  record IntType(Width width, boolean nativeLong, JavaKind javaKind) implements MemberType {}

  /**
   * A C {@code float} (32 bits) or {@code double} (64 bits), IEEE 754 binary32 or binary64 on every
   * ABI abiguard knows, held in a Java {@code float} or {@code double} of the same format. Every
   * value of the Java type is one of the C type: it needs no range check, and its bits move as they
   * are (a NaN keeps its payload).
   *
   * @param bits 32 for {@code float}, 64 for {@code double}
   */
  record FloatType(int bits) implements MemberType {
    public static final FloatType FLOAT = new FloatType(32);
    public static final FloatType DOUBLE = new FloatType(64);

    public FloatType {
      if (bits != 32 && bits != 64) {
        throw new IllegalArgumentException("a C float has 32 or 64 bits, not " + bits);
      }
    }

    /** {@code float} or {@code double}: the C type, and the Java type that holds it. */
    public String keyword() {
      return bits == 32 ? "float" : "double";
    }

    /** The unsigned integer of the same bits: what moves through memory. */
    public Width rawWidth() {
      return bits == 32 ? Width.U32 : Width.U64;
    }
  }

  /** A pointer or guest handle, held in a Java {@code long}. */
  record PointerType() implements MemberType {}

  /**
   * A nested struct laid out inline.
   *
   * @param javaName the canonical name of the {@code @AbiStruct} type, e.g. {@code p.Outer.Foo}
   */
  record StructType(String javaName) implements MemberType {}

  /**
   * A fixed array {@code element name[length]}, or {@code element name[3][2]} with more than one
   * dimension.
   *
   * @param length the number of elements, every dimension's together
   * @param element the type of one element: an {@link IntType}, {@link FloatType}, {@link
   *     PointerType} or {@link StructType}
   * @param dims the C dimensions, outermost first: {@code [length]} for a one-dimensional array,
   *     {@code [3, 2]} for {@code T x[3][2]} (length 6)
   */
  record ArrayType(int length, MemberType element, List<Integer> dims) implements MemberType {
    public ArrayType {
      dims = List.copyOf(dims);
    }

    /** A one-dimensional array. */
    public ArrayType(int length, MemberType element) {
      this(length, element, List.of(length));
    }

    /**
     * The elements in one step of the outermost dimension: 6 for {@code T x[3][6]} and for a
     * flexible {@code T x[][6]}, whose count member counts those rows; 1 for a one-dimensional
     * array.
     */
    public int perRow() {
      return (int) elements(rowDims());
    }

    /** The dimensions of one row: none for {@code T x[3]}, {@code [2]} for {@code T x[3][2]}. */
    public List<Integer> rowDims() {
      return dims.subList(1, dims.size());
    }

    /**
     * The elements of an array of these dimensions (none negative), all together; above {@code
     * Integer.MAX_VALUE} it is {@code Integer.MAX_VALUE + 1}, so that no product overflows.
     */
    public static long elements(List<Integer> dims) {
      long n = 1;
      for (int d : dims) {
        n = Math.min(n * d, Integer.MAX_VALUE + 1L);
      }
      return n;
    }
  }
}
