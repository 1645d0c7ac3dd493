package org.abiguard.processor.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes methods whose every value comes from parameters with declared widths and constants, so
 * that the guard knows each of them in lenient mode as well, and whose every sink is a call {@code
 * Sinks.u16(site, value)} on a line of its own: {@link GuardSoundnessFuzzTest} runs them and holds
 * each value out of a sink's range to a diagnostic on the sink's line. Integers, {@code long}s,
 * {@code float}s and {@code double}s are mixed through arithmetic, shifts, masks, casts, {@code
 * Math} methods, {@code ?:}, checks with early returns, branches and short loops, and through calls
 * of the class's helpers: static methods that return one expression of their parameters or are a
 * few statements with locals, a loop and a switch (some writing a parameter), and {@code boolean}
 * ones used as checks; through checks kept in {@code boolean} locals, which later checks set again
 * ({@code ok = false} under a check, in a loop, {@code &=}, {@code |=}, {@code &}, {@code &&}); and
 * into forwarders, {@code void} methods with sinks of their own, whose parameters declare no width,
 * and into choosing forwarders, whose sinks are chosen by an enum constant or string the call
 * passes; through validators, {@code void} methods that throw unless checks of what they are passed
 * hold, and a method that always throws, called under a check; and through result codes, {@code
 * int} helpers that return an error code when a check holds, tested where they are called or
 * through a local.
 */
final class FlowProgramGenerator {
  /** A parameter of the generated methods: its Java type and width annotation. */
  record Parameter(String name, String type, String annotation) {}

  static final List<Parameter> PARAMETERS =
      List.of(
          new Parameter("a", "long", "@U32"),
          new Parameter("b", "int", "@U16"),
          new Parameter("c", "int", "@S16"),
          new Parameter("d", "int", "@U32"),
          new Parameter("e", "int", "@U8"));

  /** The sinks: name, Java type of the value, range. */
  record SinkKind(String name, String type, long min, long max, String annotation) {}

  static final List<SinkKind> SINKS =
      List.of(
          new SinkKind("u8", "int", 0, 0xFF, "@U8"),
          new SinkKind("u16", "int", 0, 0xFFFF, "@U16"),
          new SinkKind("s16", "int", -0x8000, 0x7FFF, "@S16"),
          new SinkKind("s8", "int", -0x80, 0x7F, "@S8"),
          new SinkKind("u32", "long", 0, 0xFFFF_FFFFL, "@U32"));

  private static final int MAX_DEPTH = 3;

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<String> locals = new ArrayList<>();
  private final List<String> localTypes = new ArrayList<>();
  private int sites;
  private int names;
  private int indent;

  /** The helpers of the compilation unit written so far, by the type they return. */
  private final java.util.Map<String, List<String>> helpers = new java.util.HashMap<>();

  /** How a method calls a helper: nothing, or the name of the class that has them and a dot. */
  private String helperPrefix = "";

  /** The name of the class of the compilation unit being written. */
  private String className = "";

  /** Whether a helper's expression is being written: its values are its parameters'. */
  private boolean inHelper;

  /** Whether the method being written has a local {@code xa} naming its box {@code x}. */
  private boolean aliased;

  /** The javac release the programs are for: record patterns from 21 on. */
  private final int feature;

  /**
   * Whether helpers write the static box's fields: in strict mode, where a caller's check must not
   * outlive a call of its class's method that writes the field; lenient mode does not follow a
   * method that writes a field at all (its sinks pass unseen, as the README says), so there such
   * helpers would only hide the rest of the helper from the fuzz.
   */
  private final boolean helperWrites;

  FlowProgramGenerator(long seed, int feature) {
    this(seed, feature, true);
  }

  FlowProgramGenerator(long seed, int feature, boolean helperWrites) {
    random = new Random(seed);
    this.feature = feature;
    this.helperWrites = helperWrites;
  }

  /**
   * A compilation unit of class {@code name} in package {@code fuzz} with {@code methods}. Its
   * helpers are, by the name, the class's own, or those of a second top-level class of the unit
   * ({@code name + "Helpers"}) written after or before it: the guard reads another top-level
   * class's helpers from its source parsed again, before or after javac has lowered that class.
   */
  String compilationUnit(String name, int methods) {
    out.setLength(0);
    sites = 0;
    className = name;
    int placement = Math.floorMod(name.hashCode(), 3);
    String helperClass = name + "Helpers";
    helperPrefix = placement == 0 ? "" : helperClass + ".";
    helpers();
    String helperText = out.toString();
    out.setLength(0);
    out.append("package fuzz;\n\n").append("import org.abiguard.*;\n\n");
    if (placement == 2) {
      helperClass(helperClass, helperText);
    }
    out.append("@SuppressWarnings(\"all\")\n").append("public class ").append(name).append(" {\n");
    if (placement == 0) {
      out.append(helperText);
    }
    for (int m = 0; m < methods; m++) {
      method("m" + m);
    }
    out.append("}\n");
    if (placement == 1) {
      out.append('\n');
      helperClass(helperClass, helperText);
    }
    if (helperWrites) {
      out.append('\n');
      dispatchedWriter(name);
    }
    return out.toString();
  }

  /**
   * Two interfaces whose one implementation writes the static box's {@code f16} with a value of its
   * width: {@code name + "Writer"}'s, a top-level class of its own ({@code W}), and {@code name +
   * "Function"}'s, a lambda ({@code L}). A call of either's method runs it, which the guard finds
   * among the compilation's classes and functions. {@code name + "Function"} also holds a {@code
   * Consumer} ({@code C}) that writes it, for a jar's method to run; {@code name + "Local"}'s one
   * implementation ({@code LOCAL}) is a local class of its {@code make()}; and {@code name + "Ops"}
   * ({@code OPS}) is a list whose {@code size()}, which the jar's {@code AbstractList} calls from
   * {@code contains}, {@code toString}, {@code toArray} and its iterator, writes it, as does its
   * {@code close()}, which a try-with-resources statement calls (it is also held by an {@code
   * Optional}, a {@code Map} and an array, whose jar code runs its {@code toString()}, which calls
   * {@code size()}, and reached as an {@code Object}, alone and in a {@code List<Object>}); {@code
   * name + "Rank"}'s {@code compareTo}, which {@code Arrays.sort} of the {@code Object[]} {@code
   * RANKS} calls, writes the box's {@code f32} (which no other code of these classes writes); and
   * {@code name + "Init"}'s instance initializer, which its default constructor runs, writes it.
   */
  private void dispatchedWriter(String name) {
    out.append("interface ")
        .append(name)
        .append("Writer {\n")
        .append("  ")
        .append(name)
        .append("Writer W = new ")
        .append(name)
        .append("WriterImpl();\n\n")
        .append("  void w(int p, long q, Sinks.Box y);\n")
        .append("}\n\n")
        .append("final class ")
        .append(name)
        .append("WriterImpl implements ")
        .append(name)
        .append("Writer {\n")
        .append("  @Override\n")
        .append("  public void w(int p, long q, Sinks.Box y) {\n")
        .append("    if (p != 7) {\n")
        .append("      Sinks.SB.f16 = p & 0xFFFF;\n")
        .append("    }\n")
        .append("  }\n")
        .append("}\n\n")
        .append("interface ")
        .append(name)
        .append("Function {\n")
        .append("  ")
        .append(name)
        .append("Function L =\n")
        .append("      (p, q, y) -> {\n")
        .append("        if (p != 5) {\n")
        .append("          Sinks.SB.f16 = p & 0xFFFF;\n")
        .append("        }\n")
        .append("      };\n\n")
        .append("  java.util.function.Consumer<Sinks.Box> C =\n")
        .append("      b -> {\n")
        .append("        if (b.f16 != 3) {\n")
        .append("          Sinks.SB.f16 = (b.f16 + 0x90) & 0xFFFF;\n")
        .append("        }\n")
        .append("      };\n\n")
        .append("  void w(int p, long q, Sinks.Box y);\n")
        .append("}\n\n")
        .append("interface ")
        .append(name)
        .append("Local {\n")
        .append("  ")
        .append(name)
        .append("Local LOCAL = make();\n\n")
        .append("  void w(int p, long q, Sinks.Box y);\n\n")
        .append("  void done();\n\n")
        .append("  static ")
        .append(name)
        .append("Local make() {\n")
        .append("    final class Impl implements ")
        .append(name)
        .append("Local {\n")
        .append("      @Override\n")
        .append("      public void w(int p, long q, Sinks.Box y) {\n")
        .append("        if (p != 9) {\n")
        .append("          Sinks.SB.f16 = p & 0xFFFF;\n")
        .append("        }\n")
        .append("      }\n\n")
        .append("      @Override\n")
        .append("      public void done() {}\n")
        .append("    }\n")
        .append("    return new Impl();\n")
        .append("  }\n")
        .append("}\n\n")
        .append("final class ")
        .append(name)
        .append("Ops extends java.util.AbstractList<Sinks.Box> implements AutoCloseable {\n")
        .append("  static final ")
        .append(name)
        .append("Ops OPS = new ")
        .append(name)
        .append("Ops();\n")
        .append("  static final java.util.Optional<")
        .append(name)
        .append("Ops> HELD = java.util.Optional.of(OPS);\n")
        .append("  static final java.util.Map<String, ")
        .append(name)
        .append("Ops> BY_NAME = java.util.Map.of(\"ops\", OPS);\n")
        .append("  static final ")
        .append(name)
        .append("Ops[] ARRAY = {OPS};\n")
        .append("  static final Object AS_OBJECT = OPS;\n")
        .append("  static final java.util.List<Object> AS_OBJECTS = java.util.List.of(OPS);\n\n")
        .append("  @Override\n")
        .append("  public Sinks.Box get(int i) {\n")
        .append("    return Sinks.SB;\n")
        .append("  }\n\n")
        .append("  @Override\n")
        .append("  public int size() {\n")
        .append("    if (Sinks.SB.f16 != 11) {\n")
        .append("      Sinks.SB.f16 = (Sinks.SB.f16 + 0xA0) & 0xFFFF;\n")
        .append("    }\n")
        .append("    return 1;\n")
        .append("  }\n\n")
        .append("  @Override\n")
        .append("  public void close() {\n")
        .append("    if (Sinks.SB.f16 != 13) {\n")
        .append("      Sinks.SB.f16 = (Sinks.SB.f16 + 0xB0) & 0xFFFF;\n")
        .append("    }\n")
        .append("  }\n")
        .append("}\n\n")
        .append("final class ")
        .append(name)
        .append("Rank implements Comparable<Object> {\n")
        .append("  static final Object[] RANKS = {new ")
        .append(name)
        .append("Rank(), new ")
        .append(name)
        .append("Rank()};\n\n")
        .append("  @Override\n")
        .append("  public int compareTo(Object other) {\n")
        .append("    if (Sinks.SB.f32 != 17) {\n")
        .append("      Sinks.SB.f32 = (Sinks.SB.f32 + 0xD0) & 0xFFFFFFFFL;\n")
        .append("    }\n")
        .append("    return 0;\n")
        .append("  }\n")
        .append("}\n\n")
        .append("final class ")
        .append(name)
        .append("Init {\n")
        .append("  {\n")
        .append("    if (Sinks.SB.f16 != 15) {\n")
        .append("      Sinks.SB.f16 = (Sinks.SB.f16 + 0xC0) & 0xFFFF;\n")
        .append("    }\n")
        .append("  }\n")
        .append("}\n");
  }

