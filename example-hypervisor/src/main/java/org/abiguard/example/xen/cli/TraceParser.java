package org.abiguard.example.xen.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.abiguard.example.xen.hv.EventChannels;
import org.abiguard.example.xen.hv.GuestAbi;
import org.abiguard.example.xen.hv.Hypervisor;
import org.abiguard.example.xen.pub.DomIds;

/**
 * Parses the text of a trace (the format is documented in {@code example-hypervisor/README.md})
 * into {@link TraceLine}s, checking everything that can be checked without running it: the syntax,
 * operation and field names, numbers, and that every domain is declared before use.
 */
final class TraceParser {
  private static final Set<String> MACHINE_KEYS = Set.of("frames", "preempt");
  private static final Set<String> DOMAIN_KEYS = Set.of("abi", "max", "pages", "max_evtchn_port");

  private final OpCatalog catalog;
  private final String defaultAbi;

  /**
   * @param defaultAbi the ABI of domains whose line does not name one
   */
  TraceParser(OpCatalog catalog, String defaultAbi) {
    this.catalog = catalog;
    this.defaultAbi = defaultAbi;
  }

  TraceLine.Trace parse(String source, String text) throws TraceException {
    List<TraceLine> lines = new ArrayList<>();
    Set<Integer> domains = new HashSet<>();
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      int number = i + 1;
      String line = raw[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      List<String> tokens = tokenize(source, number, line.trim());
      if (tokens.isEmpty()) {
        continue;
      }
      TraceLine parsed = parseLine(source, number, tokens, domains, lines);
      if (parsed instanceof TraceLine.DomainDecl d) {
        domains.add(d.id());
      }
      lines.add(parsed);
    }
    return new TraceLine.Trace(source, lines);
  }

  private TraceLine parseLine(
      String source, int line, List<String> tokens, Set<Integer> domains, List<TraceLine> before)
      throws TraceException {
    String head = tokens.get(0);
    if (head.equals("machine")) {
      if (!before.isEmpty()) {
        throw new TraceException(source, line, "'machine' must be the first line of the trace");
      }
      Fields f = keyValues(source, line, tokens.subList(1, tokens.size()), MACHINE_KEYS, "machine");
      int frames = f.has("frames") ? intIn(f, "frames", 1, 1 << 22) : Hypervisor.DEFAULT_FRAMES;
      int preempt =
          f.has("preempt")
              ? intIn(f, "preempt", 0, Integer.MAX_VALUE)
              : Hypervisor.DEFAULT_PREEMPT_BUDGET;
      return new TraceLine.Machine(line, frames, preempt);
    }
    if (head.equals("domain")) {
      return parseDomain(source, line, tokens, domains);
    }
    if (head.matches("d\\d+:")) {
      int dom = Integer.parseInt(head.substring(1, head.length() - 1));
      if (!domains.contains(dom)) {
        throw new TraceException(
            source, line, "d" + dom + " is not declared; add a 'domain " + dom + "' line before");
      }
      if (tokens.size() < 2) {
        throw new TraceException(source, line, "expected an operation after '" + head + "'");
      }
      return parseCall(source, line, dom, tokens.subList(1, tokens.size()));
    }
    throw new TraceException(
        source, line, "expected 'machine', 'domain' or a call 'dN: op ...', not '" + head + "'");
  }

  private TraceLine parseDomain(String source, int line, List<String> tokens, Set<Integer> domains)
      throws TraceException {
    if (tokens.size() < 2) {
      throw new TraceException(
          source,
          line,
          "expected 'domain ID [privileged] [abi=..] [max=N] [pages=N] [max_evtchn_port=N]'");
    }
    long id =
        Fields.parse(tokens.get(1))
            .orElseThrow(
                () ->
                    new TraceException(source, line, "'" + tokens.get(1) + "' is not a domain id"));
    if (id >= DomIds.DOMID_FIRST_RESERVED) {
      throw new TraceException(
          source,
          line,
          String.format(
              "domain id %d is reserved (ids from 0x%x up name no domain)",
              id, DomIds.DOMID_FIRST_RESERVED));
    }
    if (domains.contains((int) id)) {
      throw new TraceException(source, line, "domain " + id + " is declared twice");
    }
    List<String> rest = new ArrayList<>(tokens.subList(2, tokens.size()));
    boolean privileged = rest.remove("privileged");
    Fields f = keyValues(source, line, rest, DOMAIN_KEYS, "domain");
    String abi = f.raw("abi").orElse(defaultAbi);
    if (GuestAbi.byId(abi).isEmpty()) {
      throw new TraceException(source, line, "unknown ABI '" + abi + "'; use x86_64 or i386");
    }
    long max = f.has("max") ? f.number("max") : 1024;
    long pages = f.has("pages") ? f.number("pages") : Math.min(max, 256);
    if (max > Integer.MAX_VALUE) {
      throw new TraceException(
          source, line, "max=" + max + " is more pages than a machine can have");
    }
    if (pages > max) {
      throw new TraceException(source, line, "pages=" + pages + " must not exceed max=" + max);
    }
    int maxEvtchnPort =
        f.has("max_evtchn_port")
            ? intIn(f, "max_evtchn_port", 0, Integer.MAX_VALUE)
            : EventChannels.DEFAULT_MAX_PORT;
    return new TraceLine.DomainDecl(
        line, (int) id, privileged, abi.toLowerCase(Locale.ROOT), max, pages, maxEvtchnPort);
  }

