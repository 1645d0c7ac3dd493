package org.abiguard.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;

/**
 * Writes {@code FooMarshaller} for one struct with JavaPoet: one nested class per ABI with that
 * ABI's constants, {@code read}, {@code check}, {@code write} and codec, and on the top-level class
 * the primary ABI's constants and methods (delegating to its nested class) and {@code codec(String
 * abi)}.
 */
public final class MarshallerGenerator {
  /** The value of the generated {@code @Generated}. */
  public static final String GENERATOR = "org.abiguard.processor.AbiGuardProcessor";

  private static final ClassName METHOD_HANDLES =
      ClassName.get("java.lang.invoke", "MethodHandles");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final boolean foreignMemory;

  /** A generator of {@code ByteBuffer} marshallers (source levels below 22). */
  public MarshallerGenerator() {
    this(false);
  }

  /**
   * @param foreignMemory whether the compilation's source level is 22 or later: then each
   *     marshaller and ABI class also has {@code LAYOUT} and {@code MemorySegment} methods
   */
  public MarshallerGenerator(boolean foreignMemory) {
    this.foreignMemory = foreignMemory;
  }

  /**
   * @param struct the struct
   * @param layouts its layout on each ABI of {@code -Aabiguard.abis}, in that order (primary first)
   * @param lookup canonical Java name → model, for nested structs' marshaller names
   * @throws IllegalArgumentException if the layouts are not the struct's, an ABI repeats, a nested
   *     struct is unknown, or two members map to one constant name
   */
  public JavaFile generate(
      StructModel struct, List<StructLayout> layouts, Function<String, StructModel> lookup) {
    return generate(struct, layouts, lookup, name -> true);
  }