  private void helperClass(String name, String helperText) {
    out.append("@SuppressWarnings(\"all\")\n")
        .append("final class ")
        .append(name)
        .append(" {\n")
        .append(helperText.replace("private static ", "static "))
        .append("}\n\n");
  }

  /** How many sink calls the last compilation unit has (sites are numbered from 0). */
  int sites() {
    return sites;
  }

  /**
   * The class {@code fuzz.Sinks}: one method per sink kind, annotated with its width, that records
   * the site of each value out of that width in {@code HITS}.
   */
  static String sinks() {
    StringBuilder s =
        new StringBuilder(
            "package fuzz;\n\nimport org.abiguard.*;\n\npublic final class Sinks {\n"
                + "  public static final java.util.BitSet HITS = new java.util.BitSet();\n\n");
    for (SinkKind sink : SINKS) {
      // the sink, with the width; and a watch, without it, for a value whose sink is elsewhere
      recorder(s, sink.name(), sink.annotation() + " " + sink.type(), sink);
      recorder(s, "watch" + sink.name(), sink.type(), sink);
    }
    s.append(
        """
          /** What a choosing forwarder chooses its sinks by. */
          public enum Mode {
            A(8),
            B(16),
            C(32);

            /** What a choosing forwarder may test instead of the constant. */
            public final int bits;

            Mode(int bits) {
              this.bits = bits;
            }
          }

          /** Fields with widths, each written with a value of its width by the test. */
          public static final class Box {
            @U16 public int f16;
            @U32 public long f32;
            @S16 public int s16;
            @U8 public int f8;
            @U32 public int raw32;
            @AbiArray(4) @U16 public int[] arr = new int[4];
            @AbiBits(5) @U8 public int b5;
            @AbiBits(3) @S8 public int d3;
            @NativeLong public long nl;
            @U8 public byte rb;
            @U16 public short rs;
            @U64 public long u64;
            public int plain;
          }

          /**
           * A box in a static field, set by the test before each run (another box, or the one the
           * method is given): checks of its fields in a method count in the private helpers it
           * calls, and a write of it, or of the field, in between undoes them.
           */
          public static Box SB = new Box();

          /** Whether the run is on i386, where a C unsigned long is a u32 (else x86_64's u64). */
          public static boolean i386;

          /** A C unsigned long: on i386 a u32; on x86_64 every bit pattern of the long. */
          public static void watchnl(int site, long v) {
            if (i386 && (v < 0 || v > 0xFFFFFFFFL)) {
              HITS.set(site);
            }
          }

          /** A C unsigned long parameter: on i386 a u32. */
          public static void nl(int site, @NativeLong long v) {
            watchnl(site, v);
          }

          public static void watchb5(int site, int v) {
            if (v < 0 || v > 31) {
              HITS.set(site);
            }
          }

          public static void watchd3(int site, int v) {
            if (v < -4 || v > 3) {
              HITS.set(site);
            }
          }

          /** A record with widths. */
          public record Rec(@U16 int r16, @U32 long r32) {}

          /** A message naming a choosing forwarder's constant: it chooses no path. */
          public static void note(String text) {
            java.util.Objects.requireNonNull(text);
          }
        """);
    return s.append("}\n").toString();
  }

  /**
   * A method {@code name(int site, parameter v)} that records the site of each value out of range.
   */
  private static void recorder(StringBuilder s, String name, String parameter, SinkKind sink) {
    String suffix = sink.type().equals("long") ? "L" : "";
    s.append("  public static void ")
        .append(name)
        .append("(int site, ")
        .append(parameter)
        .append(" v) {\n    if (v < ")
        .append(sink.min())
        .append(suffix)
        .append(" || v > ")
        .append(sink.max())
        .append(suffix)
        .append(") {\n      HITS.set(site);\n    }\n  }\n\n");
  }

  /**
   * The helpers: {@code private static} methods of {@code (int p, long q, Sinks.Box y)} that return
   * one expression of them (an {@code int}, a {@code long}, or a check), or, when they are the
   * class's own, that are a few statements: a guard clause, a local, a short loop that may return
   * or update the local, and a last return. Each may call those before it.
   */
  private void helpers() {
    aliased = false;
    helpers.clear();
    locals.clear();
    localTypes.clear();
    indent = 1;
    for (int k = 0; k < 6; k++) {
      String type = pick("int", "int", "long", "boolean", "boolean");
      String name = "h" + k;
      String head = "private static " + type + " " + name + "(int p, long q, Sinks.Box y) {";
      inHelper = true;
      if (random.nextBoolean()) {
        line(head + " return " + returned(type) + "; }");
      } else {
        statementHelper(head, type);
      }
      inHelper = false;
      helpers.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
    }
    validators();
    forwarders();
    if (helperWrites) {
      staticBoxWriter();
    }
  }

  /**
   * {@code sbw}: a helper that writes the static box's {@code f16} with a value of its width, now
   * and then, which a method calls between a check of that field and a narrower sink.
   */
  private void staticBoxWriter() {
    inHelper = true;
    line("private static void sbw(int p, long q, Sinks.Box y) {");
    line("  if (" + cond(1) + ") {");
    line("    Sinks.SB.f16 = p & 0xFFFF;");
    line("  }");
    line("}");
    inHelper = false;
  }

  /** The names of the validators written so far. */
  private final List<String> validators = new ArrayList<>();

