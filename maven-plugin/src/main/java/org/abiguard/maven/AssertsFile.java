package org.abiguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's {@code abi-asserts.h}, read so that a compiler diagnostic on one of its lines can be
 * told as the assertion of that line: which Java mirror and member, which C expression, what value
 * the mirror expects.
 */
final class AssertsFile {
  private static final Pattern ASSERT =
      Pattern.compile("^\\s*_Static_assert\\((.*) == (\\d+), \"((?:[^\"\\\\]|\\\\.)*)\"\\);\\s*$");

  /**
   * One {@code _Static_assert(expression == expected, "message")}.
   *
   * @param message the C string's text, which names the mirror and member: {@code p.Foo.bar:
   *     offsetof(struct foo, bar) must be 4 (x86_64)}
   */
  record Assertion(int line, String expression, long expected, String message) {
    /**
     * Whether it asserts on a member ({@code offsetof(...)}, {@code sizeof(((T *)0)->m)}), not a
     * whole type.
     */
    boolean onMember() {
      return expression.startsWith("offsetof(") || expression.contains("->");
    }
  }

  private static final Pattern CONDITION =
      Pattern.compile("^#(?:el)?if defined\\((\\w+)\\)(?:\\s*&&\\s*defined\\(\\w+\\))*\\s*$");

  private final Path path;
  private final List<String> lines;

  private AssertsFile(Path path, List<String> lines) {
    this.path = path;
    this.lines = lines;
  }

  static AssertsFile read(Path path) throws IOException {
    return new AssertsFile(path, Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  Path path() {
    return path;
  }

  /** The assertion on line {@code line} (1-based), if that line is one. */
  Optional<Assertion> at(int line) {
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    Matcher m = ASSERT.matcher(lines.get(line - 1));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Assertion(line, m.group(1), Long.parseLong(m.group(2)), unescape(m.group(3))));
  }

  /**
   * How many assertions the file makes where {@code macro} (the ABI's, {@code __x86_64__}) is
   * defined: those inside its {@code #if defined(...)} / {@code #elif defined(...)} blocks.
   */
  int assertionsFor(String macro) {
    int count = 0;
    boolean inside = false;
    for (String line : lines) {
      Matcher m = CONDITION.matcher(line);
      if (m.matches()) {
        inside = m.group(1).equals(macro);
      } else if (line.startsWith("#endif")) {
        inside = false;
      } else if (inside && line.startsWith("_Static_assert(")) {
        count++;
      }
    }
    return count;
  }

  /** The text of a C string literal's body as the processor writes it (\" \\ and octal escapes). */
  static String unescape(String body) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
        continue;
      }
      char next = body.charAt(++i);
      if (next >= '0' && next <= '7') {
        int end = i;
        while (end < body.length()
            && end < i + 3
            && body.charAt(end) >= '0'
            && body.charAt(end) <= '7') {
          end++;
        }
        sb.append((char) Integer.parseInt(body.substring(i, end), 8));
        i = end - 1;
      } else {
        sb.append(next);
      }
    }
    return sb.toString();
  }
}
