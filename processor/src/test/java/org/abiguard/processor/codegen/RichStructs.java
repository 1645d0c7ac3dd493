package org.abiguard.processor.codegen;

import java.util.List;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * Structs with every kind of member: nested structs (also from another package and nested Java
 * types), arrays of integers and of structs, pointers, native longs, an over-aligned member, a
 * typedef, records and classes, little and big endian.
 *
 * <pre>
 * struct inner { uint8_t tag; uint32_t value; };                 // 8 bytes, align 4
 * typedef struct { int16_t x; int16_t y; } point_t;              // p.Shapes.Point, a record
 * struct other { uint64_t id; };                                 // q.Other, another package
 * struct rich {
 *   uint8_t flag; struct inner inner; uint16_t chars[3]; point_t points[2];
 *   void *ptr; long delta; int64_t big; uint32_t aligned __attribute__((aligned(16)));
 *   struct other other; struct inner inners[2]; uint8_t tail;
 * };
 * struct rich_big { int8_t bytes[5]; uint32_t words[2]; struct inner inner; uint16_t last; };  // big endian record
 * </pre>
 */
final class RichStructs {
  private RichStructs() {}

  static final StructModel INNER =
      StructFixture.struct("Inner")
          .cName("inner")
          .integer("tag", Width.U8, JavaKind.INT)
          .integer("value", Width.U32, JavaKind.LONG)
          .build();

  static final StructModel POINT =
      StructFixture.struct("Shapes.Point")
          .cName("point_t")
          .typedef()
          .record()
          .integer("x", Width.S16, JavaKind.SHORT)
          .integer("y", Width.S16, JavaKind.INT)
          .build();

  static final StructModel OTHER =
      StructFixture.struct("q", "Other")
          .cName("other")
          .integer("id", Width.U64, JavaKind.LONG)
          .build();

  static final StructModel RICH =
      StructFixture.struct("Rich")
          .cName("rich")
          .integer("flag", Width.U8, JavaKind.BYTE)
          .nested("inner", "p.Inner")
          .array("chars", 3, new MemberType.IntType(Width.U16, false, JavaKind.CHAR))
          .array("points", 2, new MemberType.StructType("p.Shapes.Point"))
          .pointer("ptr")
          .nativeLong("delta", true)
          .integer("big", Width.S64, JavaKind.LONG)
          .field("aligned", "aligned", new MemberType.IntType(Width.U32, false, JavaKind.LONG), 16)
          .nested("other", "q.Other")
          .array("inners", 2, new MemberType.StructType("p.Inner"))
          .integer("tail", Width.U8, JavaKind.SHORT)
          .build();

  static final StructModel RICH_BIG =
      StructFixture.struct("RichBig")
          .cName("rich_big")
          .record()
          .bigEndian()
          .array("bytes", 5, new MemberType.IntType(Width.S8, false, JavaKind.BYTE))
          .array("words", 2, new MemberType.IntType(Width.U32, false, JavaKind.INT))
          .nested("inner", "p.Inner")
          .integer("last", Width.U16, JavaKind.INT)
          .build();

  static List<StructModel> all() {
    return List.of(INNER, POINT, OTHER, RICH, RICH_BIG);
  }
}
