package org.abiguard.processor.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Writes random, well-typed Java classes for the guard to analyse: every method body is built from
 * the statement and expression kinds of Java 17 up to {@code feature} (record patterns, pattern
 * {@code switch} and {@code when} guards from 21, unnamed variables from 22, statements before
 * {@code super(...)} from 25), over values with declared widths (fields, parameters, locals, record
 * components, {@code @AbiArray} elements) and into every kind of sink. The code compiles: variables
 * are declared before use and initialised, jumps only end blocks that can be skipped, lambdas and
 * local classes capture only final variables.
 */
final class ProgramGenerator {
  private static final int MAX_DEPTH = 3;

  private final Random random;
  private final int feature;
  private StringBuilder out;
  private int indent;
  private int names;

  /** Scopes of visible variables, innermost first. */
  private final Deque<List<Var>> scopes = new ArrayDeque<>();

  private Context context;
  private String className;

  /** A visible variable: Java type, whether it may be assigned and whether a lambda may read it. */
  private record Var(String name, String type, boolean assignable, boolean capturable) {}

  /**
   * Where a statement is: loop labels reachable by break/continue, whether a plain break or
   * continue has a target, what a return needs (null: returns a value of no kind, "void": none,
   * "none": not allowed), whether {@code yield} is the way out (a switch expression's block),
   * whether only capturable variables may be read (inside a lambda or a local class).
   */
  private record Context(
      List<String> labels,
      boolean inLoop,
      boolean inSwitch,
      String returns,
      boolean yields,
      boolean captureOnly) {
    Context loop(String label) {
      List<String> l = new ArrayList<>(labels);
      if (label != null) {
        l.add(label);
      }
      return new Context(l, true, inSwitch, returns, false, captureOnly);
    }

    Context switchBlock() {
      return new Context(labels, inLoop, true, returns, false, captureOnly);
    }
  }

  ProgramGenerator(long seed, int feature) {
    this.random = new Random(seed);
    this.feature = feature;
  }

  /** A compilation unit {@code fuzz.<name>} with {@code methods} generated methods. */
  String compilationUnit(String name, int methods) {
    out = new StringBuilder();
    indent = 0;
    className = name;
    line("package fuzz;");
    line("");
    line("import java.util.List;");
    line("import java.util.function.IntBinaryOperator;");
    line("import java.util.function.IntUnaryOperator;");
    line("import java.util.function.IntSupplier;");
    line("import java.util.function.LongUnaryOperator;");
    line("import org.abiguard.*;");
    line("");
    line("@SuppressWarnings(\"all\")");
    line("class " + name + " {");
    indent++;
    line("@U32 int space;");
    line("@U16 int domid;");
    line("@U64 long mfn;");
    line("@U8 byte flags;");
    line("@S16 short delta;");
    line("@NativeLong long nr;");
    line("@U16 char port;");
    line("int plain;");
    line("long plainLong;");
    line("static @U32 int counter;");
    line("@AbiArray(4) @U16 int[] ports = new int[4];");
    line("int[][] p2m = new int[2][2];");
    line("record R(@U32 int space, @U16 int domid) {}");
    line("record Pair(R first, @U8 int tag) {}");
    line("interface Op { int apply(@U32 int x); }");
    line("interface Narrow { void take(@U16 int x); }");
    line("static final class Res implements AutoCloseable { @Override public void close() {} }");
    line("static class Base { Base(@U16 int v) {} }");
    line("static void put8(@U8 int v) {}");
    line("static void put16(@U16 int v) {}");
    line("static void put32(@U32 long v) {}");
    line("static void putRaw32(@U32 int v) {}");
    line("static void putS16(@S16 int v) {}");
    line("static void putAll(@U16 int... v) {}");
    line("static @U16 int narrow16() { return 7; }");
    line("static int identity(int v) { return v; }");
    line("");
    if (feature >= 25) {
      derivedWithPrologue(name);
    }
    for (int i = 0; i < methods; i++) {
      method("m" + i);
    }
    indent--;
    line("}");
    return out.toString();
  }

  /** A constructor with statements before {@code super(...)} (Java 25). */
  private void derivedWithPrologue(String name) {
    line("static class Derived extends Base {");
    indent++;
    line("Derived(@U32 int space, @U16 int domid) {");
    indent++;
    line("int v = space & 0xFFFF;");
    line("if (domid > 0xFF) { v = domid; }");
    line("super(v);");
    indent--;
    line("}");
    indent--;
    line("}");
  }

