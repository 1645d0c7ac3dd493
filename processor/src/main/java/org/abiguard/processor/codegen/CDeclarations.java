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
 * The C side of a struct, as the generated Javadoc shows it: each member as C declares it and
 * the whole struct as one ABI lays it out, padding included.
 */
final class CDeclarations {
  private final MarshallerNames names;

  /** @param names resolves nested structs, for their C names */
  CDeclarations(MarshallerNames names) {
    this.names = names;
  }

  /** The member as C declares it on this ABI, e.g. {@code uint16_t domid;}. */
  String member(FieldLayout field) {
    MemberType type = field.field().type();
    String name = field.field().cName();
    String aligned = field.field().alignAtLeast() > 0
        ? " __attribute__((aligned(" + field.field().alignAtLeast() + ")))"
        : "";
    if (type instanceof MemberType.ArrayType array) {
      return typeName(array.element(), field.width()) + " " + name + "[" + array.length() + "]" + aligned + ";";
    }
    String typeName = typeName(type, field.width());
    return (typeName.endsWith("*") ? typeName + name : typeName + " " + name) + aligned + ";";
  }

  /** What the member is on this ABI: {@code u16}, {@code pointer u32}, {@code struct bar}, {@code 4 x u32}. */
  String kind(FieldLayout field) {
    MemberType type = field.field().type();
    if (type instanceof MemberType.ArrayType array) {
      return array.length() + " x " + scalarKind(array.element(), field.width());
    }
    return scalarKind(type, field.width());
  }

  private String scalarKind(MemberType type, @Nullable Width width) {
    if (type instanceof MemberType.StructType struct) {
      return names.model(struct).cTypeName();
    }
    if (type instanceof MemberType.PointerType) {
      return "pointer, " + width;
    }
    return Objects.requireNonNull(width, "an int member has a width").toString();
  }

  private String typeName(MemberType type, @Nullable Width width) {
    if (type instanceof MemberType.StructType struct) {
      return names.model(struct).cTypeName();
    }
    if (type instanceof MemberType.PointerType) {
      return "void *";
    }
    MemberType.IntType integer = (MemberType.IntType) type;
    if (integer.nativeLong()) {
      return integer.width().signed() ? "long" : "unsigned long";
    }
    Width w = Objects.requireNonNull(width, "an int member has a width");
    return (w.signed() ? "int" : "uint") + w.bits() + "_t";
  }

  /**
   * The struct as laid out on the layout's ABI, one member a line with its offset and padding
   * as comments, for a {@code <pre>} block.
   */
  String layout(StructLayout layout) {
    StructModel struct = layout.struct();
    List<String[]> rows = new ArrayList<>();
    int end = 0;
    for (FieldLayout field : layout.fields()) {
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
    out.append(struct.typedef() ? "typedef struct" : struct.cTypeName()).append(" {  // ").append(layout.abi().manifestName())
        .append(": sizeof ").append(layout.size()).append(", _Alignof ").append(layout.align())
        .append(", ").append(struct.order().manifestName()).append(" endian\n");
    for (String[] row : rows) {
      out.append("    ").append(row[0]).append(" ".repeat(column - row[0].length() + 1))
          .append("// ").append(row[1]).append('\n');
    }
    return out.append(struct.typedef() ? "} " + struct.cName() + ";" : "};").toString();
  }

  private static String[] padding(int bytes, int at) {
    return new String[] {"", bytes + (bytes == 1 ? " byte" : " bytes") + " of padding at offset " + at};
  }
}
