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
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;

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
    return type
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(codecAccessor())
        .addMethod(read())
        .addMethod(check())
        .addMethod(write())
        .addType(codecClass())
        .build();
  }

  /** A member's Javadoc: "{@code uint32_t space;} at offset 4, u32", plus the Java name where it differs. */
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

  private MethodSpec read() {
    ClassName mirror = names.mirror(struct);
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads {@code $L} as laid out on $L at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is; changes neither the buffer's\n"
                + "position nor its order.\n\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}; nothing is read then\n",
            struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(mirror)
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("$L(buf, offset, SIZE, $S)", helpers.use(Helper.CHECK_BOUNDS), layout.abi().manifestName());
    addSwap(method);
    NameAllocator locals = locals();
    List<CodeBlock> arguments = new ArrayList<>();
    if (!struct.record()) {
      method.addStatement("$T value = new $T()", mirror, mirror);
    }
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      String target;
      if (type instanceof MemberType.ArrayType array) {
        String local = locals.newName(field.field().javaName(), field);
        readArray(method, field, array, local);
        target = local;
      } else if (struct.record()) {
        String local = locals.newName(field.field().javaName(), field);
        method.addStatement("$T $L = $L", javaType(type), local, readScalar(field, type, fieldIndex(field)));
        target = local;
      } else {
        method.addStatement("value.$L = $L", field.field().javaName(), readScalar(field, type, fieldIndex(field)));
        continue;
      }
      if (struct.record()) {
        arguments.add(CodeBlock.of("$L", target));
      } else {
        method.addStatement("value.$L = $L", field.field().javaName(), target);
      }
    }
    if (struct.record()) {
      method.addStatement("return new $T($L)", mirror, CodeBlock.join(arguments, ", "));
    } else {
      method.addStatement("return value");
    }
    return method.build();
  }

  private void readArray(MethodSpec.Builder method, FieldLayout field, MemberType.ArrayType array, String local) {
    TypeName elementType = javaType(array.element());
    method.addStatement("$T $L = new $L", ArrayTypeName.of(elementType), local,
        arrayCreation(elementType, array.length()));
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

  private MethodSpec check() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("check")
        .addJavadoc("Checks that {@code value} can be written on $L: not null, no null nested struct or\n"
                + "array, every array of its C length and every member within its C width. Writes nothing.\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct or array is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $T if a member's value does not fit its C width\n",
            layout.abi().manifestName(), RuntimeHelpers.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addStatement("$T.requireNonNull(value, $S)", Objects.class, struct.cTypeName());
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      CodeBlock access = access(field);
      String member = memberLabel(field);
      if (type instanceof MemberType.ArrayType array) {
        method.addStatement("$T.requireNonNull($L, $S)", Objects.class, access, member);
        method.addStatement("$L($L.length, $L, $S)", helpers.use(Helper.CHECK_LENGTH), access, array.length(), member);
        checkElements(method, field, array, access, member);
      } else if (type instanceof MemberType.StructType nested) {
        method.addStatement("$T.requireNonNull($L, $S)", Objects.class, access, member);
        method.addStatement("$T.check($L)", names.abiClass(nested, layout.abi()), access);
      } else {
        ScalarCode scalar = scalar(field, type);
        if (scalar.needsRangeCheck()) {
          method.addStatement("$L($L, $L, $L, $S, $S)", helpers.use(Helper.CHECK_RANGE), access,
              scalar.minLiteral(), scalar.maxLiteral(), member, scalar.width().toString());
        }
      }
    }
    return method.build();
  }

  private void checkElements(
      MethodSpec.Builder method, FieldLayout field, MemberType.ArrayType array, CodeBlock access, String member) {
    if (array.element() instanceof MemberType.StructType nested) {
      method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length())
          .addStatement("$L($L[i], $S, i)", helpers.use(Helper.CHECK_ELEMENT_NOT_NULL), access, member)
          .addStatement("$T.check($L[i])", names.abiClass(nested, layout.abi()), access)
          .endControlFlow();
      return;
    }
    ScalarCode scalar = scalar(field, array.element());
    if (scalar.needsRangeCheck()) {
      method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length())
          .addStatement("$L($L[i], $L, $L, $S, i, $S)", helpers.use(Helper.CHECK_ELEMENT_RANGE), access,
              scalar.minLiteral(), scalar.maxLiteral(), member, scalar.width().toString())
          .endControlFlow();
    }
  }

  /** How messages name a member: {@code xen_memory_reservation.nr_extents (Java nrExtents)}. */
  private String memberLabel(FieldLayout field) {
    String label = struct.cName() + "." + field.field().cName();
    String javaName = field.field().javaName();
    return javaName.equals(field.field().cName()) ? label : label + " (Java " + javaName + ")";
  }

  // ---------------------------------------------------------------- write

  private MethodSpec write() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes {@code value} as {@code $L} laid out on $L at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is, padding as zero bytes;\n"
                + "changes neither the buffer's position nor its order. Everything is checked before the\n"
                + "first byte is written: when it throws, the buffer is unchanged.\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct or array is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $T if a member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}\n",
            struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName(),
            RuntimeHelpers.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("check(value)")
        .addStatement("$L(buf, offset, SIZE, $S)", helpers.use(Helper.CHECK_BOUNDS), layout.abi().manifestName());
    addSwap(method);
    int end = 0;
    for (FieldLayout field : layout.fields()) {
      if (field.offset() > end) {
        zero(method, end, field.offset() - end);
      }
      writeField(method, field);
      end = Math.max(end, field.offset() + field.size());
    }
    if (layout.size() > end) {
      zero(method, end, layout.size() - end);
    }
    return method.build();
  }

  private void zero(MethodSpec.Builder method, int at, int count) {
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
      multiByte |= !(element instanceof MemberType.StructType) && field.width() != null && field.width().bits() > 8;
    }
    if (multiByte) {
      String order = struct.order() == Order.BIG ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
      method.addComment("the struct is $L endian: reverse the bytes of each integer if the buffer's order differs",
          struct.order().manifestName());
      method.addStatement("boolean swap = buf.order() != $T.$L", ByteOrder.class, order);
    }
  }

  private CodeBlock access(FieldLayout field) {
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
    return new ScalarCode(Objects.requireNonNull(field.width(), "a scalar member has a width"), kind);
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
