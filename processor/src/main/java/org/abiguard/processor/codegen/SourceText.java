package org.abiguard.processor.codegen;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a generated source file, from JavaPoet's output with two finishing steps.
 *
 * <p><b>Compact</b>: JavaPoet writes every Javadoc over three lines at least and a blank line
 * between all members. A marshaller is mostly constants, so a one-line Javadoc becomes {@code /**
 * text *}{@code /}, consecutive constants stand on consecutive lines, and an empty body closes on
 * its own line ({@code private FooMarshaller() {}}). This relies only on the layout JavaPoet gives
 * every member; code is not touched.
 *
 * <p><b>ASCII</b>: the Filer writes a generated source in the compilation's encoding ({@code
 * -encoding}, else the platform's: US-ASCII under {@code LANG=C} on JDK 17), where a non-ASCII
 * identifier of a mirror would become {@code ??}. Every character outside ASCII is therefore
 * written as a Unicode escape, which javac translates before anything else, in identifiers,
 * literals and comments alike.
 */
public final class SourceText {
  private static final Pattern CONSTANT =
      Pattern.compile("\\s*(public |private )?static final [^(]* = [^(]*;");
  private static final Pattern ONE_LINE_DOC = Pattern.compile("\\s*/\\*\\* .* \\*/");

  private SourceText() {}

  /** The file's source, compacted, with every non-ASCII character escaped. */
  public static String of(JavaFile file) {
    return ascii(compact(file.toString()));
  }

  /**
   * JavaPoet's output with one-line Javadoc, constants on consecutive lines, empty bodies closed.
   */
  static String compact(String source) {
    String[] lines = source.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.trim().equals("/**")
          && i + 2 < lines.length
          && lines[i + 2].trim().equals("*/")
          && lines[i + 1].trim().startsWith("* ")) {
        out.add(
            line.substring(0, line.indexOf('/'))
                + "/** "
                + lines[i + 1].trim().substring(2)
                + " */");
        i += 2;
      } else if (line.endsWith(") {")
          && i + 1 < lines.length
          && lines[i + 1].equals(line.substring(0, indent(line)) + "}")) {
        out.add(line + "}");
        i++;
      } else {
        out.add(line);
      }
    }
    List<String> joined = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      String line = out.get(i);
      if (line.isEmpty()
          && i > 0
          && i + 1 < out.size()
          && CONSTANT.matcher(out.get(i - 1)).matches()
          && startsConstant(out, i + 1)) {
        continue;
      }
      joined.add(line);
    }
    return String.join("\n", joined);
  }

  private static boolean startsConstant(List<String> lines, int i) {
    if (CONSTANT.matcher(lines.get(i)).matches()) {
      return true;
    }
    return ONE_LINE_DOC.matcher(lines.get(i)).matches()
        && i + 1 < lines.size()
        && CONSTANT.matcher(lines.get(i + 1)).matches();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * {@code source} with each UTF-16 unit above {@code 0x7F} written as a Unicode escape. A
   * backslash before it is never a problem: JavaPoet writes a backslash in a literal as two, so the
   * escape's own backslash always follows an even number of them.
   */
  static String ascii(String source) {
    StringBuilder out = null;
    for (int i = 0; i < source.length(); i++) {
      char ch = source.charAt(i);
      if (ch > 0x7F) {
        if (out == null) {
          out = new StringBuilder(source.length() + 16).append(source, 0, i);
        }
        out.append(String.format("\\u%04x", (int) ch));
      } else if (out != null) {
        out.append(ch);
      }
    }
    return out == null ? source : out.toString();
  }
}
