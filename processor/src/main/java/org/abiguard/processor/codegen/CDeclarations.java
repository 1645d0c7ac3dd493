package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * The C side of a struct, as the generated Javadoc shows it: each member as C declares it and the
 * whole struct as one ABI lays it out, padding included.
 */
final class CDeclarations {
  private final MarshallerNames names;

  /**
   * @param names resolves nested structs, for their C names
   */
  CDeclarations(MarshallerNames names) {
    this.names = names;
  }

  /** The member as C declares it on this ABI, e.g. {@code uint16_t domid;}. */
  String member(FieldLayout field) {
    MemberType type = field.field().type();
    String name = field.field().cName();
    String aligned =
        field.field().alignAtLeast() > 0
            ? " __attribute__((aligned(" + field.field().alignAtLeast() + ")))"
            : "";
    if (field.isBitField()) {
      return typeName(type, field.width())
          + (field.field().unnamed() ? "" : " " + name)
          + " : "
          + field.bitSize()
          + ";";
    }
    if (field.field().anonymous()) {
      return typeName(type, field.width()) + aligned + ";";
    }
    if (type instanceof MemberType.ArrayType array) {
      // T x[3][2]; a flexible array's first dimension has no length: T x[] or T x[][6]
      String dims =
          field.field().flexible() ? "[]" + brackets(array.rowDims()) : brackets(array.dims());
      return typeName(array.element(), field.width()) + " " + name + dims + aligned + ";";
    }
    String typeName = typeName(type, field.width());
    return (typeName.endsWith("*") ? typeName + name : typeName + " " + name) + aligned + ";";
  }

  /**
   * What the member is on this ABI: {@code u16}, {@code pointer u32}, {@code struct bar}, {@code 4
   * x u32}.
   */
  String kind(FieldLayout field) {
    MemberType type = field.field().type();
    if (field.isBitField()) {
      return field.bitSize() == 0
          ? "zero-width, aligns the next member"
          : "bits "
              + field.bitOffset()
              + ".."
              + (field.bitOffset() + field.bitSize() - 1)
              + ", "
              + field.valueWidth();
    }
    if (field.field().flexible()) {
      MemberType.ArrayType array = (MemberType.ArrayType) type;
      return "flexible array of "
          + times(array.rowDims())
          + scalarKind(array.element(), field.width());
    }
    if (field.field().anonymous()) {
      return "anonymous " + scalarKind(type, field.width());
    }
    if (type instanceof MemberType.ArrayType array) {
      return times(array.dims()) + scalarKind(array.element(), field.width());
    }
    return scalarKind(type, field.width());
  }

  /** {@code [3][2]}. */
  private static String brackets(List<Integer> dims) {
    StringBuilder out = new StringBuilder();
    dims.forEach(d -> out.append('[').append(d).append(']'));
    return out.toString();
  }

  /** {@code "3 x 2 x "}, to go before the element's kind. */
  private static String times(List<Integer> dims) {
    StringBuilder out = new StringBuilder();
    dims.forEach(d -> out.append(d).append(" x "));
    return out.toString();
  }

  private String scalarKind(MemberType type, @Nullable Width width) {
    if (type instanceof MemberType.StructType struct) {
      return cType(names.model(struct));
    }
    if (type instanceof MemberType.PointerType) {
      return "pointer, " + width;
    }
    if (type instanceof MemberType.FloatType floating) {
      return floating.keyword();
    }
    return Objects.requireNonNull(width, "an int member has a width").toString();
  }

  private String typeName(MemberType type, @Nullable Width width) {
    if (type instanceof MemberType.StructType struct) {
      return cType(names.model(struct));
    }
    if (type instanceof MemberType.PointerType) {
      return "void *";
    }
    if (type instanceof MemberType.FloatType floating) {
      return floating.keyword();
    }
    MemberType.IntType integer = (MemberType.IntType) type;
    if (integer.nativeLong()) {
      return integer.width().signed() ? "long" : "unsigned long";
    }
    Width w = Objects.requireNonNull(width, "an int member has a width");
    return (w.signed() ? "int" : "uint") + w.bits() + "_t";
  }

  /** {@code struct bar}, or for a type C declares without a tag {@code union { ... }}. */
  private static String cType(StructModel model) {
    return model.untagged() ? model.kind() + " { ... }" : model.cTypeName();
  }

  /**
   * The struct as laid out on the layout's ABI, one member a line with its offset and padding as
   * comments, for a {@code <pre>} block.
   */
  String layout(StructLayout layout) {
    StructModel struct = layout.struct();
    List<String[]> rows = new ArrayList<>();
    int end = 0;
    for (FieldLayout field : layout.fields()) {
      if (field.isBitField()) {
        rows.add(new String[] {member(field), kind(field)});
        end = (int) Math.max(end, (field.bitOffset() + field.bitSize() + 7) / 8);
        continue;
      }
      if (field.offset() > end) {
        rows.add(padding(field.offset() - end, end));
      }
      rows.add(new String[] {member(field), "offset " + field.offset() + ", " + kind(field)});
      end = Math.max(end, field.offset() + field.size());
    }
    if (layout.size() > end) {
      rows.add(padding(layout.size() - end, end));
    }
    int column = 0;
    for (String[] row : rows) {
      column = Math.max(column, row[0].length());
    }
    StringBuilder out = new StringBuilder();
    out.append(
            struct.typedef()
                ? "typedef " + struct.kind()
                : struct.untagged() ? struct.kind() : struct.cTypeName())
        .append(" {  // ")
        .append(layout.abi().manifestName())
        .append(": sizeof ")
        .append(layout.size())
        .append(", _Alignof ")
        .append(layout.align())
        .append(", ")
        .append(struct.order().manifestName())
        .append(" endian\n");
    for (String[] row : rows) {
      out.append("    ")
          .append(row[0])
          .append(" ".repeat(column - row[0].length() + 1))
          .append("// ")
          .append(row[1])
          .append('\n');
    }
    return out.append(
            struct.typedef() ? "} " + struct.cName() + ";" : struct.untagged() ? "}" : "};")
        .toString();
  }

  private static String[] padding(int bytes, int at) {
    return new String[] {
      "", bytes + (bytes == 1 ? " byte" : " bytes") + " of padding at offset " + at
    };
  }
}
