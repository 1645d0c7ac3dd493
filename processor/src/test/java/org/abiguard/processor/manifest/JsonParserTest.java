package org.abiguard.processor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.abiguard.processor.manifest.JsonParser.JsonArray;
import org.abiguard.processor.manifest.JsonParser.JsonBoolean;
import org.abiguard.processor.manifest.JsonParser.JsonNull;
import org.abiguard.processor.manifest.JsonParser.JsonNumber;
import org.abiguard.processor.manifest.JsonParser.JsonObject;
import org.abiguard.processor.manifest.JsonParser.JsonString;
import org.abiguard.processor.manifest.JsonParser.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParserTest {

  @Test
  void parsesEveryKindOfValueWithPositions() {
    JsonObject o =
        (JsonObject)
            JsonParser.parse("{\"a\": [1, -2.5e3, true, false, null],\n  \"b\": {\"c\": \"x\"}}");
    assertEquals(List.of("a", "b"), List.copyOf(o.members().keySet()));
    JsonArray a = (JsonArray) o.members().get("a");
    assertEquals(new BigDecimal("1"), ((JsonNumber) a.elements().get(0)).value());
    assertEquals(new BigDecimal("-2.5e3"), ((JsonNumber) a.elements().get(1)).value());
    assertEquals(true, ((JsonBoolean) a.elements().get(2)).value());
    assertEquals(false, ((JsonBoolean) a.elements().get(3)).value());
    assertInstanceOf(JsonNull.class, a.elements().get(4));
    assertEquals("line 1, column 7", a.position());
    assertEquals("line 1, column 11", a.elements().get(1).position());
    JsonObject b = (JsonObject) o.members().get("b");
    assertEquals("line 2, column 8", b.position());
    JsonString c = (JsonString) b.members().get("c");
    assertEquals("x", c.value());
    assertEquals("line 2, column 14", c.position());
  }

  @Test
  void resolvesEscapes() {
    JsonValue v = JsonParser.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u2028\"");
    assertEquals("q\" b\\ s/ \b\f\n\r\t \u00e9\u2028", ((JsonString) v).value());
  }

  @Test
  void emptyContainersAndSurroundingWhitespace() {
    JsonObject o = (JsonObject) JsonParser.parse(" \r\n\t{ \"a\" : [ ] , \"b\" : { } }\n");
    assertEquals(List.of(), ((JsonArray) o.members().get("a")).elements());
    assertEquals(0, ((JsonObject) o.members().get("b")).members().size());
  }

  @Test
  void skipsALeadingByteOrderMark() {
    JsonArray a = (JsonArray) JsonParser.parse("\uFEFF[1]");
    assertEquals("line 1, column 1", a.position());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[\uFEFF]"));
    assertEquals("line 1, column 2: unexpected '\uFEFF', expected a value", e.getMessage());
  }

  @Test
  void writerQuotingRoundTrips() {
    String s = "a\"b\\c\nd\u0001e\u007f\u2028é";
    assertEquals(s, ((JsonString) JsonParser.parse(ManifestWriter.quote(s))).value());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|line 1, column 1: unexpected end of text, expected a value",
        "`{\"a\": 1,}`|line 1, column 9: unexpected '}', expected a member name in double quotes",
        "`[1, 2,]`|line 1, column 7: unexpected ']', expected a value",
        "`{\"a\" 1}`|line 1, column 6: unexpected '1', expected ':' after member name \"a\"",
        "`{\"a\": 1 \"b\": 2}`|line 1, column 9: unexpected '\"', expected '}' or ',' in an object",
        "`[1 2]`|line 1, column 4: unexpected '2', expected ']' or ',' in an array",
        "`{\"a\": 1, \"a\": 2}`|line 1, column 10: duplicate member name \"a\"",
        "`{} {}`|line 1, column 4: unexpected '{' after the JSON value",
        "`[01]`|line 1, column 3: invalid number, no leading zeros allowed",
        "`[1.]`|line 1, column 4: invalid number, expected a digit after '.'",
        "`[1e]`|line 1, column 4: invalid number, expected a digit in the exponent",
        "`[-]`|line 1, column 3: invalid number, expected a digit",
        "`[+1]`|line 1, column 2: unexpected '+', expected a value",
        "`[tru]`|line 1, column 2: unexpected 't', expected a value",
        "`[nul]`|line 1, column 2: unexpected 'n', expected a value",
        "`// c\n{}`|line 1, column 1: unexpected '/', expected a value",
        "`{'a': 1}`|line 1, column 2: unexpected ''', expected a member name in double quotes",
        "`[\"abc`|line 1, column 6: unexpected end of text inside a string",
        "`[\"a\\x\"]`|line 1, column 4: invalid escape '\\x' in a string",
        "`[\"\\u12G4\"]`|line 1, column 3: invalid \\u escape, expected four hex digits",
        "`{\n  \"a\": [1,\n   2,\n   }`|line 4, column 4: unexpected '}', expected a value",
      })
  void rejectsWithLineAndColumn(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsRawControlCharactersInStrings() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[\"a\tb\"]"));
    assertEquals(
        "line 1, column 4: control character U+0009 inside a string; write it as an escape",
        e.getMessage());
  }

  @Test
  void rejectsDeepNestingInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(100_000);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(deep));
    assertEquals("line 1, column 258: values nested more than 256 deep", e.getMessage());
  }
}
