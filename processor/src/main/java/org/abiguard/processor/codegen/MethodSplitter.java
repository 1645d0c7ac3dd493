package org.abiguard.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keeps generated methods under the JVM's 64 KiB of bytecode: a method's per-member bodies go into
 * the method itself up to {@link #MEMBERS_PER_METHOD}, and past that into private methods {@code
 * <name>Members0}, {@code <name>Members1}... that the method calls in order.
 */
final class MethodSplitter {
  /**
   * Members per generated method. The largest member code (an array of structs: a length check, a
   * loop with a null check and a nested check) takes well under 100 bytes of bytecode, so 256
   * members stay far below 64 KiB.
   */
  static final int MEMBERS_PER_METHOD = 256;

  /** A parameter that a part method takes after {@code value}, and passes on by name. */
  record Parameter(TypeName type, String name) {}

  private MethodSplitter() {}

  /**
   * Adds {@code bodies} to {@code method}, or past {@link #MEMBERS_PER_METHOD} of them, adds to
   * {@code type} the part methods that hold them, each taking {@code value} (of type {@code
   * mirror}) and {@code more}, and to {@code method} the calls of the parts.
   */
  static void addBodies(
      TypeSpec.Builder type,
      MethodSpec.Builder method,
      TypeName mirror,
      String name,
      List<CodeBlock> bodies,
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
      MethodSpec.Builder partMethod =
          MethodSpec.methodBuilder(partName)
              .addJavadoc(
                  "Members $L to $L of {@link #$L}: one method would exceed the JVM's 64 KiB limit.\n",
                  from,
                  to - 1,
                  name)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(mirror, "value");
      more.forEach(p -> partMethod.addParameter(p.type(), p.name()));
      bodies.subList(from, to).forEach(partMethod::addCode);
      type.addMethod(partMethod.build());
      method.addStatement("$L($L)", partName, String.join(", ", arguments));
    }
  }
}
