package org.abiguard.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.codegen.RuntimeHelpers.Helper;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * Writes the nested class of one ABI ({@code X86_64}, {@code I386}, {@code Aarch64}): its
 * constants, {@code read}, {@code check}, {@code write} and its {@code AbiCodec}.
 */
final class AbiClassWriter {
  static final ClassName ABI_CODEC = ClassName.get("org.abiguard", "AbiCodec");

  private final StructLayout layout;
  private final StructModel struct;
  private final MarshallerNames names;
  private final RuntimeHelpers helpers;
  private final CDeclarations c;
  private final ClassName self;

  AbiClassWriter(StructLayout layout, MarshallerNames names, RuntimeHelpers helpers, CDeclarations c) {
    this.layout = layout;
    this.struct = layout.struct();
    this.names = names;
    this.helpers = helpers;
    this.c = c;
    this.self = names.abiClass(struct, layout.abi());
  }

  TypeSpec build() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L} on $L.\n\n<pre>{@code\n$L\n}</pre>\n",
            struct.cTypeName(), layout.abi().manifestName(), c.layout(layout))
        .addField(constant("SIZE", layout.size(), "{@code sizeof($L)} on $L, tail padding included.\n",
            struct.cTypeName(), layout.abi().manifestName()))
        .addField(constant("ALIGNMENT", layout.align(), "{@code _Alignof($L)} on $L.\n",
            struct.cTypeName(), layout.abi().manifestName()));
    for (FieldLayout field : layout.fields()) {
      type.addField(constant(ConstantNames.offsetConstant(field.field()), field.offset(), "$L\n",
          memberDoc(field)));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(codecAccessor());
    if (struct.union()) {
      UnionCode union = new UnionCode(this);
      type.addMethod(read(false))
          .addMethod(read(true))
          .addMethod(union.selected())
          .addMethod(union.check())
          .addMethod(check(true))
          .addMethod(union.write())
          .addMethod(writeUnion());
    } else {
      if (flexibleWithoutCount() != null) {
        type.addMethod(readWithoutCount());
      }
      type.addMethod(read(false))
          .addMethod(check(false))
          .addMethod(write());
    }
    return type.addType(codecClass()).build();
  }

  StructLayout layout() {
    return layout;
  }

  StructModel struct() {
    return struct;
  }

  MarshallerNames names() {
    return names;
  }

  RuntimeHelpers helpers() {
    return helpers;
  }

  /** The union's member-selector enum, shared by every ABI class: {@code FooMarshaller.Member}. */
  ClassName memberEnum() {
    return names.marshaller(struct).nestedClass("Member");
  }

  /** The flexible array whose count the caller gives, or null. */
  FieldLayout flexibleWithoutCount() {
    for (FieldLayout f : layout.fields()) {
      if (f.field().flexible() && f.field().countMember().isEmpty()) {
        return f;
      }
    }
    return null;
  }

  /** {@code {@code uint32_t space;} at offset 4, u32}, plus the Java name where it differs. */
  String memberDoc(FieldLayout field) {
    String doc = "{@code " + c.member(field) + "} at offset " + field.offset() + ", " + c.kind(field);
    String javaName = field.field().javaName();
    if (!javaName.equals(field.field().cName())) {
      doc += " (Java " + (struct.record() ? "component" : "field") + " {@code " + javaName + "})";
    }
    return doc;
  }

  private static FieldSpec constant(String name, int value, String doc, Object... args) {
    return FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc, args)
        .initializer("$L", value)
        .build();
  }

  private TypeName codecType() {
    return ParameterizedTypeName.get(ABI_CODEC, names.mirror(struct));
  }

  private MethodSpec codecAccessor() {
    return MethodSpec.methodBuilder("codec")
        .addJavadoc("This ABI's {@link $T}; always the same instance.\n", ABI_CODEC)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(codecType())
        .addStatement("return Codec.INSTANCE")
        .build();
  }

  // ---------------------------------------------------------------- read

  /** {@code read(buf, offset)} of a struct with a flexible array the caller counts: no elements. */
  private MethodSpec readWithoutCount() {
    FieldLayout flexible = flexibleWithoutCount();
    return MethodSpec.methodBuilder("read")
        .addJavadoc("Reads {@code $L} as laid out on $L at {@code offset}, with no element in its flexible array\n"
                + "{@code $L}: see {@link #read(ByteBuffer, int, int)}.\n\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}; nothing is read then\n",
            struct.cTypeName(), layout.abi().manifestName(), flexible.field().cName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(names.mirror(struct))
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("return read(buf, offset, 0)")
        .build();
  }

  /**
   * {@code read(buf, offset)}; for a union with {@code selective} {@code read(buf, offset, member)},
   * which decodes that member only; for a struct whose flexible array the caller counts
   * {@code read(buf, offset, count)}.
   */
  private MethodSpec read(boolean selective) {
    ClassName mirror = names.mirror(struct);
    FieldLayout counted = flexibleWithoutCount();
    String what = struct.union()
        ? (selective ? "the member {@code member} of " : "every member of ")
        : counted != null ? "" : "";
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads $L{@code $L} as laid out on $L at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is; changes neither the buffer's\n"
                + "position nor its order.$L\n\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the $L would end\n"
                + "    past {@code buf.limit()}; nothing is read then\n",
            what, struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName(),
            readNote(selective, counted), struct.kind())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(mirror)
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset");
    if (selective) {
      method.addParameter(memberEnum(), "member");
      method.addStatement("$T.requireNonNull(member, $S)", Objects.class, "member");
    }
    if (counted != null) {
      method.addParameter(int.class, "count");
    }
    method.addStatement("$L(buf, offset, SIZE, $S)", helpers.use(Helper.CHECK_BOUNDS), layout.abi().manifestName());
    addSwap(method);
    NameAllocator locals = locals();
    List<CodeBlock> arguments = new ArrayList<>();
    java.util.Map<String, String> recordLocals = new java.util.HashMap<>();
    if (!struct.record()) {
      method.addStatement("$T value = new $T()", mirror, mirror);
    }
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      String javaName = field.field().javaName();
      if (field.field().unnamed()) {
        if (struct.record()) {
          arguments.add(CodeBlock.of("$L", defaultValue(type)));
        }
        continue;
      }
      String local = struct.record() ? locals.newName(javaName, field) : null;
      if (local != null) {
        recordLocals.put(javaName, local);
      }
      boolean guarded = selective;
      if (guarded && struct.record()) {
        method.addStatement("$T $L = $L", javaType(type), local, defaultValue(type));
      }
      if (guarded) {
        method.beginControlFlow("if (member == $T.$L)", memberEnum(), ConstantNames.upperSnake(javaName));
      }
      String declare = struct.record() && !guarded ? javaType(type) + " " : "";
      String target = struct.record() ? local : "value." + javaName;
      if (field.isBitField()) {
        method.addStatement("$L$L = $L", declare, target, bitRead(field));
      } else if (field.field().flexible()) {
        readFlexible(method, field, (MemberType.ArrayType) type, declare, target, recordLocals);
      } else if (type instanceof MemberType.ArrayType array) {
        String array0 = struct.record() ? local : locals.newName(javaName, field);
        readArray(method, field, array, array0,
            struct.record() && guarded);
        if (!struct.record()) {
          method.addStatement("value.$L = $L", javaName, array0);
        }
      } else {
        method.addStatement("$L$L = $L", declare, target, readScalar(field, type, fieldIndex(field)));
      }
      if (guarded) {
        method.endControlFlow();
      }
      if (struct.record()) {
        arguments.add(CodeBlock.of("$L", local));
      }
    }
    if (struct.record()) {
      method.addStatement("return new $T($L)", mirror, CodeBlock.join(arguments, ", "));
    } else {
      method.addStatement("return value");
    }
    return method.build();
  }

  private String readNote(boolean selective, FieldLayout counted) {
    if (struct.union()) {
      return selective ? " The other members keep their default (null or 0)."
          : " Every member is decoded from the same bytes, as C lets a program read any member;\n"
              + "use {@code read(buf, offset, member)} to decode only one.";
    }
    if (counted != null) {
      return " The flexible array {@code " + counted.field().cName() + "} gets {@code count} elements\n"
          + "from {@code offset + " + ConstantNames.offsetConstant(counted.field()) + "}, bounds-checked.";
    }
    for (FieldLayout f : layout.fields()) {
      if (f.field().flexible()) {
        return " The flexible array {@code " + f.field().cName() + "} gets as many elements as the member\n"
            + "{@code " + struct.field(f.field().countMember()).cName() + "} says, bounds-checked.";
      }
    }
    return "";
  }

  /** The Java default of a member's type, for record components that are not read. */
  private static String defaultValue(MemberType type) {
    if (type instanceof MemberType.IntType integer) {
      return switch (integer.javaKind()) {
        case BYTE -> "(byte) 0";
        case SHORT -> "(short) 0";
        case CHAR -> "(char) 0";
        case INT -> "0";
        case LONG -> "0L";
      };
    }
    return type instanceof MemberType.PointerType ? "0L" : "null";
  }

  /** A flexible array: its count from the count member (or the caller), its elements bounds-checked. */
  private void readFlexible(MethodSpec.Builder method, FieldLayout field, MemberType.ArrayType array, String declare,
      String target, java.util.Map<String, String> recordLocals) {
    CodeBlock count;
    if (field.field().countMember().isEmpty()) {
      count = CodeBlock.of("count");
    } else {
      FieldModel counter = struct.field(field.field().countMember());
      CodeBlock read = struct.record()
          ? CodeBlock.of("$L", recordLocals.get(counter.javaName()))
          : CodeBlock.of("value.$L", counter.javaName());
      count = unsignedLong(counter, read);
    }
    String n = "n" + ConstantNames.upperSnake(field.field().javaName()).replace("_", "");
    CodeBlock start = CodeBlock.of("offset + $L", ConstantNames.offsetConstant(field.field()));
    method.addStatement("int $L = $L(buf, $L, $L, $L, $S)", n, helpers.use(Helper.FLEXIBLE_COUNT), start, count,
        elementSize(field, array), memberLabel(field));
    TypeName elementType = javaType(array.element());
    method.addStatement("$L$L = new $L", declare.isEmpty() ? "" : ArrayTypeName.of(elementType) + " ", target,
        CodeBlock.of("$T[$L]", elementType, n));
    method.beginControlFlow("for (int i = 0; i < $L; i++)", n);
    method.addStatement("$L[i] = $L", target, readScalar(field, array.element(), elementIndex(field, array)));
    method.endControlFlow();
  }

  /** A count member's value as an unsigned {@code long}: raw bits ({@code u32} in {@code int}) widened as unsigned. */
  private static CodeBlock unsignedLong(FieldModel counter, CodeBlock read) {
    MemberType.IntType type = (MemberType.IntType) counter.type();
    Width w = counter.valueWidth();
    if (!type.javaKind().holdsRawBits(w)) {
      return CodeBlock.of("(long) $L", read);
    }
    return switch (type.javaKind()) {
      case BYTE -> CodeBlock.of("Byte.toUnsignedLong($L)", read);
      case SHORT -> CodeBlock.of("Short.toUnsignedLong($L)", read);
      case INT -> CodeBlock.of("Integer.toUnsignedLong($L)", read);
      default -> read;
    };
  }

  private CodeBlock elementSize(FieldLayout field, MemberType.ArrayType array) {
    if (array.element() instanceof MemberType.StructType nested) {
      return CodeBlock.of("$T.SIZE", names.abiClass(nested, layout.abi()));
    }
    return CodeBlock.of("$L", field.elementSize());
  }

  private void readArray(MethodSpec.Builder method, FieldLayout field, MemberType.ArrayType array, String local,
      boolean declared) {
    TypeName elementType = javaType(array.element());
    if (declared) {
      method.addStatement("$L = new $L", local, arrayCreation(elementType, array.length()));
    } else {
      method.addStatement("$T $L = new $L", ArrayTypeName.of(elementType), local,
          arrayCreation(elementType, array.length()));
    }
    method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length());
    method.addStatement("$L[i] = $L", local, readScalar(field, array.element(), elementIndex(field, array)));
    method.endControlFlow();
  }

  /** {@code new int[4]}, or for an array of structs {@code new Bar[4]}. */
  private static CodeBlock arrayCreation(TypeName elementType, int length) {
    return CodeBlock.of("$T[$L]", elementType, length);
  }

  private CodeBlock readScalar(FieldLayout field, MemberType type, CodeBlock index) {
    if (type instanceof MemberType.StructType nested) {
      return CodeBlock.of("$T.read(buf, $L)", names.abiClass(nested, layout.abi()), index);
    }
    return scalar(field, type).read(index, helpers);
  }

  // ---------------------------------------------------------------- check

  /** {@code check(value)}; for a union {@code check(value, member)}, which checks that member only. */
  private MethodSpec check(boolean member) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("check")
        .addJavadoc("Checks that {@code value}$L can be written on $L: not null, no null nested struct or\n"
                + "array, every array of its C length and every member within its C width. Writes nothing.\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct or array is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $T if a member's value does not fit its C width\n",
            member ? "'s member {@code member}" : "", layout.abi().manifestName(), RuntimeHelpers.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value");
    if (member) {
      method.addParameter(memberEnum(), "member");
    }
    method.addStatement("$T.requireNonNull(value, $S)", Objects.class, struct.cTypeName());
    if (member) {
      method.addStatement("$T.requireNonNull(member, $S)", Objects.class, "member");
    }
    for (FieldLayout field : layout.fields()) {
      if (field.field().unnamed()) {
        continue;
      }
      if (member) {
        method.beginControlFlow("if (member == $T.$L)", memberEnum(),
            ConstantNames.upperSnake(field.field().javaName()));
      }
      checkMember(method, field);
      if (member) {
        method.endControlFlow();
      }
    }
    return method.build();
  }

  /** The checks of one member's value. */
  void checkMember(MethodSpec.Builder method, FieldLayout field) {
    MemberType type = field.field().type();
    CodeBlock access = access(field);
    String member = memberLabel(field);
    if (field.field().flexible()) {
      MemberType.ArrayType array = (MemberType.ArrayType) type;
      method.addStatement("$T.requireNonNull($L, $S)", Objects.class, access, member);
      if (!field.field().countMember().isEmpty()) {
        FieldModel counter = struct.field(field.field().countMember());
        CodeBlock count = unsignedLong(counter, struct.record()
            ? CodeBlock.of("value.$L()", counter.javaName()) : CodeBlock.of("value.$L", counter.javaName()));
        method.addStatement("$L($L.length, $L, $S, $S)", helpers.use(Helper.CHECK_FLEXIBLE_LENGTH), access, count,
            member, struct.cName() + "." + counter.cName());
      }
      checkElements(method, field, array, access, member, CodeBlock.of("$L.length", access));
    } else if (type instanceof MemberType.ArrayType array) {
      method.addStatement("$T.requireNonNull($L, $S)", Objects.class, access, member);
      method.addStatement("$L($L.length, $L, $S)", helpers.use(Helper.CHECK_LENGTH), access, array.length(), member);
      checkElements(method, field, array, access, member, CodeBlock.of("$L", array.length()));
    } else if (type instanceof MemberType.StructType nested) {
      method.addStatement("$T.requireNonNull($L, $S)", Objects.class, access, member);
      method.addStatement("$T.check($L)", names.abiClass(nested, layout.abi()), access);
    } else {
      ScalarCode scalar = field.isBitField()
          ? new ScalarCode(field.valueWidth(), ((MemberType.IntType) type).javaKind())
          : scalar(field, type);
      if (scalar.needsRangeCheck()) {
        method.addStatement("$L($L, $L, $L, $S, $S)", helpers.use(Helper.CHECK_RANGE), access,
            scalar.minLiteral(), scalar.maxLiteral(), member, scalar.width().toString());
      }
    }
  }

  private void checkElements(MethodSpec.Builder method, FieldLayout field, MemberType.ArrayType array,
      CodeBlock access, String member, CodeBlock length) {
    if (array.element() instanceof MemberType.StructType nested) {
      method.beginControlFlow("for (int i = 0; i < $L; i++)", length)
          .addStatement("$L($L[i], $S, i)", helpers.use(Helper.CHECK_ELEMENT_NOT_NULL), access, member)
          .addStatement("$T.check($L[i])", names.abiClass(nested, layout.abi()), access)
          .endControlFlow();
      return;
    }
    ScalarCode scalar = scalar(field, array.element());
    if (scalar.needsRangeCheck()) {
      method.beginControlFlow("for (int i = 0; i < $L; i++)", length)
          .addStatement("$L($L[i], $L, $L, $S, i, $S)", helpers.use(Helper.CHECK_ELEMENT_RANGE), access,
              scalar.minLiteral(), scalar.maxLiteral(), member, scalar.width().toString())
          .endControlFlow();
    }
  }

  /** How messages name a member: {@code xen_memory_reservation.nr_extents (Java nrExtents)}. */
  String memberLabel(FieldLayout field) {
    String cName = field.field().hasCName() ? field.field().cName() : "(anonymous " + field.field().javaName() + ")";
    String label = struct.cName() + "." + cName;
    String javaName = field.field().javaName();
    return javaName.equals(field.field().cName()) ? label : label + " (Java " + javaName + ")";
  }

  // ---------------------------------------------------------------- write

  private MethodSpec write() {
    FieldLayout flexible = layout.fields().isEmpty() ? null : layout.fields().get(layout.fields().size() - 1);
    if (flexible != null && !flexible.field().flexible()) {
      flexible = null;
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes {@code value} as {@code $L} laid out on $L at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is, padding as zero bytes;\n"
                + "changes neither the buffer's position nor its order. Everything is checked before the\n"
                + "first byte is written: when it throws, the buffer is unchanged.$L\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct or array is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $T if a member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}\n",
            struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName(),
            flexible == null ? "" : " The elements of the flexible array {@code " + flexible.field().cName()
                + "} follow\nfrom {@code offset + " + ConstantNames.offsetConstant(flexible.field()) + "}.",
            RuntimeHelpers.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("check(value)");
    if (flexible == null) {
      method.addStatement("$L(buf, offset, SIZE, $S)", helpers.use(Helper.CHECK_BOUNDS), layout.abi().manifestName());
    } else {
      MemberType.ArrayType array = (MemberType.ArrayType) flexible.field().type();
      method.addStatement("$L(buf, offset, $L(SIZE, $L, $L.length, $L), $S)", helpers.use(Helper.CHECK_BOUNDS),
          helpers.use(Helper.FLEXIBLE_END), ConstantNames.offsetConstant(flexible.field()), access(flexible),
          elementSize(flexible, array), layout.abi().manifestName());
    }
    addSwap(method);
    zeroUncovered(method, layout.fields());
    for (FieldLayout field : layout.fields()) {
      writeMember(method, field);
    }
    return method.build();
  }

  /**
   * Zeroes every byte of the type that no ordinary member's value covers: padding, the bytes
   * of bit-fields (written read-modify-write afterwards) and unnamed bits.
   */
  void zeroUncovered(MethodSpec.Builder method, List<FieldLayout> covering) {
    boolean[] covered = new boolean[layout.size()];
    for (FieldLayout f : covering) {
      if (!f.isBitField()) {
        for (int i = f.offset(); i < Math.min(layout.size(), f.offset() + f.size()); i++) {
          covered[i] = true;
        }
      }
    }
    int i = 0;
    while (i < covered.length) {
      if (covered[i]) {
        i++;
        continue;
      }
      int from = i;
      while (i < covered.length && !covered[i]) {
        i++;
      }
      zero(method, from, i - from);
    }
  }

  /** Writes one member's value (nothing for an unnamed bit-field, whose bits are already zero). */
  void writeMember(MethodSpec.Builder method, FieldLayout field) {
    if (field.field().unnamed()) {
      return;
    }
    if (field.isBitField()) {
      method.addStatement("$L", bitWrite(field, access(field)));
    } else if (field.field().flexible()) {
      MemberType.ArrayType array = (MemberType.ArrayType) field.field().type();
      method.beginControlFlow("for (int i = 0; i < $L.length; i++)", access(field));
      writeScalar(method, field, array.element(), elementIndex(field, array), CodeBlock.of("$L[i]", access(field)));
      method.endControlFlow();
    } else {
      writeField(method, field);
    }
  }

  /** A union's {@code write(value, member, buf, offset)}: that member, the rest of the union zero. */
  private MethodSpec writeUnion() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes the member {@code member} of {@code value} as {@code $L} laid out on $L at\n"
                + "{@code offset}, in $L-endian byte order whatever {@code buf.order()} is, the union's other\n"
                + "bytes zero; changes neither the buffer's position nor its order. Everything is checked\n"
                + "before the first byte is written: when it throws, the buffer is unchanged.\n\n"
                + "@throws NullPointerException if {@code value}, {@code member} or the member's value is null\n"
                + "@throws $T if the member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the union would end\n"
                + "    past {@code buf.limit()}\n",
            struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName(),
            RuntimeHelpers.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addParameter(memberEnum(), "member")
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("check(value, member)")
        .addStatement("$L(buf, offset, SIZE, $S)", helpers.use(Helper.CHECK_BOUNDS), layout.abi().manifestName());
    addSwap(method);
    for (FieldLayout field : layout.fields()) {
      if (field.field().unnamed()) {
        continue;
      }
      method.beginControlFlow("if (member == $T.$L)", memberEnum(), ConstantNames.upperSnake(field.field().javaName()));
      zeroUncovered(method, List.of(field));
      writeMember(method, field);
      method.endControlFlow();
    }
    return method.build();
  }

  void zero(MethodSpec.Builder method, int at, int count) {
    method.addComment("padding: $L zero $L at offset $L", count, count == 1 ? "byte" : "bytes", at);
    method.addStatement("$L(buf, offset + $L, $L)", helpers.use(Helper.ZERO), at, count);
  }

  private void writeField(MethodSpec.Builder method, FieldLayout field) {
    MemberType type = field.field().type();
    CodeBlock access = access(field);
    if (type instanceof MemberType.ArrayType array) {
      method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length());
      writeScalar(method, field, array.element(), elementIndex(field, array), CodeBlock.of("$L[i]", access));
      method.endControlFlow();
    } else {
      writeScalar(method, field, type, fieldIndex(field), access);
    }
  }

  private void writeScalar(MethodSpec.Builder method, FieldLayout field, MemberType type, CodeBlock index,
      CodeBlock value) {
    if (type instanceof MemberType.StructType nested) {
      method.addStatement("$T.write($L, buf, $L)", names.abiClass(nested, layout.abi()), value, index);
    } else {
      method.addStatement("$L", scalar(field, type).write(index, value, helpers));
    }
  }

  // ---------------------------------------------------------------- bit-fields

  /** The expression reading a bit-field into its Java type. */
  private CodeBlock bitRead(FieldLayout field) {
    BitWindow w = BitWindow.of(field, layout.size(), struct.order());
    MemberType.IntType type = (MemberType.IntType) field.field().type();
    boolean signed = type.width().signed();
    int n = w.bits();
    CodeBlock bits;
    if (!w.hasWindow()) {
      CodeBlock raw = CodeBlock.of("$L(buf, offset + $L, $L, $L, $L)", helpers.use(Helper.GET_BITS), w.start(),
          w.shift(), n, struct.order() == Order.BIG);
      bits = signed && n < 64 ? CodeBlock.of("$L << $L >> $L", raw, 64 - n, 64 - n) : raw;
    } else {
      CodeBlock raw = unsignedWindow(w);
      if (signed) {
        int left = 64 - w.shift() - n;
        bits = CodeBlock.of("$L << $L >> $L", raw, left, 64 - n);
      } else {
        bits = w.shift() == 0 && n == 64 ? raw
            : CodeBlock.of("$L >>> $L & $L", raw, w.shift(), w.maskLiteral());
      }
    }
    return type.javaKind() == JavaKind.LONG ? bits
        : CodeBlock.of("($L) ($L)", type.javaKind().keyword(), bits);
  }

  /** The window's bytes as an unsigned {@code long}, in the type's byte order. */
  private CodeBlock unsignedWindow(BitWindow w) {
    CodeBlock index = CodeBlock.of("offset + $L", w.start());
    return switch (w.bytes()) {
      case 1 -> CodeBlock.of("(buf.get($L) & 0xFFL)", index);
      case 2 -> CodeBlock.of("($L(buf, $L, swap) & 0xFFFFL)", helpers.get(2), index);
      case 4 -> CodeBlock.of("($L(buf, $L, swap) & 0xFFFFFFFFL)", helpers.get(4), index);
      default -> CodeBlock.of("$L(buf, $L, swap)", helpers.get(8), index);
    };
  }

  /** The statement writing a bit-field's value into its window, other bits untouched. */
  private CodeBlock bitWrite(FieldLayout field, CodeBlock value) {
    BitWindow w = BitWindow.of(field, layout.size(), struct.order());
    if (!w.hasWindow()) {
      return CodeBlock.of("$L(buf, offset + $L, $L, $L, $L, $L)", helpers.use(Helper.PUT_BITS), w.start(), w.shift(),
          w.bits(), struct.order() == Order.BIG, value);
    }
    long mask = w.bits() == 64 ? -1L : (1L << w.bits()) - 1;
    String keep = "0x" + Long.toHexString(~(mask << w.shift())).toUpperCase(java.util.Locale.ROOT) + "L";
    CodeBlock index = CodeBlock.of("offset + $L", w.start());
    CodeBlock merged = CodeBlock.of("$L & $L | ($L & $L) << $L", unsignedWindow(w), keep, value, w.maskLiteral(),
        w.shift());
    return switch (w.bytes()) {
      case 1 -> CodeBlock.of("buf.put($L, (byte) ($L))", index, merged);
      case 2 -> CodeBlock.of("$L(buf, $L, (short) ($L), swap)", helpers.put(2), index, merged);
      case 4 -> CodeBlock.of("$L(buf, $L, (int) ($L), swap)", helpers.put(4), index, merged);
      default -> CodeBlock.of("$L(buf, $L, $L, swap)", helpers.put(8), index, merged);
    };
  }

  // ---------------------------------------------------------------- codec

  private TypeSpec codecClass() {
    ClassName mirror = names.mirror(struct);
    ClassName codec = self.nestedClass("Codec");
    return TypeSpec.classBuilder(codec)
        .addJavadoc("The {@link $T} of $L: delegates to the static methods.\n", ABI_CODEC, self.simpleName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(codecType())
        .addField(FieldSpec.builder(codec, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", codec)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("size").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(int.class).addStatement("return SIZE").build())
        .addMethod(MethodSpec.methodBuilder("alignment").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return ALIGNMENT").build())
        .addMethod(MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(mirror)
            .addParameter(ByteBuffer.class, "buf")
            .addParameter(int.class, "offset")
            .addStatement("return $T.read(buf, offset)", self)
            .build())
        .addMethod(MethodSpec.methodBuilder("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(mirror, "value")
            .addParameter(ByteBuffer.class, "buf")
            .addParameter(int.class, "offset")
            .addStatement("$T.write(value, buf, offset)", self)
            .build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(String.class)
            .addStatement("return $S", names.marshaller(struct).simpleName() + ".codec(\""
                + layout.abi().manifestName() + "\")")
            .build())
        .build();
  }

  // ---------------------------------------------------------------- shared

  /** {@code boolean swap = buf.order() != ByteOrder.LITTLE_ENDIAN;} when a multi-byte integer is moved here. */
  private void addSwap(MethodSpec.Builder method) {
    boolean multiByte = false;
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      MemberType element = type instanceof MemberType.ArrayType array ? array.element() : type;
      if (field.isBitField()) {
        multiByte |= !field.field().unnamed() && BitWindow.of(field, layout.size(), struct.order()).bytes() > 1;
      } else {
        multiByte |= !(element instanceof MemberType.StructType) && field.width() != null && field.width().bits() > 8;
      }
    }
    if (multiByte) {
      String order = struct.order() == Order.BIG ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
      method.addComment("the $L is $L endian: reverse the bytes of each integer if the buffer's order differs",
          struct.kind(), struct.order().manifestName());
      method.addStatement("boolean swap = buf.order() != $T.$L", ByteOrder.class, order);
    }
  }

  CodeBlock access(FieldLayout field) {
    return struct.record()
        ? CodeBlock.of("value.$L()", field.field().javaName())
        : CodeBlock.of("value.$L", field.field().javaName());
  }

  private static CodeBlock fieldIndex(FieldLayout field) {
    return CodeBlock.of("offset + $L", ConstantNames.offsetConstant(field.field()));
  }

  private CodeBlock elementIndex(FieldLayout field, MemberType.ArrayType array) {
    String offsetConstant = ConstantNames.offsetConstant(field.field());
    if (array.element() instanceof MemberType.StructType nested) {
      return CodeBlock.of("offset + $L + i * $T.SIZE", offsetConstant, names.abiClass(nested, layout.abi()));
    }
    return field.elementSize() == 1
        ? CodeBlock.of("offset + $L + i", offsetConstant)
        : CodeBlock.of("offset + $L + i * $L", offsetConstant, field.elementSize());
  }

  private static ScalarCode scalar(FieldLayout field, MemberType type) {
    JavaKind kind = type instanceof MemberType.IntType integer ? integer.javaKind() : JavaKind.LONG;
    return new ScalarCode(field.width(), kind);
  }

  private TypeName javaType(MemberType type) {
    if (type instanceof MemberType.IntType integer) {
      return new ScalarCode(integer.width(), integer.javaKind()).javaType();
    }
    if (type instanceof MemberType.PointerType) {
      return TypeName.LONG;
    }
    if (type instanceof MemberType.StructType nested) {
      return names.mirror(nested);
    }
    return ArrayTypeName.of(javaType(((MemberType.ArrayType) type).element()));
  }

  private static NameAllocator locals() {
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("buf", "offset", "swap", "i", "value")) {
      locals.newName(reserved, reserved);
    }
    return locals;
  }
}
