package org.abiguard.benchmarks.compile;

/**
 * Writes plain, unannotated classes: the ordinary code (collections, strings, generics, streams,
 * exceptions) that surrounds ABI code in a real project. The flow guard walks it and finds no width
 * fact.
 */
final class PlainSources {
  private PlainSources() {}

  /** The source of plain class {@code className} with {@code methods} groups of methods. */
  static String plain(String pkg, String className, int methods) {
    SourceBuilder b =
        SourceBuilder.file(
            pkg,
            "java.util.ArrayList",
            "java.util.HashMap",
            "java.util.List",
            "java.util.Map",
            "java.util.Optional",
            "java.util.stream.Collectors");
    b.line("/** Ordinary bookkeeping code without ABI annotations. */");
    b.open("public final class " + className);
    b.line("private final Map<String, List<Integer>> index = new HashMap<>();");
    b.line("private int count;");
    for (int m = 0; m < methods; m++) {
      switch (m % 5) {
        case 0 -> {
          b.blank();
          b.open("public void add" + m + "(String key, int value)");
          b.line(
              "index.computeIfAbsent(key, k -> new ArrayList<>()).add(value * " + (m + 1) + ");");
          b.line("count++;");
          b.close();
        }
        case 1 -> {
          b.blank();
          b.open("public String describe" + m + "()");
          b.line("return index.entrySet().stream()");
          b.line("    .map(e -> e.getKey() + \"=\" + e.getValue().size())");
          b.line("    .sorted()");
          b.line("    .collect(Collectors.joining(\", \", \"[\", \"]\"));");
          b.close();
        }
        case 2 -> {
          b.blank();
          b.open("public Optional<Integer> max" + m + "(String key)");
          b.line("List<Integer> values = index.getOrDefault(key, List.of());");
          b.line("int best = Integer.MIN_VALUE;");
          b.open("for (int v : values)");
          b.line("best = Math.max(best, v);");
          b.close();
          b.line("return values.isEmpty() ? Optional.empty() : Optional.of(best);");
          b.close();
        }
        case 3 -> {
          b.blank();
          b.open("public int parse" + m + "(String text)");
          b.open("try");
          b.line("return Integer.parseInt(text.trim()) % " + (m + 7) + ";");
          b.next("catch (NumberFormatException e)");
          b.line("return -1;");
          b.close();
          b.close();
        }
        default -> {
          b.blank();
          b.open("public <T extends Comparable<T>> T pick" + m + "(List<T> items)");
          b.line("T best = null;");
          b.open("for (T item : items)");
          b.open("if (best == null || item.compareTo(best) > 0)");
          b.line("best = item;");
          b.close();
          b.close();
          b.line("return count > 0 ? best : null;");
          b.close();
        }
      }
    }
    return b.close().toString();
  }
}
