package org.abiguard.benchmarks.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the flow code of one synthetic package: a {@code Sinks} class of annotated parameters and
 * returns, and {@code OpsNN} classes whose methods move struct members into them.
 *
 * <p>Every flow is correct under the flow guard's rules (a value only reaches a sink whose range
 * holds it, after a mask, a shift, a range check, {@code Math.min}, {@code ?:}, a {@code switch} or
 * an {@code Abi} helper where it is wider), so the guard must report nothing. Each method combines
 * three flows chosen by a seeded random generator from {@link #FLOWS}, and returns plainly, as
 * {@code @U16} or as {@code @U32}.
 */
final class FlowSources {
  /** How a method returns: its annotation and type, and how it combines its flows. */
  private enum Returns {
    PLAIN("public static int", "-22", "return %s;"),
    U16("@U16 public static int", "0", "return (%s) & 0xFFFF;"),
    U32("@U32 public static long", "0", "return Abi.truncU32((long) %s);");

    final String signature;
    final String error;
    final String statement;

    Returns(String signature, String error, String statement) {
      this.signature = signature;
      this.error = error;
      this.statement = statement;
    }
  }

  /** What a flow may use: its local suffix, the method's error return, the other package. */
  private record Context(
      String v, String error, String otherSinks, String record, String previous) {}

  /** One flow: writes statements that end with {@code int r<v>} holding its result. */
  private interface Flow {
    void write(SourceBuilder b, Context c);
  }

  private static final List<Flow> FLOWS =
      List.of(
          // a member into a parameter at least as wide
          (b, c) ->
              b.line(
                  "int r"
                      + c.v
                      + " = Sinks.u32(s.size) + Sinks.domid(s.domid) + Sinks.u64(s.gpfn);"),
          // masks
          (b, c) -> {
            b.line("int lo" + c.v + " = (int) (s.space & 0xFFFF);");
            b.line("int r" + c.v + " = Sinks.u16(lo" + c.v + ") + Sinks.u8(s.size & 0xFF);");
          },
          // a range check that returns early
          (b, c) -> {
            b.open("if (s.space > 0xFFFF)");
            b.line("return " + c.error + ";");
            b.close();
            b.line("int r" + c.v + " = Sinks.u16((int) s.space);");
          },
          // a range check of a plain value
          (b, c) -> {
            b.open("if (n < 0 || n > 0xFF)");
            b.line("return " + c.error + ";");
            b.close();
            b.line("int r" + c.v + " = Sinks.u8(n) + Sinks.u16(n * 0x100);");
          },
          // a loop over a raw u8 array
          (b, c) -> {
            b.line("long sum" + c.v + " = 0;");
            b.open("for (int i = 0; i < s.mac.length; i++)");
            b.line("sum" + c.v + " += s.mac[i] & 0xFF;");
            b.close();
            b.line("int r" + c.v + " = Sinks.u32(Abi.checkU32(sum" + c.v + "));");
          },
          // an enhanced for and a shift
          (b, c) -> {
            b.line("int r" + c.v + " = 0;");
            b.open("for (int port : s.ports)");
            b.line("r" + c.v + " += Sinks.u8(port >>> 8) + Sinks.u16(port);");
            b.close();
          },
          // a switch assigning literals
          (b, c) -> {
            b.line("int code" + c.v + ";");
            b.open("switch (s.kind)");
            b.line("case 0:");
            b.line("  code" + c.v + " = 0x01;");
            b.line("  break;");
            b.line("case 1:");
            b.line("  code" + c.v + " = 0x7F;");
            b.line("  break;");
            b.line("default:");
            b.line("  code" + c.v + " = 0xFF;");
            b.close();
            b.line("int r" + c.v + " = Sinks.u8(code" + c.v + ");");
          },
          // arithmetic that stays in range
          (b, c) -> {
            b.line("long total" + c.v + " = (long) s.size * 4 + s.kind;");
            b.line("int r" + c.v + " = Sinks.u32(total" + c.v + ") + Sinks.u32(s.size + s.kind);");
          },
          // remainder and conditional
          (b, c) -> {
            b.line("int cap" + c.v + " = s.space > 0xFF ? 0xFF : (int) s.space;");
            b.line(
                "int r" + c.v + " = Sinks.u8(cap" + c.v + ") + Sinks.u8((int) (s.space % 256));");
          },
          // Math.min and the Abi helpers
          (b, c) -> {
            b.line("int r" + c.v + " = Sinks.u16((int) Math.min(s.space, 0xFFFFL))");
            b.line("    + Sinks.u16(Abi.checkU16(s.space)) + Sinks.u8(Abi.truncU8(s.gpfn));");
          },
          // annotated returns
          (b, c) ->
              b.line(
                  "int r"
                      + c.v
                      + " = Sinks.u16(Sinks.lowHalf(s.space)) + Sinks.domid(Sinks.domOf(s.size));"),
          // a lambda capturing a masked value
          (b, c) -> {
            b.line("int low" + c.v + " = s.size & 0xFF;");
            b.line("IntSupplier sup" + c.v + " = () -> Sinks.u8(low" + c.v + ");");
            b.line("int r" + c.v + " = sup" + c.v + ".getAsInt();");
          },
          // assignments to annotated fields and array components
          (b, c) -> {
            b.line("t.size = s.kind;");
            b.line("t.space = s.size;");
            b.line("t.domid = s.inner.domid;");
            b.line("t.ports[0] = s.kind;");
            b.line("t.mac[1] = (byte) (s.size & 0xFF);");
            b.line("int r" + c.v + " = t.size;");
          },
          // an annotated local
          (b, c) -> {
            b.line("@U32 long acc" + c.v + " = s.size;");
            b.line("acc" + c.v + " = (acc" + c.v + " + s.kind) & 0xFFFF_FFFFL;");
            b.line("int r" + c.v + " = Sinks.u32(acc" + c.v + ");");
          },
          // nested structs
          (b, c) ->
              b.line(
                  "int r"
                      + c.v
                      + " = Sinks.u16(s.inner.size) + Sinks.domid(s.inner.domid) + Sinks.u32(s.inner.space);"),
          // a record's canonical constructor and accessors
          (b, c) -> {
            b.line(
                c.record
                    + " rec"
                    + c.v
                    + " = new "
                    + c.record
                    + "(s.domid, s.size & 0xFF, s.space, s.kind, s.offset);");
            b.line(
                "int r"
                    + c.v
                    + " = Sinks.u16(rec"
                    + c.v
                    + ".size()) + Sinks.u32(rec"
                    + c.v
                    + ".space());");
          },
          // signed values
          (b, c) ->
              b.line(
                  "int r"
                      + c.v
                      + " = Sinks.s32(s.delta) + Sinks.s16(s.delta) + Sinks.s32(s.size) + Sinks.s32(s.offset);"),
          // a call into another package
          (b, c) ->
              b.line(
                  "int r"
                      + c.v
                      + " = "
                      + c.otherSinks
                      + ".u32(s.space) + "
                      + c.otherSinks
                      + ".u16(s.size);"),
          // a while loop over the bytes of a u64
          (b, c) -> {
            b.line("long bits" + c.v + " = s.gpfn;");
            b.line("int r" + c.v + " = 0;");
            b.open("while (bits" + c.v + " != 0 && r" + c.v + " < 8)");
            b.line("r" + c.v + " += Sinks.u8((int) (bits" + c.v + " & 0xFF));");
            b.line("bits" + c.v + " >>>= 8;");
            b.close();
          },
          // the annotated return of another flow method
          (b, c) -> {
            if (c.previous == null) {
              b.line("int r" + c.v + " = Sinks.u16(s.ports[1]);");
            } else {
              b.line("int r" + c.v + " = Sinks.u32(" + c.previous + "(s, t, n));");
            }
          });

  private FlowSources() {}

  /** The source of the package's {@code Sinks} class. */
  static String sinks(String pkg) {
    SourceBuilder b = header(pkg);
    b.line("/** Annotated parameters and returns that the synthetic flows feed. */");
    b.open("public final class Sinks");
    b.line("private Sinks() {}");
    sink(b, "u8", "@U8 int");
    sink(b, "u16", "@U16 int");
    sink(b, "u32", "@U32 long");
    sink(b, "u64", "@U64 long");
    sink(b, "s16", "@S16 int");
    sink(b, "s32", "@S32 int");
    sink(b, "domid", "@DomId int");
    b.blank();
    b.line("/** The low half of a u32. */");
    b.open("@U16 public static int lowHalf(@U32 long v)");
    b.line("return (int) (v & 0xFFFF);");
    b.close();
    b.blank();
    b.line("/** A domain id from a u16. */");
    b.open("@DomId public static int domOf(@U16 int v)");
    b.line("return v;");
    b.close();
    return b.close().toString();
  }

  private static void sink(SourceBuilder b, String name, String parameter) {
    b.blank();
    b.line("/** Accepts a value of the parameter's width; 0 for zero, else 1. */");
    b.open("public static int " + name + "(" + parameter + " v)");
    b.line("return v == 0 ? 0 : 1;");
    b.close();
  }

  /**
   * The source of class {@code className} with {@code methods} flow methods over struct types
   * {@code s} (a class with {@code inner}), {@code t} (a class) and record {@code record}.
   */
  static String ops(
      String pkg,
      String className,
      int methods,
      String s,
      String t,
      String record,
      String otherPkg,
      long seed) {
    SourceBuilder b = header(pkg);
    b.line("/** Synthetic flows from " + s + " and " + t + " into annotated sinks. */");
    b.open("public final class " + className);
    b.line("private " + className + "() {}");
    Random random = new Random(seed);
    String previous = null;
    for (int m = 0; m < methods; m++) {
      Returns returns = Returns.values()[m % 3];
      String method = "op" + m;
      b.blank();
      b.open(returns.signature + " " + method + "(" + s + " s, " + t + " t, int n)");
      List<String> results = new ArrayList<>();
      for (int f = 0; f < 3; f++) {
        String v = String.valueOf(f);
        FLOWS
            .get(random.nextInt(FLOWS.size()))
            .write(b, new Context(v, returns.error, otherPkg + ".Sinks", record, previous));
        results.add("r" + v);
      }
      b.line(String.format(returns.statement, String.join(" + ", results)));
      b.close();
      if (returns != Returns.PLAIN) {
        previous = method;
      }
    }
    return b.close().toString();
  }

  private static SourceBuilder header(String pkg) {
    return SourceBuilder.file(
        pkg,
        "java.util.function.IntSupplier",
        "org.abiguard.Abi",
        "org.abiguard.S16",
        "org.abiguard.S32",
        "org.abiguard.U16",
        "org.abiguard.U32",
        "org.abiguard.U64",
        "org.abiguard.U8");
  }
}
