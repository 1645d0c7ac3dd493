package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Objects;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * The generated code of one member on one ABI, one implementation per kind of member: an integer or
 * pointer ({@link Scalar}), a nested struct ({@link Nested}), a fixed array of either ({@link
 * Array}). Each writes three pieces, which {@link AbiClassWriter} puts together in member order:
 * the statements of {@code read}, those of {@code check} (everything that can make a {@code write}
 * fail, tested before its first byte), and those of {@code write}. Reads and writes go through an
 * {@link Access}, so the same member code serves every kind of memory.
 *
 * <p>A new kind of member is a new implementation here plus its case in {@link #of}. Bit-fields
 * ({@link BitField}) are read and written through a window around their bits; flexible arrays
 * ({@link Flexible}) have a run-time length. A union member is any of these, at offset 0.
 */
sealed interface MemberCode
    permits MemberCode.Scalar,
        MemberCode.Nested,
        MemberCode.Array,
        MemberCode.BitField,
        MemberCode.Flexible {

  /** The member's place on this ABI. */
  FieldLayout field();

  /**
   * Statements reading the member at {@code offset + OFFSET_<MEMBER>} into {@code target}.
   *
   * @param target where the value goes
   */
  void read(CodeBlock.Builder out, Access access, ReadTarget target);

  /** Statements that throw if the member of {@code value} cannot be written; they write nothing. */
  void check(CodeBlock.Builder out);

  /**
   * The statements of {@link #check} that are left once the primary ABI's {@code check} has passed
   * ({@link SharedCode#primaryChecks}): the member, its elements and its length are as C needs
   * them, only its range on this ABI (or the checks of the type it nests) is left. For an integer
   * or pointer, {@link #check} itself.
   */
  default void checkAfterPrimary(CodeBlock.Builder out) {
    check(out);
  }

  /** Statements writing the member of {@code value}, already checked, at its offset. */
  void write(CodeBlock.Builder out, Access access);

  /**
   * The member's {@code java.lang.foreign.MemoryLayout} in the struct's {@code LAYOUT} (Java 22+):
   * named by its C name, aligned as on this ABI, in the struct's byte order.
   */
  CodeBlock layout(SegmentAccess access);

  /**
   * Where {@code read} puts a member's value.
   *
   * @param declare the left-hand side of the first assignment: {@code value.domid} for a class,
   *     {@code int domid} (a local for the record's constructor) for a record
   * @param name how later statements name it: {@code value.domid} or {@code domid}
   */
  record ReadTarget(CodeBlock declare, CodeBlock name, @Nullable CodeBlock count) {
    ReadTarget(CodeBlock declare, CodeBlock name) {
      this(declare, name, null);
    }
  }

  /**
   * The code of {@code field} on the context's ABI.
   *
   * @param typeSize the size of the struct or union that holds it (a bit-field's window lies
   *     inside)
   */
  static MemberCode of(FieldLayout field, MemberContext cx, int typeSize) {
    MemberType type = field.field().type();
    if (field.isBitField()) {
      return new BitField(field, cx, BitWindow.of(field, typeSize, cx.struct().order()));
    }
    if (field.field().flexible()) {
      return new Flexible(field, cx, (MemberType.ArrayType) type);
    }
    if (type instanceof MemberType.StructType nested) {
      return new Nested(field, cx, cx.abiClass(nested));
    }
    if (type instanceof MemberType.ArrayType array) {
      return new Array(field, cx, array);
    }
    return new Scalar(field, cx, scalar(field, type));
  }

  /**
   * The loop that checks an array's elements: each nested struct ({@code notNull}: after a check
   * that it is not null), or each integer's range where the Java type can exceed it; nothing for
   * integers that always fit. Integers that {@link ScalarCode#movesAsArray() move as an array} are
   * checked by one call, their array's length with them ({@link #wholeArrayCheck}).
   *
   * @param length how many elements: {@code 4}, or {@code value.frames.length}
   */
  private static void checkElements(
      CodeBlock.Builder out,
      CodeBlock length,
      FieldLayout field,
      MemberContext cx,
      MemberType.ArrayType type,
      boolean notNull) {
    CodeBlock array = cx.access(field);
    String label = cx.label(field);
    if (type.element() instanceof MemberType.StructType nested) {
      out.beginControlFlow("for (int i = 0; i < $L; i++)", length);
      if (notNull) {
        out.addStatement(
            "$T.checkElementNotNull($L[i], $S, i)", RuntimeTypes.ABI_RUNTIME, array, label);
      }
      checkNested(
          out, CodeBlock.of("$T.check($L[i])", cx.abiClass(nested), array), cx.path(field), "i");
      if (notNull && cx.endsFlexible(nested)) {
        // an array's element: C gives its flexible array no bytes
        out.addStatement(cx.noFlexibleBytes(nested, CodeBlock.of("$L[i]", array), label, "i"));
      }
      out.endControlFlow();
      return;
    }
    CodeBlock whole = wholeArrayCheck(field, cx, type, length);
    if (whole != null) {
      out.addStatement(whole);
      return;
    }
    CodeBlock check =
        scalar(field, type.element()).rangeCheck(CodeBlock.of("$L[i]", array), label, "i");
    if (check != null) {
      out.beginControlFlow("for (int i = 0; i < $L; i++)", length)
          .addStatement(check)
          .endControlFlow();
    }
  }

  /**
   * {@code AbiRuntime.getUnsignedInts(buf, offset + OFFSET_FRAMES, value.frames, 4, swap)} ({@code
   * read}) or {@code AbiRuntime.putInts(...)}: the {@code count} elements of an array of integers
   * moved in one call, where the memory has such a call ({@link Access#getArray}); null otherwise.
   */
  private static @Nullable CodeBlock wholeArray(
      FieldLayout field,
      MemberContext cx,
      MemberType.ArrayType type,
      Access access,
      boolean read,
      CodeBlock array,
      CodeBlock count) {
    if (type.element() instanceof MemberType.StructType) {
      return null;
    }
    ScalarCode element = scalar(field, type.element());
    return read
        ? access.getArray(element, array, cx.index(field), count)
        : access.putArray(element, cx.index(field), array, count);
  }

  /**
   * {@code AbiRuntime.checkU32s(value.frames, 4, "memory_exchange_batch.frames")}: the check of an
   * array of integers, null and length included, in one call; null where its elements are not
   * checked so ({@link ScalarCode#arrayCheck}).
   */
  private static @Nullable CodeBlock wholeArrayCheck(
      FieldLayout field, MemberContext cx, MemberType.ArrayType type, CodeBlock length) {
    if (type.element() instanceof MemberType.StructType) {
      return null;
    }
    return scalar(field, type.element()).arrayCheck(cx.access(field), length, cx.label(field));
  }

  static ScalarCode scalar(FieldLayout field, MemberType type) {
    if (type instanceof MemberType.FloatType floating) {
      return ScalarCode.floating(floating);
    }
    JavaKind kind = type instanceof MemberType.IntType integer ? integer.javaKind() : JavaKind.LONG;
    boolean unsignedBits =
        type instanceof MemberType.PointerType
            || (type instanceof MemberType.IntType integer
                && integer.nativeLong()
                && !integer.width().signed());
    return ScalarCode.integer(
        Objects.requireNonNull(field.width(), "an int or pointer member has a width"),
        kind,
        unsignedBits);
  }

  /**
   * An integer, pointer, float or double: one get, one range check where the Java type can exceed
   * the width, one put.
   */
  record Scalar(FieldLayout field, MemberContext cx, ScalarCode code) implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      out.addStatement("$L = $L", target.declare(), code.read(cx.index(field), access));
    }

    @Override
    public void check(CodeBlock.Builder out) {
      CodeBlock check = code.rangeCheck(cx.access(field), cx.label(field), null);
      if (check != null) {
        out.addStatement(check);
      }
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      out.addStatement(code.write(cx.index(field), cx.access(field), access));
    }

    @Override
    public CodeBlock layout(SegmentAccess access) {
      return CodeBlock.of(
          "$L.withName($S)", scalarLayout(code, field.align(), access), field.field().cName());
    }
  }

  /**
   * {@code MemoryLayout.sequenceLayout(length, element)} of an array member, aligned as the member;
   * elements that packing places below their own alignment are unaligned integers, or for structs
   * sequences of their bytes.
   */
  private static CodeBlock sequenceLayout(
      FieldLayout field,
      MemberContext cx,
      MemberType.ArrayType type,
      int length,
      SegmentAccess access) {
    int elementAlign = Math.min(field.elementAlign(), Math.max(field.align(), 1));
    CodeBlock element;
    if (type.element() instanceof MemberType.StructType nested) {
      int own = cx.names().alignment(nested, cx.abi());
      elementAlign = Math.min(own, Math.max(field.align(), 1));
      element =
          elementAlign >= own
              ? CodeBlock.of("$T.LAYOUT", cx.abiClass(nested))
              : CodeBlock.of(
                  "$T.sequenceLayout($T.SIZE, $T.JAVA_BYTE)",
                  SegmentAccess.MEMORY_LAYOUT,
                  cx.abiClass(nested),
                  SegmentAccess.VALUE_LAYOUT);
      elementAlign = elementAlign >= own ? own : 1;
    } else {
      element = scalarLayout(scalar(field, type.element()), elementAlign, access);
    }
    // an array of arrays nests a sequence per dimension, innermost first: T x[3][2] is a sequence
    // of 3 sequences of 2, so that a path of two sequence elements selects x[i][j]
    List<Integer> dims = length == type.length() ? type.dims() : List.of(length);
    CodeBlock sequence = element;
    for (int i = dims.size() - 1; i >= 0; i--) {
      sequence =
          CodeBlock.of(
              "$T.sequenceLayout($L, $L)", SegmentAccess.MEMORY_LAYOUT, dims.get(i), sequence);
    }
    if (field.align() > elementAlign) {
      sequence = CodeBlock.of("$L.withByteAlignment($L)", sequence, field.align());
    }
    return sequence;
  }

  /**
   * {@code LE_SHORT.withByteAlignment(2)}, {@code ValueLayout.JAVA_BYTE}, {@code
   * LE_DOUBLE.withByteAlignment(4)}.
   */
  private static CodeBlock scalarLayout(ScalarCode code, int align, SegmentAccess access) {
    int bytes = code.width().bytes();
    CodeBlock base =
        bytes == 1
            ? CodeBlock.of("$T.JAVA_BYTE", SegmentAccess.VALUE_LAYOUT)
            : CodeBlock.of(
                "$L", code.floating() ? access.floatLayout(bytes) : access.valueLayout(bytes));
    return align == 1 ? base : CodeBlock.of("$L.withByteAlignment($L)", base, align);
  }

  /**
   * The check of a nested struct or union, whose range exception is thrown again saying where it is
   * nested ({@code ", in ring.slots[2]"}).
   *
   * @param index the element's index variable, or {@code "-1"}
   */
  private static void checkNested(
      CodeBlock.Builder out, CodeBlock check, String path, String index) {
    out.beginControlFlow("try");
    out.addStatement(check);
    out.nextControlFlow("catch ($T e)", RuntimeTypes.RANGE_EXCEPTION);
    out.addStatement("throw $T.within(e, $S, $L)", RuntimeTypes.ABI_RUNTIME, path, index);
    out.endControlFlow();
  }

  /** A nested struct, read, checked and written by its own marshaller's class for this ABI. */
  record Nested(FieldLayout field, MemberContext cx, ClassName abiClass) implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      out.addStatement("$L = $L", target.declare(), access.readNested(abiClass, cx.index(field)));
    }

    @Override
    public void check(CodeBlock.Builder out) {
      checkNested(
          out,
          CodeBlock.of(
              "$T.check($T.requireNonNull($L, $S))",
              abiClass,
              RuntimeTypes.ABI_RUNTIME,
              cx.access(field),
              cx.label(field)),
          cx.path(field),
          "-1");
      MemberType.StructType type = (MemberType.StructType) field.field().type();
      if (cx.endsFlexible(type) && !cx.struct().tailMembers().contains(field.field())) {
        // followed by other members: C gives its flexible array no bytes
        out.addStatement(cx.noFlexibleBytes(type, cx.access(field), cx.label(field), "-1"));
      }
    }

    @Override
    public void checkAfterPrimary(CodeBlock.Builder out) {
      checkNested(
          out, CodeBlock.of("$T.check($L)", abiClass, cx.access(field)), cx.path(field), "-1");
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      out.addStatement(
          cx.writeNested(
              access,
              (MemberType.StructType) field.field().type(),
              cx.access(field),
              cx.index(field)));
    }

    /**
     * The nested type's {@code LAYOUT}; where packing places it below its own alignment (which a
     * {@code java.lang.foreign} layout cannot express), a sequence of its bytes at the alignment it
     * has there. Either way aligned exactly as the member. Anonymous: no name.
     */
    @Override
    public CodeBlock layout(SegmentAccess access) {
      MemberType.StructType type = (MemberType.StructType) field.field().type();
      CodeBlock layout =
          field.align() >= cx.names().alignment(type, cx.abi())
              ? CodeBlock.of("$T.LAYOUT.withByteAlignment($L)", abiClass, field.align())
              : CodeBlock.of(
                  "$T.sequenceLayout($T.SIZE, $T.JAVA_BYTE)",
                  SegmentAccess.MEMORY_LAYOUT,
                  abiClass,
                  SegmentAccess.VALUE_LAYOUT);
      if (field.align() > 1 && field.align() < cx.names().alignment(type, cx.abi())) {
        layout = CodeBlock.of("$L.withByteAlignment($L)", layout, field.align());
      }
      return field.field().hasCName()
          ? CodeBlock.of("$L.withName($S)", layout, field.field().cName())
          : CodeBlock.of("$L.withoutName()", layout);
    }
  }

  /**
   * A fixed array of integers, pointers or structs: one loop over its elements for each piece. GNU
   * C's zero-length array ({@code @AbiArray(0)}) has no bytes: it is an empty Java array, checked
   * for its length only.
   */
  record Array(FieldLayout field, MemberContext cx, MemberType.ArrayType type)
      implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      out.addStatement(
          "$L = new $T[$L]", target.declare(), cx.javaType(type.element()), type.length());
      if (type.length() == 0) {
        return;
      }
      if (rawBytes()) {
        out.add(access.getBytes(target.name(), cx.index(field), type.length()));
        return;
      }
      CodeBlock whole =
          wholeArray(
              field, cx, type, access, true, target.name(), CodeBlock.of("$L", type.length()));
      if (whole != null) {
        out.addStatement(whole);
        return;
      }
      out.beginControlFlow("for (int i = 0; i < $L; i++)", type.length());
      CodeBlock index = elementIndex();
      CodeBlock element =
          type.element() instanceof MemberType.StructType nested
              ? access.readNested(cx.abiClass(nested), index)
              : scalar(field, type.element()).read(index, access);
      out.addStatement("$L[i] = $L", target.name(), element);
      out.endControlFlow();
    }

    @Override
    public void check(CodeBlock.Builder out) {
      CodeBlock array = cx.access(field);
      String label = cx.label(field);
      CodeBlock whole =
          type.length() > 0
              ? wholeArrayCheck(field, cx, type, CodeBlock.of("$L", type.length()))
              : null;
      if (whole != null) {
        out.addStatement(whole);
        return;
      }
      out.addStatement(
          "$T.checkLength($L, $L, $S)", RuntimeTypes.ABI_RUNTIME, array, type.length(), label);
      if (type.length() > 0) {
        checkElements(out, CodeBlock.of("$L", type.length()), field, cx, type, true);
      }
    }

    @Override
    public void checkAfterPrimary(CodeBlock.Builder out) {
      if (type.length() > 0) {
        checkElements(out, CodeBlock.of("$L", type.length()), field, cx, type, false);
      }
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      if (type.length() == 0) {
        out.add("// $L[0], a zero-length array (GNU C): no bytes\n", field.field().cName());
        return;
      }
      if (rawBytes()) {
        out.add(access.putBytes(cx.index(field), cx.access(field), type.length()));
        return;
      }
      CodeBlock whole =
          wholeArray(
              field, cx, type, access, false, cx.access(field), CodeBlock.of("$L", type.length()));
      if (whole != null) {
        out.addStatement(whole);
        return;
      }
      CodeBlock element = CodeBlock.of("$L[i]", cx.access(field));
      CodeBlock index = elementIndex();
      out.beginControlFlow("for (int i = 0; i < $L; i++)", type.length());
      if (type.element() instanceof MemberType.StructType nested) {
        out.addStatement(cx.writeNested(access, nested, element, index));
      } else {
        out.addStatement(scalar(field, type.element()).write(index, element, access));
      }
      out.endControlFlow();
    }

    @Override
    public CodeBlock layout(SegmentAccess access) {
      return CodeBlock.of(
          "$L.withName($S)",
          sequenceLayout(field, cx, type, type.length(), access),
          field.field().cName());
    }

    /**
     * Whether the elements are bytes held as they are ({@code byte[]} of {@code u8} or {@code s8}):
     * then the array moves in one bulk copy, with nothing to convert or check per element.
     */
    private boolean rawBytes() {
      if (!(type.element() instanceof MemberType.IntType)) {
        return false;
      }
      ScalarCode code = scalar(field, type.element());
      return code.width().bits() == 8 && code.javaKind() == JavaKind.BYTE;
    }

    /** {@code offset + OFFSET_X + i * 4}, or {@code i * Bar.X86_64.SIZE} for structs. */
    private CodeBlock elementIndex() {
      CodeBlock start = cx.index(field);
      if (type.element() instanceof MemberType.StructType nested) {
        return CodeBlock.of("$L + i * $T.SIZE", start, cx.abiClass(nested));
      }
      return field.elementSize() == 1
          ? CodeBlock.of("$L + i", start)
          : CodeBlock.of("$L + i * $L", start, field.elementSize());
    }
  }

  /**
   * A bit-field: read as its window's bits shifted and masked (sign-extended when signed), range
   * checked to its own width ({@code u4}), written read-modify-write so that the other bits of the
   * window stay (or, when no other member has a bit in the window, into a window built from zero:
   * {@link #orInto}). An unnamed bit-field moves nothing (its bits are zeroed with the padding).
   */
  record BitField(FieldLayout field, MemberContext cx, BitWindow window) implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      MemberType.IntType type = (MemberType.IntType) field.field().type();
      if (field.field().unnamed()) {
        if (cx.struct().record()) {
          out.addStatement("$L = $L", target.declare(), zero(type));
        }
        return;
      }
      if (!window.hasWindow()) {
        boolean signed = type.width().signed();
        int n = window.bits();
        CodeBlock raw =
            access.getBits(index(), window.shift(), n, cx.struct().order() == Order.BIG);
        CodeBlock bits =
            signed && n < 64 ? CodeBlock.of("$L << $L >> $L", raw, 64 - n, 64 - n) : raw;
        out.addStatement("$L = $L", target.declare(), cast(type, bits));
        return;
      }
      readFrom(out, target, unsignedWindow(access));
    }

    /** Whether the bit-field moves a value through a window (it is named and a window holds it). */
    boolean usesWindow() {
      return !field.field().unnamed() && window.hasWindow();
    }

    /**
     * Reads the bit-field from {@code raw}, its window's value already read (bit-fields sharing a
     * window read it once).
     */
    void readFrom(CodeBlock.Builder out, ReadTarget target, CodeBlock raw) {
      MemberType.IntType type = (MemberType.IntType) field.field().type();
      int n = window.bits();
      CodeBlock bits;
      if (type.width().signed()) {
        bits = CodeBlock.of("$L << $L >> $L", raw, 64 - window.shift() - n, 64 - n);
      } else {
        bits =
            window.shift() == 0 && n == 64
                ? raw
                : window.shift() == 0
                    ? CodeBlock.of("$L & $L", raw, window.maskLiteral())
                    : CodeBlock.of("$L >>> $L & $L", raw, window.shift(), window.maskLiteral());
      }
      out.addStatement("$L = $L", target.declare(), cast(type, bits));
    }

    /**
     * {@code unit = unit & KEEP | (value & MASK) << SHIFT}: the bit-field merged into its window's
     * value.
     */
    CodeBlock mergeInto(CodeBlock unit) {
      return CodeBlock.of("$L = $L & $L | $L", unit, unit, keepLiteral(), shifted());
    }

    /**
     * {@code unit |= (value & MASK) << SHIFT}: the bit-field added to a window built from zero (no
     * other member shares its bytes).
     */
    CodeBlock orInto(CodeBlock unit) {
      return CodeBlock.of("$L |= $L", unit, shifted());
    }

    /** {@code (value & MASK) << SHIFT}, or {@code value & MASK} at shift 0: its bits in place. */
    private CodeBlock shifted() {
      if (window.shift() == 0) {
        return CodeBlock.of("$L & $L", cx.access(field), window.maskLiteral());
      }
      return CodeBlock.of(
          "($L & $L) << $L", cx.access(field), window.maskLiteral(), window.shift());
    }

    /** The mask that keeps every bit of the window but the bit-field's, a {@code long} literal. */
    private String keepLiteral() {
      long mask = window.bits() == 64 ? -1L : (1L << window.bits()) - 1;
      return "0x"
          + Long.toHexString(~(mask << window.shift())).toUpperCase(java.util.Locale.ROOT)
          + "L";
    }

    /** The statement putting a window's value back. */
    CodeBlock putWindow(Access access, CodeBlock unit) {
      String primitive =
          switch (window.bytes()) {
            case 1 -> "byte";
            case 2 -> "short";
            case 4 -> "int";
            default -> "long";
          };
      CodeBlock bits = window.bytes() == 8 ? unit : CodeBlock.of("($L) $L", primitive, unit);
      return access.put(new Width(window.bytes() * 8, false), windowIndex(), bits);
    }

    private static CodeBlock cast(MemberType.IntType type, CodeBlock bits) {
      return type.javaKind() == JavaKind.LONG
          ? bits
          : CodeBlock.of("($L) ($L)", type.javaKind().keyword(), bits);
    }

    @Override
    public void check(CodeBlock.Builder out) {
      if (field.field().unnamed()) {
        return;
      }
      MemberType.IntType type = (MemberType.IntType) field.field().type();
      ScalarCode code =
          new ScalarCode(
              java.util.Objects.requireNonNull(field.valueWidth(), "an integer member's width"),
              type.javaKind());
      if (code.needsRangeCheck()) {
        out.addStatement(
            "$T.checkBits($L, $L, $L, $S)",
            RuntimeTypes.ABI_RUNTIME,
            cx.access(field),
            window.bits(),
            type.width().signed(),
            cx.label(field));
      }
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      if (field.field().unnamed()) {
        return;
      }
      CodeBlock value = cx.access(field);
      if (!window.hasWindow()) {
        boolean isLong = ((MemberType.IntType) field.field().type()).javaKind() == JavaKind.LONG;
        out.addStatement(
            access.putBits(
                index(),
                window.shift(),
                window.bits(),
                cx.struct().order() == Order.BIG,
                isLong ? value : CodeBlock.of("(long) $L", value)));
        return;
      }
      CodeBlock merged =
          CodeBlock.of("$L & $L | $L", unsignedWindow(access), keepLiteral(), shifted());
      Width unit = new Width(window.bytes() * 8, false);
      String primitive =
          switch (window.bytes()) {
            case 1 -> "byte";
            case 2 -> "short";
            case 4 -> "int";
            default -> "long";
          };
      CodeBlock bits = window.bytes() == 8 ? merged : CodeBlock.of("($L) ($L)", primitive, merged);
      out.addStatement(access.put(unit, windowIndex(), bits));
    }

    /** {@code offset + 4}: the first byte of the window (or of the bits, without one). */
    private CodeBlock windowIndex() {
      return CodeBlock.of("offset + $L", window.start());
    }

    private CodeBlock index() {
      return windowIndex();
    }

    /** The window's bytes as an unsigned {@code long}, in the type's byte order. */
    CodeBlock unsignedWindow(Access access) {
      CodeBlock raw = access.get(new Width(window.bytes() * 8, false), windowIndex());
      return switch (window.bytes()) {
        case 1 -> CodeBlock.of("($L & 0xFFL)", raw);
        case 2 -> CodeBlock.of("($L & 0xFFFFL)", raw);
        case 4 -> CodeBlock.of("($L & 0xFFFFFFFFL)", raw);
        default -> raw;
      };
    }

    /**
     * The bytes its bits touch, by its name: an unaligned integer of 1, 2, 4 or 8 bytes, else a
     * sequence of bytes. {@link ForeignLayout} merges bit-fields that share bytes.
     */
    @Override
    public CodeBlock layout(SegmentAccess access) {
      return CodeBlock.of(
          "$L.withName($S)", access.bytesLayout(field.byteSpan()), field.field().cName());
    }

    private static String zero(MemberType.IntType type) {
      return switch (type.javaKind()) {
        case BYTE -> "(byte) 0";
        case SHORT -> "(short) 0";
        case CHAR -> "(char) 0";
        case INT -> "0";
        case LONG -> "0L";
      };
    }
  }

  /**
   * A flexible array {@code T name[]}: {@code read} takes its length from {@link ReadTarget#count}
   * (the count member, or the caller's {@code count}) after a bounds check; {@code check} wants the
   * array present, as long as the count member says, every element within its width; {@code write}
   * writes all its elements after the struct's fixed part (the write's bounds check covers them).
   */
  record Flexible(FieldLayout field, MemberContext cx, MemberType.ArrayType type)
      implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      String n = "count" + ConstantNames.upperSnake(field.field().javaName()).replace("_", "");
      CodeBlock count =
          access.flexibleCount(
              cx.index(field),
              java.util.Objects.requireNonNull(
                  target.count(), "a flexible array's read target carries its count"),
              rowSize(),
              cx.label(field),
              signedCount());
      if (type.perRow() > 1) {
        // the count is of rows (T x[][6]: of 6 elements each); the Java array holds every element
        out.addStatement("int $L = $L * $L", n, count, type.perRow());
      } else {
        out.addStatement("int $L = $L", n, count);
      }
      out.addStatement("$L = new $T[$L]", target.declare(), cx.javaType(type.element()), n);
      CodeBlock whole =
          wholeArray(field, cx, type, access, true, target.name(), CodeBlock.of("$L", n));
      if (whole != null) {
        out.addStatement(whole);
        return;
      }
      out.beginControlFlow("for (int i = 0; i < $L; i++)", n);
      CodeBlock index = elementIndex();
      CodeBlock element =
          type.element() instanceof MemberType.StructType nested
              ? access.readNested(cx.abiClass(nested), index)
              : MemberCode.scalar(field, type.element()).read(index, access);
      out.addStatement("$L[i] = $L", target.name(), element);
      out.endControlFlow();
    }

    @Override
    public void check(CodeBlock.Builder out) {
      CodeBlock array = cx.access(field);
      String label = cx.label(field);
      out.addStatement("$T.requireNonNull($L, $S)", RuntimeTypes.ABI_RUNTIME, array, label);
      FieldModel counter = counter();
      if (counter != null) {
        CodeBlock countValue =
            unsignedCount(
                counter,
                cx.struct().record()
                    ? CodeBlock.of("value.$L()", counter.javaName())
                    : CodeBlock.of("value.$L", counter.javaName()));
        String countLabel = cx.struct().cName() + "." + counter.cName();
        String signed = signedCount() ? ", true" : "";
        if (type.perRow() > 1) {
          out.addStatement(
              "$T.checkFlexibleRows($L.length, $L, $L, $S, $S" + signed + ")",
              RuntimeTypes.ABI_RUNTIME,
              array,
              countValue,
              type.perRow(),
              label,
              countLabel);
        } else {
          out.addStatement(
              "$T.checkFlexibleLength($L.length, $L, $S, $S" + signed + ")",
              RuntimeTypes.ABI_RUNTIME,
              array,
              countValue,
              label,
              countLabel);
        }
      } else if (type.perRow() > 1) {
        out.addStatement(
            "$T.checkWholeRows($L.length, $L, $S)",
            RuntimeTypes.ABI_RUNTIME,
            array,
            type.perRow(),
            label);
      }
      checkElements(out, CodeBlock.of("$L.length", array), field, cx, type, true);
    }

    @Override
    public void checkAfterPrimary(CodeBlock.Builder out) {
      checkElements(out, CodeBlock.of("$L.length", cx.access(field)), field, cx, type, false);
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      CodeBlock array = cx.access(field);
      CodeBlock whole =
          wholeArray(field, cx, type, access, false, array, CodeBlock.of("$L.length", array));
      if (whole != null) {
        out.addStatement(whole);
        return;
      }
      CodeBlock element = CodeBlock.of("$L[i]", array);
      CodeBlock index = elementIndex();
      out.beginControlFlow("for (int i = 0; i < $L.length; i++)", array);
      if (type.element() instanceof MemberType.StructType nested) {
        out.addStatement(access.writeNested(cx.abiClass(nested), element, index));
      } else {
        out.addStatement(MemberCode.scalar(field, type.element()).write(index, element, access));
      }
      out.endControlFlow();
    }

    /**
     * A sequence of 0 elements at the array's offset: C's {@code sizeof} leaves the elements out.
     */
    @Override
    public CodeBlock layout(SegmentAccess access) {
      return CodeBlock.of(
          "$L.withName($S)", sequenceLayout(field, cx, type, 0, access), field.field().cName());
    }

    /**
     * The bytes of what the count counts: one element, or one row of a flexible array of arrays
     * ({@code T x[][6]}: 6 elements).
     */
    private CodeBlock rowSize() {
      if (type.perRow() == 1) {
        return elementSize();
      }
      if (type.element() instanceof MemberType.StructType nested) {
        return CodeBlock.of("$T.SIZE * $L", cx.abiClass(nested), type.perRow());
      }
      return CodeBlock.of("$L", field.elementSize() * type.perRow());
    }

    /** {@code SIZE} of one element: a literal, or {@code Bar.X86_64.SIZE} for structs. */
    CodeBlock elementSize() {
      if (type.element() instanceof MemberType.StructType nested) {
        return CodeBlock.of("$T.SIZE", cx.abiClass(nested));
      }
      return CodeBlock.of("$L", field.elementSize());
    }

    private CodeBlock elementIndex() {
      CodeBlock start = cx.index(field);
      if (type.element() instanceof MemberType.StructType nested) {
        return CodeBlock.of("$L + i * $T.SIZE", start, cx.abiClass(nested));
      }
      return field.elementSize() == 1
          ? CodeBlock.of("$L + i", start)
          : CodeBlock.of("$L + i * $L", start, field.elementSize());
    }

    /**
     * Whether the count is signed: the caller's {@code int count}, or a count member of a signed
     * width, whose negative values the messages write as such (a {@code u64}'s raw bits as
     * unsigned).
     */
    private boolean signedCount() {
      FieldModel counter = counter();
      if (counter == null) {
        return true;
      }
      Width width = counter.valueWidth();
      return width != null && width.signed();
    }

    /** The count member, or null where the caller gives the count. */
    private @Nullable FieldModel counter() {
      if (field.field().countMember().isEmpty()) {
        return null;
      }
      return java.util.Objects.requireNonNull(
          cx.struct().field(field.field().countMember()),
          "the count member (StructReader checked it exists)");
    }

    /**
     * A count member's value as an unsigned {@code long}: raw bits ({@code u32} in {@code int})
     * widened as unsigned.
     */
    static CodeBlock unsignedCount(FieldModel counter, CodeBlock read) {
      MemberType.IntType type = (MemberType.IntType) counter.type();
      if (!type.javaKind()
          .holdsRawBits(
              java.util.Objects.requireNonNull(
                  counter.valueWidth(), "an integer member's width"))) {
        return type.javaKind() == JavaKind.LONG ? read : CodeBlock.of("(long) $L", read);
      }
      return switch (type.javaKind()) {
        case BYTE -> CodeBlock.of("$T.toUnsignedLong($L)", ClassName.get(Byte.class), read);
        case SHORT -> CodeBlock.of("$T.toUnsignedLong($L)", ClassName.get(Short.class), read);
        case INT -> CodeBlock.of("$T.toUnsignedLong($L)", ClassName.get(Integer.class), read);
        default -> read;
      };
    }
  }
}
