package org.abiguard.importer.mirror;

import java.util.Set;

/**
 * Java names from C names: {@code xen_memory_reservation} to {@code XenMemoryReservation}, {@code
 * nr_extents} to {@code nrExtents}.
 */
public final class Naming {
  private static final Set<String> JAVA_KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "_");

  private Naming() {}

  /**
   * UpperCamelCase of a C name: {@code domid_t} to {@code DomidT}, {@code __guest_handle_x} to
   * {@code GuestHandleX}.
   */
  public static String typeName(String c) {
    String camel = camel(c);
    if (camel.isEmpty()) {
      return "C";
    }
    String upper = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    return Character.isJavaIdentifierStart(upper.charAt(0)) ? upper : "C" + upper;
  }

  /** lowerCamelCase of a C member name; a Java keyword gets a trailing {@code _}. */
  public static String memberName(String c) {
    String camel = camel(c);
    if (camel.isEmpty()) {
      camel = "member";
    }
    String lower = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    if (!Character.isJavaIdentifierStart(lower.charAt(0))) {
      lower = "m" + lower;
    }
    return JAVA_KEYWORDS.contains(lower) ? lower + "_" : lower;
  }

  private static String camel(String c) {
    StringBuilder sb = new StringBuilder();
    for (String part : c.split("_")) {
      if (part.isEmpty()) {
        continue;
      }
      // an all-capitals part (RING_IDX, the IDX of xen_IDX) reads as a word: Ring, Idx
      String word =
          part.length() > 1 && part.equals(part.toUpperCase(java.util.Locale.ROOT))
              ? part.charAt(0) + part.substring(1).toLowerCase(java.util.Locale.ROOT)
              : part;
      sb.append(
          sb.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return sb.toString();
  }

  /** UPPER_SNAKE of a Java name (as the processor names OFFSET_ constants). */
  public static boolean isJavaKeyword(String s) {
    return JAVA_KEYWORDS.contains(s);
  }
}