  /**
   * The validators: {@code void} methods of {@code (int p, long q, Sinks.Box y)} that throw when a
   * check holds, after a way out or a write of a parameter now and then, with a second check, one
   * of {@code Abi}'s or a helper's call now and then; and {@code fail(int p)}, which always throws.
   */
  private void validators() {
    validators.clear();
    for (int k = 0; k < 2; k++) {
      String name = "v" + k;
      openCheckingHelper("void " + name, "&=", "+=");
      if (random.nextInt(4) == 0) {
        clause(cond(1), "return;");
      }
      clause(cond(0), "throw new IllegalArgumentException();");
      switch (random.nextInt(4)) {
        case 0 -> {
          clause(cond(1), "throw new IllegalStateException();");
        }
        case 1 ->
            line(
                "org.abiguard.Abi.check"
                    + pick("U8", "U16", "S16", "U32")
                    + "("
                    + primary(pick("int", "long"))
                    + ");");
        case 2 -> {
          String call = helperCall(pick("int", "long", "boolean"), 1);
          if (call != null) {
            line(call + ";");
          }
        }
        default -> {}
      }
      closeCheckingHelper(validators, name);
    }
    line("private static void fail(int p) {");
    line("  throw new IllegalStateException(\"site \" + p);");
    line("}");
    coders();
  }

  /** The names of the result-code helpers written so far. */
  private final List<String> coders = new ArrayList<>();

  /**
   * The result-code helpers: {@code int} methods of {@code (int p, long q, Sinks.Box y)} that
   * return an error code ({@code -22}) when a check holds, now and then another code or zero on a
   * way that checks something else, and zero or one last.
   */
  private void coders() {
    coders.clear();
    for (int k = 0; k < 2; k++) {
      String name = "c" + k;
      openCheckingHelper("int " + name, "|=", "-=");
      clause(cond(0), "return -22;");
      if (random.nextBoolean()) {
        line("if (" + cond(1) + ") {");
        line("  return " + pick("-1", "1", "0", "-22") + ";");
        line("}");
      }
      line("return " + pick("0", "0", "0", "1") + ";");
      closeCheckingHelper(coders, name);
    }
  }

  /**
   * Opens a checking helper of {@code (int p, long q, Sinks.Box y)} ({@code head}: its type and
   * name) and, now and then, writes a parameter with {@code intWrite} or {@code longWrite}: what
   * the helper proves of it is not proved of what was passed.
   */
  private void openCheckingHelper(String head, String intWrite, String longWrite) {
    inHelper = true;
    line("private static " + head + "(int p, long q, Sinks.Box y) {");
    indent++;
    if (random.nextInt(4) == 0) {
      line(
          random.nextBoolean()
              ? "p " + intWrite + " " + expr("int", 1) + ";"
              : "q " + longWrite + " " + expr("long", 1) + ";");
    }
  }

  /** A guard clause: {@code if (condition) {}, then {@code statement} and {@code }}. */
  private void clause(String condition, String statement) {
    line("if (" + condition + ") {");
    line("  " + statement);
    line("}");
  }

  /** Closes a checking helper opened by {@link #openCheckingHelper}, named {@code name}. */
  private void closeCheckingHelper(List<String> names, String name) {
    indent--;
    line("}");
    inHelper = false;
    names.add(name);
  }

  /**
   * An early exit on a result code: a call of a result-code helper kept in a local (written again,
   * or after a statement, now and then) or tested directly, compared with a code, or a switch on
   * the local.
   */
  private void resultCodeExit(int depth) {
    String call =
        helperPrefix
            + coders.get(random.nextInt(coders.size()))
            + "("
            + primary("int")
            + ", "
            + primary("long")
            + ", "
            + (aliased ? pick("x", "xa") : "x")
            + ")";
    String test = pick("!= 0", "!= 0", "< 0", "> 0", "== 1", "!= -22", ">= 0", "== 0");
    if (random.nextInt(3) == 0) {
      line("if (" + call + " " + test + ") return;");
      return;
    }
    String rc = "rc" + names++;
    line("int " + rc + " = " + call + ";");
    switch (random.nextInt(4)) {
      case 0 -> line(rc + " " + pick("=", "+=") + " " + expr("int", 1) + ";");
      case 1 -> statement(depth + 1);
      default -> {}
    }
    if (random.nextInt(3) > 0) {
      line("if (" + rc + " " + test + ") return;");
      return;
    }
    // a switch on the code
    line("switch (" + rc + ") {");
    switch (random.nextInt(3)) {
      case 0 -> {
        line("  case 0:");
        line("    break;");
        line("  default:");
        line("    return;");
      }
      case 1 -> {
        line("  case -22:");
        line("    return;");
        line("  default:");
        line("    break;");
      }
      default -> {
        line("  case " + pick("1", "-1") + ":");
        line("    return;");
        line("  case 0:");
        line("    break;");
      }
    }
    line("}");
  }

  /** The names of the forwarders written so far. */
  private final List<String> forwarders = new ArrayList<>();

  /**
   * The forwarders: {@code void} methods of {@code (int p, long q, Sinks.Box y)} that pass their
   * values on to sinks of their own, after a check now and then. Their parameters declare no width:
   * in lenient mode what a call passes them is followed in, and reported where it is passed, naming
   * the sink's line.
   */
  private void forwarders() {
    forwarders.clear();
    for (int k = 0; k < 2; k++) {
      String name = "w" + k;
      inHelper = true;
      line("private static void " + name + "(int p, long q, Sinks.Box y) {");
      indent++;
      if (random.nextBoolean()) {
        line("if (" + cond(0) + ") {");
        line("  return;");
        line("}");
      }
      sink();
      if (random.nextBoolean()) {
        sinkBlock("if (" + cond(1) + ")");
      }
      indent--;
      line("}");
      inHelper = false;
      forwarders.add(name);
    }
    choosers.clear();
    for (int k = 0; k < 2; k++) {
      String name = "k" + k;
      boolean byMode = k == 0;
      inHelper = true;
      line(
          "private static void "
              + name
              + "(int p, long q, Sinks.Box y, "
              + (byMode ? "Sinks.Mode m" : "String s")
              + ") {");
      indent++;
      choose(byMode);
      indent--;
      line("}");
      inHelper = false;
      choosers.add(name);
    }
    // a forwarder of any value, followed in with the box it is given: of the class's own only, as
    // another class's parsed again does not resolve patterns
    if (helperPrefix.isEmpty()) {
      inHelper = true;
      line("private static void ko(Object o) {");
      indent++;
      line("if (o instanceof Integer n) {");
      line("  Sinks." + pick("u8", "u16", "s16", "s8") + "(" + sites++ + ", n);");
      line("} else if (o instanceof Long l) {");
      line("  Sinks.u32(" + sites++ + ", l);");
      line("}");
      indent--;
      line("}");
      inHelper = false;
    }
  }

  /**
   * The names of the choosing forwarders: their last parameter chooses the sink a value reaches.
   */
  private final List<String> choosers = new ArrayList<>();

  /**
   * A choosing forwarder's body: sinks in the cases of a {@code switch} on its enum or string
   * parameter, or in the branches of tests of it against constants.
   */
  private void choose(boolean byMode) {
    String[] constants =
        byMode
            ? new String[] {"Sinks.Mode.A", "Sinks.Mode.B", "Sinks.Mode.C"}
            : new String[] {"\"a\"", "\"b\"", "\"c\""};
    String[] labels = byMode ? new String[] {"A", "B", "C"} : constants;
    String parameter = byMode ? "m" : "s";
    if (random.nextBoolean()) {
      describe(parameter);
    }
    if (random.nextInt(3) == 0) {
      line((byMode ? "Sinks.Mode " : "String ") + parameter + "c = " + parameter + ";");
      parameter += "c"; // a copy chooses as the constant does
    }
    if (random.nextBoolean()) {
      line("switch (" + parameter + ") {");
      indent++;
      int first = random.nextInt(3);
      line("case " + labels[first] + ":");
      indent++;
      sink();
      line("break;");
      indent--;
      line("case " + labels[(first + 1) % 3] + ":");
      indent++;
      sink();
      if (random.nextBoolean()) {
        line("break;"); // else falls through into default
      }
      indent--;
      line("default:");
      indent++;
      sink();
      indent--;
      indent--;
      line("}");
      return;
    }
    if (byMode && random.nextInt(3) == 0) {
      byField(parameter);
      return;
    }
    String constant = constants[random.nextInt(3)];
    String test =
        byMode
            ? parameter + pick(" == ", " != ") + constant
            : pick("", "!")
                + (random.nextBoolean()
                    ? constant + ".equals(" + parameter + ")"
                    : parameter + ".equals(" + constant + ")");
    ifElse(test);
  }

  /** {@code head { sink }}: a block of one sink after a statement's or a case's head. */
  private void sinkBlock(String head) {
    line(head + " {");
    indent++;
    sink();
    indent--;
    line("}");
  }

  /** {@code if (test)} with a sink in each branch. */
  private void ifElse(String test) {
    line("if (" + test + ") {");
    indent++;
    sink();
    indent--;
    line("} else {");
    indent++;
    sink();
    indent--;
    line("}");
  }

