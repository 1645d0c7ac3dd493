package org.abiguard.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.AbiAnnotations;
import org.abiguard.processor.model.StructModel;

/**
 * Writes {@code FooMarshaller} for one struct with JavaPoet: the primary ABI's constants, {@code
 * read}, {@code check} and {@code write} on the marshaller itself, with {@code codec(String abi)};
 * a nested class per ABI, the primary one's inheriting the marshaller's members (so they exist
 * once), the others with their own.
 */
public final class MarshallerGenerator {
  /** The value of the generated {@code @Generated}. */
  public static final String GENERATOR = "org.abiguard.processor.AbiGuardProcessor";

  private static final ClassName METHOD_HANDLES =
      ClassName.get("java.lang.invoke", "MethodHandles");
  private static final ClassName GENERATED = ClassName.bestGuess(AbiAnnotations.GENERATED);

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
    return generate(struct, layouts, lookup, name -> true, new LayoutEngine(lookup)::layout);
  }

  /**
   * As {@link #generate(StructModel, List, Function)}, where {@code generatedHere} tells which
   * nested structs' marshallers this compilation generates (their package-private {@code put}
   * writes a nested struct without checking it again), and {@code layoutOf} gives the layouts of
   * the nested types (the layout stage's, which has laid them out already).
   */
  public JavaFile generate(
      StructModel struct,
      List<StructLayout> layouts,
      Function<String, StructModel> lookup,
      java.util.function.Predicate<String> generatedHere,
      java.util.function.BiFunction<StructModel, TargetAbi, StructLayout> layoutOf) {
    validate(struct, layouts);
    SegmentAccess segment = foreignMemory ? new SegmentAccess(struct.order()) : null;
    MarshallerNames names = new MarshallerNames(lookup, generatedHere, layoutOf);
    CDeclarations c = new CDeclarations(names);
    StructLayout primary = layouts.get(0);
    ClassName marshaller = names.marshaller(struct);
    // the ABIs that lay the type out as the primary one does share its code: their classes
    // inherit it too, and its bounds messages name them all
    List<StructLayout> same = new ArrayList<>(List.of(primary));
    for (StructLayout layout : layouts.subList(1, layouts.size())) {
      if (SharedCode.sameLayout(primary, layout, names)) {
        same.add(layout);
      }
    }
    AbiClassWriter primaryWriter =
        new AbiClassWriter(
            primary,
            TargetAbi.named(same.stream().map(StructLayout::abi).toList()),
            null,
            names,
            c,
            segment);

    // the marshaller is the primary ABI's code; its nested class, and those of the ABIs with the
    // same layout, inherit it (a private constructor: no other subclass)
    TypeSpec.Builder type =
        TypeSpec.classBuilder(marshaller)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build())
            .addJavadoc(classDoc(struct, layouts, same));
    primaryWriter.addMembers(type, true);
    type.addMethod(codecByName(struct, names, layouts));
    if (struct.union()) {
      type.addType(UnionCode.memberEnum(marshaller.nestedClass("Member"), primary, c));
    }
    type.addType(primaryWriter.buildPrimary());
    for (StructLayout layout : layouts.subList(1, layouts.size())) {
      type.addType(
          same.contains(layout)
              ? primaryWriter.buildSameAsPrimary(layout)
              : new AbiClassWriter(
                      layout,
                      layout.abi().manifestName(),
                      SharedCode.primaryChecks(primary, layout, names),
                      names,
                      c,
                      segment)
                  .build());
    }
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

  private static String classDoc(
      StructModel struct, List<StructLayout> layouts, List<StructLayout> same) {
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
        + ", the primary ABI, whose nested\nclass {@link "
        + primary.abi().className()
        + "} inherits them"
        + sameDoc(same)
        + ". Each ABI has its own nested class: "
        + abis
        + ";\n"
        + "{@link #codec(String)} returns an {@code AbiCodec} by ABI name. What every marshaller shares\n"
        + "(byte order, bounds and range checks) is in {@code org.abiguard.AbiRuntime}.\n";
  }

  /** ", as do {@link Aarch64} (aarch64)...: the same layout", or nothing. */
  private static String sameDoc(List<StructLayout> same) {
    if (same.size() == 1) {
      return "";
    }
    StringBuilder doc = new StringBuilder(same.size() == 2 ? ", as does " : ", as do ");
    for (int i = 1; i < same.size(); i++) {
      TargetAbi abi = same.get(i).abi();
      doc.append(i == 1 ? "" : i == same.size() - 1 ? " and " : ", ")
          .append("{@link ")
          .append(abi.className())
          .append("} (")
          .append(abi.manifestName())
          .append(')');
    }
    return doc.append(", the same layout").toString();
  }

  /**
   * {@code codec(String abi)}: one call of {@code AbiRuntime.codec} with the ABI classes, which
   * finds the one named after {@code abi} (or names the ABIs there are) and makes its codec once.
   */
  private static MethodSpec codecByName(
      StructModel struct, MarshallerNames names, List<StructLayout> layouts) {
    List<String> abiNames = new ArrayList<>();
    CodeBlock.Builder classes = CodeBlock.builder();
    for (StructLayout layout : layouts) {
      abiNames.add(layout.abi().manifestName());
      classes.add(", $T.class", names.abiClass(struct, layout.abi()));
    }
    return MethodSpec.methodBuilder("codec")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.ABI_CODEC, names.mirror(struct)))
        .addParameter(String.class, "abi")
        .addJavadoc(
            "The codec of {@code $L} on {@code abi}, one of: $L; the same instance on every call.\n\n"
                + "@throws IllegalArgumentException for an ABI this marshaller was not generated for\n",
            struct.cTypeName(),
            String.join(", ", abiNames))
        .addStatement(
            "return $T.codec($T.lookup(), $S, abi$L)",
            RuntimeTypes.ABI_RUNTIME,
            METHOD_HANDLES,
            struct.cTypeName(),
            classes.build())
        .build();
  }
}
