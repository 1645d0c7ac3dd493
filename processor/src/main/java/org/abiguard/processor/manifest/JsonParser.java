package org.abiguard.processor.manifest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259): no comments, no trailing commas, no duplicate keys,
 * nothing after the value. Every value remembers the line and column (both from 1) where it starts,
 * so that readers of the tree can say where a problem is; syntax errors say it too.
 */
public final class JsonParser {
  private static final int MAX_DEPTH = 256;

  /** A parsed value and where it starts in the text. */
  public sealed interface JsonValue {
    int line();

    int column();

    /** {@code line L, column C}. */
    default String position() {
      return "line " + line() + ", column " + column();
    }

    /** A readable name of the value's JSON type, for error messages. */
    default String typeName() {
      if (this instanceof JsonObject) {
        return "an object";
      } else if (this instanceof JsonArray) {
        return "an array";
      } else if (this instanceof JsonString) {
        return "a string";
      } else if (this instanceof JsonNumber) {
        return "a number";
      } else if (this instanceof JsonBoolean) {
        return "a boolean";
      }
      return "null";
    }
  }

  /** An object; its members keep their order. */
  public record JsonObject(Map<String, JsonValue> members, int line, int column)
      implements JsonValue {}

  /** An array. */
  public record JsonArray(List<JsonValue> elements, int line, int column) implements JsonValue {}

  /** A string, escapes resolved. */
  public record JsonString(String value, int line, int column) implements JsonValue {}

  /** A number, exactly as written. */
  public record JsonNumber(BigDecimal value, int line, int column) implements JsonValue {}

  /** {@code true} or {@code false}. */
  public record JsonBoolean(boolean value, int line, int column) implements JsonValue {}

  /** {@code null}. */
  public record JsonNull(int line, int column) implements JsonValue {}

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that makes up the whole text. A leading byte order mark, which some
   * editors add, is skipped (RFC 8259 allows parsers to ignore it); columns do not count it.
   *
   * @throws IllegalArgumentException on any syntax error, with line and column
   */
  public static JsonValue parse(String text) {
    JsonParser p = new JsonParser(text);
    if (text.startsWith("\uFEFF")) {
      p.pos = 1;
      p.lineStart = 1;
    }
    p.skipWhitespace();
    JsonValue value = p.value(0);
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.describeHere() + " after the JSON value");
    }
    return value;
  }

  private JsonValue value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("values nested more than " + MAX_DEPTH + " deep");
    }
    if (pos >= text.length()) {
      throw error("unexpected end of text, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> {
        int l = line;
        int col = column();
        yield new JsonString(string(), l, col);
      }
      case 't' -> literal("true", new JsonBoolean(true, line, column()));
      case 'f' -> literal("false", new JsonBoolean(false, line, column()));
      case 'n' -> literal("null", new JsonNull(line, column()));
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected " + describeHere() + ", expected a value");
      }
    };
  }

  private int columnOf(int at) {
    return at - lineStart + 1;
  }

  private int column() {
    return columnOf(pos);
  }

  private JsonObject object(int depth) {
    int l = line;
    int c = column();
    pos++; // {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonObject(Collections.unmodifiableMap(members), l, c);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("unexpected " + describeHere() + ", expected a member name in double quotes");
      }
      int keyLine = line;
      int keyColumn = column();
      String key = string();
      skipWhitespace();
      expect(':', "after member name \"" + key + "\"");
      skipWhitespace();
      JsonValue v = value(depth + 1);
      if (members.putIfAbsent(key, v) != null) {
        throw new IllegalArgumentException(
            "line "
                + keyLine
                + ", column "
                + keyColumn
                + ": duplicate member name \""
                + key
                + "\"");
      }
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}', "or ',' in an object");
      return new JsonObject(Collections.unmodifiableMap(members), l, c);
    }
  }

  private JsonArray array(int depth) {
    int l = line;
    int c = column();
    pos++; // [
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(List.copyOf(elements), l, c);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']', "or ',' in an array");
      return new JsonArray(List.copyOf(elements), l, c);
    }
  }

  /** Reads a string starting at the opening quote. */
  private String string() {
    pos++; // "
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unexpected end of text inside a string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw error(
            "control character U+"
                + String.format("%04X", (int) c)
                + " inside a string; write it as an escape");
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        throw error("unexpected end of text inside a string");
      }
      char e = text.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 6 > text.length()) {
            throw error("incomplete \\u escape");
          }
          int code = 0;
          for (int i = pos + 2; i < pos + 6; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
              throw error("invalid \\u escape, expected four hex digits");
            }
            code = code * 16 + digit;
          }
          sb.append((char) code);
          pos += 4;
        }
        default -> throw error("invalid escape '\\" + e + "' in a string");
      }
      pos += 2;
    }
  }

  private JsonNumber number() {
    int l = line;
    int c = column();
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("invalid number, expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("invalid number, expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("invalid number, expected a digit in the exponent");
      }
      digits();
    }
    if (isDigit(peek())) {
      throw error("invalid number, no leading zeros allowed");
    }
    return new JsonNumber(new BigDecimal(text.substring(start, pos)), l, c);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeHere() + ", expected a value");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c, String context) {
    if (peek() != c) {
      throw error("unexpected " + describeHere() + ", expected '" + c + "' " + context);
    }
    pos++;
  }

  /** The character at the position, or -1 at the end. */
  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeHere() {
    if (pos >= text.length()) {
      return "end of text";
    }
    char c = text.charAt(pos);
    return c < 0x20 || c == 0x7f ? "character U+" + String.format("%04X", (int) c) : "'" + c + "'";
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("line " + line + ", column " + column() + ": " + message);
  }
}
