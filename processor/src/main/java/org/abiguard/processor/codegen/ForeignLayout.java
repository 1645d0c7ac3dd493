package org.abiguard.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.jspecify.annotations.Nullable;

/**
 * The {@code LAYOUT} of one ABI class (Java 22+): the type as a {@code java.lang.foreign} layout
 * whose {@code byteSize()}, {@code byteAlignment()} and member offsets are {@code SIZE}, {@code
 * ALIGNMENT} and the {@code OFFSET_} constants.
 *
 * <ul>
 *   <li>A struct is a {@code StructLayout}: its members by C name in offset order, the padding
 *       between them explicit. A union is a {@code UnionLayout} of its members, with a padding
 *       member of {@code SIZE} bytes when alignment makes it larger than its largest member.
 *   <li>Bit-fields have no {@code MemoryLayout} of their own. In a struct, the bytes that hold
 *       bit-fields' bits appear as runs: bit-fields whose bits share a byte are one run, named
 *       after its first named bit-field; a run of 1, 2, 4 or 8 bytes is an integer of that size in
 *       the type's byte order, any other run a sequence of bytes; runs are unaligned (a bit-field
 *       need not sit at its unit's alignment). Bits of unnamed bit-fields only are padding. In a
 *       union, a bit-field is the bytes from the union's start to its last bit, by its name.
 *   <li>A flexible array member is a sequence of 0 elements at its offset, as C's {@code sizeof}
 *       leaves it out.
 *   <li>A nested struct or union is its ABI class's {@code LAYOUT}; where packing places it below
 *       its own alignment (which a {@code java.lang.foreign} layout cannot express), a sequence of
 *       its {@code SIZE} bytes by its name. Anonymous members have no name.
 * </ul>
 *
 * Past {@link MethodSplitter#MEMBERS_PER_METHOD} members, the member layouts are built by private
 * methods: one initializer would exceed 64 KiB.
 */
final class ForeignLayout {
  private final StructLayout layout;
  private final List<MemberCode> members;
  private final SegmentAccess segment;

  ForeignLayout(StructLayout layout, List<MemberCode> members, SegmentAccess segment) {
    this.layout = layout;
    this.members = members;
    this.segment = segment;
  }

  /** One part of the layout: {@code bytes} bytes at {@code offset}, aligned to {@code align}. */
  private record Part(int offset, int bytes, int align, CodeBlock code) {}

  /**
   * The {@code LAYOUT} field, adding the methods that build its members to {@code type} where
   * needed.
   */
  FieldSpec field(TypeSpec.Builder type) {
    boolean union = layout.struct().union();
    List<Part> parts = union ? unionParts() : structParts();
    List<CodeBlock> codes = new ArrayList<>();
    int memberAlign = 1;
    int end = 0;
    for (Part part : parts) {
      if (!union && part.offset() > end) {
        codes.add(padding(part.offset() - end));
      }
      codes.add(part.code());
      end = union ? Math.max(end, part.bytes()) : Math.max(end, part.offset() + part.bytes());
      memberAlign = Math.max(memberAlign, part.align());
    }
    if (layout.size() > end) {
      codes.add(padding(union ? layout.size() : layout.size() - end));
    }
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add("$T.$L(", SegmentAccess.MEMORY_LAYOUT, union ? "unionLayout" : "structLayout");
    if (codes.size() <= MethodSplitter.MEMBERS_PER_METHOD) {
      init.add("$>$>\n").add(CodeBlock.join(codes, ",\n")).add(")$<$<");
    } else {
      init.add("layoutMembers())");
      layoutMethods(type, codes);
    }
    init.add("\n$>$>.withName($S)$<$<", layout.struct().cName());
    if (layout.align() != memberAlign) {
      init.add(".withByteAlignment($L)", layout.align());
    }
    return FieldSpec.builder(
            union ? SegmentAccess.UNION_LAYOUT : SegmentAccess.STRUCT_LAYOUT,
            "LAYOUT",
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "{@code $L} on $L as a {@code java.lang.foreign} layout: {@code SIZE} bytes, aligned to\n"
                + "{@code ALIGNMENT}, members by their C names$L, $L endian.$L\n",
            layout.struct().cTypeName(),
            layout.abi().manifestName(),
            union ? "" : ", padding explicit",
            layout.struct().order().manifestName(),
            note())
        .initializer(init.build())
        .build();
  }

