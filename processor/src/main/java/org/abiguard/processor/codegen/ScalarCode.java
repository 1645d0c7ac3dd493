package org.abiguard.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * The code that moves one scalar (an integer, pointer, float or double member, or one array
 * element) between a Java primitive and its C type on one ABI: the get expression, the put
 * statement and the range check the value needs before it is written.
 *
 * @param width the C width on this ABI ({@code @NativeLong} and {@code @Pointer} resolved); for a
 *     float or double, the unsigned integer of its bits ({@code u32}, {@code u64})
 * @param javaKind the Java primitive that holds the value; for a float or double, the one that
 *     holds its bits ({@code int}, {@code long})
 * @param floating whether the value is a C {@code float} or {@code double}, held in the Java type
 *     of that name and moved as its IEEE 754 bits
 * @param unsignedBits whether the Java {@code long} holds the bits of a C type that is an unsigned
 *     64-bit integer on some ABI (an unsigned {@code @NativeLong}, a {@code @Pointer}): a range
 *     message writes the value unsigned, as C sees it
 */
record ScalarCode(Width width, JavaKind javaKind, boolean floating, boolean unsignedBits) {

  /** An integer or pointer. */
  ScalarCode(Width width, JavaKind javaKind) {
    this(width, javaKind, false, false);
  }

  /** An integer or pointer whose Java {@code long} may hold an unsigned 64-bit value's bits. */
  static ScalarCode integer(Width width, JavaKind javaKind, boolean unsignedBits) {
    return new ScalarCode(width, javaKind, false, unsignedBits && javaKind == JavaKind.LONG);
  }

  /** A C {@code float} or {@code double}. */
  static ScalarCode floating(MemberType.FloatType type) {
    Width bits = type.rawWidth();
    return new ScalarCode(bits, bits.bits() == 32 ? JavaKind.INT : JavaKind.LONG, true, false);
  }

  /** The Java type of the value. */
  TypeName javaType() {
    if (floating) {
      return width.bits() == 32 ? TypeName.FLOAT : TypeName.DOUBLE;
    }
    return primitive(javaKind.bits(), javaKind == JavaKind.CHAR);
  }

  /**
   * The expression reading the value at {@code index} into the Java type: unsigned widths in a
   * wider type are zero-extended, signed ones sign-extended, raw bits kept as they are.
   */
  CodeBlock read(CodeBlock index, Access access) {
    CodeBlock raw = access.get(width, index);
    if (floating) {
      return width.bits() == 32
          ? CodeBlock.of("$T.intBitsToFloat($L)", Float.class, raw)
          : CodeBlock.of("$T.longBitsToDouble($L)", Double.class, raw);
    }
    if (javaKind.bits() == width.bits()) {
      return javaKind == JavaKind.CHAR ? CodeBlock.of("(char) $L", raw) : raw;
    }
    if (width.signed()) {
      return raw;
    }
    CodeBlock masked = CodeBlock.of("$L & $L", raw, hex(width.max(), javaKind == JavaKind.LONG));
    return switch (javaKind) {
      case SHORT -> CodeBlock.of("(short) ($L)", masked);
      case CHAR -> CodeBlock.of("(char) ($L)", masked);
      default -> masked;
    };
  }

  /** The statement writing {@code value} (an expression of the Java type) at {@code index}. */
  CodeBlock write(CodeBlock index, CodeBlock value, Access access) {
    if (floating) {
      return access.put(width, index, rawBits(value));
    }
    boolean sameType = javaKind != JavaKind.CHAR && javaKind.bits() == width.bits();
    CodeBlock bits =
        sameType ? value : CodeBlock.of("($T) $L", primitive(width.bits(), false), value);
    return access.put(width, index, bits);
  }

  /**
   * A float's or double's bits as the {@code int} or {@code long} that moves them: a NaN keeps its
   * payload, as C's assignment keeps it, and {@code -0.0} its sign.
   */
  CodeBlock rawBits(CodeBlock value) {
    return width.bits() == 32
        ? CodeBlock.of("$T.floatToRawIntBits($L)", Float.class, value)
        : CodeBlock.of("$T.doubleToRawLongBits($L)", Double.class, value);
  }

  /**
   * The statement checking {@code value} against the width before anything is written, e.g. {@code
   * AbiRuntime.checkU16(value.domid, "xen_add_to_physmap.domid")}, with {@code index} (an array
   * element's) when not null; null when every value of the Java type fits.
   */
  @Nullable CodeBlock rangeCheck(CodeBlock value, String member, @Nullable String index) {
    if (!needsRangeCheck()) {
      return null;
    }
    String method = rangeCheckMethod();
    return index == null
        ? CodeBlock.of("$T.$L($L, $S)", RuntimeTypes.ABI_RUNTIME, method, value, member)
        : CodeBlock.of("$T.$L($L, $S, $L)", RuntimeTypes.ABI_RUNTIME, method, value, member, index);
  }

