package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.jspecify.annotations.Nullable;

/**
 * Writes the nested class of one ABI ({@code X86_64}, {@code I386}, {@code Aarch64}): its
 * constants, {@code read}, {@code check}, {@code write} and its codec. Only what differs between
 * ABIs is generated here; what every marshaller shares is in {@code org.abiguard.AbiRuntime}.
 *
 * <p>The method bodies are the members' {@link MemberCode} in member order, with the padding
 * between them. A struct with very many members gets its bodies split into private methods of
 * at most {@link #MEMBERS_PER_METHOD} members each, so that no method reaches the JVM's
 * 64 KiB limit.
 */
final class AbiClassWriter {
  /**
   * Members per generated method. The largest member code (an array of structs: a length check,
   * a loop with a null check and a nested check) takes well under 100 bytes of bytecode, so
   * 256 members stay far below 64 KiB.
   */
  static final int MEMBERS_PER_METHOD = 256;

  private final StructLayout layout;
  private final StructModel struct;
  private final MarshallerNames names;
  private final CDeclarations c;
  private final ClassName self;
  private final ClassName mirror;
  private final String marshallerDoc;
  private final List<MemberCode> members = new ArrayList<>();
  private final @Nullable SegmentAccess segment;

  /**
   * @param segment the {@code MemorySegment} access when the source level is 22 or later (then
   *     the class also has {@code LAYOUT} and the segment {@code read}/{@code write}), else null
   */
  AbiClassWriter(StructLayout layout, MarshallerNames names, CDeclarations c, @Nullable SegmentAccess segment) {
    this.segment = segment;
    this.layout = layout;
    this.struct = layout.struct();
    this.names = names;
    this.c = c;
    this.self = names.abiClass(struct, layout.abi());
    this.mirror = names.mirror(struct);
    this.marshallerDoc = names.marshaller(struct).simpleName();
    MemberContext cx = new MemberContext(struct, layout.abi(), names);
    for (FieldLayout field : layout.fields()) {
      members.add(MemberCode.of(field, cx));
    }
  }

