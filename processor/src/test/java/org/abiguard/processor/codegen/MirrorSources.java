package org.abiguard.processor.codegen;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;

/**
 * Java sources of the mirror types of fixture structs: classes with package-private fields and a
 * no-argument constructor, or records; {@code p.Outer.Foo} becomes a static member class of {@code
 * p.Outer}.
 */
final class MirrorSources {
  private MirrorSources() {}

  static List<JavaFileObject> of(List<StructModel> structs) {
    Map<String, List<StructModel>> byTopLevel = new LinkedHashMap<>();
    for (StructModel struct : structs) {
      String topLevel = qualified(struct.packageName(), struct.relativeName().split("\\.")[0]);
      byTopLevel.computeIfAbsent(topLevel, k -> new ArrayList<>()).add(struct);
    }
    List<JavaFileObject> files = new ArrayList<>();
    byTopLevel.forEach(
        (topLevel, members) ->
            files.add(JavaFileObjects.forSourceString(topLevel, source(members))));
    return files;
  }

  private static String source(List<StructModel> structs) {
    StructModel first = structs.get(0);
    StringBuilder out = new StringBuilder();
    if (!first.packageName().isEmpty()) {
      out.append("package ").append(first.packageName()).append(";\n\n");
    }
    String[] topLevelNames = first.relativeName().split("\\.");
    if (topLevelNames.length == 1) {
      return out.append(declaration(first, "public ")).toString();
    }
    out.append("public class ").append(topLevelNames[0]).append(" {\n");
    for (StructModel struct : structs) {
      out.append(declaration(struct, "public static "));
    }
    return out.append("}\n").toString();
  }

  private static String declaration(StructModel struct, String modifiers) {
    String simpleName = struct.relativeName().substring(struct.relativeName().lastIndexOf('.') + 1);
    StringBuilder out = new StringBuilder();
    if (struct.record()) {
      List<String> components = new ArrayList<>();
      for (FieldModel field : struct.fields()) {
        components.add(javaType(field.type()) + " " + field.javaName());
      }
      out.append(modifiers.replace("static ", ""))
          .append("record ")
          .append(simpleName)
          .append('(')
          .append(String.join(", ", components))
          .append(") {}\n");
      return out.toString();
    }
    out.append(modifiers).append("class ").append(simpleName).append(" {\n");
    for (FieldModel field : struct.fields()) {
      out.append("  ")
          .append(javaType(field.type()))
          .append(' ')
          .append(field.javaName())
          .append(";\n");
    }
    return out.append("}\n").toString();
  }

  static String javaType(MemberType type) {
    if (type instanceof MemberType.IntType integer) {
      return integer.javaKind().keyword();
    }
    if (type instanceof MemberType.PointerType) {
      return "long";
    }
    if (type instanceof MemberType.FloatType floating) {
      return floating.keyword();
    }
    if (type instanceof MemberType.StructType nested) {
      return nested.javaName();
    }
    return javaType(((MemberType.ArrayType) type).element()) + "[]";
  }

  private static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