  /**
   * Sinks chosen by the enum constant's field or ordinal: a {@code switch} on {@code m.ordinal()}
   * or {@code m.bits}, whose {@code default} the constant never takes when a case is labelled with
   * its value, or a comparison of {@code m.bits}.
   */
  private void byField(String parameter) {
    if (random.nextBoolean()) {
      boolean ordinal = random.nextBoolean();
      String[] labels = ordinal ? new String[] {"0", "1", "2"} : new String[] {"8", "16", "32"};
      line("switch (" + parameter + (ordinal ? ".ordinal()" : ".bits") + ") {");
      indent++;
      int first = random.nextInt(3);
      sinkBlock("case " + labels[first] + " ->");
      sinkBlock("default ->");
      indent--;
      line("}");
      return;
    }
    ifElse(parameter + ".bits " + pick("< ", "> ", "== ") + pick("8", "16", "32"));
  }

  /**
   * A statement that names a choosing forwarder's constant in a message, which chooses no path: the
   * guard must still take only the path the constant chooses.
   */
  private void describe(String parameter) {
    switch (random.nextInt(4)) {
      case 0 -> line("Sinks.note(\"chose \" + " + parameter + ");");
      case 1 -> line("Sinks.note(String.valueOf(" + parameter + "));");
      case 2 -> line("Sinks.note(String.format(\"%s!\", " + parameter + ".toString()));");
      default -> line("System.getProperties().remove(\"abiguard.fuzz.\" + " + parameter + ");");
    }
  }

  /** A helper's body of statements, whose values come from its parameters and its own locals. */
  private void statementHelper(String head, String type) {
    line(head);
    indent++;
    aliased = random.nextInt(3) == 0;
    if (aliased) {
      line("Sinks.Box yb = y;");
    }
    line("if (" + cond(0) + ") {");
    line(
        random.nextInt(4) == 0
            // a guard clause that throws: the call returns only when it did not
            ? "  throw new IllegalArgumentException();"
            : "  return " + returned(type) + ";");
    line("}");
    if (random.nextInt(3) == 0) {
      // a parameter written: what the helper proves of it is not proved of what was passed
      String parameter = pick("p", "q");
      String write =
          parameter
              + " "
              + pick("=", "&=", "+=")
              + " "
              + expr(parameter.equals("p") ? "int" : "long", 1)
              + ";";
      line(random.nextBoolean() ? write : "if (" + cond(1) + ") " + write);
    }
    if (helperWrites && random.nextInt(6) == 0) {
      // the static box's field written, within its width: a caller's check of it no longer holds
      String write = staticBoxWrite();
      line(random.nextBoolean() ? write : "if (" + cond(1) + ") " + write);
    }
    String localType = pick("int", "long");
    String local = "t" + names++;
    line(
        (random.nextInt(4) == 0
                ? "var " + local + " = (" + localType + ") ("
                : localType + " " + local + " = (")
            + expr(localType, 1)
            + ");");
    locals.add(local);
    localTypes.add(localType);
    if (random.nextInt(3) == 0) {
      // a switch statement: a case that returns, one that writes the local and falls through
      line("switch (p & 3) {");
      line("  case 0:");
      line("    return " + returned(type) + ";");
      line("  case 1:");
      line("    " + local + " = " + expr(localType, 1) + ";");
      line("  case 2:");
      line("    if (" + cond(1) + ") {");
      line("      break;");
      line("    }");
      line("    " + local + " " + pick("+=", "&=", "=") + " " + expr(localType, 1) + ";");
      line("    break;");
      line("  default:");
      line("    break;");
      line("}");
    }
    if (random.nextBoolean()) {
      line("for (int i = 0; i < 3; i++) {");
      indent++;
      line("if (" + cond(1) + ") {");
      line("  return " + returned(type) + ";");
      line("}");
      if (random.nextBoolean()) {
        line(local + " = " + expr(localType, 1) + ";");
      }
      indent--;
      line("}");
    }
    if (type.equals("boolean") && random.nextBoolean()) {
      // the answer kept in a flag that checks set
      String flag = "f" + names++;
      line("boolean " + flag + " = " + pick("true", "false", cond(1)) + ";");
      line("if (" + cond(1) + ") {");
      line("  " + flag + " = " + pick("true", "false", cond(1)) + ";");
      line("}");
      line(flag + " " + pick("&=", "|=") + " " + cond(1) + ";");
      line("return " + pick(flag, "!" + flag, flag + " && " + cond(1)) + ";");
    } else {
      line("return " + returned(type) + ";");
    }
    locals.clear();
    localTypes.clear();
    aliased = false;
    indent--;
    line("}");
  }

  /** What a helper returns: a check, or an expression of its type. */
  private String returned(String type) {
    return type.equals("boolean") ? cond(0) : expr(type, 0);
  }

  /** A call of a helper that returns {@code type}, or null when there is none. */
  private @org.jspecify.annotations.Nullable String helperCall(String type, int depth) {
    List<String> named = helpers.get(type);
    if (named == null) {
      return null;
    }
    return (inHelper ? "" : helperPrefix)
        + named.get(random.nextInt(named.size()))
        + "("
        + expr("int", Math.max(depth, MAX_DEPTH - 1))
        + ", "
        + expr("long", Math.max(depth, MAX_DEPTH - 1))
        + (inHelper ? ", y)" : ", x)");
  }

  private void method(String name) {
    locals.clear();
    localTypes.clear();
    StringBuilder params = new StringBuilder();
    for (Parameter p : PARAMETERS) {
      if (params.length() > 0) {
        params.append(", ");
      }
      params.append(p.annotation()).append(' ').append(p.type()).append(' ').append(p.name());
    }
    params.append(", Sinks.Box x, Sinks.Rec r");
    indent = 1;
    line("public static void " + name + "(" + params + ") {");
    indent = 2;
    aliased = random.nextInt(3) == 0;
    if (aliased) {
      line("Sinks.Box xa = x;");
    }
    int statements = 3 + random.nextInt(6);
    for (int i = 0; i < statements; i++) {
      statement(0);
    }
    sink();
    indent = 1;
    line("}");
    if (random.nextInt(3) == 0) {
      returnSink(name + "r");
    }
  }

  /**
   * A method whose annotated return is the sink: on one line, the value is computed, watched (a
   * plain parameter, no sink) and returned.
   */
  private void returnSink(String name) {
    locals.clear();
    localTypes.clear();
    aliased = false;
    SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
    StringBuilder params = new StringBuilder();
    for (Parameter p : PARAMETERS) {
      params.append(p.annotation()).append(' ').append(p.type()).append(' ').append(p.name());
      params.append(", ");
    }
    params.append("Sinks.Box x, Sinks.Rec r");
    indent = 1;
    line(
        "public static "
            + sink.annotation()
            + " "
            + sink.type()
            + " "
            + name
            + "("
            + params
            + ") { "
            + sink.type()
            + " v = "
            + expr(sink.type(), 0)
            + "; Sinks.watch"
            + sink.name()
            + "("
            + sites++
            + ", v); return v; }");
  }

