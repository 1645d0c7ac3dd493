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
import org.abiguard.processor.codegen.MethodSplitter.Parameter;
import org.abiguard.processor.codegen.SharedCode.PrimaryChecks;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.jspecify.annotations.Nullable;

/**
 * Writes the nested class of one ABI ({@code X86_64}, {@code I386}, {@code Aarch64}): its
 * constants, {@code read}, {@code check}, {@code write} and its codec. Only what differs between
 * ABIs is generated here; what every marshaller shares is in {@code org.abiguard.AbiRuntime}.
 *
 * <p>The method bodies are the members' {@link MemberCode} in member order, with the padding
 * between them. A struct with very many members gets its bodies split into private methods of at
 * most {@link MethodSplitter#MEMBERS_PER_METHOD} members each, so that no method reaches the JVM's
 * 64 KiB limit.
 */
final class AbiClassWriter {
  private final StructLayout layout;
  private final StructModel struct;
  private final MarshallerNames names;
  private final CDeclarations c;
  private final ClassName self;
  private final ClassName mirror;
  private final String marshallerDoc;
  private final MethodDocs docs;
  private final List<MemberCode> members = new ArrayList<>();
  private final MemberContext cx;
  private final @Nullable SegmentAccess segment;

  /** How the bounds messages name the ABIs whose code this is: {@code x86_64 and aarch64}. */
  private final String messageAbis;

  /**
   * What this ABI's {@code check} leaves to the marshaller's, the primary ABI's ({@link
   * SharedCode#primaryChecks}); null when it checks every member itself.
   */
  private final @Nullable PrimaryChecks primaryChecks;

  /** Whether the type ends in a flexible array, so that its writes check {@code byteSize}. */
  private final boolean endsFlexible;

  /**
   * @param messageAbis how the bounds messages name the ABIs whose code this is: this layout's ABI,
   *     and the ABIs whose classes inherit it ({@code x86_64 and aarch64})
   * @param primaryChecks what this ABI's {@code check} leaves to the marshaller's, the primary
   *     ABI's ({@link SharedCode#primaryChecks}); null when it checks every member itself
   * @param segment the {@code MemorySegment} access when the source level is 22 or later (then the
   *     class also has {@code LAYOUT} and the segment {@code read}/{@code write}), else null
   */
  AbiClassWriter(
      StructLayout layout,
      String messageAbis,
      @Nullable PrimaryChecks primaryChecks,
      MarshallerNames names,
      CDeclarations c,
      @Nullable SegmentAccess segment) {
    this.segment = segment;
    this.messageAbis = messageAbis;
    this.primaryChecks = primaryChecks;
    this.layout = layout;
    this.struct = layout.struct();
    this.names = names;
    this.c = c;
    this.self = names.abiClass(struct, layout.abi());
    this.mirror = names.mirror(struct);
    this.marshallerDoc = names.marshaller(struct).simpleName();
    this.docs = new MethodDocs(layout, marshallerDoc);
    this.cx = new MemberContext(struct, layout.abi(), names);
    this.endsFlexible = layout.endsFlexible();
    for (FieldLayout field : layout.fields()) {
      members.add(MemberCode.of(field, cx, layout.size()));
    }
  }

