package org.abiguard.processor.codegen;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.StructModel;

/**
 * Names of the generated constants: {@code OFFSET_<FIELD>} with the Java field name in upper snake
 * case ({@code nr_extents} and {@code nrExtents} both become {@code NR_EXTENTS}).
 */
public final class ConstantNames {
  private ConstantNames() {}

  /**
   * {@code nrExtents}, {@code nr_extents} → {@code NR_EXTENTS}; {@code XMLData} → {@code XML_DATA}.
   */
  public static String upperSnake(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && startsWord(javaName, i)) {
        appendUnderscore(out);
      }
      if (c == '_') {
        appendUnderscore(out);
      } else {
        out.append(Character.toUpperCase(c));
      }
    }
    String result = out.toString();
    return result.isEmpty() ? javaName.toUpperCase(Locale.ROOT) : result;
  }

  /** An upper-case letter starts a word after a lower-case letter or digit, or ends an acronym. */
  private static boolean startsWord(String name, int i) {
    char before = name.charAt(i - 1);
    if (Character.isLowerCase(before) || Character.isDigit(before)) {
      return true;
    }
    boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    return Character.isUpperCase(before) && nextIsLower;
  }

  private static void appendUnderscore(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
      out.append('_');
    }
  }

  /** The offset constant of a member: {@code OFFSET_NR_EXTENTS}. */
  public static String offsetConstant(FieldModel field) {
    return "OFFSET_" + upperSnake(field.javaName());
  }

  /**
   * Members whose offset constants would clash (e.g. fields {@code nrExtents} and {@code
   * nr_extents}), as constant name → the Java names that map to it; empty when all are distinct.
   * The struct stage reports these; the generator refuses them.
   */
  public static Map<String, String> clashes(StructModel struct) {
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, String> clashes = new LinkedHashMap<>();
    for (FieldModel field : struct.fields()) {
      String constant = offsetConstant(field);
      String earlier = first.putIfAbsent(constant, field.javaName());
      if (earlier != null) {
        clashes.merge(
            constant, earlier + ", " + field.javaName(), (a, b) -> a + ", " + field.javaName());
      }
    }
    return clashes;
  }
}