  private void statement(int depth) {
    if (!choosers.isEmpty() && random.nextInt(24) == 0) {
      int k = random.nextInt(choosers.size());
      line(
          helperPrefix
              + choosers.get(k)
              + "("
              + expr("int", 1)
              + ", "
              + expr("long", 1)
              + ", x, "
              + (k == 0
                  ? pick("Sinks.Mode.A", "Sinks.Mode.B", "Sinks.Mode.C")
                  : pick("\"a\"", "\"b\"", "\"c\""))
              + ");");
      return;
    }
    if (!forwarders.isEmpty() && random.nextInt(16) == 0) {
      line(
          helperPrefix
              + forwarders.get(random.nextInt(forwarders.size()))
              + "("
              + expr("int", 1)
              + ", "
              + expr("long", 1)
              + ", x);");
      return;
    }
    if (random.nextInt(20) == 0) {
      keptElsewhere();
      return;
    }
    if (helperWrites && random.nextInt(30) == 0) {
      // a check of the static box's field, then a call of a method that may write it (the class's
      // own, or another top-level class's), then a sink the check made safe before the call
      // or the same through an interface, implemented by another top-level class or a lambda
      // or a jar's method that runs a function passed to it, a lambda of another class
      // or a local class of another class, or a jar's method that calls an override of a jar
      // method on the object it is called on or handed, or code that calls one without naming
      // it (a concatenation, an enhanced for loop, a try-with-resources statement, a
      // constructor's instance initializer), or a jar's method that reaches it held by another
      // object (an Optional, a Map, an array), or reached as an Object, or one whose jar
      // interface a jar's code tests for (Arrays.sort of an Object[] runs compareTo)
      int writer = random.nextInt(6);
      String ops = className + "Ops.OPS";
      String call =
          (writer == 5
              ? pick(
                  ops + ".contains(x);",
                  "String.valueOf(" + ops + ");",
                  "new java.util.ArrayList<>(" + ops + ");",
                  "String.valueOf(\"\" + " + ops + ");",
                  "for (Sinks.Box each : " + ops + ") { }",
                  "try (" + ops + ") { }",
                  "new " + className + "Init();",
                  "String.valueOf(" + className + "Ops.HELD);",
                  className + "Ops.HELD.toString();",
                  "String.valueOf(" + className + "Ops.BY_NAME);",
                  "java.util.Arrays.toString(" + className + "Ops.ARRAY);",
                  "String.valueOf(\"\" + " + className + "Ops.BY_NAME);",
                  "String.valueOf(" + className + "Ops.AS_OBJECT);",
                  className + "Ops.AS_OBJECTS.toString();",
                  "String.valueOf(\"\" + " + className + "Ops.AS_OBJECT);",
                  "java.util.Arrays.sort(" + className + "Rank.RANKS);")
              : writer == 3
                  ? "java.util.Optional.ofNullable(x).ifPresent(" + className + "Function.C);"
                  : switch (writer) {
                        case 0 -> helperPrefix + "sbw(";
                        case 1 -> className + "Writer.W.w(";
                        case 2 -> className + "Function.L.w(";
                        default -> className + "Local.LOCAL.w(";
                      }
                      + expr("int", 1)
                      + ", "
                      + expr("long", 1)
                      + ", x);");
      // Rank's compareTo writes f32, which the others leave: the check and the use are of f32
      String field = call.contains("Rank.RANKS") ? "f32" : "f16";
      line(
          "if (Sinks.SB."
              + field
              + " <= 0x7F) { "
              + call
              + " Sinks."
              + pick("u8", "s8")
              + "("
              + sites++
              + ", "
              + (field.equals("f32") ? "(int) Sinks.SB.f32" : "Sinks.SB.f16")
              + "); }");
      return;
    }
    if (random.nextInt(30) == 0) {
      // the static box, or one of its fields, written between a check and a helper's call
      line(
          random.nextBoolean()
              ? "Sinks.SB = " + pick("x", "new Sinks.Box()") + ";"
              : staticBoxWrite());
      return;
    }
    if (random.nextInt(16) == 0 && eachOfALocalArray(depth)) {
      return;
    }
    if (helperPrefix.isEmpty() && random.nextInt(40) == 0) {
      line("ko(" + boxed("Object") + ");");
      return;
    }
    if (random.nextInt(4) == 0) {
      moreStatements(depth);
      return;
    }
    switch (random.nextInt(depth >= 2 ? 4 : 7)) {
      case 0, 1 -> declare();
      case 2 -> sink();
      case 3 -> {
        if (locals.isEmpty()) {
          declare();
        } else {
          int i = random.nextInt(locals.size());
          String type = localTypes.get(i);
          String op = pick("+=", "-=", "*=", "=");
          line(locals.get(i) + " " + op + " " + expr(pick(type, "int"), 1) + ";");
        }
      }
      case 4 -> {
        if (random.nextInt(3) > 0) {
          switch (random.nextInt(10)) {
            // the same early exit, by a library's precondition or assertion that throws
            case 0 ->
                line("com.google.common.base.Preconditions.checkArgument(!(" + cond(0) + "));");
            case 1 ->
                line(
                    "org.junit.jupiter.api.Assertions.assertFalse("
                        + cond(0)
                        + ", \"site "
                        + sites
                        + "\");");
            // by a validator of the program's own, or a method that always throws
            case 2, 3 ->
                line(
                    helperPrefix
                        + validators.get(random.nextInt(validators.size()))
                        + "("
                        + primary("int")
                        + ", "
                        + primary("long")
                        + ", "
                        + (aliased ? pick("x", "xa") : "x")
                        + ");");
            case 4 -> line("if (" + cond(0) + ") " + helperPrefix + "fail(" + sites + ");");
            // by a result code
            case 5, 6 -> resultCodeExit(depth);
            default -> line("if (" + cond(0) + ") return;");
          }
          return;
        }
        // the check kept in a boolean, tested after a statement that may write what it checked
        String flag = "ok" + names++;
        String type = pick("int", "long");
        String operand = primary(type);
        if (random.nextBoolean()) {
          line("boolean " + flag + " = " + operandCheck(operand) + ";");
        } else {
          line("boolean " + flag + " = " + pick("true", "false", operandCheck(operand)) + ";");
          for (int k = 0, n = 1 + random.nextInt(2); k < n; k++) {
            flagUpdate(flag, operand, depth);
          }
        }
        if (locals.contains(operand) && random.nextBoolean()) {
          line(operand + " = " + expr(type, 1) + ";");
        } else {
          statement(depth + 1);
        }
        line("if (" + pick("", "!") + flag + ") return;");
        sinkOf(type, operand);
      }
      case 5 -> {
        line("if (" + cond(0) + ") {");
        block(depth);
        if (random.nextBoolean()) {
          line("} else {");
          block(depth);
        }
        line("}");
      }
      default -> {
        String i = "i" + names++;
        line("for (int " + i + " = 0; " + i + " < " + (1 + random.nextInt(3)) + "; " + i + "++) {");
        block(depth);
        line("}");
      }
    }
  }

  /**
   * A value kept where it carries no width of its own, then given to a sink: a plain field of the
   * box written on one branch only (what the other branch leaves is the field's value from before),
   * or a box in an {@code Object}, {@code Number} or {@code Serializable} local, perhaps given
   * another value (of either type) on one branch, unboxed by a pattern or {@code Number}'s
   * conversions.
   */
  private void keptElsewhere() {
    SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
    if (random.nextBoolean()) {
      line("if (" + cond(0) + ") {");
      indent++;
      line("x.plain = " + expr("int", 1) + ";");
      indent--;
      line("}");
      line("Sinks." + sink.name() + "(" + sites++ + ", x.plain);");
      return;
    }
    String o = "o" + names++;
    String holder = pick("Object", "Number", "java.io.Serializable");
    line(holder + " " + o + " = " + boxed(holder) + ";");
    if (random.nextBoolean()) {
      line("if (" + cond(0) + ") " + o + " = " + boxed(holder) + ";");
    }
    String bound = "n" + names++;
    String value =
        switch (random.nextInt(3)) {
          case 0 -> {
            line("if (" + o + " instanceof Integer " + bound + ") {");
            yield bound;
          }
          case 1 -> {
            line("if (" + o + " instanceof Long " + bound + ") {");
            yield sink.type().equals("long") ? bound : "(int) (long) " + bound;
          }
          default -> {
            line("{");
            yield "((Number) " + o + ")." + sink.type() + "Value()";
          }
        };
    indent++;
    line("Sinks." + sink.name() + "(" + sites++ + ", " + value + ");");
    indent--;
    line("}");
  }

  /**
   * A value to box into a {@code holder} ({@code Object}, {@code Number}, {@code Serializable}): an
   * {@code int} or {@code long} cast to its type (a {@code char} is no {@code Number}), sometimes
   * boxed by a cast to the holder, by a conditional whose other arm is no number, or arm by arm by
   * a {@code switch} expression whose arms are of both types and, but for a {@code Number}, a
   * string.
   */
  private String boxed(String holder) {
    String type = pick("int", "long");
    String value = "(" + type + ") (" + expr(type, 1) + ")";
    boolean number = holder.equals("Number");
    return switch (random.nextInt(8)) {
      case 0 -> "(" + holder + ") " + value;
      case 1 -> number ? value : "(" + cond(0) + " ? " + value + " : \"none\")";
      case 2 -> {
        String other = type.equals("int") ? "long" : "int";
        yield "switch ("
            + primary("int")
            + " & 3) { case 0 -> "
            + value
            + "; case 1 -> ("
            + other
            + ") ("
            + expr(other, 1)
            + "); default -> "
            + (number ? "0" : "\"none\"")
            + "; }";
      }
      default -> value;
    };
  }

  /** A comparison of {@code operand} with a bound, or now and then any other check. */
  private String operandCheck(String operand) {
    return random.nextInt(5) == 0
        ? cond(1)
        : operand
            + " "
            + pick("<", "<=", ">", ">=", "==", "!=")
            + " "
            + pick("0", "0xFF", "0xFFFF", "0x7FFF", "-0x8000", "0x10000");
  }

