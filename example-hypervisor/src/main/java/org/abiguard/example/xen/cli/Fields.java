package org.abiguard.example.xen.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abiguard.example.xen.pub.DomIds;
import org.abiguard.example.xen.pub.Errno;
import org.abiguard.example.xen.pub.XenMapSpace;

/**
 * The {@code key=value} fields of one trace line, with the parsing of numbers, lists and symbolic
 * names, and errors that name the line.
 */
final class Fields {
  private final String source;
  private final int line;
  private final Map<String, String> values;

  Fields(String source, int line, Map<String, String> values) {
    this.source = source;
    this.line = line;
    this.values = new LinkedHashMap<>(values);
  }

  TraceException error(String message) {
    return new TraceException(source, line, message);
  }

  /** The fields in the order given. */
  Map<String, String> asMap() {
    return new LinkedHashMap<>(values);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Optional<String> raw(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The number in field {@code key} (decimal or 0x hex, up to 64 bits unsigned). */
  long number(String key) throws TraceException {
    return parseNumber(values.get(key), key);
  }

  /** A {@code domid_t}: a number, {@code self} / {@code DOMID_SELF} or another reserved name. */
  long domid(String key) throws TraceException {
    String v = values.get(key);
    for (int id = DomIds.DOMID_FIRST_RESERVED; id <= DomIds.DOMID_IDLE; id++) {
      String name = DomIds.reservedName(id).orElse(null);
      if (name != null
          && (v.equalsIgnoreCase(name) || v.equalsIgnoreCase(name.substring("DOMID_".length())))) {
        return id;
      }
    }
    return parseNumber(v, key);
  }

  /** A {@code XENMAPSPACE_*} name ({@code gmfn}, {@code XENMAPSPACE_gmfn}) or a number. */
  long space(String key) throws TraceException {
    String v = values.get(key);
    String bare = v.regionMatches(true, 0, "XENMAPSPACE_", 0, 12) ? v.substring(12) : v;
    Optional<Integer> named = XenMapSpace.byName(bare);
    return named.isPresent() ? named.get() : parseNumber(v, key);
  }

  /** True if field {@code key} holds a bracketed list {@code [a,b,...]}. */
  boolean isList(String key) {
    String v = values.get(key);
    return v != null && v.startsWith("[");
  }

  /** The items of a bracketed list, unparsed. */
  List<String> listItems(String key) throws TraceException {
    String v = values.get(key);
    if (!v.startsWith("[") || !v.endsWith("]")) {
      throw error("field '" + key + "' must be a list like [0x10,0x11], not '" + v + "'");
    }
    String inner = v.substring(1, v.length() - 1).trim();
    List<String> items = new ArrayList<>();
    if (!inner.isEmpty()) {
      for (String item : inner.split(",", -1)) {
        if (item.isBlank()) {
          throw error("field '" + key + "' has an empty list item: '" + v + "'");
        }
        items.add(item.trim());
      }
    }
    return items;
  }

  /** The numbers of a bracketed list. */
  List<Long> numbers(String key) throws TraceException {
    List<Long> numbers = new ArrayList<>();
    for (String item : listItems(key)) {
      numbers.add(parseNumber(item, key));
    }
    return numbers;
  }

  long parseNumber(String text, String what) throws TraceException {
    return parse(text)
        .orElseThrow(() -> error("'" + text + "' is not a number (for " + what + ")"));
  }

  /** A number: decimal or {@code 0x} hex, at most 64 bits unsigned. */
  static Optional<Long> parse(String text) {
    try {
      String t = text.toLowerCase(Locale.ROOT).replace("_", "");
      if (t.startsWith("0x") && t.length() > 2) {
        return Optional.of(Long.parseUnsignedLong(t.substring(2), 16));
      }
      if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
        return Optional.of(Long.parseUnsignedLong(t));
      }
    } catch (NumberFormatException e) {
      // not a number
    }
    return Optional.empty();
  }

  /** An expected result: a count, or a negated errno by number or name ({@code -EINVAL}). */
  static Optional<Long> parseExpected(String text) {
    if (text.startsWith("-")) {
      String rest = text.substring(1);
      Optional<Integer> errno = Errno.byName(rest);
      if (errno.isPresent()) {
        return Optional.of((long) -errno.get());
      }
      return parse(rest).filter(n -> n >= 0).map(n -> -n);
    }
    return parse(text);
  }
}
