package org.abiguard.processor.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.abiguard.processor.CompiledClasses;
import org.junit.jupiter.api.Test;

/**
 * The guard is sound on generated programs: each program ({@link FlowProgramGenerator}) is compiled
 * with the guard's findings as warnings, then run on inputs drawn from the widths of its
 * parameters, fields and record components (their edges and at random); every value that reaches a
 * sink out of the sink's range must have been reported on that sink's line (or, for a sink in a
 * method the value was passed into, where it was passed, naming that line). The run also requires
 * no internal error and no javac error. {@code -Dabiguard.fuzz.methods=N} sets how many methods
 * (default 1,500), {@code -Dabiguard.fuzz.seed=S} the first seed, and {@code -Dabiguard.fuzz.mode}
 * the guard's mode; a failure names the seed, the method and the input.
 */
class GuardSoundnessFuzzTest {
  private static final int METHODS = Integer.getInteger("abiguard.fuzz.methods", 1_500);
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261130L);
  private static final int PER_CLASS = 150;
  private static final int INPUTS = 48;
  private static final Pattern SITE = Pattern.compile("Sinks\\.\\w+\\((\\d+), ");

  /** Where a sink is in the method a value was passed into: {@code through ... (line 12)}. */
  private static final Pattern THROUGH = Pattern.compile(" through [^(]*\\(line (\\d+)\\)");

  /**
   * Strict mode: in lenient mode a plain value (a local that only counts constants around a loop,
   * and so anything computed from it) passes unchecked by design.
   */
  private static final String MODE = System.getProperty("abiguard.fuzz.mode", "strict");

  /** Edges of each width, in the order of {@link FlowProgramGenerator#PARAMETERS}. */
  private static final long[][] EDGES = {
    {0, 1, 0xFF, 0xFFFF, 0x10000, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL},
    {0, 1, 0x7F, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF},
    {-0x8000, -0x7FFF, -1, 0, 1, 0x7F, 0xFF, 0x7FFF},
    {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xFFFF, 0x10000, -0x10000},
    {0, 1, 0x7F, 0x80, 0xFE, 0xFF}
  };

  private static final long[] BITS = {32, 16, 16, 32, 8};

  private final List<String> failures = new ArrayList<>();
  private final Set<String> missed = new HashSet<>();
  private int hits;
  private int hitLines;
  private int reportedLines;
  private int allLines;

  @Test
  void everyValueOutOfASinksRangeIsReportedThere() throws Exception {
    int done = 0;
    for (int batch = 0; done < METHODS; batch++) {
      int methods = Math.min(PER_CLASS, METHODS - done);
      runBatch(SEED + batch, "Flow" + batch, methods);
      done += methods;
    }
    System.out.println(
        "guard soundness fuzz ("
            + MODE
            + "): "
            + done
            + " methods, "
            + hits
            + " values out of a sink's range reached it, at "
            + hitLines
            + " sink lines; "
            + reportedLines
            + " of "
            + allLines
            + " sink lines reported, "
            + failures.size()
            + " failures");
    assertEquals(
        "",
        String.join("\n", failures.subList(0, Math.min(40, failures.size()))),
        failures.size() + " failures over " + done + " methods");
  }

  /** Compiles one class of generated methods, then runs each of them on its inputs. */
  private void runBatch(long seed, String name, int methods) throws Exception {
    FlowProgramGenerator generator =
        new FlowProgramGenerator(
            seed, Math.min(Runtime.version().feature(), 25), MODE.equals("strict"));
    String source = generator.compilationUnit(name, methods);
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor())
            .withOptions(
                "-Aabiguard.severity=warning",
                "-Aabiguard.mode=" + MODE,
                "-Aabiguard.abis=x86_64,i386",
                "-Xmaxwarns",
                "1000000")
            .compile(
                JavaFileObjects.forSourceString("fuzz." + name, source),
                JavaFileObjects.forSourceString("fuzz.Sinks", FlowProgramGenerator.sinks()));
    Set<Long> reported = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      String m = d.getMessage(Locale.ROOT);
      boolean ours = d.getSource() != null && d.getSource().getName().endsWith(name + ".java");
      if (m.startsWith("[abiguard] internal error")
          || (d.getKind() == Diagnostic.Kind.ERROR && !m.startsWith("[abiguard:"))) {
        failures.add(
            "seed "
                + seed
                + ", line "
                + d.getLineNumber()
                + ": "
                + m.lines().findFirst().orElse(""));
      } else if (ours && m.startsWith("[abiguard:")) {
        reported.add(d.getLineNumber());
        // a value passed into a method, reported where it is passed, names the sink's line there
        Matcher through = THROUGH.matcher(m.lines().findFirst().orElse(""));
        while (through.find()) {
          reported.add(Long.parseLong(through.group(1)));
        }
      }
    }
    if (c.status() != Compilation.Status.SUCCESS) {
      failures.add("seed " + seed + " did not compile");
      return;
    }
    List<String> lines = source.lines().toList();
    Map<Integer, Integer> siteLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher site = SITE.matcher(lines.get(i));
      while (site.find()) {
        siteLine.put(Integer.parseInt(site.group(1)), i + 1);
      }
      if (SITE.matcher(lines.get(i)).find()) {
        allLines++;
        reportedLines += reported.contains((long) i + 1) ? 1 : 0;
      }
    }
    ClassLoader loader = CompiledClasses.loader(c);
    Class<?> program = loader.loadClass("fuzz." + name);
    BitSet hit = (BitSet) loader.loadClass("fuzz.Sinks").getField("HITS").get(null);
    Class<?> box = loader.loadClass("fuzz.Sinks$Box");
    Class<?> rec = loader.loadClass("fuzz.Sinks$Rec");
    Random inputs = new Random(seed);
    Set<Integer> linesHit = new HashSet<>();
    for (Method method : program.getMethods()) {
      if (method.getDeclaringClass() != program) {
        continue; // Object's
      }
      for (int i = 0; i < INPUTS; i++) {
        Object[] args = input(inputs, box, rec);
        try {
          method.invoke(null, args);
        } catch (InvocationTargetException e) {
          // a check that throws, say: the sinks reached before it count
        }
        for (int site = hit.nextSetBit(0); site >= 0; site = hit.nextSetBit(site + 1)) {
          hits++;
          int line = siteLine.get(site);
          hitLines += linesHit.add(line) ? 1 : 0;
          if (!reported.contains((long) line) && missed.add(seed + ":" + line)) {
            failures.add(
                "seed "
                    + seed
                    + ", "
                    + method.getName()
                    + Arrays.toString(args)
                    + ": a value out of range reached line "
                    + line
                    + ", not reported: "
                    + lines.get(line - 1).strip()
                    + "\n"
                    + methodText(lines, method.getName()));
          }
        }
        hit.clear();
      }
    }
  }

  /** One value per parameter, and per field of the box and the record, each within its width. */
  private static Object[] input(Random random, Class<?> box, Class<?> rec)
      throws ReflectiveOperationException {
    int n = FlowProgramGenerator.PARAMETERS.size();
    Object[] args = new Object[n + 2];
    for (int p = 0; p < n; p++) {
      long value = value(random, p);
      args[p] = p == 0 ? (Object) value : (Object) (int) value;
    }
    // a C unsigned long: a u64 on x86_64 (any bits of the long), a u32 on i386
    boolean i386 = random.nextBoolean();
    box.getDeclaringClass().getField("i386").setBoolean(null, i386);
    Object x = filled(random, box, i386);
    // the static box: another, or now and then the same as the method's own
    Object staticBox = random.nextInt(4) == 0 ? x : filled(random, box, i386);
    box.getDeclaringClass().getField("SB").set(null, staticBox);
    args[n] = x;
    args[n + 1] =
        rec.getConstructor(int.class, long.class)
            .newInstance((int) value(random, 1), value(random, 0));
    return args;
  }

  /** A box whose every field holds a value of its width. */
  private static Object filled(Random random, Class<?> box, boolean i386)
      throws ReflectiveOperationException {
    Object x = box.getConstructor().newInstance();
    box.getField("f16").setInt(x, (int) value(random, 1));
    box.getField("f32").setLong(x, value(random, 0));
    box.getField("s16").setInt(x, (int) value(random, 2));
    box.getField("f8").setInt(x, (int) value(random, 4));
    box.getField("raw32").setInt(x, (int) value(random, 3));
    // raw bits: every value of the Java type is one of the width
    box.getField("rb").setByte(x, (byte) random.nextInt());
    box.getField("rs").setShort(x, (short) random.nextInt());
    box.getField("u64").setLong(x, random.nextBoolean() ? random.nextLong() : -random.nextInt(3));
    box.getField("b5").setInt(x, random.nextInt(32));
    box.getField("d3").setInt(x, random.nextInt(8) - 4);
    long nl =
        random.nextBoolean()
            ? random.nextLong()
            : new long[] {0, 1, 0xFFFF_FFFFL, 0x1_0000_0000L, -1}[random.nextInt(5)];
    box.getField("nl").setLong(x, i386 ? nl & 0xFFFF_FFFFL : nl);
    int[] arr = (int[]) box.getField("arr").get(x);
    for (int i = 0; i < arr.length; i++) {
      arr[i] = (int) value(random, 1);
    }
    return x;
  }

  /** A value of the width of parameter {@code p}: one of its edges, or any at random. */
  private static long value(Random random, int p) {
    if (random.nextBoolean()) {
      return EDGES[p][random.nextInt(EDGES[p].length)];
    }
    long value = Math.floorMod(random.nextLong(), 1L << BITS[p]);
    return p == 2 ? value - 0x8000 : p == 3 ? (int) value : value;
  }

  private static String methodText(List<String> lines, String name) {
    StringBuilder text = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      if (line.contains(" " + name + "(")) {
        in = true;
      }
      if (in) {
        text.append(line).append('\n');
        if (line.equals("  }") || line.endsWith("return v; }")) {
          break;
        }
      }
    }
    return text.toString();
  }
}