  /**
   * As {@link #generate(StructModel, List, Function)}, where {@code generatedHere} tells which
   * nested structs' marshallers this compilation generates (their package-private {@code put}
   * writes a nested struct without checking it again).
   */
  public JavaFile generate(
      StructModel struct,
      List<StructLayout> layouts,
      Function<String, StructModel> lookup,
      java.util.function.Predicate<String> generatedHere) {
    validate(struct, layouts);
    SegmentAccess segment = foreignMemory ? new SegmentAccess(struct.order()) : null;
    MarshallerNames names = new MarshallerNames(lookup, generatedHere);
    CDeclarations c = new CDeclarations(names);
    StructLayout primary = layouts.get(0);
    ClassName marshaller = names.marshaller(struct);
    ClassName primaryClass = names.abiClass(struct, primary.abi());
    AbiClassWriter primaryWriter = new AbiClassWriter(primary, names, c, segment);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(marshaller)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build())
            .addJavadoc(classDoc(struct, layouts));
    type.addField(
        delegate(
            "SIZE",
            primaryClass,
            "{@code sizeof($L)} on $L, the primary ABI.\n",
            struct.cTypeName(),
            primary.abi().manifestName()));
    type.addField(
        delegate(
            "ALIGNMENT",
            primaryClass,
            "{@code _Alignof($L)} on $L, the primary ABI.\n",
            struct.cTypeName(),
            primary.abi().manifestName()));
    for (FieldLayout field : primary.fields()) {
      type.addField(
          delegate(
              ConstantNames.offsetConstant(field.field()),
              primaryClass,
              "$L on $L.\n",
              primaryWriter.memberDoc(field),
              primary.abi().manifestName()));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(primaryRead(struct, names, primaryClass, primary.abi()));
    type.addMethod(primaryWrite(struct, names, primaryClass, primary.abi()));
    if (struct.union()) {
      ClassName member = marshaller.nestedClass("Member");
      type.addType(UnionCode.memberEnum(member, primary, c));
      type.addMethod(
          MethodSpec.methodBuilder("selected")
              .addJavadoc(
                  "The member of {@code value} that is set: see {@link $T#selected}.\n",
                  primaryClass)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(member)
              .addParameter(names.mirror(struct), "value")
              .addStatement("return $T.selected(value)", primaryClass)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("read")
              .addJavadoc(
                  "Reads the member {@code member} of {@code $L} as laid out on $L, the primary ABI: see\n"
                      + "{@link $T#read(ByteBuffer, int, Member)}.\n",
                  struct.cTypeName(),
                  primary.abi().manifestName(),
                  primaryClass)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(names.mirror(struct))
              .addParameter(ByteBuffer.class, "buf")
              .addParameter(int.class, "offset")
              .addParameter(member, "member")
              .addStatement("return $T.read(buf, offset, member)", primaryClass)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("write")
              .addJavadoc(
                  "Writes the member {@code member} of {@code value} as {@code $L} laid out on $L, the primary\n"
                      + "ABI: see {@link $T#write($T, Member, ByteBuffer, int)}.\n",
                  struct.cTypeName(),
                  primary.abi().manifestName(),
                  primaryClass,
                  names.mirror(struct))
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .addParameter(names.mirror(struct), "value")
              .addParameter(member, "member")
              .addParameter(ByteBuffer.class, "buf")
              .addParameter(int.class, "offset")
              .addStatement("$T.write(value, member, buf, offset)", primaryClass)
              .build());
    }
    FieldLayout counted = primaryWriter.flexibleWithoutCount();
    if (counted != null) {
      type.addMethod(
          MethodSpec.methodBuilder("read")
              .addJavadoc(
                  "Reads {@code $L} with {@code count} elements in its flexible array {@code $L}, as laid out on\n"
                      + "$L, the primary ABI: see {@link $T#read(ByteBuffer, int, int)}.\n",
                  struct.cTypeName(),
                  counted.field().cName(),
                  primary.abi().manifestName(),
                  primaryClass)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(names.mirror(struct))
              .addParameter(ByteBuffer.class, "buf")
              .addParameter(int.class, "offset")
              .addParameter(int.class, "count")
              .addStatement("return $T.read(buf, offset, count)", primaryClass)
              .build());
    }
    type.addMethod(codecByName(struct, names, layouts));
    if (segment != null) {
      type.addField(
          FieldSpec.builder(
                  struct.union() ? SegmentAccess.UNION_LAYOUT : SegmentAccess.STRUCT_LAYOUT,
                  "LAYOUT",
                  Modifier.PUBLIC,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc(
                  "{@code $L} on $L, the primary ABI, as a {@code java.lang.foreign} layout.\n",
                  struct.cTypeName(),
                  primary.abi().manifestName())
              .initializer("$T.LAYOUT", primaryClass)
              .build());
      type.addMethod(segmentRead(struct, names, primaryClass, primary.abi()));
      type.addMethod(segmentWrite(struct, names, primaryClass, primary.abi()));
      if (struct.union()) {
        ClassName member = marshaller.nestedClass("Member");
        type.addMethod(
            MethodSpec.methodBuilder("read")
                .addJavadoc(
                    "Reads the member {@code member} of {@code $L} as laid out on $L, the primary ABI, at\n"
                        + "{@code offset} of a memory segment: see {@link $T#read($T, long, Member)}.\n",
                    struct.cTypeName(),
                    primary.abi().manifestName(),
                    primaryClass,
                    SegmentAccess.MEMORY_SEGMENT)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.mirror(struct))
                .addParameter(SegmentAccess.MEMORY_SEGMENT, "seg")
                .addParameter(long.class, "offset")
                .addParameter(member, "member")
                .addStatement("return $T.read(seg, offset, member)", primaryClass)
                .build());
        type.addMethod(
            MethodSpec.methodBuilder("write")
                .addJavadoc(
                    "Writes the member {@code member} of {@code value} as {@code $L} laid out on $L, the primary\n"
                        + "ABI, at {@code offset} of a memory segment: see {@link $T#write($T, Member, $T, long)}.\n",
                    struct.cTypeName(),
                    primary.abi().manifestName(),
                    primaryClass,
                    names.mirror(struct),
                    SegmentAccess.MEMORY_SEGMENT)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(names.mirror(struct), "value")
                .addParameter(member, "member")
                .addParameter(SegmentAccess.MEMORY_SEGMENT, "seg")
                .addParameter(long.class, "offset")
                .addStatement("$T.write(value, member, seg, offset)", primaryClass)
                .build());
      }
      if (counted != null) {
        type.addMethod(
            MethodSpec.methodBuilder("read")
                .addJavadoc(
                    "Reads {@code $L} with {@code count} elements in its flexible array {@code $L}, as laid out on\n"
                        + "$L, the primary ABI, at {@code offset} of a memory segment: see\n"
                        + "{@link $T#read($T, long, int)}.\n",
                    struct.cTypeName(),
                    counted.field().cName(),
                    primary.abi().manifestName(),
                    primaryClass,
                    SegmentAccess.MEMORY_SEGMENT)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.mirror(struct))
                .addParameter(SegmentAccess.MEMORY_SEGMENT, "seg")
                .addParameter(long.class, "offset")
                .addParameter(int.class, "count")
                .addStatement("return $T.read(seg, offset, count)", primaryClass)
                .build());
      }
    }
    List<TypeSpec> abiClasses = new ArrayList<>();
    abiClasses.add(primaryWriter.build());
    for (StructLayout layout : layouts.subList(1, layouts.size())) {
      abiClasses.add(new AbiClassWriter(layout, names, c, segment).build());
    }
    type.addTypes(abiClasses);
    // java.lang types are imported explicitly: a class of the package named String or Long
    // would otherwise take their place
    return JavaFile.builder(struct.packageName(), type.build())
        .skipJavaLangImports(false)
        .indent("    ")
        .build();
  }

  private static void validate(StructModel struct, List<StructLayout> layouts) {
    if (layouts.isEmpty()) {
      throw new IllegalArgumentException("no layout for " + struct.javaName());
    }
    List<TargetAbi> seen = new ArrayList<>();
    for (StructLayout layout : layouts) {
      if (!layout.struct().equals(struct) || layout.fields().size() != struct.fields().size()) {
        throw new IllegalArgumentException(
            "layout on " + layout.abi().manifestName() + " is not that of " + struct.javaName());
      }
      if (seen.contains(layout.abi())) {
        throw new IllegalArgumentException(
            "two layouts of " + struct.javaName() + " on " + layout.abi().manifestName());
      }
      seen.add(layout.abi());
    }
    Map<String, String> clashes = ConstantNames.clashes(struct);
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException(
          "members of " + struct.javaName() + " map to the same offset constant: " + clashes);
    }
  }

  private static String classDoc(StructModel struct, List<StructLayout> layouts) {
    StringBuilder abis = new StringBuilder();
    for (StructLayout layout : layouts) {
      abis.append(abis.length() == 0 ? "" : ", ")
          .append("{@link ")
          .append(layout.abi().className())
          .append("} (")
          .append(layout.abi().manifestName())
          .append(')');
    }
    StructLayout primary = layouts.get(0);
    return "Reads and writes {@link "
        + struct.relativeName()
        + "} as C's {@code "
        + struct.cTypeName()
        + "},\n"
        + struct.order().manifestName()
        + " endian, with its exact C layout.\n\n"
        + "<p>The static members of this class are those of "
        + primary.abi().manifestName()
        + ", the primary ABI.\nEach ABI has its own nested class: "
        + abis
        + ";\n"
        + "{@link #codec(String)} returns an {@code AbiCodec} by ABI name. What every marshaller shares\n"
        + "(byte order, bounds and range checks) is in {@code org.abiguard.AbiRuntime}.\n";
  }

  private static FieldSpec delegate(
      String name, ClassName primaryClass, String doc, Object... args) {
    return FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc, args)
        .initializer("$T.$L", primaryClass, name)
        .build();
  }

  // Javadoc names exceptions as text, not $T: a type only Javadoc mentions would be imported,
  // and the Eclipse compiler warns about an import that code does not use.

  private static MethodSpec primaryRead(
      StructModel struct, MarshallerNames names, ClassName primaryClass, TargetAbi abi) {
    return MethodSpec.methodBuilder("read")
        .addJavadoc(
            "Reads {@code $L} as laid out on $L, the primary ABI, at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is; changes neither the buffer's\n"
                + "position nor its order. Each ABI's class has the same method for its own layout.\n\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}; nothing is read then\n",
            struct.cTypeName(),
            abi.manifestName(),
            struct.order().manifestName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(names.mirror(struct))
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("return $T.read(buf, offset)", primaryClass)
        .build();
  }

  private static MethodSpec primaryWrite(
      StructModel struct, MarshallerNames names, ClassName primaryClass, TargetAbi abi) {
    return MethodSpec.methodBuilder("write")
        .addJavadoc(
            "Writes {@code value} as {@code $L} laid out on $L, the primary ABI, at {@code offset},\n"
                + "in $L-endian byte order whatever {@code buf.order()} is, padding as zero bytes;\n"
                + "changes neither the buffer's position nor its order. Everything is checked before the\n"
                + "first byte is written: when it throws, the buffer is unchanged. Each ABI's class has the\n"
                + "same method for its own layout.\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct, array or element is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $L if a member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code buf.limit()}\n",
            struct.cTypeName(),
            abi.manifestName(),
            struct.order().manifestName(),
            RuntimeTypes.RANGE_EXCEPTION.canonicalName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "offset")
        .addStatement("$T.write(value, buf, offset)", primaryClass)
        .build();
  }

  private static MethodSpec segmentRead(
      StructModel struct, MarshallerNames names, ClassName primaryClass, TargetAbi abi) {
    return MethodSpec.methodBuilder("read")
        .addJavadoc(
            "Reads {@code $L} as laid out on $L, the primary ABI, at {@code offset} of a memory\n"
                + "segment, in $L-endian byte order; {@link #LAYOUT} describes the same bytes.\n\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code seg.byteSize()}; nothing is read then\n",
            struct.cTypeName(),
            abi.manifestName(),
            struct.order().manifestName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(names.mirror(struct))
        .addParameter(SegmentAccess.MEMORY_SEGMENT, "seg")
        .addParameter(long.class, "offset")
        .addStatement("return $T.read(seg, offset)", primaryClass)
        .build();
  }

  private static MethodSpec segmentWrite(
      StructModel struct, MarshallerNames names, ClassName primaryClass, TargetAbi abi) {
    return MethodSpec.methodBuilder("write")
        .addJavadoc(
            "Writes {@code value} as {@code $L} laid out on $L, the primary ABI, at {@code offset}\n"
                + "of a memory segment, in $L-endian byte order, padding as zero bytes. Everything is\n"
                + "checked before the first byte is written: when it throws, the segment is unchanged.\n\n"
                + "@throws NullPointerException if {@code value} or a nested struct, array or element is null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $L if a member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would end\n"
                + "    past {@code seg.byteSize()}\n",
            struct.cTypeName(),
            abi.manifestName(),
            struct.order().manifestName(),
            RuntimeTypes.RANGE_EXCEPTION.canonicalName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(names.mirror(struct), "value")
        .addParameter(SegmentAccess.MEMORY_SEGMENT, "seg")
        .addParameter(long.class, "offset")
        .addStatement("$T.write(value, seg, offset)", primaryClass)
        .build();
  }

  private static MethodSpec codecByName(
      StructModel struct, MarshallerNames names, List<StructLayout> layouts) {
    List<String> abiNames = new ArrayList<>();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("codec")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(RuntimeTypes.ABI_CODEC, names.mirror(struct)))
            .addParameter(String.class, "abi");
    String marshaller = names.marshaller(struct).simpleName();
    for (StructLayout layout : layouts) {
      String abi = layout.abi().manifestName();
      ClassName abiClass = names.abiClass(struct, layout.abi());
      abiNames.add(abi);
      method
          .beginControlFlow("if ($S.equals(abi))", abi)
          .addStatement(
              "return $T.codec($T.lookup(), $T.class, $S, $T.SIZE, $T.ALIGNMENT)",
              RuntimeTypes.ABI_RUNTIME,
              METHOD_HANDLES,
              abiClass,
              marshaller + ".codec(\"" + abi + "\")",
              abiClass,
              abiClass)
          .endControlFlow();
    }
    String generated = String.join(", ", abiNames);
    return method
        .addJavadoc(
            "The codec of {@code $L} on {@code abi}, one of: $L; the same instance on every call.\n\n"
                + "@throws IllegalArgumentException for an ABI this marshaller was not generated for\n",
            struct.cTypeName(),
            generated)
        .addStatement(
            "throw $T.noCodec($S, abi, $S)",
            RuntimeTypes.ABI_RUNTIME,
            struct.cTypeName(),
            generated)
        .build();
  }
}