  /**
   * A statement that gives a boolean local a new value from what it held and a check: set under a
   * check, in a loop, combined with {@code &=}, {@code |=}, {@code &}, {@code |}, {@code &&} or
   * {@code ||}, or copied from another check.
   */
  private void flagUpdate(String flag, String operand, int depth) {
    switch (random.nextInt(5)) {
      case 0 -> {
        line("if (" + operandCheck(operand) + ") {");
        line("  " + flag + " = " + pick("true", "false", operandCheck(operand)) + ";");
        if (random.nextBoolean()) {
          line("} else {");
          line("  " + flag + " = " + pick("true", "false", "!" + flag) + ";");
        }
        line("}");
      }
      case 1 -> line(flag + " " + pick("&=", "|=") + " " + operandCheck(operand) + ";");
      case 2 ->
          line(
              flag
                  + " = "
                  + pick(flag, "(" + operandCheck(operand) + ")")
                  + pick(" & ", " | ", " && ", " || ")
                  + pick(flag, "(" + operandCheck(operand) + ")")
                  + ";");
      case 3 -> {
        String i = "i" + names++;
        int rounds = 1 + random.nextInt(3);
        String set =
            "  if (" + operandCheck(operand) + ") " + flag + " = " + pick("true", "false") + ";";
        if (random.nextBoolean()) {
          line("for (int " + i + " = 0; " + i + " < " + rounds + "; " + i + "++) {");
          line(set);
          line("}");
        } else {
          line("int " + i + " = 0;");
          line("do {");
          line(set);
          line("  " + i + "++;");
          line("} while (" + i + " < " + rounds + ");");
        }
      }
      default -> {
        line("if (" + cond(1) + ") {");
        block(depth + 1);
        line("  " + flag + " = " + pick("true", "false", operandCheck(operand)) + ";");
        line("}");
      }
    }
  }

  /**
   * The rarer statements: increments, checks of shifted and unsigned values, a difference after a
   * comparison of two values, {@code switch}, {@code do}, {@code break} and {@code continue}, and
   * {@code try} around a method that throws.
   */
  private void moreStatements(int depth) {
    String local = intLocal();
    int cases = depth >= 2 ? 6 : feature >= 21 ? 15 : 13;
    int choice = random.nextInt(cases);
    if (choice == cases - 1 && depth < 2) {
      lambda();
      return;
    }
    switch (choice) {
      case 12 -> {
        String p = "p" + names++;
        String q = "q" + names++;
        line(
            "if (r instanceof Sinks.Rec(var "
                + p
                + ", var "
                + q
                + ") && "
                + p
                + " "
                + pick("<=", ">")
                + " "
                + pick("0xFF", "0x7F")
                + ") {");
        indent++;
        line("Sinks." + pick("u8", "s8") + "(" + sites++ + ", " + p + ");");
        line("Sinks.u16(" + sites++ + ", (int) " + q + ");");
        indent--;
        line("}");
      }
      case 13 -> {
        String p = "p" + names++;
        String q = "q" + names++;
        line("switch (r) {");
        indent++;
        line(
            "case Sinks.Rec(var "
                + p
                + ", var "
                + q
                + ") when "
                + q
                + " <= "
                + pick("0xFF", "0xFFFF")
                + " ->");
        line("    Sinks." + pick("u8", "u16", "s16") + "(" + sites++ + ", (int) " + q + ");");
        line("case Sinks.Rec(var " + p + "x, var " + q + "x) ->");
        line("    Sinks." + pick("u8", "u16") + "(" + sites++ + ", " + p + "x);");
        indent--;
        line("}");
      }
      case 10 -> {
        if (random.nextInt(8) == 7) {
          // a C unsigned long parameter as the sink, met by many methods: a u32 on i386 only
          line("Sinks.nl(" + sites++ + ", " + expr("long", 1) + ");");
          return;
        }
        // a field as the sink, read back on the same line, then given a value of its width again
        String[] field =
            switch (random.nextInt(7)) {
              case 6 -> new String[] {"nl", "watchnl", "long", " &= 0xFFFFFFFFL"};
              case 4 -> new String[] {"b5", "watchb5", "int", " &= 0x1F"};
              case 5 -> new String[] {"d3", "watchd3", "int", " = (x.d3 << 29) >> 29"};
              case 0 -> new String[] {"f16", "u16", "int", " &= 0xFFFF"};
              case 1 -> new String[] {"f8", "u8", "int", " &= 0xFF"};
              case 2 -> new String[] {"s16", "s16", "int", " = (short) x.s16"};
              default -> new String[] {"f32", "u32", "long", " &= 0xFFFFFFFFL"};
            };
        line(
            "x."
                + field[0]
                + " = "
                + expr(field[2], 1)
                + "; Sinks."
                + field[1]
                + "("
                + sites++
                + ", x."
                + field[0]
                + "); x."
                + field[0]
                + field[3]
                + ";");
      }
      case 9 -> {
        if (random.nextBoolean()) {
          // an @AbiArray element as the sink, then given a value of its width again
          String index = "x.arr[" + primary("int") + " & 3]";
          line(
              "{ int j = "
                  + primary("int")
                  + " & 3; x.arr[j] = "
                  + expr("int", 1)
                  + "; Sinks.u16("
                  + sites++
                  + ", x.arr[j]); x.arr[j] &= 0xFFFF; }");
          line("Sinks.u16(" + sites++ + ", " + index + ");");
        } else {
          // a compound assignment to a field as the sink
          line(
              "x.f16 "
                  + pick("+=", "-=", "*=", "<<=", "|=")
                  + " "
                  + expr("int", 1)
                  + "; Sinks.u16("
                  + sites++
                  + ", x.f16); x.f16 &= 0xFFFF;");
        }
      }
      case 11 -> {
        // an annotated local as the sink, read on the same line and not used again
        SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
        String v = "w" + names++;
        line(
            sink.annotation()
                + " "
                + sink.type()
                + " "
                + v
                + " = "
                + expr(sink.type(), 1)
                + "; Sinks."
                + sink.name()
                + "("
                + sites++
                + ", "
                + v
                + ");");
      }
      case 0 -> {
        if (local == null) {
          declare();
        } else {
          line(pick(local + "++;", local + "--;", "++" + local + ";", "--" + local + ";"));
        }
      }
      case 1 ->
          line(
              switch (random.nextInt(3)) {
                case 0 ->
                    "if ((" + primary("int") + " >>> " + pick("8", "16", "15") + ") != 0) return;";
                case 1 -> "if (" + maskCheck() + ") return;";
                default ->
                    "if (Integer.toUnsignedLong("
                        + primary("int")
                        + ") "
                        + pick(">", ">=", "<", "<=")
                        + " "
                        + pick("0xFF", "0xFFFF", "0x7FFFFFFFL", "0x80000000L")
                        + ") return;";
              });
      case 2 ->
          line(
              "if (Integer.compareUnsigned("
                  + primary("int")
                  + ", "
                  + pick("0xFF", "0xFFFF", "0x7FFF")
                  + ") "
                  + pick(">", ">=")
                  + " 0) return;");
      case 3 -> {
        String x = primary("int");
        String y = primary("int");
        line("if (" + x + " <= " + y + ") {");
        indent++;
        SinkKind sink = SINKS.get(random.nextInt(SINKS.size() - 1));
        line("Sinks." + sink.name() + "(" + sites++ + ", " + y + " - " + x + ");");
        indent--;
        line("}");
      }
      case 4 -> {
        String v = "v" + names++;
        line("int " + v + ";");
        line("try {");
        indent++;
        line(
            v
                + " = "
                + pick("Math.toIntExact(", "Abi.checkU16(", "Abi.checkS16(")
                + expr("long", 1)
                + ");");
        indent--;
        line("} catch (ArithmeticException ex) {");
        indent++;
        line(v + " = " + expr("int", 2) + ";");
        indent--;
        line("}");
        locals.add(v);
        localTypes.add("int");
      }
      case 5 -> {
        String type = pick("short", "byte", "char");
        String v = "v" + names++;
        line(type + " " + v + " = (" + type + ") " + expr("int", 1) + ";");
        line(v + " " + pick("+=", "-=", "*=", "&=", ">>=") + " " + expr("int", 2) + ";");
        line("Sinks." + pick("u16", "s16", "u8") + "(" + sites++ + ", " + v + ");");
      }
      case 6 -> {
        line("switch (" + primary("int") + " & 3) {");
        indent++;
        for (String label : new String[] {"case 0:", "case 1:", "default:"}) {
          line(label);
          indent++;
          block(depth);
          line("break;");
          indent--;
        }
        indent--;
        line("}");
      }
      case 7 -> {
        String k = "k" + names++;
        line("int " + k + " = 0;");
        line("do {");
        block(depth);
        line("} while (++" + k + " < " + (1 + random.nextInt(3)) + ");");
      }
      default -> loops(depth, local);
    }
  }

