package org.abiguard.importer.cc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Integer constant expressions the C compilers evaluate: sizes, alignments, array lengths,
 * signedness. Each is written into {@code const unsigned long long abiguard_probe[]} in a C file
 * that includes the headers, compiled with {@code -S} by each ABI's compiler (no program runs, so
 * cross compilers work) and read back from the assembly. An expression a compiler rejects is
 * dropped with the compiler's message and the rest are compiled again.
 */
public final class Probes {
  private static final Pattern ERROR =
      Pattern.compile("(?m)^([^:\\n]+):(\\d+):(?:\\d+:)? (?:fatal )?error: (.*)$");
  private static final int FIRST_LINE_MARK = 1;

  private final Set<String> requested = new LinkedHashSet<>();
  private final Map<String, Map<String, Long>> values = new HashMap<>();
  private final Map<String, Map<String, String>> rejected = new HashMap<>();

  /** Asks for {@code expr} to be evaluated (by the next {@link #evaluate}). */
  public void request(String expr) {
    if (!values.containsKey(expr) && !rejected.containsKey(expr)) {
      requested.add(expr);
    }
  }

  /** Whether there are requests not yet evaluated. */
  public boolean pending() {
    return !requested.isEmpty();
  }

  /** The value of {@code expr} on {@code abi}, or {@code null} if not (yet) known. */
  public Long value(String expr, String abi) {
    Map<String, Long> byAbi = values.get(expr);
    return byAbi == null ? null : byAbi.get(abi);
  }

  /** Why {@code abi}'s compiler rejected {@code expr}, or {@code null}. */
  public String rejection(String expr, String abi) {
    Map<String, String> byAbi = rejected.get(expr);
    return byAbi == null ? null : byAbi.get(abi);
  }

  /** Evaluates every pending request with each toolchain. */
  public void evaluate(List<Toolchain> toolchains) throws Toolchain.CompilerFailure {
    List<String> exprs = new ArrayList<>(requested);
    requested.clear();
    for (String e : exprs) {
      values.putIfAbsent(e, new LinkedHashMap<>());
    }
    for (Toolchain tc : toolchains) {
      evaluate(tc, exprs);
    }
  }

  private void evaluate(Toolchain tc, List<String> exprs) throws Toolchain.CompilerFailure {
    String abi = tc.abi().abiName();
    List<String> live = new ArrayList<>(exprs);
    for (int round = 0; round < 8 && !live.isEmpty(); round++) {
      String name = "abiguard-probe-" + abi + ".c";
      StringBuilder src = new StringBuilder(tc.includes());
      int header = src.toString().split("\n", -1).length; // line of the array's opening
      src.append("const unsigned long long abiguard_probe[] = {\n  0x0102030405060708ULL,\n");
      for (String e : live) {
        src.append("  (unsigned long long)(").append(e.replace('\n', ' ')).append("),\n");
      }
      src.append("};\n");
      int firstLine = header + 2; // line of live.get(0)
      CompilerRun.Output out = tc.assemble(name, src.toString());
      if (out.ok()) {
        long[] v = AsmValues.read(out.out(), "abiguard_probe", live.size());
        for (int i = 0; i < live.size(); i++) {
          values.get(live.get(i)).put(abi, v[i]);
        }
        return;
      }
      Matcher m = ERROR.matcher(out.err());
      Set<String> bad = new LinkedHashSet<>();
      while (m.find()) {
        int index = m.group(1).endsWith(name) ? Integer.parseInt(m.group(2)) - firstLine : -1;
        if (index < 0 || index >= live.size()) {
          if (m.group(1).endsWith(name)
              && Integer.parseInt(m.group(2)) < firstLine - FIRST_LINE_MARK) {
            continue;
          }
          if (!m.group(1).endsWith(name)) {
            throw new Toolchain.CompilerFailure(
                abi
                    + ": the headers do not compile with '"
                    + tc.commandLine()
                    + "':\n"
                    + out.err().strip());
          }
          continue;
        }
        String e = live.get(index);
        bad.add(e);
        rejected.computeIfAbsent(e, k -> new HashMap<>()).putIfAbsent(abi, m.group(3));
      }
      if (bad.isEmpty()) {
        throw new Toolchain.CompilerFailure(
            abi + ": '" + tc.commandLine() + "' fails on the probes:\n" + out.err().strip());
      }
      live.removeAll(bad);
      for (String e : bad) {
        values.get(e).remove(abi);
      }
    }
  }
}
