package org.abiguard.processor.guard.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.SourceVersion;

/**
 * Whether a source's text may declare a class that is no member of a named class: a local class,
 * record, enum or interface, declared in a method, constructor, initializer or lambda body, or in
 * the body of an anonymous class. A cheap look at the text, before a file is parsed again: it may
 * answer yes for a file that has none, never no for a file that has one.
 *
 * <p>It reads the text as tokens (comments, string, character and text-block literals skipped), and
 * tells each opening brace by what comes before it since the last semicolon or brace: a brace whose
 * header has {@code class}, {@code interface}, {@code enum} or {@code record} followed by a name
 * opens the body of a declared type; any other (the body of a method, constructor, initializer or
 * lambda, a statement's block, an anonymous class's body, an array initializer) opens code. A type
 * declared while the innermost open brace is code is local.
 */
final class LocalTypeText {
  private LocalTypeText() {}

  static boolean mayDeclareLocalType(CharSequence text) {
    String s = text.toString();
    Deque<Boolean> typeBodies = new ArrayDeque<>(); // per open brace: whether it opened a type body
    boolean declares = false; // a type's keyword in the header since the last ; { }
    String previousWord = null; // the word before this one, in the same header
    char previous = ' '; // the last character of the token before this one
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? s.length() : end + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else if (c == '"' || c == '\'') {
        i = afterLiteral(s, i);
        previous = c;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        if (previous != '.'
            && previousWord != null
            && typeKeyword(previousWord)
            && !SourceVersion.isKeyword(word)) {
          // a keyword followed by a name declares a type (Foo.class, a variable named record
          // and record instanceof R do not)
          if (Boolean.FALSE.equals(typeBodies.peek())) {
            return true;
          }
          declares = true;
        }
        previousWord = previous == '.' ? null : word;
        previous = 'a';
      } else {
        if (c == '{') {
          typeBodies.push(declares);
          declares = false;
          previousWord = null;
        } else if (c == '}') {
          typeBodies.poll();
          declares = false;
          previousWord = null;
        } else if (c == ';') {
          declares = false;
          previousWord = null;
        } else if (c != '@') {
          previousWord = null; // @interface keeps its keyword next to the name
        }
        previous = c;
        i++;
      }
    }
    return false;
  }

  private static boolean typeKeyword(String word) {
    return switch (word) {
      case "class", "interface", "enum", "record" -> true;
      default -> false;
    };
  }

  /** Whether the character at {@code at} follows an odd number of backslashes. */
  private static boolean escaped(String s, int at) {
    int backslashes = 0;
    for (int j = at - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /**
   * The index just past the string, text-block or character literal that starts at {@code start}
   * (past the line's end, for a string or character literal not closed there).
   */
  static int afterLiteral(String s, int start) {
    if (s.startsWith("\"\"\"", start)) {
      int end = s.indexOf("\"\"\"", start + 3);
      while (end > 0 && escaped(s, end)) {
        end = s.indexOf("\"\"\"", end + 1);
      }
      return end < 0 ? s.length() : end + 3;
    }
    return endOfLiteral(s, start) + 1;
  }

  /**
   * The index of the quote that ends the string or character literal opened at {@code start} (of
   * the line's end, for one not closed there).
   */
  private static int endOfLiteral(String s, int start) {
    char quote = s.charAt(start);
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return s.length();
  }
}