  /**
   * Loops with early exits: {@code break} and {@code continue} on a check, a labeled {@code break}
   * out of two loops, a {@code for} over an {@code @AbiArray}'s elements, and a check whose operand
   * is an assignment.
   */
  private void loops(int depth, String local) {
    String i = "i" + names++;
    switch (random.nextInt(4)) {
      case 0 -> {
        String element = "y" + names++;
        line("for (int " + element + " : x.arr) {");
        indent++;
        line(
            "Sinks."
                + pick("u8", "s16", "u16")
                + "("
                + sites++
                + ", "
                + element
                + " "
                + pick("+", "-", "*", ">>")
                + " "
                + primary("int")
                + ");");
        indent--;
        block(depth);
        line("}");
      }
      case 1 -> {
        String j = "j" + names++;
        String label = "outer" + names++;
        line(label + ":");
        line("for (int " + i + " = 0; " + i + " < 3; " + i + "++) {");
        indent++;
        line("for (int " + j + " = 0; " + j + " < 2; " + j + "++) {");
        indent++;
        line("if (" + cond(1) + ") break " + label + ";");
        indent--;
        block(depth);
        line("}");
        indent--;
        line("}");
      }
      case 2 -> {
        if (local == null) {
          declare();
          return;
        }
        line(
            "if (("
                + local
                + " = "
                + expr("int", 1)
                + ") "
                + pick(">", "<", ">=")
                + " "
                + pick("0xFF", "0xFFFF", "0")
                + ") return;");
      }
      default -> {
        line("for (int " + i + " = 0; " + i + " < 3; " + i + "++) {");
        indent++;
        line("if (" + cond(1) + ") " + pick("break;", "continue;"));
        indent--;
        block(depth);
        line("}");
      }
    }
  }

  /**
   * A sink in a lambda that runs at once: its value is computed from the parameters and the fields,
   * which the lambda captures.
   */
  private void lambda() {
    List<String> savedLocals = new ArrayList<>(locals);
    List<String> savedTypes = new ArrayList<>(localTypes);
    locals.clear();
    localTypes.clear();
    SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
    String value = expr(sink.type(), 1);
    locals.addAll(savedLocals);
    localTypes.addAll(savedTypes);
    line("((Runnable) () -> Sinks." + sink.name() + "(" + sites++ + ", " + value + ")).run();");
  }

  private String intLocal() {
    List<String> ints = new ArrayList<>();
    for (int i = 0; i < locals.size(); i++) {
      if (localTypes.get(i).equals("int")) {
        ints.add(locals.get(i));
      }
    }
    return ints.isEmpty() ? null : ints.get(random.nextInt(ints.size()));
  }

  /** A nested block: its locals end with it. */
  private void block(int depth) {
    int size = locals.size();
    indent++;
    int statements = 1 + random.nextInt(3);
    for (int i = 0; i < statements; i++) {
      statement(depth + 1);
    }
    indent--;
    while (locals.size() > size) {
      locals.remove(locals.size() - 1);
      localTypes.remove(localTypes.size() - 1);
    }
  }

  private void declare() {
    if (random.nextInt(6) == 0) {
      declareArray();
      return;
    }
    String type = pick("int", "long", "double", "float", "int", "long");
    String name = "v" + names++;
    line(type + " " + name + " = " + expr(type, 0) + ";");
    locals.add(name);
    localTypes.add(type);
  }

