package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Objects;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;

/**
 * The generated code of one member on one ABI, one implementation per kind of member: an
 * integer or pointer ({@link Scalar}), a nested struct ({@link Nested}), a fixed array of either
 * ({@link Array}). Each writes three pieces, which {@link AbiClassWriter} puts together in member
 * order: the statements of {@code read}, those of {@code check} (everything that can make a
 * {@code write} fail, tested before its first byte), and those of {@code write}. Reads and writes
 * go through an {@link Access}, so the same member code serves every kind of memory.
 *
 * <p>A new kind of member (a union, a bit-field) is a new implementation here plus its case in
 * {@link #of}.
 */
sealed interface MemberCode permits MemberCode.Scalar, MemberCode.Nested, MemberCode.Array {

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
  record ReadTarget(CodeBlock declare, CodeBlock name) {}

  /** The code of {@code field} on the context's ABI. */
  static MemberCode of(FieldLayout field, MemberContext cx) {
    MemberType type = field.field().type();
    if (type instanceof MemberType.StructType nested) {
      return new Nested(field, cx, cx.abiClass(nested));
    }
    if (type instanceof MemberType.ArrayType array) {
      return new Array(field, cx, array);
    }
    return new Scalar(field, cx, scalar(field, type));
  }

  private static ScalarCode scalar(FieldLayout field, MemberType type) {
    JavaKind kind = type instanceof MemberType.IntType integer ? integer.javaKind() : JavaKind.LONG;
    return new ScalarCode(Objects.requireNonNull(field.width(), "an int or pointer member has a width"), kind);
  }

  /** An integer or a pointer: one get, one range check where the Java type can exceed the width, one put. */
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
      return CodeBlock.of("$L.withName($S)", scalarLayout(code.width(), field.align(), access), field.field().cName());
    }
  }

  /** {@code LE_SHORT.withByteAlignment(2)}, {@code ValueLayout.JAVA_BYTE}. */
  private static CodeBlock scalarLayout(org.abiguard.processor.model.Width width, int align, SegmentAccess access) {
    CodeBlock base = width.bytes() == 1
        ? CodeBlock.of("$T.JAVA_BYTE", SegmentAccess.VALUE_LAYOUT)
        : CodeBlock.of("$L", access.valueLayout(width.bytes()));
    return align == 1 ? base : CodeBlock.of("$L.withByteAlignment($L)", base, align);
  }

  /** A nested struct, read, checked and written by its own marshaller's class for this ABI. */
  record Nested(FieldLayout field, MemberContext cx, ClassName abiClass) implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      out.addStatement("$L = $L", target.declare(), access.readNested(abiClass, cx.index(field)));
    }

    @Override
    public void check(CodeBlock.Builder out) {
      out.addStatement("$T.check($T.requireNonNull($L, $S))", abiClass, RuntimeTypes.ABI_RUNTIME, cx.access(field),
          cx.label(field));
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
      out.addStatement(cx.writeNested(access, (MemberType.StructType) field.field().type(), cx.access(field),
          cx.index(field)));
    }

    @Override
    public CodeBlock layout(SegmentAccess access) {
      return CodeBlock.of("$T.LAYOUT.withByteAlignment($L).withName($S)", abiClass, field.align(),
          field.field().cName());
    }
  }

  /** A fixed array of integers, pointers or structs: one loop over its elements for each piece. */
  record Array(FieldLayout field, MemberContext cx, MemberType.ArrayType type) implements MemberCode {
    @Override
    public void read(CodeBlock.Builder out, Access access, ReadTarget target) {
      out.addStatement("$L = new $T[$L]", target.declare(), cx.javaType(type.element()), type.length());
      out.beginControlFlow("for (int i = 0; i < $L; i++)", type.length());
      CodeBlock index = elementIndex();
      CodeBlock element = type.element() instanceof MemberType.StructType nested
          ? access.readNested(cx.abiClass(nested), index)
          : scalar(field, type.element()).read(index, access);
      out.addStatement("$L[i] = $L", target.name(), element);
      out.endControlFlow();
    }

    @Override
    public void check(CodeBlock.Builder out) {
      CodeBlock array = cx.access(field);
      String label = cx.label(field);
      out.addStatement("$T.checkLength($L, $L, $S)", RuntimeTypes.ABI_RUNTIME, array, type.length(), label);
      if (type.element() instanceof MemberType.StructType nested) {
        out.beginControlFlow("for (int i = 0; i < $L; i++)", type.length())
            .addStatement("$T.checkElementNotNull($L[i], $S, i)", RuntimeTypes.ABI_RUNTIME, array, label)
            .addStatement("$T.check($L[i])", cx.abiClass(nested), array)
            .endControlFlow();
        return;
      }
      CodeBlock check = scalar(field, type.element()).rangeCheck(CodeBlock.of("$L[i]", array), label, "i");
      if (check != null) {
        out.beginControlFlow("for (int i = 0; i < $L; i++)", type.length())
            .addStatement(check)
            .endControlFlow();
      }
    }

    @Override
    public void write(CodeBlock.Builder out, Access access) {
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
      CodeBlock element = type.element() instanceof MemberType.StructType nested
          ? CodeBlock.of("$T.LAYOUT", cx.abiClass(nested))
          : scalarLayout(Objects.requireNonNull(field.width(), "an int or pointer element has a width"),
              field.elementAlign(), access);
      CodeBlock sequence = CodeBlock.of("$T.sequenceLayout($L, $L)", SegmentAccess.MEMORY_LAYOUT, type.length(), element);
      if (field.align() != field.elementAlign()) {
        sequence = CodeBlock.of("$L.withByteAlignment($L)", sequence, field.align());
      }
      return CodeBlock.of("$L.withName($S)", sequence, field.field().cName());
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
}