  private String note() {
    boolean bits = false;
    boolean flexible = false;
    for (FieldLayout f : layout.fields()) {
      bits |= f.isBitField();
      flexible |= f.field().flexible();
    }
    String note = "";
    if (bits) {
      note +=
          layout.struct().union()
              ? " A bit-field is the bytes from the union's start to its last bit."
              : " Bit-fields appear as the bytes that hold their bits: bit-fields sharing a byte are one\n"
                  + "member, named after the first of them, an integer when it has 1, 2, 4 or 8 bytes.";
    }
    if (flexible) {
      note += " The flexible array is a sequence of 0 elements.";
    }
    return note.isEmpty() ? "" : "\n" + note;
  }

  private List<Part> unionParts() {
    List<Part> parts = new ArrayList<>();
    for (MemberCode member : members) {
      FieldLayout f = member.field();
      if (f.isBitField()) {
        if (f.field().unnamed() || f.bitSize() == 0) {
          continue;
        }
        int bytes = f.firstByte() + f.byteSpan();
        parts.add(new Part(0, bytes, 1, named(bytes(bytes), f)));
      } else {
        parts.add(part(member));
      }
    }
    return parts;
  }

  private List<Part> structParts() {
    List<Part> parts = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    @Nullable FieldLayout runName = null;
    for (MemberCode member : members) {
      FieldLayout f = member.field();
      if (!f.isBitField()) {
        if (runStart >= 0) {
          run(runStart, runEnd, runName, parts);
          runStart = -1;
        }
        parts.add(part(member));
        continue;
      }
      if (f.bitSize() == 0) {
        continue;
      }
      int first = f.firstByte();
      int end = first + f.byteSpan();
      if (runStart >= 0 && first < runEnd) {
        runEnd = Math.max(runEnd, end);
      } else {
        if (runStart >= 0) {
          run(runStart, runEnd, runName, parts);
        }
        runStart = first;
        runEnd = end;
        runName = null;
      }
      if (runName == null && !f.field().unnamed()) {
        runName = f;
      }
    }
    if (runStart >= 0) {
      run(runStart, runEnd, runName, parts);
    }
    return parts;
  }

  /**
   * Adds a run of bit-field bytes, named after its first named bit-field; none (padding) without
   * one.
   */
  private void run(int start, int end, @Nullable FieldLayout name, List<Part> parts) {
    if (name != null) {
      parts.add(new Part(start, end - start, 1, named(bytes(end - start), name)));
    }
  }

  /** An ordinary member's part: {@link MemberCode#layout} is aligned exactly as the member. */
  private Part part(MemberCode member) {
    FieldLayout f = member.field();
    return new Part(f.offset(), f.size(), f.align(), member.layout(segment));
  }

  private CodeBlock bytes(int bytes) {
    return segment.bytesLayout(bytes);
  }

  private static CodeBlock named(CodeBlock layout, FieldLayout f) {
    return CodeBlock.of("$L.withName($S)", layout, f.field().cName());
  }

  private static CodeBlock padding(int bytes) {
    return CodeBlock.of("$T.paddingLayout($L)", SegmentAccess.MEMORY_LAYOUT, bytes);
  }

  /** {@code layoutMembers()} filling an array part by part. */
  private static void layoutMethods(TypeSpec.Builder type, List<CodeBlock> parts) {
    TypeName array = ArrayTypeName.of(SegmentAccess.MEMORY_LAYOUT);
    MethodSpec.Builder all =
        MethodSpec.methodBuilder("layoutMembers")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(array)
            .addStatement(
                "$T[] members = new $T[$L]",
                SegmentAccess.MEMORY_LAYOUT,
                SegmentAccess.MEMORY_LAYOUT,
                parts.size());
    int max = MethodSplitter.MEMBERS_PER_METHOD;
    for (int from = 0, part = 0; from < parts.size(); from += max, part++) {
      MethodSpec.Builder method =
          MethodSpec.methodBuilder("layoutMembers" + part)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(array, "members");
      for (int i = from; i < Math.min(parts.size(), from + max); i++) {
        method.addStatement("members[$L] = $L", i, parts.get(i));
      }
      type.addMethod(method.build());
      all.addStatement("layoutMembers$L(members)", part);
    }
    type.addMethod(all.addStatement("return members").build());
  }
}
