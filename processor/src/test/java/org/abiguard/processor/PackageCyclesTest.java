package org.abiguard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.abiguard.processor.diag.Reporter;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages are stages that depend on each other in one direction (model → layout →
 * codegen / manifest; guard: trees → facts → diagnostics). This reads every class file the build
 * compiled from {@code src/main/java}, takes each class's references to other processor classes
 * from its constant pool (class entries, field and method descriptors, generic signatures,
 * annotations) and fails on any cycle between packages.
 */
class PackageCyclesTest {

  /**
   * Cycles that exist today and are to be removed, each as its set of packages. Temporary: the test
   * also fails when one of them is gone, so that its entry is deleted with it.
   */
  private static final List<Set<String>> KNOWN_CYCLES = List.of();

  private static final Pattern PROCESSOR_CLASS =
      Pattern.compile("org/abiguard/processor/[A-Za-z0-9_/$]+");

  @Test
  void processorPackagesDependOnEachOtherWithoutCycles() throws IOException {
    Map<String, String> examples = new HashMap<>();
    Map<String, Set<String>> dependencies = packageDependencies(mainClasses(), examples);
    assertTrue(
        dependencies.containsKey("org.abiguard.processor.guard.flow"),
        "the class files were not read: " + dependencies.keySet());

    List<Set<String>> cycles = cycles(dependencies);
    List<Set<String>> unexpected = new ArrayList<>(cycles);
    unexpected.removeAll(KNOWN_CYCLES);
    assertEquals(
        List.of(),
        unexpected,
        "packages that depend on each other in a cycle (break it: move the shared part to the"
            + " lower stage, or pass what the lower stage needs in):\n"
            + describe(unexpected, dependencies, examples));

    List<Set<String>> gone = new ArrayList<>(KNOWN_CYCLES);
    gone.removeAll(cycles);
    assertEquals(
        List.of(),
        gone,
        "these known cycles are gone: delete them from PackageCyclesTest.KNOWN_CYCLES");
  }

  @Test
  void findsACycleThroughThreePackagesAndNotADiamond() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b", "d"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    graph.put("d", Set.of("e"));
    graph.put("e", Set.of());
    graph.put("f", Set.of("d", "e"));

    assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
  }

  private static Path mainClasses() {
    try {
      Path dir =
          Path.of(Reporter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertTrue(
          Files.isDirectory(dir), "expected the compiled main classes in a directory: " + dir);
      return dir;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Package → the other processor packages its classes refer to; {@code examples} gets, per {@code
   * "from -> to"} edge, one class of each side.
   */
  private static Map<String, Set<String>> packageDependencies(
      Path classes, Map<String, String> examples) throws IOException {
    Map<String, Set<String>> dependencies = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String fromClass = classes.relativize(file).toString().replace('\\', '/');
        String from = packageOf(fromClass);
        if (!from.startsWith("org.abiguard.processor")) {
          continue;
        }
        Set<String> to = dependencies.computeIfAbsent(from, k -> new TreeSet<>());
        for (String utf8 : utf8Constants(Files.readAllBytes(file))) {
          Matcher m = PROCESSOR_CLASS.matcher(utf8);
          while (m.find()) {
            String target = packageOf(m.group());
            if (!target.equals(from)) {
              to.add(target);
              examples.putIfAbsent(
                  from + " -> " + target, className(fromClass) + " uses " + className(m.group()));
            }
          }
        }
      }
    }
    return dependencies;
  }

  private static String className(String internalName) {
    return internalName.replace(".class", "").substring(internalName.lastIndexOf('/') + 1);
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
  }

  /**
   * The UTF-8 entries of a class file's constant pool: they hold every class name, descriptor and
   * signature the class refers to (JVMS §4.4).
   */
  private static List<String> utf8Constants(byte[] classFile) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      List<String> strings = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> strings.add(in.readUTF());
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++; // a long or double takes two entries
          }
          default -> throw new IllegalArgumentException("constant pool tag " + tag + " at " + i);
        }
      }
      return strings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted. */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Tarjan tarjan = new Tarjan(graph);
    for (String node : graph.keySet()) {
      if (!tarjan.index.containsKey(node)) {
        tarjan.visit(node);
      }
    }
    return tarjan.components;
  }

  private static final class Tarjan {
    final Map<String, Set<String>> graph;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> low = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<String> onStack = new TreeSet<>();
    final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      for (String next : graph.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }

  private static String describe(
      List<Set<String>> cycles,
      Map<String, Set<String>> dependencies,
      Map<String, String> examples) {
    StringBuilder out = new StringBuilder();
    for (Set<String> cycle : cycles) {
      out.append("  cycle:\n");
      for (String from : cycle) {
        for (String to : dependencies.get(from)) {
          if (cycle.contains(to)) {
            String edge = from + " -> " + to;
            out.append("    ").append(edge).append(" (").append(examples.get(edge)).append(")\n");
          }
        }
      }
    }
    return out.toString();
  }
}