  private void method(String name) {
    names = 0;
    scopes.clear();
    List<Var> params =
        new ArrayList<>(
            List.of(
                new Var("a", "int", false, true),
                new Var("b", "int", false, true),
                new Var("c", "long", false, true),
                new Var("d", "int", false, true),
                new Var("r", "R", false, true),
                new Var("o", "Object", false, true),
                new Var("list", "List<Integer>", false, true),
                new Var("bytes", "byte[]", false, true)));
    scopes.push(params);
    String ret = pick("int", "void", "@U16 int", "long");
    line(
        (ret.startsWith("@") ? ret.substring(0, ret.indexOf(' ')) + " " : "")
            + ret.replace("@U16 ", "")
            + " "
            + name
            + "(@U32 int a, @U16 int b, @U32 long c, int d, R r, Object o, List<Integer> list, byte[] bytes) {");
    indent++;
    context = new Context(List.of(), false, false, ret.replace("@U16 ", ""), false, false);
    int n = 2 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      statement(0);
    }
    if (!ret.equals("void")) {
      line("return " + expr(ret.replace("@U16 ", ""), 0) + ";");
    }
    indent--;
    line("}");
    line("");
  }

  // ---------------------------------------------------------------- statements

  private void statement(int depth) {
    int kinds = depth >= MAX_DEPTH ? 6 : 28;
    switch (random.nextInt(kinds)) {
      case 0, 1 -> declare();
      case 2 -> assign();
      case 3 -> line(sinkCall() + ";");
      case 4 -> line(incDec() + ";");
      case 5 -> fieldStore();
      case 6, 7 -> ifStatement(depth);
      case 8 -> whileLoop(depth);
      case 9 -> doWhile(depth);
      case 10 -> forLoop(depth);
      case 11 -> forEach(depth);
      case 12 -> switchStatement(depth);
      case 13 -> tryStatement(depth);
      case 14 -> lambdaStatement(depth);
      case 15 -> localClass(depth);
      case 16 -> anonymousClass(depth);
      case 17 -> patternStatement(depth);
      case 18 -> {
        line("synchronized (this) {");
        block(depth);
        line("}");
      }
      case 19 -> line("assert " + cond(1) + " : " + expr("int", 2) + ";");
      case 20 -> labeledLoop(depth);
      case 21 -> arrayStatement();
      case 22 -> {
        line("{");
        block(depth);
        line("}");
      }
      case 24 -> localTypes();
      case 25 -> labeledBlock(depth);
      case 26 ->
          line(
              "ports["
                  + primary("int")
                  + " & 3] "
                  + pick("+=", "-=", "|=", "<<=")
                  + " "
                  + expr("int", 1)
                  + ";");
      default -> checkedStatement(depth);
    }
  }

  /** A local record, enum and interface (Java 16+), used at once. */
  private void localTypes() {
    String record = fresh("Rec");
    String e = fresh("En");
    line("record " + record + "(@U16 int port, long length) {}");
    line("enum " + e + " { A, B }");
    line(
        "put16(new "
            + record
            + "("
            + primary("int")
            + " & 0xFFFF, "
            + primary("long")
            + ").port());");
    line("put8(" + e + ".B.ordinal());");
    line("java.util.function.BiFunction<Integer, Integer, R> " + fresh("make") + " = R::new;");
    line("put16(" + className + ".class.getSimpleName().length());");
    line(";");
    line("put16(\"\"\"");
    line("    text block " + fresh("t"));
    line("    \"\"\".length());");
  }

  /** A labeled block left by {@code break label}. */
  private void labeledBlock(int depth) {
    String label = fresh("B");
    line(label + ": {");
    indent++;
    line("if (" + cond(1) + ") break " + label + ";");
    indent--;
    block(depth);
    line("}");
  }

  /** Statements in a new scope, at one more level of depth, the last one possibly a jump. */
  private void block(int depth) {
    indent++;
    scopes.push(new ArrayList<>());
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      statement(depth + 1);
    }
    scopes.pop();
    indent--;
  }

  /** A block that ends with a jump: the body of an {@code if} without else. */
  private void jumpingBlock(int depth) {
    indent++;
    scopes.push(new ArrayList<>());
    if (random.nextBoolean()) {
      statement(depth + 1);
    }
    line(jump());
    scopes.pop();
    indent--;
  }

  private String jump() {
    List<String> ways = new ArrayList<>();
    if (context.yields) {
      ways.add("yield " + expr("int", 1) + ";");
    } else {
      if (!"none".equals(context.returns)) {
        ways.add(
            context.returns.equals("void")
                ? "return;"
                : "return " + expr(context.returns, 1) + ";");
      }
      if (context.inLoop || context.inSwitch) {
        ways.add("break;");
      }
      if (context.inLoop) {
        ways.add("continue;");
      }
      for (String l : context.labels) {
        ways.add("break " + l + ";");
        ways.add("continue " + l + ";");
      }
    }
    ways.add("throw new IllegalStateException(\"x\" + " + expr("int", 2) + ");");
    return ways.get(random.nextInt(ways.size()));
  }

  private void declare() {
    String[] types = {
      "int",
      "long",
      "@U16 int",
      "@U32 int",
      "@U32 long",
      "@U8 int",
      "@S16 int",
      "short",
      "byte",
      "char",
      "Integer",
      "final int",
      "final long",
      "var",
      "boolean",
      "double",
      "float"
    };
    String t = types[random.nextInt(types.length)];
    String name = fresh("v");
    boolean isFinal = t.startsWith("final ");
    String javaType = t.replace("final ", "").replaceAll("@\\w+ ", "");
    String init;
    if (javaType.equals("var")) {
      javaType = "int";
      init = "(" + expr("int", 0) + ") + 0";
    } else {
      init = valueOf(javaType, 0);
    }
    line(t + " " + name + " = " + init + ";");
    scopes.peek().add(new Var(name, javaType, !isFinal, isFinal));
  }

  /** An expression of a variable's type, cast where Java needs it. */
  private String valueOf(String javaType, int depth) {
    return switch (javaType) {
      case "int", "long", "boolean", "double", "float" -> expr(javaType, depth);
      case "Integer" -> "Integer.valueOf(" + expr("int", depth + 1) + ")";
      default -> "(" + javaType + ") (" + expr("int", depth + 1) + ")";
    };
  }

  private void assign() {
    Var v = variable(null, true);
    if (v == null) {
      declare();
      return;
    }
    if (v.type.equals("boolean")) {
      line(v.name + " = " + cond(1) + ";");
      return;
    }
    boolean floating = v.type.equals("double") || v.type.equals("float");
    if (random.nextInt(3) == 0 && (floating || v.type.equals("int") && random.nextInt(4) == 0)) {
      line(
          v.name
              + " "
              + pick("+=", "-=", "*=", "/=", "%=")
              + " "
              + expr(pick("int", "double", "float"), 1)
              + ";");
      return;
    }
    if (random.nextInt(3) == 0 && !v.type.equals("Integer") && !floating) {
      String op = pick("+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "%=", "/=");
      String rhs =
          op.equals("%=") || op.equals("/=") ? "(" + expr("int", 1) + " | 1)" : expr("int", 1);
      line(v.name + " " + op + " " + rhs + ";");
      return;
    }
    line(v.name + " = " + valueOf(v.type, 1) + ";");
  }

  private String incDec() {
    Var v = variable(random.nextInt(4) == 0 ? pick("double", "float") : "int", true);
    String target = v == null ? pick("plain", "space", "domid", "ports[d & 3]", "counter") : v.name;
    return random.nextBoolean() ? target + pick("++", "--") : pick("++", "--") + target;
  }

  private void fieldStore() {
    switch (random.nextInt(8)) {
      case 0 -> line("space = " + expr("int", 1) + ";");
      case 1 -> line("domid = " + expr("int", 1) + ";");
      case 2 -> line("mfn = " + expr("long", 1) + ";");
      case 3 -> line("flags = (byte) " + primary("int") + ";");
      case 4 -> line("delta = (short) (" + expr("int", 1) + ");");
      case 5 -> line("ports[" + expr("int", 2) + " & 3] = " + expr("int", 1) + ";");
      case 6 -> line("p2m[a & 1][d & 1] = " + expr("int", 1) + ";");
      default -> line("port = (char) " + primary("int") + ";");
    }
  }

  private String sinkCall() {
    return switch (random.nextInt(10)) {
      case 0 -> "put8(" + expr("int", 1) + ")";
      case 1 -> "put16(" + expr("int", 1) + ")";
      case 2 -> "put32(" + expr("long", 1) + ")";
      case 3 -> "putRaw32(" + expr("int", 1) + ")";
      case 4 -> "putS16(" + expr("int", 1) + ")";
      case 5 -> "putAll(" + expr("int", 1) + ", " + expr("int", 2) + ")";
      case 6 -> "putAll(new int[] {" + expr("int", 2) + "})";
      case 7 -> "new R(" + expr("int", 1) + ", " + expr("int", 2) + ")";
      case 8 -> "new Base(" + expr("int", 1) + ")";
      default -> "identity(" + expr("int", 1) + ")";
    };
  }

  private void ifStatement(int depth) {
    line("if (" + cond(0) + ") {");
    if (random.nextInt(3) == 0) {
      jumpingBlock(depth);
      line("}");
      return;
    }
    block(depth);
    if (random.nextBoolean()) {
      line("} else {");
      block(depth);
    }
    line("}");
  }

  /** A range check as people write it, then a use of the checked value. */
  private void checkedStatement(int depth) {
    Var v = variable("int", false);
    String x = v == null ? "a" : v.name;
    String jump = jump();
    switch (random.nextInt(5)) {
      case 0 -> line("if (" + x + " < 0 || " + x + " > 0xFFFF) " + jump);
      case 1 -> line("if (" + x + " > 0xFFFF || " + x + " < 0) " + jump);
      case 2 -> line("if ((" + x + " >>> 16) != 0) " + jump);
      case 3 -> line("if (Integer.compareUnsigned(" + x + ", 0xFFFF) > 0) " + jump);
      default -> line("if (" + x + " > 18) " + jump);
    }
    line(
        pick(
            "put16(" + x + ");",
            "putS16(" + x + ");",
            "put32(1L << " + x + ");",
            "put8(" + x + " & 0xFF);"));
  }

  private void whileLoop(int depth) {
    Var i = counter();
    line("while (" + i.name + " < " + expr("int", 2) + ") {");
    Context saved = context;
    context = context.loop(null);
    indent++;
    line(i.name + "++;");
    indent--;
    block(depth);
    context = saved;
    line("}");
  }

  private void doWhile(int depth) {
    Var i = counter();
    line("do {");
    Context saved = context;
    context = context.loop(null);
    indent++;
    line(i.name + " += 1;");
    indent--;
    block(depth);
    context = saved;
    line("} while (" + i.name + " < 10 && " + cond(1) + ");");
  }

  private Var counter() {
    String name = fresh("i");
    line("int " + name + " = 0;");
    Var v = new Var(name, "int", true, false);
    scopes.peek().add(v);
    return v;
  }

  private void forLoop(int depth) {
    String i = fresh("k");
    String bound =
        random.nextBoolean() ? "0x" + Integer.toHexString(random.nextInt(0x20000)) : expr("int", 2);
    line("for (int " + i + " = 0; " + i + " < " + bound + "; " + i + pick("++", " += 2") + ") {");
    Context saved = context;
    context = context.loop(null);
    scopes.push(new ArrayList<>(List.of(new Var(i, "int", false, false))));
    block(depth);
    scopes.pop();
    context = saved;
    line("}");
  }

  private void forEach(int depth) {
    String e = fresh("e");
    String[][] sources = {
      {"int", "ports"},
      {"byte", "bytes"},
      {"Integer", "list"},
      {"int", "p2m[0]"},
      {"int", "new int[] {" + expr("int", 2) + ", 3}"}
    };
    String[] s = sources[random.nextInt(sources.length)];
    line("for (" + s[0] + " " + e + " : " + s[1] + ") {");
    Context saved = context;
    context = context.loop(null);
    scopes.push(new ArrayList<>(List.of(new Var(e, s[0], false, false))));
    block(depth);
    scopes.pop();
    context = saved;
    line("}");
  }

  private void labeledLoop(int depth) {
    String label = fresh("L");
    String i = fresh("k");
    line(label + ":");
    line("for (int " + i + " = 0; " + i + " < 4; " + i + "++) {");
    Context saved = context;
    context = context.loop(label);
    scopes.push(new ArrayList<>(List.of(new Var(i, "int", false, false))));
    block(depth);
    scopes.pop();
    context = saved;
    line("}");
  }

  private void switchStatement(int depth) {
    String selector = "(" + expr("int", 1) + ") + 0";
    Context saved = context;
    context = context.switchBlock();
    if (random.nextBoolean()) {
      line("switch (" + selector + ") {");
      indent++;
      line("case 0, 1 -> " + sinkCall() + ";");
      line("case 0x10000 -> {");
      block(depth);
      line("}");
      line("default -> {");
      block(depth);
      line("}");
      indent--;
      line("}");
    } else {
      line("switch (" + selector + ") {");
      indent++;
      line("case 2:");
      block(depth);
      line("case 3:");
      indent++;
      line("break;");
      indent--;
      line("default:");
      block(depth);
      indent--;
      line("}");
    }
    context = saved;
  }

  private void tryStatement(int depth) {
    switch (random.nextInt(3)) {
      case 0 -> {
        line("try {");
        block(depth);
        line("} catch (IllegalStateException | ArithmeticException " + fresh("ex") + ") {");
        block(depth);
        line("} finally {");
        finallyBlock(depth);
        line("}");
      }
      case 1 -> {
        line("try (Res " + fresh("res") + " = new Res()) {");
        block(depth);
        line("}");
      }
      default -> {
        line("try {");
        block(depth);
        line("} finally {");
        finallyBlock(depth);
        line("}");
      }
    }
  }

  /** A finally block: no jumps out of it. */
  private void finallyBlock(int depth) {
    Context saved = context;
    context = new Context(List.of(), false, false, "none", false, context.captureOnly);
    block(depth);
    context = saved;
  }

  private void lambdaStatement(int depth) {
    String p = fresh("x");
    String name = fresh("f");
    Context saved = context;
    switch (random.nextInt(5)) {
      case 0 -> {
        context = new Context(List.of(), false, false, "int", false, true);
        scopes.push(new ArrayList<>(List.of(new Var(p, "int", false, true))));
        line("IntUnaryOperator " + name + " = (@U32 int " + p + ") -> " + expr("int", 1) + ";");
        scopes.pop();
      }
      case 1 -> {
        context = new Context(List.of(), false, false, "int", false, true);
        scopes.push(new ArrayList<>(List.of(new Var(p, "int", false, true))));
        line("Op " + name + " = " + p + " -> {");
        block(depth);
        indent++;
        line("return " + expr("int", 1) + ";");
        indent--;
        line("};");
        scopes.pop();
      }
      case 2 -> {
        context = new Context(List.of(), false, false, "none", false, true);
        scopes.push(new ArrayList<>(List.of(new Var(p, "Integer", false, true))));
        line(
            "list."
                + pick("removeIf", "removeIf")
                + "("
                + p
                + " -> "
                + p
                + " == "
                + expr("int", 2)
                + ");");
        scopes.pop();
      }
      case 3 -> {
        context = new Context(List.of(), false, false, "none", false, true);
        scopes.push(new ArrayList<>(List.of(new Var(p, "int", false, true))));
        line("Narrow " + name + " = " + p + " -> put16(" + p + ");");
        scopes.pop();
      }
      default -> {
        context = new Context(List.of(), false, false, "none", false, true);
        String c = className;
        line(
            pick(
                "Narrow " + name + " = " + c + "::put16;",
                "IntUnaryOperator " + name + " = " + c + "::identity;",
                "Op " + name + " = Abi::checkU16;",
                "LongUnaryOperator " + name + " = Abi::checkU32;",
                "Narrow " + name + " = " + c + "::putAll;",
                "IntSupplier " + name + " = " + c + "::narrow16;"));
      }
    }
    context = saved;
  }

  private void localClass(int depth) {
    String name = fresh("Local");
    line("class " + name + " {");
    indent++;
    Context saved = context;
    context = new Context(List.of(), false, false, "int", false, true);
    line("@U16 int field = " + primary("int") + " & 0xFF;");
    line("int run(@U32 int y) {");
    scopes.push(new ArrayList<>(List.of(new Var("y", "int", false, true))));
    block(depth);
    indent++;
    line("return " + expr("int", 1) + ";");
    indent--;
    scopes.pop();
    context = saved;
    line("}");
    indent--;
    line("}");
    line("new " + name + "().run(" + expr("int", 2) + ");");
  }

  private void anonymousClass(int depth) {
    String name = fresh("anon");
    line("Op " + name + " = new Op() {");
    indent++;
    line("@Override public int apply(int z) {");
    Context saved = context;
    context = new Context(List.of(), false, false, "int", false, true);
    scopes.push(new ArrayList<>(List.of(new Var("z", "int", false, true))));
    block(depth);
    indent++;
    line("return " + expr("int", 1) + ";");
    indent--;
    scopes.pop();
    context = saved;
    line("}");
    indent--;
    line("};");
  }

  private void patternStatement(int depth) {
    if (feature < 21 || random.nextBoolean()) {
      String n = fresh("n");
      line("if (o instanceof Integer " + n + " && " + n + " < 0x10000) {");
      scopes.push(new ArrayList<>(List.of(new Var(n, "Integer", false, true))));
      indent++;
      line("put16(" + n + ");");
      indent--;
      block(depth);
      scopes.pop();
      line("}");
      return;
    }
    String s = fresh("s");
    String dom = feature >= 22 && random.nextBoolean() ? "_" : fresh("dm");
    if (random.nextBoolean()) {
      line("if (o instanceof R(var " + s + ", var " + dom + ")) {");
      scopes.push(new ArrayList<>(List.of(new Var(s, "int", false, true))));
      block(depth);
      scopes.pop();
      line("}");
      return;
    }
    line("switch (o) {");
    indent++;
    line(
        "case R(var "
            + s
            + ", var "
            + dom
            + ") when "
            + s
            + " > 0xFFFF -> put16("
            + s
            + " & 0xFFFF);");
    line("case R(var " + s + ", var " + dom + ") -> {");
    scopes.push(new ArrayList<>(List.of(new Var(s, "int", false, true))));
    Context saved = context;
    context = context.switchBlock();
    block(depth);
    context = saved;
    scopes.pop();
    line("}");
    line(
        "case Pair(R(var "
            + fresh("q")
            + ", var "
            + fresh("w")
            + "), var "
            + fresh("t")
            + ") -> put8(0);");
    line("case Integer " + fresh("boxed") + " -> put16(0);");
    line("default -> {}");
    indent--;
    line("}");
  }

  private void arrayStatement() {
    String name = fresh("arr");
    switch (random.nextInt(4)) {
      case 0 -> line("int[] " + name + " = {" + expr("int", 2) + ", " + expr("int", 2) + "};");
      case 1 -> line("int[][] " + name + " = new int[" + (1 + random.nextInt(3)) + "][2];");
      case 2 -> line("long[] " + name + " = new long[] {" + expr("long", 2) + "};");
      default -> line("int[] " + name + " = ports;");
    }
  }

  // ---------------------------------------------------------------- expressions

  private String cond(int depth) {
    if (depth >= MAX_DEPTH) {
      return expr("int", depth) + " < " + primary("int");
    }
    return switch (random.nextInt(9)) {
      case 0 -> cond(depth + 1) + " && " + cond(depth + 1);
      case 1 -> cond(depth + 1) + " || " + cond(depth + 1);
      case 2 -> "!(" + cond(depth + 1) + ")";
      case 3 -> "o instanceof Integer";
      case 4 ->
          "Integer.compareUnsigned("
              + expr("int", depth + 1)
              + ", "
              + primary("int")
              + ") "
              + pick("<", ">", "<=", "==")
              + " 0";
      case 5 -> {
        Var v = variable("boolean", false);
        Var f = variable(pick("double", "float"), false);
        yield v != null && random.nextBoolean()
            ? v.name
            : f != null
                ? f.name + " " + pick("<", ">=", "!=", "==") + " " + pick("65535.0", f.name, "0")
                : "true";
      }
      case 6 ->
          "("
              + variableOr("int", "a")
              + " = "
              + expr("int", depth + 1)
              + ") "
              + pick("<", ">")
              + " 0";
      default ->
          expr(pick("int", "long"), depth + 1)
              + " "
              + pick("<", "<=", ">", ">=", "==", "!=")
              + " "
              + expr("int", depth + 1);
    };
  }

  /** An assignable variable of the type's name, or the fallback expression when there is none. */
  private String variableOr(String type, String fallback) {
    Var v = variable(type, true);
    return v == null ? fallback.equals("a") ? "plain" : fallback : v.name;
  }

  private String expr(String type, int depth) {
    if (type.equals("boolean")) {
      return cond(depth);
    }
    if (type.equals("double") || type.equals("float")) {
      return floatingExpr(type, depth);
    }
    if (depth >= MAX_DEPTH || random.nextInt(3) == 0) {
      return primary(type);
    }
    if (type.equals("long")) {
      return switch (random.nextInt(9)) {
        case 0 -> "(long) " + primary("int");
        case 1 ->
            "("
                + expr("long", depth + 1)
                + " "
                + pick("+", "-", "*", "&", "|", ">>>", "<<", "%")
                + " "
                + primary("int")
                + ")";
        case 2 -> "Integer.toUnsignedLong(" + expr("int", depth + 1) + ")";
        case 3 -> "Abi.checkU32(" + expr("long", depth + 1) + ")";
        case 4 -> "Math.min(" + expr("long", depth + 1) + ", 0xFFFFL)";
        case 5 ->
            "("
                + cond(depth + 1)
                + " ? "
                + expr("long", depth + 1)
                + " : "
                + expr("long", depth + 1)
                + ")";
        case 6 -> "(1L << " + primary("int") + ")";
        case 7 ->
            random.nextBoolean()
                ? "Long.valueOf(" + primary("long") + ").longValue()"
                : "(long) " + floatingExpr(pick("double", "float"), depth + 1);
        default -> "(" + expr("int", depth + 1) + " & 0xFFFFFFFFL)";
      };
    }
    return switch (random.nextInt(23)) {
      case 0, 1 ->
          "("
              + expr("int", depth + 1)
              + " "
              + pick("+", "-", "*", "&", "|", "^")
              + " "
              + expr("int", depth + 1)
              + ")";
      case 2 ->
          "("
              + expr("int", depth + 1)
              + " "
              + pick(">>>", ">>", "<<")
              + " "
              + random.nextInt(33)
              + ")";
      case 3 ->
          "(" + expr("int", depth + 1) + " " + pick("/", "%") + " (" + primary("int") + " | 1))";
      case 4 -> "(int) " + primary("long");
      case 5 ->
          "("
              + cond(depth + 1)
              + " ? "
              + expr("int", depth + 1)
              + " : "
              + expr("int", depth + 1)
              + ")";
      case 6 -> "Math.min(" + expr("int", depth + 1) + ", " + pick("0xFFFF", "0xFF", "b") + ")";
      case 7 -> "Math.max(" + expr("int", depth + 1) + ", 0)";
      case 8 -> "Abi.checkU16(" + expr("long", depth + 1) + ")";
      case 9 -> "Abi.truncU8(" + expr("long", depth + 1) + ")";
      case 10 -> "Integer.valueOf(" + expr("int", depth + 1) + ").intValue()";
      case 11 -> "-(" + primary("int") + ")";
      case 12 -> "~(" + primary("int") + ")";
      case 13 -> switchExpression(depth);
      case 14 -> context.captureOnly ? primary("int") : assignmentExpression(depth);
      case 15 -> "ports[" + primary("int") + " & 3]";
      case 16 -> "p2m[" + primary("int") + " & 1][1]";
      case 17 -> "r." + pick("space()", "domid()");
      case 18 -> "(char) " + primary("int");
      case 19 -> "((Op) " + fresh("q") + " -> " + "0x10000).apply(" + primary("int") + ")";
      case 20 -> "Integer.compareUnsigned(" + primary("int") + ", " + primary("int") + ")";
      case 21 ->
          random.nextBoolean()
              ? "(\"\" + " + primary("int") + ").length()"
              : random.nextBoolean()
                  ? "(int) " + floatingExpr(pick("double", "float"), depth + 1)
                  : "Math.round(" + floatingExpr("float", depth + 1) + ")";
      default ->
          pick(
              "switch (\"k\" + "
                  + primary("int")
                  + ") { case \"k0\" -> 0xFFFF; default -> "
                  + primary("int")
                  + "; }",
              "("
                  + primary("int")
                  + " > 0 ? "
                  + primary("int")
                  + " : "
                  + primary("int")
                  + " < 0 ? -1 : 0x10000)");
    };
  }

  /** An expression of type {@code double} or {@code float}. */
  private String floatingExpr(String type, int depth) {
    String suffix = type.equals("float") ? "f" : "";
    if (depth >= MAX_DEPTH || random.nextInt(3) == 0) {
      Var v = variable(type, false);
      return v != null && random.nextBoolean()
          ? v.name
          : pick("0.5", "65535.0", "65536.0", "1e10", "-1.5", "0x1p32") + suffix;
    }
    String cast = type.equals("float") ? "(float) " : "";
    return switch (random.nextInt(8)) {
      case 0 -> "(" + type + ") " + expr(pick("int", "long"), depth + 1);
      case 1 ->
          cast
              + "("
              + floatingExpr(type, depth + 1)
              + " "
              + pick("+", "-", "*", "/", "%")
              + " "
              + expr(pick("int", "long", type), depth + 1)
              + ")";
      case 2 -> "Math.min(" + floatingExpr(type, depth + 1) + ", 65535.0" + suffix + ")";
      case 3 -> "Math.abs(" + floatingExpr(type, depth + 1) + ")";
      case 4 -> cast + "Math.floor(" + floatingExpr("double", depth + 1) + ")";
      case 5 ->
          "("
              + cond(depth + 1)
              + " ? "
              + floatingExpr(type, depth + 1)
              + " : "
              + expr(pick("int", type), depth + 1)
              + ")";
      case 6 -> "-(" + floatingExpr(type, depth + 1) + ")";
      default -> cast + floatingExpr("double", depth + 1);
    };
  }

  private String assignmentExpression(int depth) {
    Var v = variable("int", true);
    if (v == null) {
      return primary("int");
    }
    Var w = variable("int", true);
    if (w != null && w != v && random.nextBoolean()) {
      return "(" + v.name + " = " + w.name + " = " + pick("space", "domid", "r.space()") + ")";
    }
    return "(" + v.name + " = " + expr("int", depth + 1) + ")";
  }

  private String switchExpression(int depth) {
    String s =
        "switch ("
            + primary("int")
            + " & 3) { case 0 -> "
            + expr("int", depth + 1)
            + "; case 1 -> ";
    // a block of a switch expression: yield is its only way out
    StringBuilder saved = out;
    int savedIndent = indent;
    Context savedContext = context;
    out = new StringBuilder();
    indent = 0;
    context = new Context(List.of(), false, false, "none", true, context.captureOnly);
    scopes.push(new ArrayList<>());
    statementFlat();
    String body = out.toString().replace('\n', ' ');
    scopes.pop();
    context = savedContext;
    out = saved;
    indent = savedIndent;
    String arrow =
        s
            + "{ "
            + body
            + "yield "
            + expr("int", depth + 1)
            + "; } default -> "
            + primary("int")
            + "; }";
    if (random.nextBoolean()) {
      return arrow;
    }
    // the same with case labels and yield statements
    return "switch ("
        + primary("int")
        + " & 3) { case 0: yield "
        + primary("int")
        + "; case 1: { "
        + body
        + "yield "
        + primary("int")
        + "; } default: yield "
        + primary("int")
        + "; }";
  }

  /** One simple statement (a declaration, assignment or sink call) written to {@link #out}. */
  private void statementFlat() {
    switch (random.nextInt(3)) {
      case 0 -> declare();
      case 1 -> line(sinkCall() + ";");
      default -> line("if (" + cond(2) + ") " + jump());
    }
  }

  private String primary(String type) {
    if (type.equals("long")) {
      return switch (random.nextInt(6)) {
        case 0 -> "c";
        case 1 -> "mfn";
        case 2 -> "nr";
        case 3 -> pick("0xFFFFFFFFFFFFFFFEL", "0x100000000L", "-1L", "42L");
        case 4 -> "plainLong";
        default -> {
          Var v = variable("long", false);
          yield v == null ? "c" : v.name;
        }
      };
    }
    return switch (random.nextInt(11)) {
      case 0 -> pick("a", "b", "d");
      case 1 -> pick("space", "domid", "counter", "port", "flags", "delta");
      case 2 -> pick("0", "1", "0xFF", "0xFFFF", "0x10000", "0xFFFFFFFF", "-1", "'x'", "18");
      case 3 -> "plain";
      case 4 -> "r.space()";
      case 5 -> "narrow16()";
      case 6 -> "bytes[0]";
      default -> {
        Var v = variable(pick("int", "short", "byte", "char", "Integer"), false);
        yield v == null ? "b" : v.type.equals("Integer") ? "(" + v.name + " + 0)" : v.name;
      }
    };
  }

  // ---------------------------------------------------------------- helpers

  /**
   * A visible variable of the type (any integral one when null); only capturable ones in a lambda.
   */
  private Var variable(String type, boolean assignable) {
    List<Var> candidates = new ArrayList<>();
    for (List<Var> scope : scopes) {
      for (Var v : scope) {
        boolean typeFits =
            type == null
                ? !v.type.equals("Object")
                    && !v.type.startsWith("List")
                    && !v.type.equals("R")
                    && !v.type.equals("byte[]")
                : v.type.equals(type);
        if (typeFits
            && (!assignable || v.assignable)
            && (!context.captureOnly || v.capturable && !assignable)) {
          candidates.add(v);
        }
      }
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private String fresh(String prefix) {
    return prefix + (names++);
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private void line(String s) {
    out.append("  ".repeat(indent)).append(s).append('\n');
  }
}