  /** The nested class of an ABI other than the primary one, with all its members. */
  TypeSpec build() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "{@code $L} on $L: the constants are those of this layout.\n\n<pre>{@code\n$L\n}</pre>\n",
                struct.cTypeName(),
                layout.abi().manifestName(),
                c.layout(layout));
    addMembers(type, false);
    return type.build();
  }

  /**
   * The nested class of the primary ABI: the marshaller's own constants and methods are this ABI's,
   * so the class inherits them instead of repeating them (one copy of the code and its constants).
   */
  TypeSpec buildPrimary() {
    return inheriting(layout, CodeBlock.of("$L, the primary ABI", layout.abi().manifestName()));
  }

  /**
   * The nested class of another ABI whose layout of the type is exactly the primary ABI's ({@link
   * SharedCode#sameLayout}): it inherits the marshaller's constants and methods as the primary
   * ABI's class does.
   */
  TypeSpec buildSameAsPrimary(StructLayout same) {
    return inheriting(
        same,
        CodeBlock.of(
            "$L, the same layout as on $L, the primary ABI",
            same.abi().manifestName(),
            layout.abi().manifestName()));
  }

  private TypeSpec inheriting(StructLayout abiLayout, CodeBlock on) {
    ClassName marshaller = names.marshaller(struct);
    return TypeSpec.classBuilder(names.abiClass(struct, abiLayout.abi()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(marshaller)
        .addJavadoc(
            "{@code $L} on $L: the constants and methods of {@link $L}, which\n"
                + "this class inherits.\n\n<pre>{@code\n$L\n}</pre>\n",
            struct.cTypeName(),
            on,
            marshaller.simpleName(),
            c.layout(abiLayout))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /**
   * Adds this ABI's constants, constructor and methods to {@code type}: an ABI class, or ({@code
   * primary}) the marshaller itself, whose members get the full Javadoc.
   */
  void addMembers(TypeSpec.Builder type, boolean primary) {
    String abi = layout.abi().manifestName();
    type.addField(
            constant(
                "SIZE",
                layout.size(),
                primary ? docOf("{@code sizeof($L)} on $L, the primary ABI.\n", abi) : null))
        .addField(
            constant(
                "ALIGNMENT",
                layout.align(),
                primary ? docOf("{@code _Alignof($L)} on $L, the primary ABI.\n", abi) : null));
    for (FieldLayout field : layout.fields()) {
      type.addField(
          constant(
              ConstantNames.offsetConstant(field.field()),
              field.offset(),
              primary ? CodeBlock.of("$L on $L.\n", memberDoc(field), abi) : null));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Access buffer = new BufferAccess(struct.order());
    if (struct.union()) {
      type.addMethod(new UnionCode(layout, cx, memberEnum(), messageAbis).selected());
      type.addMethod(new UnionCode(layout, cx, memberEnum(), messageAbis).check());
      check(type, true);
      if (endsFlexible) {
        type.addMethod(unionByteSize(primary));
        type.addMethod(memberByteSize(primary));
      }
    } else {
      check(type, false);
      if (endsFlexible) {
        type.addMethod(byteSize(primary));
      }
    }
    readAndWrite(type, buffer, primary);
    if (segment != null) {
      // the value layouts are the ABI class's own: reading the outer class's while the outer
      // class's LAYOUT (this class's) is being initialised would be a cycle of class initialisation
      type.addFields(segment.valueLayouts());
      type.addFields(segment.floatLayouts(floatSizes()));
      FieldSpec layoutField = new ForeignLayout(layout, members, segment).field(type);
      type.addField(
          primary
              ? layoutField.toBuilder()
                  .addJavadoc(
                      "{@code $L} on $L, the primary ABI, as a {@code java.lang.foreign} layout.\n",
                      struct.cTypeName(),
                      abi)
                  .build()
              : layoutField);
      readAndWrite(type, segment, primary);
    }
  }

  private CodeBlock docOf(String format, String abi) {
    return CodeBlock.of(format, struct.cTypeName(), abi);
  }

  /** The reads and writes through one kind of memory. */
  private void readAndWrite(TypeSpec.Builder type, Access access, boolean primary) {
    if (struct.union()) {
      UnionCode union = new UnionCode(layout, cx, memberEnum(), messageAbis);
      read(type, access, false, primary);
      read(type, access, true, primary);
      type.addMethod(union.write(access));
      writeUnion(type, access);
    } else {
      if (flexibleWithoutCount() != null) {
        type.addMethod(readWithoutCount(access));
      }
      read(type, access, false, primary);
      write(type, access, primary);
    }
  }

  /** The union's member-selector enum, shared by every ABI class: {@code FooMarshaller.Member}. */
  ClassName memberEnum() {
    return names.marshaller(struct).nestedClass("Member");
  }

  /** The flexible array whose count the caller gives, or null. */
  @Nullable FieldLayout flexibleWithoutCount() {
    for (FieldLayout f : layout.fields()) {
      if (f.field().flexible() && f.field().countMember().isEmpty()) {
        return f;
      }
    }
    return null;
  }

  /** {@code read(buf, offset)} of a struct whose flexible array the caller counts: no element. */
  private MethodSpec readWithoutCount(Access access) {
    return MethodSpec.methodBuilder("read")
        .addJavadoc(
            "Reads {@code $L} as laid out on $L with no element in its flexible array {@code $L}.\n",
            struct.cTypeName(),
            layout.abi().manifestName(),
            java.util.Objects.requireNonNull(flexibleWithoutCount(), "a flexible array")
                .field()
                .cName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(mirror)
        .addParameter(access.memoryType(), access.memory())
        .addParameter(access.offsetType(), "offset")
        .addStatement("return read($L, offset, 0)", access.memory())
        .build();
  }

  /**
   * A member's Javadoc: "{@code uint32_t space;} at offset 4, u32", plus the Java name where it
   * differs.
   */
  String memberDoc(FieldLayout field) {
    String doc =
        "{@code " + c.member(field) + "} at offset " + field.offset() + ", " + c.kind(field);
    String javaName = field.field().javaName();
    if (!javaName.equals(field.field().cName())) {
      doc += " (Java " + (struct.record() ? "component" : "field") + " {@code " + javaName + "})";
    }
    return doc;
  }

  private static FieldSpec constant(String name, int value, @Nullable CodeBlock doc) {
    FieldSpec.Builder constant =
        FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", value);
    if (doc != null) {
      constant.addJavadoc(doc);
    }
    return constant.build();
  }

  // ---------------------------------------------------------------- read

  /**
   * {@code read(buf, offset)}; with {@code selective} (unions) {@code read(buf, offset, member)},
   * which decodes that member only; for a struct whose flexible array the caller counts {@code
   * read(buf, offset, count)}.
   */
  private void read(TypeSpec.Builder type, Access access, boolean selective, boolean primary) {
    FieldLayout counted = flexibleWithoutCount();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addJavadoc(docs.read(access, selective, counted, primary))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(mirror)
            .addParameter(access.memoryType(), access.memory())
            .addParameter(access.offsetType(), "offset");
    if (selective) {
      method.addParameter(memberEnum(), "member");
      method.addStatement("$T.requireNonNull(member, $S)", RuntimeTypes.ABI_RUNTIME, "member");
    }
    if (counted != null) {
      method.addParameter(int.class, "count");
    }
    method.addCode(prologue(access, "SIZE", multiByte()));
    if (struct.record() || (!selective && onlyIntegers())) {
      // every member into a local first, then the object. For a class of integers only, the JIT
      // then initialises the object with the values instead of zeroing it and storing them
      // afterwards: xen_add_to_physmap's read went from 1.07x of hand-written code to 1.01x.
      // Where members are nested structs or arrays, allocating first is the faster (a read of
      // memory_exchange_batch through locals took 1.12x as long). A record has at most 255
      // components (its constructor's parameters), so one method holds them.
      NameAllocator locals = locals();
      java.util.Map<String, String> byJavaName = new java.util.HashMap<>();
      List<CodeBlock> arguments = new ArrayList<>();
      CodeBlock.Builder body = CodeBlock.builder();
      BitFieldReads windows = new BitFieldReads(!selective, locals);
      for (MemberCode member : members) {
        String javaName = member.field().field().javaName();
        String local = locals.newName(javaName, member);
        byJavaName.put(javaName, local);
        CodeBlock count = count(member.field(), c2 -> CodeBlock.of("$L", byJavaName.get(c2)));
        if (selective && !member.field().field().unnamed()) {
          body.addStatement(
              "$T $L = $L", javaType(member), local, defaultValue(member.field().field().type()));
          body.beginControlFlow(
              "if (member == $T.$L)", memberEnum(), ConstantNames.upperSnake(javaName));
          member.read(
              body,
              access,
              new MemberCode.ReadTarget(
                  CodeBlock.of("$L", local), CodeBlock.of("$L", local), count));
          body.endControlFlow();
        } else {
          CodeBlock declare = CodeBlock.of("$T $L", javaType(member), local);
          MemberCode.ReadTarget target =
              new MemberCode.ReadTarget(declare, CodeBlock.of("$L", local), count);
          if (!windows.read(member, body, access, target)) {
            member.read(body, access, target);
          }
        }
        arguments.add(CodeBlock.of("$L", local));
      }
      method.addCode(body.build());
      if (struct.record()) {
        method.addStatement("return new $T($L)", mirror, CodeBlock.join(arguments, ", "));
      } else {
        method.addStatement("$T value = new $T()", mirror, mirror);
        // integers only: no unnamed bit-field among them
        for (int i = 0; i < members.size(); i++) {
          method.addStatement(
              "value.$L = $L", members.get(i).field().field().javaName(), arguments.get(i));
        }
        method.addStatement("return value");
      }
    } else {
      method.addStatement("$T value = new $T()", mirror, mirror);
      List<CodeBlock> bodies = new ArrayList<>();
      BitFieldReads windows =
          new BitFieldReads(
              !selective && members.size() <= MethodSplitter.MEMBERS_PER_METHOD, null);
      for (MemberCode member : members) {
        CodeBlock.Builder body = CodeBlock.builder();
        String javaName = member.field().field().javaName();
        CodeBlock target = CodeBlock.of("value.$L", javaName);
        CodeBlock count = count(member.field(), c2 -> CodeBlock.of("value.$L", c2));
        boolean guard = selective && !member.field().field().unnamed();
        if (guard) {
          body.beginControlFlow(
              "if (member == $T.$L)", memberEnum(), ConstantNames.upperSnake(javaName));
        }
        if (!windows.read(member, body, access, new MemberCode.ReadTarget(target, target, count))) {
          member.read(body, access, new MemberCode.ReadTarget(target, target, count));
        }
        if (guard) {
          body.endControlFlow();
        }
        if (!body.isEmpty()) {
          bodies.add(body.build());
        }
      }
      List<Parameter> parameters = memoryParameters(access);
      if (selective) {
        parameters.add(new Parameter(memberEnum(), "member"));
      }
      if (counted != null) {
        parameters.add(new Parameter(TypeName.INT, "count"));
      }
      MethodSplitter.addBodies(
          type, method, mirror, selective ? "readMember" : "read", bodies, parameters);
      method.addStatement("return value");
    }
    type.addMethod(method.build());
  }

  /**
   * A flexible array's element count for {@code read}: the caller's {@code count} or the count
   * member's value.
   */
  private @Nullable CodeBlock count(
      FieldLayout field, java.util.function.Function<String, CodeBlock> read) {
    if (!field.field().flexible()) {
      return null;
    }
    if (field.field().countMember().isEmpty()) {
      return CodeBlock.of("count");
    }
    FieldModel counter =
        java.util.Objects.requireNonNull(
            struct.field(field.field().countMember()),
            "the count member (StructReader checked it exists)");
    return MemberCode.Flexible.unsignedCount(counter, read.apply(counter.javaName()));
  }

  /** The Java default of a member's type, for a record component a selective read leaves out. */
  private static String defaultValue(MemberType type) {
    if (type instanceof MemberType.FloatType floating) {
      return floating.bits() == 32 ? "0.0f" : "0.0";
    }
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

  // ---------------------------------------------------------------- check

  /**
   * {@code check(value)}; for a union ({@code member}) {@code check(value, member)}, that member
   * only.
   */
  private void check(TypeSpec.Builder type, boolean member) {
    if (primaryChecks != null) {
      primaryCheck(type, primaryChecks, member);
      return;
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("check")
            .addJavadoc(
                "Throws what {@link #write} would throw for {@code value}$L on $L, and writes nothing:\n"
                    + "a null struct, array or element, an array of another length than C's, a member\n"
                    + "outside its C width ({@link $L}).\n",
                member ? "'s member {@code member}" : "",
                layout.abi().manifestName(),
                RuntimeTypes.RANGE_EXCEPTION.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(mirror, "value");
    if (member) {
      method.addParameter(memberEnum(), "member");
    }
    method.addStatement(
        "$T.requireNonNull(value, $S)", RuntimeTypes.ABI_RUNTIME, struct.cTypeName());
    if (member) {
      method.addStatement("$T.requireNonNull(member, $S)", RuntimeTypes.ABI_RUNTIME, "member");
    }
    List<CodeBlock> bodies = new ArrayList<>();
    for (MemberCode code : members) {
      CodeBlock.Builder body = CodeBlock.builder();
      code.check(body);
      if (!body.isEmpty()) {
        if (member) {
          body =
              CodeBlock.builder()
                  .beginControlFlow(
                      "if (member == $T.$L)",
                      memberEnum(),
                      ConstantNames.upperSnake(code.field().field().javaName()))
                  .add(body.build())
                  .endControlFlow();
        }
        bodies.add(body.build());
      }
    }
    List<Parameter> parameters = new ArrayList<>();
    if (member) {
      parameters.add(new Parameter(memberEnum(), "member"));
    }
    MethodSplitter.addBodies(
        type, method, mirror, member ? "checkMember" : "check", bodies, parameters);
    type.addMethod(method.build());
  }

  /**
   * {@code check(value)} (or a union's {@code check(value, member)}) that calls the marshaller's,
   * the primary ABI's, then checks the members {@code shared} names as on this ABI. Without such
   * members, every member has the same C width on both ABIs, nested types included, so the two
   * throw for the same values with the same messages; with them, the primary ABI checks no range on
   * those members, which are narrower here, and the same width on every other.
   */
  private void primaryCheck(TypeSpec.Builder type, PrimaryChecks shared, boolean member) {
    ClassName marshaller = names.marshaller(struct);
    String abi = layout.abi().manifestName();
    String primaryAbi = shared.primary().abi().manifestName();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("check")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(mirror, "value");
    List<String> narrower = new ArrayList<>();
    List<CodeBlock> bodies = new ArrayList<>();
    for (int index : shared.after()) {
      CodeBlock.Builder body = CodeBlock.builder();
      members.get(index).checkAfterPrimary(body);
      if (!body.isEmpty()) {
        narrower.add("{@code " + layout.fields().get(index).field().cName() + "}");
        bodies.add(body.build());
      }
    }
    if (member) {
      method
          .addJavadoc(sameChecksDoc(marshaller, abi, primaryAbi, "'s member {@code member}"))
          .addParameter(memberEnum(), "member")
          .addStatement("$T.check(value, member)", marshaller);
    } else if (bodies.isEmpty()) {
      method
          .addJavadoc(sameChecksDoc(marshaller, abi, primaryAbi, ""))
          .addStatement("$T.check(value)", marshaller);
    } else {
      method
          .addJavadoc(
              "Throws what {@link #write} would throw for {@code value} on $L, and writes nothing:\n"
                  + "what {@link $L#check} throws on $L, the primary ABI, then the checks on $L\n"
                  + "of the members that are narrower here, or nest a type that is, and have no range\n"
                  + "to check on $L:\n$L.\nEvery other member has the same C width on both ABIs.\n",
              abi,
              marshaller.simpleName(),
              primaryAbi,
              abi,
              primaryAbi,
              MethodDocs.wrapped(narrower))
          .addStatement("$T.check(value)", marshaller);
      MethodSplitter.addBodies(type, method, mirror, "check", bodies, List.of());
    }
    type.addMethod(method.build());
  }

  private static CodeBlock sameChecksDoc(
      ClassName marshaller, String abi, String primaryAbi, String ofMember) {
    return CodeBlock.of(
        "Throws what {@link #write} would throw for {@code value}$L on $L, and writes nothing:\n"
            + "what {@link $L#check} throws on $L, the primary ABI. The two layouts differ, but\n"
            + "every member, and every member of the types it nests, has the same C width on both,\n"
            + "so the same values are out of range.\n",
        ofMember,
        abi,
        marshaller.simpleName(),
        primaryAbi);
  }

  // ---------------------------------------------------------------- write

  private void write(TypeSpec.Builder type, Access access, boolean primary) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("write")
            .addJavadoc(docs.write(access, primary))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(mirror, "value")
            .addParameter(access.memoryType(), access.memory())
            .addParameter(access.offsetType(), "offset")
            .addStatement("check(value)");
    type.addMethod(
        method
            .addCode(prologue(access, endsFlexible ? "byteSize(value)" : "SIZE", needsSwap()))
            .addStatement("put(value, $L)", putArgumentsAfterPrologue(access))
            .build());
    MethodSpec.Builder put = putMethod(access);
    BitFieldWrites windows = new BitFieldWrites(members);
    List<CodeBlock> bodies =
        new ArrayList<>(zeroUncovered(access, layout.fields(), windows.ownedWindows()));
    for (int i = 0; i < members.size(); i++) {
      CodeBlock.Builder body = CodeBlock.builder();
      BitFieldWrites.Group group = windows.startingAt(i);
      if (group != null) {
        windows.write(body, access, group);
        bodies.add(
            CodeBlock.builder().beginControlFlow("").add(body.build()).endControlFlow().build());
        i = group.last();
        continue;
      }
      members.get(i).write(body, access);
      if (!body.isEmpty()) {
        bodies.add(body.build());
      }
    }
    MethodSplitter.addBodies(type, put, mirror, "write", bodies, putParameters(access));
    type.addMethod(put.build());
  }

  /**
   * {@code byteSize(value)} of a struct that ends in a flexible array: {@code SIZE}, or the end of
   * the array where it reaches past {@code SIZE}; for a struct that nests such a struct last, the
   * end of the nested one's bytes. What {@code write} checks the memory for.
   */
  private MethodSpec byteSize(boolean primary) {
    MethodSpec.Builder method =
        byteSizeMethod(
            primary,
            "The bytes {@code value} covers as {@code $L} on $L, the primary ABI: {@code SIZE},\n"
                + "or more where its flexible array reaches past it. {@link #write} needs that many\n"
                + "from {@code offset}. Each ABI's class has the same method for its own layout.\n\n"
                + "@throws NullPointerException if {@code value}, or a struct or array on the way to\n"
                + "    its flexible array, is null\n"
                + "@throws IndexOutOfBoundsException if that is more bytes than one struct value covers\n");
    FieldLayout last = layout.fields().get(layout.fields().size() - 1);
    if (last.field().flexible()) {
      MemberCode.Flexible flexible = (MemberCode.Flexible) members.get(members.size() - 1);
      method.addStatement(
          "return $T.flexibleEnd(SIZE, $L, $L.length, $L, $S)",
          RuntimeTypes.ABI_RUNTIME,
          ConstantNames.offsetConstant(last.field()),
          cx.access(last),
          flexible.elementSize(),
          struct.cTypeName());
    } else {
      method.addStatement(nestedEnd(last, (MemberType.StructType) last.field().type()));
    }
    return method.build();
  }

  /** {@code public static int byteSize(value)}: the primary ABI's Javadoc, or a link to it. */
  private MethodSpec.Builder byteSizeMethod(boolean primary, String primaryDoc) {
    String abi = layout.abi().manifestName();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("byteSize")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(int.class)
            .addParameter(mirror, "value");
    return primary
        ? method.addJavadoc(primaryDoc, struct.cTypeName(), abi)
        : method.addJavadoc(
            "The bytes {@code value} covers as {@code $L} on $L: see {@link $L#byteSize}.\n",
            struct.cTypeName(),
            abi,
            marshallerDoc);
  }

  /** {@code return} the end of a nested member's bytes, its flexible array's included. */
  private CodeBlock nestedEnd(FieldLayout member, MemberType.StructType type) {
    return CodeBlock.of(
        "return $T.nestedEnd(SIZE, $L, $T.byteSize($L), $S)",
        RuntimeTypes.ABI_RUNTIME,
        ConstantNames.offsetConstant(member.field()),
        names.abiClass(type, layout.abi()),
        cx.access(member),
        struct.cTypeName());
  }

  /**
   * A union's {@code byteSize(value)}: that of the member that is set, {@code SIZE} when none is.
   */
  private MethodSpec unionByteSize(boolean primary) {
    return byteSizeMethod(
            primary,
            "The bytes {@code value} covers as {@code $L} on $L, the primary ABI, with the member\n"
                + "that is set (see {@link #selected}): {@code SIZE}, or more where that member's\n"
                + "flexible array reaches past it. {@link #write} needs that many from {@code offset}.\n"
                + "Each ABI's class has the same method for its own layout.\n\n"
                + "@throws NullPointerException if {@code value}, or an array on the way to the\n"
                + "    member's flexible array, is null\n"
                + "@throws IllegalArgumentException if more than one member is set\n"
                + "@throws IndexOutOfBoundsException if that is more bytes than one struct value covers\n")
        .addStatement("$T member = selected(value)", memberEnum())
        .addStatement("return member == null ? SIZE : byteSize(value, member)")
        .build();
  }

  /**
   * A union's {@code byteSize(value, member)}: for a member that ends in a flexible array, the end
   * of its bytes; {@code SIZE} for the others.
   */
  private MethodSpec memberByteSize(boolean primary) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("byteSize")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(int.class)
            .addParameter(mirror, "value")
            .addParameter(memberEnum(), "member")
            .addJavadoc(
                "The bytes {@code value} covers as {@code $L} on $L with its member {@code member}:\n",
                struct.cTypeName(),
                layout.abi().manifestName());
    if (primary) {
      method.addJavadoc(
          "{@code SIZE}, or more where that member's flexible array reaches past it.\n"
              + "{@code write(value, member, buf, offset)} needs that many from {@code offset}.\n");
    } else {
      method.addJavadoc("see {@link $L#byteSize}.\n", marshallerDoc);
    }
    for (FieldLayout f : layout.fields()) {
      if (f.field().type() instanceof MemberType.StructType nested
          && names.layout(nested, layout.abi()).endsFlexible()) {
        method
            .beginControlFlow(
                "if (member == $T.$L)",
                memberEnum(),
                ConstantNames.upperSnake(f.field().javaName()))
            .addStatement(nestedEnd(f, nested))
            .endControlFlow();
      }
    }
    return method.addStatement("return SIZE").build();
  }

  /**
   * The statements that start a public {@code read} or {@code write} of this type: the bounds check
   * of {@code bytes} ({@code SIZE}, or a {@code byteSize} call), and {@code swap}.
   */
  private CodeBlock prologue(Access access, String bytes, boolean multiByte) {
    return access.prologue(
        struct, messageAbis, CodeBlock.of(bytes), multiByte, scalarsOnly(layout));
  }

  /**
   * The arguments a {@code write} passes to {@code put} after {@link #prologue}: {@code swap} is
   * {@code false} where the prologue declared no {@code swap} (nothing here needs one).
   */
  private String putArgumentsAfterPrologue(Access access) {
    return access.usesSwap() && !needsSwap()
        ? access.putArguments().replace("swap", "false")
        : access.putArguments();
  }

  /**
   * {@code put(value, buf, offset, swap)}: the bytes of {@code write} after its checks. For the
   * marshallers of types that nest this one.
   */
  private MethodSpec.Builder putMethod(Access access) {
    MethodSpec.Builder put =
        MethodSpec.methodBuilder("put")
            .addJavadoc(
                "The bytes of {@link #write}, after its checks: {@code value} passed {@link #check} and\n"
                    + "the $L fits at {@code offset}. For the marshallers of types that nest this one.\n",
                struct.union() ? "union" : "struct")
            .addModifiers(Modifier.STATIC)
            .addParameter(mirror, "value");
    for (Parameter p : putParameters(access)) {
      put.addParameter(p.type(), p.name());
    }
    return put;
  }

  /**
   * The memory, the offset and, for a buffer, {@code swap} (always: a nested struct's put may need
   * it).
   */
  private static List<Parameter> putParameters(Access access) {
    List<Parameter> parameters =
        new ArrayList<>(
            List.of(
                new Parameter(access.memoryType(), access.memory()),
                new Parameter(access.offsetType(), "offset")));
    if (access.usesSwap()) {
      parameters.add(new Parameter(TypeName.BOOLEAN, "swap"));
    }
    return parameters;
  }

  /**
   * A union's {@code write(value, member, buf, offset)}: that member, the union's other bytes zero;
   * with {@code put(value, member, buf, offset, swap)} after its checks and {@code put(value, buf,
   * offset, swap)}, the member that is set, for the types that nest it.
   */
  private void writeUnion(TypeSpec.Builder type, Access access) {
    String putArguments = putArgumentsAfterPrologue(access);
    type.addMethod(
        MethodSpec.methodBuilder("write")
            .addJavadoc(
                "Writes the member {@code member} of {@code value} as {@code $L} laid out on $L, the union's\n"
                    + "other bytes zero: see {@link $L#write}.\n",
                struct.cTypeName(),
                layout.abi().manifestName(),
                marshallerDoc)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(mirror, "value")
            .addParameter(memberEnum(), "member")
            .addParameter(access.memoryType(), access.memory())
            .addParameter(access.offsetType(), "offset")
            .addStatement("check(value, member)")
            .addCode(
                prologue(access, endsFlexible ? "byteSize(value, member)" : "SIZE", needsSwap()))
            .addStatement("put(value, member, $L)", putArguments)
            .build());
    String memory = access.putArguments().replace(", swap", "");
    MethodSpec.Builder putSelected =
        putMethod(access)
            .addStatement("$T member = selected(value)", memberEnum())
            .beginControlFlow("if (member == null)")
            .addCode(access.zero(CodeBlock.of("offset"), layout.size(), "no member is set"))
            .nextControlFlow("else")
            .addStatement("put(value, member, $L)", access.putArguments())
            .endControlFlow();
    type.addMethod(putSelected.build());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("put")
            .addJavadoc(
                "The bytes of {@code write(value, member, $L)}, after its checks.\n", memory)
            .addModifiers(Modifier.STATIC)
            .addParameter(mirror, "value")
            .addParameter(memberEnum(), "member");
    for (Parameter p : putParameters(access)) {
      method.addParameter(p.type(), p.name());
    }
    List<CodeBlock> bodies = new ArrayList<>();
    for (MemberCode member : members) {
      if (member.field().field().unnamed()) {
        continue;
      }
      CodeBlock.Builder body =
          CodeBlock.builder()
              .beginControlFlow(
                  "if (member == $T.$L)",
                  memberEnum(),
                  ConstantNames.upperSnake(member.field().field().javaName()));
      zeroUncovered(access, List.of(member.field()), List.of()).forEach(body::add);
      member.write(body, access);
      bodies.add(body.endControlFlow().build());
    }
    List<Parameter> parameters = putParameters(access);
    parameters.add(new Parameter(memberEnum(), "member"));
    MethodSplitter.addBodies(type, method, mirror, "writeMember", bodies, parameters);
    type.addMethod(method.build());
  }

  /**
   * Zeroes every byte of the type that no ordinary member among {@code covering} writes: padding,
   * the bytes of bit-fields (written read-modify-write afterwards) and unnamed bits, except the
   * bytes of {@code ownedWindows} (built from zero and written whole afterwards).
   */
  private List<CodeBlock> zeroUncovered(
      Access access, List<FieldLayout> covering, List<BitWindow> ownedWindows) {
    boolean[] covered = new boolean[layout.size()];
    for (FieldLayout f : covering) {
      if (!f.isBitField()) {
        for (int i = f.offset(); i < Math.min(layout.size(), f.offset() + f.size()); i++) {
          covered[i] = true;
        }
      }
    }
    for (BitWindow w : ownedWindows) {
      for (int i = w.start(); i < w.start() + w.bytes(); i++) {
        covered[i] = true;
      }
    }
    List<CodeBlock> zeros = new ArrayList<>();
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
      CodeBlock.Builder body = CodeBlock.builder();
      padding(body, access, from, i - from);
      zeros.add(body.build());
    }
    return zeros;
  }

  private static void padding(CodeBlock.Builder body, Access access, int at, int count) {
    body.add(access.zero(CodeBlock.of("offset + $L", at), count, "padding"));
  }

  // ---------------------------------------------------------------- shared

  /** The memory, the offset and, when a multi-byte integer is moved, {@code swap}. */
  private List<Parameter> memoryParameters(Access access) {
    List<Parameter> parameters =
        new ArrayList<>(
            List.of(
                new Parameter(access.memoryType(), access.memory()),
                new Parameter(access.offsetType(), "offset")));
    if (access.usesSwap() && multiByte()) {
      parameters.add(new Parameter(TypeName.BOOLEAN, "swap"));
    }
    return parameters;
  }

  /**
   * Whether {@code write} needs {@code swap}: a multi-byte integer is moved here, or a nested
   * struct's {@code put} is called, which takes it.
   */
  private boolean needsSwap() {
    if (multiByte()) {
      return true;
    }
    for (FieldLayout field : layout.fields()) {
      if (SharedCode.elementType(field) instanceof MemberType.StructType) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every member of the type is an integer, a pointer or a bit-field held in one window: no
   * array, nested type, flexible array or wide bit-field, whose code passes the memory on.
   */
  static boolean scalarsOnly(StructLayout layout) {
    for (FieldLayout field : layout.fields()) {
      MemberType type = field.field().type();
      if (field.field().flexible()
          || type instanceof MemberType.ArrayType
          || type instanceof MemberType.StructType
          || (field.isBitField()
              && !BitWindow.of(field, layout.size(), layout.struct().order()).hasWindow())) {
        return false;
      }
    }
    return true;
  }

  /** The sizes (4, 8) of the float and double members here, array elements included. */
  private java.util.SortedSet<Integer> floatSizes() {
    java.util.SortedSet<Integer> sizes = new java.util.TreeSet<>();
    for (MemberCode member : members) {
      if (SharedCode.elementType(member.field()) instanceof MemberType.FloatType floating) {
        sizes.add(floating.bits() / 8);
      }
    }
    return sizes;
  }

  /** Whether a multi-byte integer is moved here (so that {@code swap} is needed). */
  private boolean multiByte() {
    for (MemberCode member : members) {
      FieldLayout field = member.field();
      MemberType element = SharedCode.elementType(field);
      if (member instanceof MemberCode.BitField bits) {
        if (!field.field().unnamed() && bits.window().bytes() > 1) {
          return true;
        }
      } else if (!(element instanceof MemberType.StructType)
          && field.width() != null
          && field.width().bits() > 8) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every member is an integer or pointer (no nested struct, array or bit-field), at most
   * {@link MethodSplitter#MEMBERS_PER_METHOD} of them: one method reads them all into locals.
   */
  private boolean onlyIntegers() {
    return members.size() <= MethodSplitter.MEMBERS_PER_METHOD
        && members.stream().allMatch(member -> member instanceof MemberCode.Scalar);
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