  TypeSpec build() {
    String abi = layout.abi().manifestName();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L} on $L: the constants are those of this layout.\n\n<pre>{@code\n$L\n}</pre>\n",
            struct.cTypeName(), abi, c.layout(layout))
        .addField(constant("SIZE", layout.size()))
        .addField(constant("ALIGNMENT", layout.align()));
    for (FieldLayout field : layout.fields()) {
      type.addField(constant(ConstantNames.offsetConstant(field.field()), field.offset()));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Access buffer = new BufferAccess(struct.order());
    read(type, buffer);
    check(type);
    write(type, buffer);
    if (segment != null) {
      // the value layouts are the ABI class's own: reading the outer class's while the outer
      // class's LAYOUT (this class's) is being initialised would be a cycle of class initialisation
      type.addFields(segment.valueLayouts());
      type.addField(layoutField(type, segment));
      read(type, segment);
      write(type, segment);
    }
    return type.build();
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

  private static FieldSpec constant(String name, int value) {
    return FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", value)
        .build();
  }

  // ---------------------------------------------------------------- LAYOUT (Java 22+)

  /**
   * {@code LAYOUT}: the members' layouts by C name with the padding between them, aligned as on
   * this ABI; past {@link #MEMBERS_PER_METHOD} members, built by private methods.
   */
  private FieldSpec layoutField(TypeSpec.Builder type, SegmentAccess segment) {
    List<CodeBlock> parts = new ArrayList<>();
    int end = 0;
    int memberAlign = 1;
    for (MemberCode member : members) {
      FieldLayout field = member.field();
      if (field.offset() > end) {
        parts.add(paddingLayout(field.offset() - end));
      }
      parts.add(member.layout(segment));
      end = Math.max(end, field.offset() + field.size());
      memberAlign = Math.max(memberAlign, field.align());
    }
    if (layout.size() > end) {
      parts.add(paddingLayout(layout.size() - end));
    }
    CodeBlock.Builder init = CodeBlock.builder().add("$T.structLayout(", SegmentAccess.MEMORY_LAYOUT);
    if (parts.size() <= MEMBERS_PER_METHOD) {
      init.add("$>$>\n").add(CodeBlock.join(parts, ",\n")).add(")$<$<");
    } else {
      init.add("layoutMembers())");
      layoutMethods(type, parts);
    }
    init.add("\n$>$>.withName($S)$<$<", struct.cName());
    if (layout.align() != memberAlign) {
      init.add(".withByteAlignment($L)", layout.align());
    }
    return FieldSpec.builder(SegmentAccess.STRUCT_LAYOUT, "LAYOUT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L} on $L as a {@code java.lang.foreign} layout: {@code SIZE} bytes, aligned to\n"
            + "{@code ALIGNMENT}, members by their C names, padding explicit, $L endian.\n",
            struct.cTypeName(), layout.abi().manifestName(), struct.order().manifestName())
        .initializer(init.build())
        .build();
  }

  private static CodeBlock paddingLayout(int bytes) {
    return CodeBlock.of("$T.paddingLayout($L)", SegmentAccess.MEMORY_LAYOUT, bytes);
  }

  /** {@code layoutMembers()} filling an array part by part: one method would exceed 64 KiB. */
  private void layoutMethods(TypeSpec.Builder type, List<CodeBlock> parts) {
    TypeName array = com.palantir.javapoet.ArrayTypeName.of(SegmentAccess.MEMORY_LAYOUT);
    MethodSpec.Builder all = MethodSpec.methodBuilder("layoutMembers")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(array)
        .addStatement("$T[] members = new $T[$L]", SegmentAccess.MEMORY_LAYOUT, SegmentAccess.MEMORY_LAYOUT,
            parts.size());
    for (int from = 0, part = 0; from < parts.size(); from += MEMBERS_PER_METHOD, part++) {
      MethodSpec.Builder method = MethodSpec.methodBuilder("layoutMembers" + part)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(array, "members");
      for (int i = from; i < Math.min(parts.size(), from + MEMBERS_PER_METHOD); i++) {
        method.addStatement("members[$L] = $L", i, parts.get(i));
      }
      type.addMethod(method.build());
      all.addStatement("layoutMembers$L(members)", part);
    }
    type.addMethod(all.addStatement("return members").build());
  }

  // ---------------------------------------------------------------- read

  private void read(TypeSpec.Builder type, Access access) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads {@code $L} as laid out on $L: see {@link $L#read}.\n", struct.cTypeName(),
            layout.abi().manifestName(), marshallerDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(mirror)
        .addParameter(access.memoryType(), access.memory())
        .addParameter(access.offsetType(), "offset")
        .addCode(access.prologue(struct.cTypeName(), layout.abi().manifestName(), multiByte()));
    if (struct.record()) {
      // a record has at most 255 components (its constructor's parameters): one method holds them
      NameAllocator locals = locals();
      List<CodeBlock> arguments = new ArrayList<>();
      CodeBlock.Builder body = CodeBlock.builder();
      for (MemberCode member : members) {
        String local = locals.newName(member.field().field().javaName(), member);
        CodeBlock declare = CodeBlock.of("$T $L", javaType(member), local);
        member.read(body, access, new MemberCode.ReadTarget(declare, CodeBlock.of("$L", local)));
        arguments.add(CodeBlock.of("$L", local));
      }
      method.addCode(body.build());
      method.addStatement("return new $T($L)", mirror, CodeBlock.join(arguments, ", "));
    } else {
      method.addStatement("$T value = new $T()", mirror, mirror);
      List<CodeBlock> bodies = new ArrayList<>();
      for (MemberCode member : members) {
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock target = CodeBlock.of("value.$L", member.field().field().javaName());
        member.read(body, access, new MemberCode.ReadTarget(target, target));
        bodies.add(body.build());
      }
      split(type, method, "read", bodies, memoryParameters(access));
      method.addStatement("return value");
    }
    type.addMethod(method.build());
  }

  // ---------------------------------------------------------------- check

  private void check(TypeSpec.Builder type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("check")
        .addJavadoc("Throws what {@link #write} would throw for {@code value} on $L, and writes nothing:\n"
                + "a null struct, array or element, an array of another length than C's, a member\n"
                + "outside its C width ({@link $L}).\n",
            layout.abi().manifestName(), RuntimeTypes.RANGE_EXCEPTION.canonicalName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(mirror, "value")
        .addStatement("$T.requireNonNull(value, $S)", RuntimeTypes.ABI_RUNTIME, struct.cTypeName());
    List<CodeBlock> bodies = new ArrayList<>();
    for (MemberCode member : members) {
      CodeBlock.Builder body = CodeBlock.builder();
      member.check(body);
      if (!body.isEmpty()) {
        bodies.add(body.build());
      }
    }
    split(type, method, "check", bodies, List.of());
    type.addMethod(method.build());
  }

  // ---------------------------------------------------------------- write

  private void write(TypeSpec.Builder type, Access access) {
    boolean swapLocal = access.usesSwap() && multiByte();
    type.addMethod(MethodSpec.methodBuilder("write")
        .addJavadoc("Writes {@code value} as {@code $L} laid out on $L: see {@link $L#write}.\n",
            struct.cTypeName(), layout.abi().manifestName(), marshallerDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(mirror, "value")
        .addParameter(access.memoryType(), access.memory())
        .addParameter(access.offsetType(), "offset")
        .addStatement("check(value)")
        .addCode(access.prologue(struct.cTypeName(), layout.abi().manifestName(), multiByte()))
        .addStatement("put(value, $L)", access.usesSwap() && !swapLocal
            ? access.putArguments().replace("swap", "false") : access.putArguments())
        .build());
    MethodSpec.Builder put = MethodSpec.methodBuilder("put")
        .addJavadoc("The bytes of {@link #write}, after its checks: {@code value} passed {@link #check} and\n"
            + "the struct fits at {@code offset}. For the marshallers of structs that nest this one.\n")
        .addModifiers(Modifier.STATIC)
        .addParameter(mirror, "value");
    for (Parameter p : putParameters(access)) {
      put.addParameter(p.type(), p.name());
    }
    List<CodeBlock> bodies = new ArrayList<>();
    int end = 0;
    for (MemberCode member : members) {
      FieldLayout field = member.field();
      CodeBlock.Builder body = CodeBlock.builder();
      if (field.offset() > end) {
        padding(body, access, end, field.offset() - end);
      }
      member.write(body, access);
      end = Math.max(end, field.offset() + field.size());
      bodies.add(body.build());
    }
    if (layout.size() > end) {
      CodeBlock.Builder body = CodeBlock.builder();
      padding(body, access, end, layout.size() - end);
      bodies.add(body.build());
    }
    split(type, put, "write", bodies, putParameters(access));
    type.addMethod(put.build());
  }

  /** The memory, the offset and, for a buffer, {@code swap} (always: a nested struct's put may need it). */
  private static List<Parameter> putParameters(Access access) {
    List<Parameter> parameters = new ArrayList<>(List.of(new Parameter(access.memoryType(), access.memory()),
        new Parameter(access.offsetType(), "offset")));
    if (access.usesSwap()) {
      parameters.add(new Parameter(TypeName.BOOLEAN, "swap"));
    }
    return parameters;
  }

  private static void padding(CodeBlock.Builder body, Access access, int at, int count) {
    body.add("$L; // padding\n", access.zero(CodeBlock.of("offset + $L", at), count));
  }

  // ---------------------------------------------------------------- shared

  /**
   * Adds the member bodies to {@code method}; past {@link #MEMBERS_PER_METHOD} of them, into
   * private methods {@code <name>Members0}, {@code <name>Members1}... that {@code method} calls
   * in order, each taking {@code value} and {@code more}.
   */
  private void split(TypeSpec.Builder type, MethodSpec.Builder method, String name, List<CodeBlock> bodies,
      List<Parameter> more) {
    if (bodies.size() <= MEMBERS_PER_METHOD) {
      bodies.forEach(method::addCode);
      return;
    }
    List<String> arguments = new ArrayList<>(List.of("value"));
    more.forEach(p -> arguments.add(p.name()));
    for (int from = 0, part = 0; from < bodies.size(); from += MEMBERS_PER_METHOD, part++) {
      int to = Math.min(bodies.size(), from + MEMBERS_PER_METHOD);
      String partName = name + "Members" + part;
      MethodSpec.Builder partMethod = MethodSpec.methodBuilder(partName)
          .addJavadoc("Members $L to $L of {@link #$L}: one method would exceed the JVM's 64 KiB limit.\n",
              from, to - 1, name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(mirror, "value");
      more.forEach(p -> partMethod.addParameter(p.type(), p.name()));
      bodies.subList(from, to).forEach(partMethod::addCode);
      type.addMethod(partMethod.build());
      method.addStatement("$L($L)", partName, String.join(", ", arguments));
    }
  }

  private record Parameter(TypeName type, String name) {}

  /** The memory, the offset and, when a multi-byte integer is moved, {@code swap}. */
  private List<Parameter> memoryParameters(Access access) {
    List<Parameter> parameters = new ArrayList<>(List.of(new Parameter(access.memoryType(), access.memory()),
        new Parameter(access.offsetType(), "offset")));
    if (access.usesSwap() && multiByte()) {
      parameters.add(new Parameter(TypeName.BOOLEAN, "swap"));
    }
    return parameters;
  }

  /** Whether a multi-byte integer is moved here (so that {@code swap} is needed). */
  private boolean multiByte() {
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      MemberType element = type instanceof MemberType.ArrayType array ? array.element() : type;
      if (!(element instanceof MemberType.StructType) && field.width() != null && field.width().bits() > 8) {
        return true;
      }
    }
    return false;
  }

  private TypeName javaType(MemberCode member) {
    return new MemberContext(struct, layout.abi(), names).javaType(member.field().field().type());
  }

  private static NameAllocator locals() {
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("buf", "seg", "offset", "swap", "i", "value")) {
      locals.newName(reserved, reserved);
    }
    return locals;
  }
}
