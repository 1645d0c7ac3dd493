package org.abiguard.processor.model;

/** The Java primitive type that holds an integral member (or each element of an array). */
public enum JavaKind {
  BYTE(8, "byte"),
  SHORT(16, "short"),
  CHAR(16, "char"),
  INT(32, "int"),
  LONG(64, "long");

  private final int bits;
  private final String keyword;

  JavaKind(int bits, String keyword) {
    this.bits = bits;
    this.keyword = keyword;
  }

  /** Number of bits of the Java type. */
  public int bits() {
    return bits;
  }

  /** The Java keyword, e.g. {@code int}. */
  public String keyword() {
    return keyword;
  }

  /** Whether the Java type is signed ({@code char} is the only unsigned one). */
  public boolean signed() {
    return this != CHAR;
  }

  /**
   * Whether a value of C width {@code w} is held in this Java type as raw bits: the Java type is
   * signed and has exactly the width of an unsigned C type ({@code u32} in {@code int}, {@code u8}
   * in {@code byte}, {@code u64} in {@code long}). {@code u16} in {@code short} is raw bits too;
   * {@code u16} in {@code char} is not (char is unsigned).
   */
  public boolean holdsRawBits(Width w) {
    return !w.signed() && signed() && bits == w.bits();
  }

  /**
   * Whether this Java type can hold {@code w}: every value of the width, or exactly the width as
   * raw bits.
   */
  public boolean canHold(Width w) {
    if (holdsRawBits(w) || (bits == w.bits() && signed() == w.signed())) {
      return true;
    }
    if (w.signed()) {
      return signed() && bits >= w.bits();
    }
    return signed() ? bits > w.bits() : bits >= w.bits();
  }
}
