package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * System V layouts of fixture structs (natural alignment, 8-byte integers 4-aligned on i386),
 * so that generator tests do not depend on the layout engine. Tests that matter also pin the
 * offsets they rely on as literals, and the C tests compare with gcc.
 */
final class FixtureLayouts {
  private final Map<String, StructModel> structs;

  FixtureLayouts(Map<String, StructModel> structs) {
    this.structs = structs;
  }

  StructLayout layout(StructModel struct, TargetAbi abi) {
    List<FieldLayout> fields = new ArrayList<>();
    int offset = 0;
    int structAlign = Math.max(1, struct.alignAtLeast());
    for (FieldModel field : struct.fields()) {
      MemberType type = field.type();
      MemberType element = type instanceof MemberType.ArrayType array ? array.element() : type;
      int length = type instanceof MemberType.ArrayType array ? array.length() : 1;
      int elementSize;
      int elementAlign;
      Width width = null;
      if (element instanceof MemberType.StructType nested) {
        StructLayout inner = layout(structs.get(nested.javaName()), abi);
        elementSize = inner.size();
        elementAlign = inner.align();
      } else {
        width = width(element, abi);
        elementSize = width.bytes();
        elementAlign = elementSize == 8 ? abi.int64Align() : elementSize;
      }
      int align = Math.max(elementAlign, field.alignAtLeast());
      offset = roundUp(offset, align);
      fields.add(new FieldLayout(field, offset, elementSize * length, align, elementSize, elementAlign, width));
      offset += elementSize * length;
      structAlign = Math.max(structAlign, align);
    }
    return new StructLayout(struct, abi, roundUp(offset, structAlign), structAlign, fields);
  }

  /** The layouts on each ABI, in order. */
  List<StructLayout> layouts(StructModel struct, List<TargetAbi> abis) {
    List<StructLayout> layouts = new ArrayList<>();
    for (TargetAbi abi : abis) {
      layouts.add(layout(struct, abi));
    }
    return layouts;
  }

  private static Width width(MemberType type, TargetAbi abi) {
    if (type instanceof MemberType.PointerType) {
      return new Width(abi.pointerBytes() * 8, false);
    }
    MemberType.IntType integer = (MemberType.IntType) type;
    return integer.nativeLong() ? new Width(abi.longBytes() * 8, integer.width().signed()) : integer.width();
  }

  private static int roundUp(int value, int align) {
    return (value + align - 1) / align * align;
  }
}