  /**
   * The statement checking a whole array of these elements in one call, its length included, e.g.
   * {@code AbiRuntime.checkU32s(value.frames, 4, "memory_exchange_batch.frames")}; null where the
   * elements are checked one by one ({@link #movesAsArray}) or need no range check.
   *
   * @param length the elements C declares: {@code 4}, or {@code value.data.length}
   */
  @Nullable CodeBlock arrayCheck(CodeBlock array, CodeBlock length, String member) {
    if (!movesAsArray() || !needsRangeCheck()) {
      return null;
    }
    return CodeBlock.of(
        "$T.$Ls($L, $L, $S)", RuntimeTypes.ABI_RUNTIME, rangeCheckMethod(), array, length, member);
  }

  /**
   * {@code checkU16}, {@code checkS32}, {@code checkU32OfU64}: the runtime's range check of this
   * width.
   */
  private String rangeCheckMethod() {
    // a negative long is an unsigned long's or pointer's value above 2^63, which only the check
    // that writes it unsigned names as C sees it
    return "check"
        + (width.signed() ? "S" : "U")
        + width.bits()
        + (unsignedBits && !width.signed() && width.bits() == 32 ? "OfU64" : "");
  }

  /**
   * Whether an array of these elements moves through one call of the runtime for each of its get,
   * put and range check ({@code AbiRuntime.getUnsignedInts}, {@code putInts}, {@code checkU32s}):
   * integers or pointers of 2, 4 or 8 bytes held in a {@code short[]}, {@code int[]} or {@code
   * long[]}, whose bytes each move with their order reversed or not. Arrays of bytes move in one
   * bulk copy; those of other elements (widened bytes, {@code char}, {@code float}, {@code
   * double}), one element at a time.
   */
  boolean movesAsArray() {
    return !floating
        && width.bytes() >= 2
        && (javaKind == JavaKind.SHORT || javaKind == JavaKind.INT || javaKind == JavaKind.LONG);
  }

  /**
   * The runtime's get of a whole array of these elements ({@link #movesAsArray}): {@code
   * getShorts}, {@code getInts}, {@code getLongs}, which keep the raw bits or sign-extend them into
   * a wider Java type, or {@code getUnsignedShorts}, {@code getUnsignedInts}, which zero-extend
   * them.
   */
  String arrayGet() {
    boolean zeroExtended = !width.signed() && javaKind.bits() > width.bits();
    return switch (width.bytes()) {
      case 2 -> zeroExtended ? "getUnsignedShorts" : "getShorts";
      case 4 -> zeroExtended ? "getUnsignedInts" : "getInts";
      default -> "getLongs";
    };
  }

  /**
   * The runtime's put of a whole array of these elements ({@link #movesAsArray}), which writes the
   * low bits of each: {@code putShorts}, {@code putInts}, {@code putLongs}.
   */
  String arrayPut() {
    return switch (width.bytes()) {
      case 2 -> "putShorts";
      case 4 -> "putInts";
      default -> "putLongs";
    };
  }

  /**
   * Whether a value of the Java type can lie outside the width, so that {@code write} must check
   * it. Raw bits ({@code u32} in {@code int}) and exact types always fit; {@code char} holds {@code
   * u16} exactly; every Java {@code float} or {@code double} is a C one.
   */
  boolean needsRangeCheck() {
    if (floating || javaKind.holdsRawBits(width)) {
      return false;
    }
    return javaMin() < width.min() || javaMax() > width.max();
  }

  private long javaMin() {
    return javaKind == JavaKind.CHAR ? 0 : -(1L << (javaKind.bits() - 1));
  }

  private long javaMax() {
    return javaKind == JavaKind.CHAR ? 0xFFFF : (1L << (javaKind.bits() - 1)) - 1;
  }

  private static String hex(long value, boolean asLong) {
    return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT) + (asLong ? "L" : "");
  }

  private static TypeName primitive(int bits, boolean isChar) {
    if (isChar) {
      return TypeName.CHAR;
    }
    return switch (bits) {
      case 8 -> TypeName.BYTE;
      case 16 -> TypeName.SHORT;
      case 32 -> TypeName.INT;
      default -> TypeName.LONG;
    };
  }
}
