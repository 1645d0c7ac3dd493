package org.abiguard.importer.mirror;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.abiguard.importer.c.Location;
import org.abiguard.processor.model.CNames;

/** Renders mirrors and typedef annotations as Java source, as a person would write them. */
public final class JavaWriter {
  /** The simple names of abiguard's annotations, which the mirrors import from org.abiguard. */
  static final Set<String> ABIGUARD_ANNOTATIONS =
      Set.of(
          "AbiStruct",
          "AbiUnion",
          "AbiName",
          "AbiArray",
          "AbiAlign",
          "AbiBits",
          "AbiAnonymous",
          "AbiFlexible",
          "AbiWidth",
          "NativeLong",
          "Pointer",
          "U8",
          "U16",
          "U32",
          "U64",
          "S8",
          "S16",
          "S32",
          "S64");

  private JavaWriter() {}

  /**
   * The source of a top-level mirror.
   *
   * @param abis the ABIs the C compilers proved it for
   * @param abiSpecific whether it says it is for {@code abis} only ({@code abis = {...}})
   * @param imports the qualified names of the other packages' types it uses (a mirror split per
   *     group of ABIs uses the mirrors and typedef annotations all ABIs share)
   * @param where how Javadoc names a location ({@code {@code public/memory.h}, line 46})
   * @param sourceLine the declaration as the header writes it on a line, or {@code null}
   */
  public static String mirror(
      MirrorType t,
      String pkg,
      List<String> abis,
      boolean abiSpecific,
      List<String> imports,
      Function<Location, String> where,
      Function<Location, String> sourceLine) {
    Set<String> used = new TreeSet<>();
    collectImports(t, used);
    Set<String> all = new TreeSet<>(imports);
    used.forEach(i -> all.add("org.abiguard." + i));
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n");
    for (String i : all) {
      sb.append("import ").append(i).append(";\n");
    }
    sb.append("\n/**\n * {@code ")
        .append(t.cSpelling())
        .append("}, declared in ")
        .append(where.apply(t.location()))
        .append(
            ".\n *\n * <p>Imported from the C headers by abiguard-import and proven by the C compilers for ")
        .append(String.join(", ", abis))
        .append(".\n */\n");
    body(t, sb, "", false, abiSpecific ? abis : List.of(), sourceLine);
    return sb.toString();
  }

  /**
   * Whether the type's own C name or one of its members' is a name C reserves for the
   * implementation, which abiguard accepts only from a mirror that says {@code reservedNames =
   * true}.
   */
  static boolean usesReservedNames(MirrorType t) {
    if (t.cName() != null && CNames.isReserved(t.cName(), true)) {
      return true;
    }
    return t.members().stream()
        .anyMatch(m -> m.cName() != null && CNames.isReserved(m.cName(), false));
  }

  /**
   * @param onlyAbis the ABIs the mirror is for alone ({@code abis = {...}}), or empty for every ABI
   *     of the build
   */
  private static void body(
      MirrorType t,
      StringBuilder sb,
      String indent,
      boolean nested,
      List<String> onlyAbis,
      Function<Location, String> sourceLine) {
    sb.append(indent).append(t.union() ? "@AbiUnion" : "@AbiStruct");
    StringBuilder args = new StringBuilder();
    if (t.cName() != null) {
      args.append("name = \"").append(t.cName()).append('"');
      if (t.typedef()) {
        args.append(", typedef = true");
      }
    }
    if (t.cName() == null) {
      // declared inline without a tag: C cannot name it, abiguard proves it through its member
      args.append("untagged = true");
    }
    if (t.pack() != 0) {
      args.append(args.length() > 0 ? ", " : "").append("pack = ").append(t.pack());
    }
    if (t.bigEndian()) {
      // GCC's scalar_storage_order("big-endian"), which each member's compiler confirmed
      args.append(args.length() > 0 ? ", " : "").append("order = Endian.BIG");
    }
    if (usesReservedNames(t)) {
      // the headers are the implementation's (Linux's __kernel_timespec, Xen's __pad)
      args.append(args.length() > 0 ? ", " : "").append("reservedNames = true");
    }
    if (t.members().isEmpty()) {
      // GNU C's empty struct (Xen's struct arch_vcpu_info on Arm): sizeof 0
      args.append(args.length() > 0 ? ", " : "").append("empty = true");
    }
    if (!onlyAbis.isEmpty()) {
      // --abi-specific: this declaration is these ABIs' (another ABI's mirror may share its name)
      args.append(args.length() > 0 ? ", " : "").append("abis = ");
      args.append(onlyAbis.size() == 1 ? "" : "{");
      for (int i = 0; i < onlyAbis.size(); i++) {
        args.append(i == 0 ? "" : ", ").append('"').append(onlyAbis.get(i)).append('"');
      }
      args.append(onlyAbis.size() == 1 ? "" : "}");
    }
    if (args.length() > 0) {
      sb.append('(').append(args).append(')');
    }
    sb.append('\n');
    if (t.align() != 0) {
      sb.append(indent).append("@AbiAlign(").append(t.align()).append(")\n");
    }
    sb.append(indent)
        .append("public ")
        .append(nested ? "static " : "")
        .append("class ")
        .append(t.javaName())
        .append(" {\n");
    String in = indent + "  ";
    boolean structArrays = false;
    for (MirrorMember m : t.members()) {
      String line = sourceLine.apply(m.location());
      String shown =
          line != null && (m.cName() == null || line.contains(m.cName())) ? line : m.cDeclaration();
      sb.append(in)
          .append("/** {@code ")
          .append(javadoc(shown))
          .append("} (line ")
          .append(m.location().line())
          .append("). */\n");
      sb.append(in);
      if (m.cName() != null && !m.cName().equals(m.javaName())) {
        sb.append("@AbiName(\"").append(m.cName()).append("\") ");
      }
      for (String a : m.annotations()) {
        sb.append(a).append(' ');
      }
      sb.append("public ").append(m.javaType()).append(' ').append(m.javaName());
      if (m.initializer() != null) {
        sb.append(" = ").append(m.initializer());
      }
      sb.append(";\n");
      structArrays |= isStructArray(m);
    }
    if (!t.members().isEmpty()) {
      sb.append('\n');
    }
    sb.append(in)
        .append("/** An all-zero {@code ")
        .append(t.cName() == null ? t.javaName() : t.cSpelling())
        .append("}. */\n")
        .append(in)
        .append("public ")
        .append(t.javaName())
        .append("() {");
    if (structArrays) {
      sb.append('\n');
      for (MirrorMember m : t.members()) {
        if (isStructArray(m)) {
          sb.append(in)
              .append("  for (int i = 0; i < ")
              .append(m.javaName())
              .append(".length; i++) {\n")
              .append(in)
              .append("    ")
              .append(m.javaName())
              .append("[i] = new ")
              .append(m.javaType(), 0, m.javaType().length() - 2)
              .append("();\n")
              .append(in)
              .append("  }\n");
        }
      }
      sb.append(in);
    }
    sb.append("}\n");
    for (MirrorType n : t.nested()) {
      sb.append("\n")
          .append(in)
          .append("/** The ")
          .append(n.union() ? "union" : "struct")
          .append(" without a tag declared at line ")
          .append(n.location().line())
          .append(". */\n");
      body(n, sb, in, true, onlyAbis, sourceLine);
    }
    sb.append(indent).append("}\n");
  }

