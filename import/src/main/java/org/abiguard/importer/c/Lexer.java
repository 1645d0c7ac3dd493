package org.abiguard.importer.c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the output of {@code cc -E -dD} into tokens. Line markers ({@code # 12 "x.h" 2}) set the
 * location of the following tokens; {@code #pragma pack(...)} becomes a {@link
 * Token.Kind#PRAGMA_PACK} token and {@code #pragma scalar_storage_order ...} a {@link
 * Token.Kind#PRAGMA_STORAGE_ORDER} token; every other directive ({@code #define}, {@code #undef},
 * other pragmas) is skipped.
 */
public final class Lexer {
  private static final Pattern LINE_MARKER =
      Pattern.compile("#\\s*(?:line\\s+)?(\\d+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*");
  private static final Pattern PRAGMA_PACK =
      Pattern.compile("#\\s*pragma\\s+pack\\s*\\((.*)\\)\\s*");
  private static final Pattern PRAGMA_STORAGE_ORDER =
      Pattern.compile("#\\s*pragma\\s+scalar_storage_order\\s+(\\S+)\\s*");
  private static final String[] PUNCTUATORS = {
    "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=",
    "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"
  };

  private Lexer() {}

  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    String file = "<stdin>";
    int line = 1;
    int pos = 0;
    int n = text.length();
    boolean lineStart = true;
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
        lineStart = true;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
        continue;
      }
      if (c == '#' && lineStart) {
        int end = text.indexOf('\n', pos);
        if (end < 0) {
          end = n;
        }
        // a directive may continue over backslash-newlines (only in #define bodies)
        while (end > pos && end < n && text.charAt(end - 1) == '\\') {
          int next = text.indexOf('\n', end + 1);
          line++;
          end = next < 0 ? n : next;
        }
        String directive = text.substring(pos, end).trim();
        Matcher marker = LINE_MARKER.matcher(directive);
        Matcher pack = PRAGMA_PACK.matcher(directive);
        Matcher order = PRAGMA_STORAGE_ORDER.matcher(directive);
        if (marker.matches()) {
          file = marker.group(2).replace("\\\\", "\\");
          line = Integer.parseInt(marker.group(1)) - 1; // the newline ending the marker adds one
        } else if (pack.matches()) {
          out.add(
              new Token(Token.Kind.PRAGMA_PACK, pack.group(1).trim(), new Location(file, line)));
        } else if (order.matches()) {
          out.add(
              new Token(Token.Kind.PRAGMA_STORAGE_ORDER, order.group(1), new Location(file, line)));
        }
        pos = end;
        continue;
      }
      lineStart = false;
      Location at = new Location(file, line);
      if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = pos;
        while (pos < n
            && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
          pos++;
        }
        // L"..." / u8'...' prefixes belong to the literal
        if (pos < n
            && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')
            && text.substring(start, pos).matches("L|u|U|u8")) {
          pos = literal(text, pos, at, out, start);
          continue;
        }
        out.add(new Token(Token.Kind.IDENT, text.substring(start, pos), at));
        continue;
      }
      if (Character.isDigit(c)
          || (c == '.' && pos + 1 < n && Character.isDigit(text.charAt(pos + 1)))) {
        int start = pos;
        pos++;
        while (pos < n) {
          char d = text.charAt(pos);
          boolean sign = (d == '+' || d == '-') && "eEpP".indexOf(text.charAt(pos - 1)) >= 0;
          if (sign || Character.isLetterOrDigit(d) || d == '.' || d == '_') {
            pos++;
          } else {
            break;
          }
        }
        out.add(new Token(Token.Kind.NUMBER, text.substring(start, pos), at));
        continue;
      }
      if (c == '"' || c == '\'') {
        pos = literal(text, pos, at, out, pos);
        continue;
      }
      if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') { // -C leaves comments; be safe
        int end = text.indexOf("*/", pos + 2);
        end = end < 0 ? n : end + 2;
        for (int i = pos; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        pos = end;
        continue;
      }
      if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '/') {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? n : end;
        continue;
      }
      String punct = String.valueOf(c);
      for (String p : PUNCTUATORS) {
        if (text.startsWith(p, pos)) {
          punct = p;
          break;
        }
      }
      out.add(new Token(Token.Kind.PUNCT, punct, at));
      pos += punct.length();
    }
    out.add(new Token(Token.Kind.EOF, "<end of input>", new Location(file, line)));
    return out;
  }

  private static int literal(String text, int pos, Location at, List<Token> out, int start) {
    char quote = text.charAt(pos);
    int i = pos + 1;
    while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    i = Math.min(i + 1, text.length());
    out.add(
        new Token(
            quote == '"' ? Token.Kind.STRING : Token.Kind.CHAR, text.substring(start, i), at));
    return i;
  }
}
