package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * A struct with one member for every C width in every Java type that may hold it, plus
 * {@code @NativeLong} (unsigned and signed) and {@code @Pointer}; and the expectations the tests
 * hold its marshallers to.
 */
final class Scalars {
  static final List<Width> WIDTHS =
      List.of(Width.U8, Width.U16, Width.U32, Width.U64, Width.S8, Width.S16, Width.S32, Width.S64);

  private Scalars() {}

  /**
   * The struct {@code scalars} mirrored by {@code relativeName}; little endian unless {@code big}.
   */
  static StructModel struct(String relativeName, boolean record, boolean big) {
    StructFixture fixture = StructFixture.struct(relativeName).cName("scalars");
    if (record) {
      fixture.record();
    }
    if (big) {
      fixture.bigEndian();
    }
    for (Width width : WIDTHS) {
      for (JavaKind kind : JavaKind.values()) {
        if (kind.canHold(width)) {
          fixture.integer(width + "_" + kind.keyword(), width, kind);
        }
      }
    }
    return fixture.nativeLong("ulong", false).nativeLong("slong", true).pointer("ptr").build();
  }

  /** The member's Java type. */
  static JavaKind kind(FieldModel field) {
    return field.type() instanceof MemberType.IntType integer ? integer.javaKind() : JavaKind.LONG;
  }

  /** The member's C width on {@code abi}, as the test expects it. */
  static Width width(FieldModel field, TargetAbi abi) {
    if (field.type() instanceof MemberType.PointerType) {
      return new Width(abi.pointerBytes() * 8, false);
    }
    MemberType.IntType integer = (MemberType.IntType) field.type();
    return integer.nativeLong()
        ? new Width(abi.longBytes() * 8, integer.width().signed())
        : integer.width();
  }

  /** Whether the Java type can represent {@code value}. */
  static boolean representable(JavaKind kind, long value) {
    return switch (kind) {
      case BYTE -> value == (byte) value;
      case SHORT -> value == (short) value;
      case CHAR -> value == (char) value;
      case INT -> value == (int) value;
      case LONG -> true;
    };
  }

  /** {@code value} boxed as the Java type. */
  static Object box(JavaKind kind, long value) {
    return switch (kind) {
      case BYTE -> (byte) value;
      case SHORT -> (short) value;
      case CHAR -> (char) value;
      case INT -> (int) value;
      case LONG -> value;
    };
  }

  /** Whether write must accept {@code value} (a value of the Java type) for the width. */
  static boolean fits(JavaKind kind, Width width, long value) {
    if (kind.holdsRawBits(width)) {
      return true;
    }
    return value >= width.min() && value <= width.max();
  }

  /**
   * Interesting values of the width and around it: 0, ±1, min, max, one beyond each, the Java
   * type's limits.
   */
  static List<Long> edges(JavaKind kind, Width width) {
    List<Long> candidates =
        new ArrayList<>(
            List.of(
                0L,
                1L,
                -1L,
                width.min(),
                width.max(),
                width.max() + 1,
                width.min() - 1,
                javaMin(kind),
                javaMax(kind)));
    List<Long> edges = new ArrayList<>();
    for (long value : candidates) {
      if (representable(kind, value) && !edges.contains(value)) {
        edges.add(value);
      }
    }
    return edges;
  }

  static long javaMin(JavaKind kind) {
    return kind == JavaKind.CHAR ? 0 : -(1L << (kind.bits() - 1));
  }

  static long javaMax(JavaKind kind) {
    return kind == JavaKind.CHAR ? 0xFFFF : (1L << (kind.bits() - 1)) - 1;
  }

  /** The low {@code bytes} bytes of {@code value} in C's order. */
  static byte[] encode(long value, int bytes, boolean big) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[big ? bytes - 1 - i : i] = (byte) (value >>> (8 * i));
    }
    return out;
  }
}