  /**
   * A local array of two or three elements, created empty or with values, whose elements (each
   * named by a constant index) the statements after it read, write and check as they do locals.
   */
  private void declareArray() {
    String type = pick("int", "long");
    String name = "a" + names++;
    int length = 2 + random.nextInt(2);
    if (random.nextBoolean()) {
      line(type + "[] " + name + " = new " + type + "[" + length + "];");
    } else {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        values.add(expr(type, 1));
      }
      line(type + "[] " + name + " = {" + String.join(", ", values) + "};");
    }
    for (int i = 0; i < length; i++) {
      locals.add(name + "[" + i + "]");
      localTypes.add(type);
    }
  }

  /**
   * An enhanced {@code for} over a local array of {@link #declareArray} in scope, whose body gives
   * each element to a sink and may write another value into an element for the rounds after it;
   * false when no such array is in scope.
   */
  private boolean eachOfALocalArray(int depth) {
    List<Integer> arrays = new ArrayList<>();
    for (int i = 0; i < locals.size(); i++) {
      if (locals.get(i).endsWith("[0]")) {
        arrays.add(i);
      }
    }
    if (arrays.isEmpty() || depth >= 2) {
      return false;
    }
    int at = arrays.get(random.nextInt(arrays.size()));
    String array = locals.get(at).substring(0, locals.get(at).length() - 3);
    String type = localTypes.get(at);
    String element = "e" + names++;
    SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
    line("for (" + type + " " + element + " : " + array + ") {");
    indent++;
    sinkOf(sink, type, element);
    if (random.nextBoolean()) {
      line(array + "[" + random.nextInt(2) + "] = " + expr(type, 1) + ";");
    }
    indent--;
    line("}");
    return true;
  }

  /** A value of Java type {@code type} given to a sink of any kind, cast to its type if need be. */
  private void sinkOf(String type, String value) {
    sinkOf(SINKS.get(random.nextInt(SINKS.size())), type, value);
  }

  private void sinkOf(SinkKind sink, String type, String value) {
    line(
        "Sinks."
            + sink.name()
            + "("
            + sites++
            + ", "
            + (sink.type().equals(type) ? "" : "(" + sink.type() + ") ")
            + value
            + ");");
  }

  private void sink() {
    SinkKind sink = SINKS.get(random.nextInt(SINKS.size()));
    line("Sinks." + sink.name() + "(" + sites++ + ", " + expr(sink.type(), 0) + ");");
  }

  private String cond(int depth) {
    if (depth < 1 && random.nextInt(4) == 0) {
      return cond(depth + 1) + pick(" && ", " || ") + cond(depth + 1);
    }
    String check = random.nextInt(6) == 0 ? helperCall("boolean", depth) : null;
    if (check != null) {
      return pick("", "!") + check;
    }
    if (random.nextInt(6) == 0) {
      return maskCheck();
    }
    String type = pick("int", "long", "double", "float");
    String operand = primary(type);
    String bound =
        type.equals("double") || type.equals("float")
            ? pick("0", "255", "65535.0", "65536.0", "0.5", "-1")
                + (type.equals("float") ? "f" : "")
            : random.nextInt(4) == 0
                // an integer compared with a float or double
                ? pick("65535.0", "255.5", "-0.5", "65536.0f", "0.5f", "1e10")
                : pick("0", "0xFF", "0xFFFF", "0x7FFF", "-0x8000", "0x10000", "1");
    return operand + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + bound;
  }

  /**
   * A test of the bits a mask keeps: masks without a hole, with one, int masks on longs, the
   * constant on either side.
   */
  private String maskCheck() {
    return random.nextBoolean()
        ? "("
            + primary("int")
            + " & "
            + pick("~0xFFFF", "0xFFFF0000", "0x7FFF0000", "0xFF00", "~0xFF", "0x80000000")
            + ") "
            + pick("!=", "==")
            + " 0"
        : "0 "
            + pick("!=", "==")
            + " ("
            + pick("~0xFFFFL", "0xFFFF0000L", "0xFFFF0000", "0x7FFF0000L", "0xFF00L", "~0xFFL")
            + " & "
            + primary("long")
            + ")";
  }

  private String expr(String type, int depth) {
    if (depth >= MAX_DEPTH || random.nextInt(3) == 0) {
      return primary(type);
    }
    return switch (type) {
      case "int" -> intExpr(depth + 1);
      case "long" -> longExpr(depth + 1);
      default -> floatingExpr(type, depth + 1);
    };
  }

  private String intExpr(int depth) {
    String call = random.nextInt(10) == 0 ? helperCall("int", depth) : null;
    if (call != null) {
      return call;
    }
    if (random.nextInt(4) == 0) {
      return switch (random.nextInt(7)) {
        case 0 ->
            "Abi."
                + pick("checkU16", "checkU8", "truncU8", "checkS16")
                + "("
                + expr("long", depth)
                + ")";
        case 1 ->
            "Integer."
                + pick("divideUnsigned", "remainderUnsigned")
                + "("
                + expr("int", depth)
                + ", "
                + expr("int", depth)
                + " | 1)";
        case 2 -> "(" + expr("int", depth) + " << (" + primary("int") + " & 7))";
        case 3 ->
            "switch ("
                + primary("int")
                + " & 3) { case 0 -> "
                + expr("int", depth)
                + "; case 1 -> "
                + expr("int", depth)
                + "; default -> "
                + expr("int", depth)
                + "; }";
        case 4 ->
            pick("Short.toUnsignedInt((short) ", "Byte.toUnsignedInt((byte) ")
                + primary("int")
                + ")";
        case 5 -> "Integer.valueOf(" + expr("int", depth) + ").intValue()";
        default -> "(" + expr("int", depth) + " >> (" + primary("int") + " & 15))";
      };
    }
    return switch (random.nextInt(18)) {
      case 0, 1 ->
          "("
              + expr("int", depth)
              + " "
              + pick("+", "-", "*", "^", "|")
              + " "
              + expr("int", depth)
              + ")";
      case 2 ->
          "("
              + expr("int", depth)
              + " & "
              + pick("0xFF", "0xFFFF", "0x7F", inHelper ? "p" : "c")
              + ")";
      case 3 ->
          "(" + expr("int", depth) + " " + pick(">>>", ">>", "<<") + " " + random.nextInt(20) + ")";
      case 4 ->
          "(" + expr("int", depth) + " " + pick("/", "%") + " (" + expr("int", depth) + " | 1))";
      case 5 -> "(int) " + primary("long");
      case 6 -> "(int) " + primary(pick("double", "float"));
      case 7 -> "(" + pick("short", "byte", "char") + ") " + primary("int");
      case 8 ->
          pick("Math.", "Integer.")
              + pick("min", "max")
              + "("
              + expr("int", depth)
              + ", "
              + pick("0xFF", "0xFFFF", "0", inHelper ? "p" : "b")
              + ")";
      case 9 -> "Math.round(" + expr("float", depth) + ")";
      case 10 -> "(" + cond(1) + " ? " + expr("int", depth) + " : " + expr("int", depth) + ")";
      case 11 -> "-(" + primary("int") + ")";
      case 12 -> "Abi.truncU16(" + expr("long", depth) + ")";
      case 13 -> "Math.abs(" + expr("int", depth) + ")";
      case 14 ->
          "Math."
              + pick("addExact", "subtractExact", "multiplyExact")
              + "("
              + expr("int", depth)
              + ", "
              + expr("int", depth)
              + ")";
      case 15 -> "Integer.signum(" + expr("int", depth) + ")";
      case 16 ->
          "Math.floorDiv("
              + expr("int", depth)
              + ", "
              + pick("0x100", "-7", "(" + expr("int", depth) + " | 1)")
              + ")";
      default ->
          "Math.floorMod("
              + expr("int", depth)
              + ", "
              + pick("0x100", "7", "0x10000", "(" + expr("int", depth) + " | 1)")
              + ")";
    };
  }

  private String longExpr(int depth) {
    String call = random.nextInt(10) == 0 ? helperCall("long", depth) : null;
    if (call != null) {
      return call;
    }
    if (random.nextInt(5) == 0) {
      return pick("Long.divideUnsigned(", "Long.remainderUnsigned(")
          + expr("long", depth)
          + ", "
          + expr("long", depth)
          + " | 1)";
    }
    return switch (random.nextInt(13)) {
      case 0, 1 ->
          "("
              + expr("long", depth)
              + " "
              + pick("+", "-", "*", "|")
              + " "
              + expr(pick("int", "long"), depth)
              + ")";
      case 2 -> "(" + expr("long", depth) + " & " + pick("0xFFFFFFFFL", "0xFFFFL", "0xFF") + ")";
      case 3 ->
          "("
              + expr("long", depth)
              + " "
              + pick(">>>", ">>", "<<")
              + " "
              + random.nextInt(40)
              + ")";
      case 4 -> "Integer.toUnsignedLong(" + expr("int", depth) + ")";
      case 5 -> "(long) " + primary(pick("double", "float"));
      case 6 -> "Math.round(" + expr("double", depth) + ")";
      case 7 -> "(" + cond(1) + " ? " + expr("long", depth) + " : " + expr("int", depth) + ")";
      case 8 ->
          "Long."
              + pick("min", "max")
              + "("
              + expr("long", depth)
              + ", "
              + expr(pick("int", "long"), depth)
              + ")";
      case 9 -> "Math.abs(" + expr("long", depth) + ")";
      case 10 ->
          "Math."
              + pick("addExact", "subtractExact", "multiplyExact")
              + "("
              + expr("long", depth)
              + ", "
              + expr(pick("int", "long"), depth)
              + ")";
      case 11 ->
          "Math.floorDiv("
              + expr("long", depth)
              + ", "
              + pick("2", "-3", "(" + expr("int", depth) + " | 1)")
              + ")";
      default -> "(long) " + expr("int", depth);
    };
  }

  private String floatingExpr(String type, int depth) {
    String cast = type.equals("float") ? "(float) " : "";
    String f = type.equals("float") ? "f" : "";
    return switch (random.nextInt(8)) {
      case 0, 1 ->
          cast
              + "("
              + expr(type, depth)
              + " "
              + pick("+", "-", "*", "/", "%")
              + " "
              + expr(pick(type, "int", "long", "double"), depth)
              + ")";
      case 2 -> "(" + type + ") " + expr(pick("int", "long"), depth);
      case 3 -> cast + "Math." + pick("floor", "ceil", "rint") + "(" + expr("double", depth) + ")";
      case 4 ->
          "Math."
              + pick("min", "max")
              + "("
              + expr(type, depth)
              + ", "
              + pick("65535.0", "0.0", "255.5")
              + f
              + ")";
      case 5 -> "Math.abs(" + expr(type, depth) + ")";
      case 6 ->
          "(" + cond(1) + " ? " + expr(type, depth) + " : " + expr(pick("int", type), depth) + ")";
      default -> "-(" + primary(type) + ")";
    };
  }

  private String primary(String type) {
    if (inHelper && !locals.isEmpty() && localTypes.get(0).equals(type) && random.nextBoolean()) {
      return locals.get(0);
    }
    if (inHelper) {
      String picked =
          switch (type) {
            case "int" ->
                pick("p", "p", "y.f16", "y.raw32", "y.s16", "0xFFFF", "-1", "7", "Sinks.SB.f16");
            case "long" -> pick("q", "q", "y.f32", "(long) p", "3L", "y.nl", "Sinks.SB.f32");
            case "double" -> pick("(double) q", "(double) p", "0.5", "65535.5");
            default -> pick("(float) q", "(float) p", "1.5f", "65536.0f");
          };
      // a helper of statements may read its box through a local that names it
      return aliased && picked.startsWith("y.") && random.nextBoolean()
          ? "yb" + picked.substring(1)
          : picked;
    }
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < locals.size(); i++) {
      if (localTypes.get(i).equals(type)) {
        candidates.add(locals.get(i));
      }
    }
    if (!candidates.isEmpty() && random.nextInt(3) > 0) {
      return candidates.get(random.nextInt(candidates.size()));
    }
    String picked = primaryOfParameters(type);
    // now and then through a local that names the same box
    return aliased && picked.startsWith("x.") && random.nextBoolean()
        ? "xa" + picked.substring(1)
        : picked;
  }

  private String primaryOfParameters(String type) {
    return switch (type) {
      case "int" ->
          pick(
              "b",
              "c",
              "d",
              "e",
              "b",
              "c",
              "d",
              "e",
              "0xFFFF",
              "-1",
              "7",
              "x.f16",
              "x.s16",
              "x.f8",
              "x.raw32",
              "r.r16()",
              "x.arr[b & 3]",
              "x.b5",
              "x.d3",
              "x.rb",
              "x.rs",
              "Sinks.SB.f16",
              "Sinks.SB.s16");
      case "long" ->
          pick(
              "a",
              "a",
              "(long) d",
              "0xFFFFFFFFL",
              "3L",
              "x.f32",
              "r.r32()",
              "x.nl",
              "x.u64",
              "Sinks.SB.f32",
              "Sinks.SB.nl");
      case "double" -> pick("(double) a", "(double) d", "(double) c", "0.5", "65535.5");
      default -> pick("(float) a", "(float) d", "(float) b", "1.5f", "65536.0f");
    };
  }

  /** A write of a field of the static box with a value of its width. */
  private String staticBoxWrite() {
    return random.nextBoolean()
        ? "Sinks.SB.f16 = " + expr("int", 1) + " & 0xFFFF;"
        : "Sinks.SB.f32 = " + expr("long", 1) + " & 0xFFFFFFFFL;";
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private void line(String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
