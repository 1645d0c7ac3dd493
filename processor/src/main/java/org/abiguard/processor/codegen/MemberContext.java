package org.abiguard.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;

/**
 * What member code needs to know about the struct and ABI it is written for: how to reach a member
 * of {@code value}, how messages name it, where it lies, and Java types.
 */
record MemberContext(StructModel struct, TargetAbi abi, MarshallerNames names) {

  /** {@code value.domid}, or {@code value.domid()} for a record. */
  CodeBlock access(FieldLayout field) {
    return struct.record()
        ? CodeBlock.of("value.$L()", field.field().javaName())
        : CodeBlock.of("value.$L", field.field().javaName());
  }

  /** How messages name a member: {@code xen_memory_reservation.nr_extents (Java nrExtents)}. */
  String label(FieldLayout field) {
    String path = path(field);
    String javaName = field.field().javaName();
    return !field.field().hasCName() || javaName.equals(field.field().cName())
        ? path
        : path + " (Java " + javaName + ")";
  }

  /**
   * The member by its C name, as a path names it in a nested check's message: {@code ring.slots},
   * {@code domctl.(anonymous u)}.
   */
  String path(FieldLayout field) {
    if (!field.field().hasCName()) {
      return struct.cName()
          + ".("
          + (field.field().anonymous() ? "anonymous " : "unnamed ")
          + field.field().javaName()
          + ")";
    }
    return struct.cName() + "." + field.field().cName();
  }

  /** {@code offset + OFFSET_DOMID}. */
  CodeBlock index(FieldLayout field) {
    return CodeBlock.of("offset + $L", ConstantNames.offsetConstant(field.field()));
  }

  /** The ABI class of a nested struct's marshaller on this ABI. */
  ClassName abiClass(MemberType.StructType nested) {
    return names.abiClass(nested, abi);
  }

  /**
   * Whether the nested struct's ABI class has a {@code put} this code can call: its marshaller is
   * generated in this compilation, in this package ({@code put} is package-private).
   */
  boolean canPut(MemberType.StructType nested) {
    StructModel model = names.model(nested);
    return model.packageName().equals(struct.packageName()) && names.generatedHere(nested);
  }

  /** Whether the nested type ends in a flexible array (on this ABI, as on every other). */
  boolean endsFlexible(MemberType.StructType nested) {
    return names.layout(nested, abi).endsFlexible();
  }

  /**
   * {@code AbiRuntime.checkNoFlexibleBytes(...)} of a nested value where C gives its flexible array
   * no bytes: its {@code byteSize} must be its {@code SIZE}.
   *
   * @param index the element's index expression, or {@code -1} for a member that is no array
   */
  CodeBlock noFlexibleBytes(
      MemberType.StructType nested, CodeBlock value, String label, String index) {
    ClassName type = abiClass(nested);
    return CodeBlock.of(
        "$T.checkNoFlexibleBytes($T.byteSize($L), $T.SIZE, $S, $L)",
        RuntimeTypes.ABI_RUNTIME,
        type,
        value,
        type,
        label,
        index);
  }

  /** Whether the nested struct has this struct's byte order. */
  boolean sameOrder(MemberType.StructType nested) {
    return names.model(nested).order() == struct.order();
  }

  /**
   * Writes the nested struct (or array element) {@code value} at {@code index}: put where it can.
   */
  CodeBlock writeNested(
      Access access, MemberType.StructType nested, CodeBlock value, CodeBlock index) {
    return canPut(nested)
        ? access.putNested(abiClass(nested), value, index, sameOrder(nested))
        : access.writeNested(abiClass(nested), value, index);
  }

  /** The Java type holding a member of this type. */
  TypeName javaType(MemberType type) {
    if (type instanceof MemberType.IntType integer) {
      return new ScalarCode(integer.width(), integer.javaKind()).javaType();
    }
    if (type instanceof MemberType.FloatType floating) {
      return ScalarCode.floating(floating).javaType();
    }
    if (type instanceof MemberType.PointerType) {
      return TypeName.LONG;
    }
    if (type instanceof MemberType.StructType nested) {
      return names.mirror(nested);
    }
    return ArrayTypeName.of(javaType(((MemberType.ArrayType) type).element()));
  }
}