  private static boolean isStructArray(MirrorMember m) {
    return m.initializer() != null
        && m.javaType().endsWith("[]")
        && Character.isUpperCase(m.javaType().charAt(0))
        && m.annotations().stream().noneMatch(a -> a.equals("@AbiFlexible"));
  }

  private static void collectImports(MirrorType t, Set<String> imports) {
    imports.add(t.union() ? "AbiUnion" : "AbiStruct");
    if (t.bigEndian()) {
      imports.add("Endian");
    }
    if (t.align() != 0) {
      imports.add("AbiAlign");
    }
    for (MirrorMember m : t.members()) {
      if (m.cName() != null && !m.cName().equals(m.javaName())) {
        imports.add("AbiName");
      }
      for (String a : m.annotations()) {
        String name = a.substring(1).replaceFirst("\\(.*", "");
        if (ABIGUARD_ANNOTATIONS.contains(name)) {
          imports.add(name);
        }
      }
    }
    for (MirrorType n : t.nested()) {
      collectImports(n, imports);
    }
  }

  /** The source of a typedef annotation. */
  public static String typedefAnnotation(
      TypedefAnnotation ta, String pkg, Function<Location, String> where) {
    String meta = ta.meta().replaceFirst("\\(.*", "");
    boolean nativeLong = meta.equals("NativeLong");
    return "package "
        + pkg
        + ";\n\n"
        + "import java.lang.annotation.Documented;\n"
        + "import java.lang.annotation.ElementType;\n"
        + "import java.lang.annotation.Retention;\n"
        + "import java.lang.annotation.RetentionPolicy;\n"
        + "import java.lang.annotation.Target;\n"
        + "import org.abiguard."
        + meta
        + ";\n\n"
        + "/**\n * {@code "
        + ta.cName()
        + "}, the typedef declared in "
        + where.apply(ta.location())
        + ": "
        + javadoc(ta.perAbi())
        + ".\n *\n * <p>A typedef annotation: an element that carries {@code @"
        + ta.javaName()
        + "} is "
        + (nativeLong ? "as wide as C {@code long}" : "this width")
        + " to abiguard.\n */\n"
        + "@Documented\n@"
        + ta.meta()
        + "\n@Retention(RetentionPolicy.CLASS)\n"
        + "@Target({\n  ElementType.FIELD,\n  ElementType.PARAMETER,\n  ElementType.METHOD,\n"
        + "  ElementType.LOCAL_VARIABLE,\n  ElementType.RECORD_COMPONENT\n})\n"
        + "public @interface "
        + ta.javaName()
        + " {}\n";
  }

  /** Text safe inside {@code {@code ...}} in a Javadoc comment (C's braces are balanced). */
  private static String javadoc(String s) {
    return s.replace("*/", "*&#47;");
  }
}
