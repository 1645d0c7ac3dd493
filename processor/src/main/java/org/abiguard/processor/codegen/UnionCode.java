package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;

/**
 * What a union's marshaller has beyond a struct's: the {@code Member} enum that names each member,
 * {@code selected(value)} (the one member that is set), and {@code check(value)} and {@code
 * write(value, buf, offset)} of the selected member. The ABI class also gets {@code read(buf,
 * offset, member)}, {@code check(value, member)} and {@code write(value, member, buf, offset)} from
 * {@link AbiClassWriter}.
 *
 * <p>A member is set when it is a struct, union or array that is not null, or a number that is not
 * 0. No member set writes zeros (the bytes of every member's zero); more than one is an {@code
 * IllegalArgumentException} before anything is written.
 */
final class UnionCode {
  private final StructLayout layout;
  private final StructModel union;
  private final MemberContext cx;
  private final ClassName memberEnum;
  private final ClassName mirror;
  private final String messageAbis;

  /**
   * @param messageAbis how the bounds messages name the ABIs whose code this is ({@code x86_64 and
   *     aarch64})
   */
  UnionCode(StructLayout layout, MemberContext cx, ClassName memberEnum, String messageAbis) {
    this.layout = layout;
    this.messageAbis = messageAbis;
    this.union = layout.struct();
    this.cx = cx;
    this.memberEnum = memberEnum;
    this.mirror = cx.names().mirror(union);
  }

  /** The members a caller can choose: every member but unnamed bit-fields. */
  static List<FieldLayout> choosable(StructLayout layout) {
    List<FieldLayout> members = new ArrayList<>();
    for (FieldLayout f : layout.fields()) {
      if (!f.field().unnamed()) {
        members.add(f);
      }
    }
    return members;
  }

  /** {@code public enum Member { A, B }} of the top-level marshaller. */
  static TypeSpec memberEnum(ClassName name, StructLayout layout, CDeclarations c) {
    TypeSpec.Builder e =
        TypeSpec.enumBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "The members of {@code $L}: which one a {@code read}, {@code check} or {@code write} handles.\n",
                layout.struct().cTypeName());
    for (FieldLayout f : choosable(layout)) {
      e.addEnumConstant(
          ConstantNames.upperSnake(f.field().javaName()),
          TypeSpec.anonymousClassBuilder("").addJavadoc("{@code $L}\n", c.member(f)).build());
    }
    return e.build();
  }

  /** {@code selected(value)}: the one member that is set, or null. */
  MethodSpec selected() {
    ClassName member = memberEnum;
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("selected")
            .addJavadoc(
                "The member of {@code value} that {@code write(value, buf, offset)} writes: the one that is\n"
                    + "set (a struct, union or array that is not null, a number whose bits are not all 0), or null when none is.\n\n"
                    + "@throws NullPointerException if {@code value} is null\n"
                    + "@throws IllegalArgumentException if more than one member is set\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(member)
            .addParameter(mirror, "value")
            .addStatement(
                "$T.requireNonNull(value, $S)", RuntimeTypes.ABI_RUNTIME, union.cTypeName())
            .addStatement("$T found = null", member);
    for (FieldLayout f : choosable(layout)) {
      String constant = ConstantNames.upperSnake(f.field().javaName());
      method
          .beginControlFlow("if ($L)", isSet(f))
          .beginControlFlow("if (found != null)")
          .addStatement(
              "throw $T.twoMembersSet($S, found, $T.$L)",
              RuntimeTypes.ABI_RUNTIME,
              union.cTypeName(),
              member,
              constant)
          .endControlFlow()
          .addStatement("found = $T.$L", member, constant)
          .endControlFlow();
    }
    return method.addStatement("return found").build();
  }

  private CodeBlock isSet(FieldLayout f) {
    CodeBlock access = cx.access(f);
    MemberType type = f.field().type();
    boolean reference =
        type instanceof MemberType.StructType || type instanceof MemberType.ArrayType;
    if (reference) {
      return CodeBlock.of("$L != null", access);
    }
    if (type instanceof MemberType.FloatType floating) {
      // by its bits: -0.0 is set (its sign bit is), though -0.0 == 0
      return CodeBlock.of("$L != 0", ScalarCode.floating(floating).rawBits(access));
    }
    return CodeBlock.of("$L != 0", access);
  }

  /** {@code check(value)}: the selected member, if any. */
  MethodSpec check() {
    return MethodSpec.methodBuilder("check")
        .addJavadoc(
            "Checks that the member of {@code value} that is set (see {@link #selected}) can be written\n"
                + "on $L. Writes nothing.\n\n"
                + "@throws NullPointerException if {@code value} is null\n"
                + "@throws IllegalArgumentException if more than one member is set\n"
                + "@throws $T if the member's value does not fit its C width\n",
            layout.abi().manifestName(),
            RuntimeTypes.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(mirror, "value")
        .addStatement("$T member = selected(value)", memberEnum)
        .beginControlFlow("if (member != null)")
        .addStatement("check(value, member)")
        .endControlFlow()
        .build();
  }

  /** {@code write(value, buf, offset)}: the selected member, or zeros. */
  MethodSpec write(Access access) {
    return MethodSpec.methodBuilder("write")
        .addJavadoc(
            "Writes the member of {@code value} that is set (see {@link #selected}) as {@code $L} laid\n"
                + "out on $L at {@code offset}, the union's other bytes zero; all zeros when no member is set.\n"
                + "Changes neither the buffer's position nor its order; when it throws, the buffer is unchanged.\n\n"
                + "@throws NullPointerException if {@code value} is null\n"
                + "@throws IllegalArgumentException if more than one member is set\n"
                + "@throws $T if the member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the union would end\n"
                + "    past {@code buf.limit()}\n",
            union.cTypeName(),
            layout.abi().manifestName(),
            RuntimeTypes.RANGE_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(mirror, "value")
        .addParameter(access.memoryType(), access.memory())
        .addParameter(access.offsetType(), "offset")
        .addStatement("$T member = selected(value)", memberEnum)
        .beginControlFlow("if (member != null)")
        .addStatement("write(value, member, $L, offset)", access.memory())
        .addStatement("return")
        .endControlFlow()
        .addCode(
            access.prologue(
                union,
                messageAbis,
                CodeBlock.of("SIZE"),
                false,
                AbiClassWriter.scalarsOnly(layout)))
        .addCode(access.zero(CodeBlock.of("offset"), layout.size(), "no member is set"))
        .build();
  }
}