  private TraceLine parseCall(String source, int line, int dom, List<String> tokens)
      throws TraceException {
    List<String> words = new ArrayList<>(tokens);
    OptionalLong expected = OptionalLong.empty();
    int arrow = words.indexOf("->");
    if (arrow >= 0) {
      if (arrow != words.size() - 2) {
        throw new TraceException(
            source,
            line,
            "'->' must be followed by exactly one expected result, e.g. '-> -EINVAL'");
      }
      String want = words.get(arrow + 1);
      expected =
          OptionalLong.of(
              Fields.parseExpected(want)
                  .orElseThrow(
                      () ->
                          new TraceException(
                              source,
                              line,
                              "'"
                                  + want
                                  + "' is not a result: write a number or a negated errno like -EINVAL")));
      words = words.subList(0, arrow);
    }
    String op = words.get(0);
    List<String> args = words.subList(1, words.size());
    if (op.equals("write")) {
      if (expected.isPresent() || args.size() < 2) {
        throw new TraceException(
            source,
            line,
            "expected 'write ADDR BYTE...' (bytes in hex, e.g. 'write 0x1000 de ad')");
      }
      long address = number(source, line, args.get(0), "the address");
      byte[] bytes = new byte[args.size() - 1];
      for (int i = 1; i < args.size(); i++) {
        String b = args.get(i);
        if (!b.matches("[0-9a-fA-F]{1,2}")) {
          throw new TraceException(source, line, "'" + b + "' is not a byte in hex (00..ff)");
        }
        bytes[i - 1] = (byte) Integer.parseInt(b, 16);
      }
      return new TraceLine.Write(line, dom, address, bytes);
    }
    if (op.equals("memory_op")) {
      if (args.size() != 2) {
        throw new TraceException(
            source, line, "expected 'memory_op CMD ADDR' with the raw register values");
      }
      return new TraceLine.RawCall(
          line,
          dom,
          number(source, line, args.get(0), "cmd"),
          number(source, line, args.get(1), "the address"),
          expected);
    }
    if (op.equals("event_channel_op")) {
      if (args.size() != 1) {
        throw new TraceException(
            source, line, "expected 'event_channel_op ADDR' with the raw register value");
      }
      return new TraceLine.RawEventChannelCall(
          line, dom, number(source, line, args.get(0), "the address"), expected);
    }
    TraceOp traceOp =
        catalog
            .byName(op)
            .orElseThrow(
                () ->
                    new TraceException(
                        source,
                        line,
                        "unknown operation '"
                            + op
                            + "'; known: "
                            + String.join(", ", catalog.names())
                            + ", memory_op, event_channel_op, write"));
    Set<String> keys = new HashSet<>(traceOp.keys());
    keys.add("at");
    Fields f = keyValues(source, line, args, keys, op);
    if (f.has("at")) {
      f.number("at");
    }
    return new TraceLine.Call(line, dom, op, f.asMap(), expected);
  }

  private static Fields keyValues(
      String source, int line, List<String> tokens, Set<String> allowed, String what)
      throws TraceException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String token : tokens) {
      int eq = token.indexOf('=');
      if (eq <= 0 || eq == token.length() - 1) {
        throw new TraceException(source, line, "expected key=value, not '" + token + "'");
      }
      String key = token.substring(0, eq);
      if (!allowed.contains(key)) {
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        throw new TraceException(
            source,
            line,
            "unknown field '" + key + "' for " + what + "; known: " + String.join(", ", sorted));
      }
      if (values.put(key, token.substring(eq + 1)) != null) {
        throw new TraceException(source, line, "field '" + key + "' is given twice");
      }
    }
    return new Fields(source, line, values);
  }

  private static int intIn(Fields f, String key, int min, int max) throws TraceException {
    long v = f.number(key);
    if (v < min || v > max) {
      throw f.error(key + "=" + v + " is out of range " + min + ".." + max);
    }
    return (int) v;
  }

  private static long number(String source, int line, String text, String what)
      throws TraceException {
    return Fields.parse(text)
        .orElseThrow(
            () ->
                new TraceException(
                    source, line, "'" + text + "' is not a number (for " + what + ")"));
  }

  /** Splits on blanks, keeping {@code [...]} lists (which may contain blanks) in one token. */
  private static List<String> tokenize(String source, int line, String text) throws TraceException {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth < 0) {
          throw new TraceException(source, line, "']' without '['");
        }
      }
      if (Character.isWhitespace(c) && depth == 0) {
        if (current.length() > 0) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else if (!Character.isWhitespace(c)) {
        current.append(c);
      }
    }
    if (depth != 0) {
      throw new TraceException(source, line, "'[' without ']'");
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
