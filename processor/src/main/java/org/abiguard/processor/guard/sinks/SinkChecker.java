package org.abiguard.processor.guard.sinks;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.JoinedOrigin;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Holds a fact against a sink and, where values can be lost, writes the diagnostic: which source
 * reaches which sink, which values are lost, and how to fix it.
 */
public final class SinkChecker {
  private static final int MAX_EXPRESSION_TEXT = 40;

  /** The value's text when its source is too long to repeat in a suggested check. */
  private static final String UNKNOWN = "value";

  /** Text that is an operand as it is: a name, a field access, a call without operators in it. */
  private static final java.util.regex.Pattern SIMPLE =
      java.util.regex.Pattern.compile("[\\w$.]+(\\([\\w$., ]*\\))?(\\.[\\w$]+(\\(\\))?)*");

  private SinkChecker() {}

  /** A diagnostic to report. */
  public record Finding(AbiKind kind, String message) {}

  /**
   * Checks the fact of the value that reaches the sink; {@code text} is the source text of the
   * value (casts stripped) for the suggested check, {@code textKind} its Java type where known (a
   * suggested call must take it). Null when every value fits.
   */
  public static @Nullable Finding check(
      @Nullable Fact f, Sink sink, @Nullable CharSequence text, @Nullable JavaKind textKind) {
    return check(f, sink, text, textKind, false);
  }

  /**
   * As {@link #check(Fact, Sink, CharSequence, JavaKind)}; {@code storeFirst} when a check of the
   * text would not be a check of the value passed (a call that computes it again): then the
   * suggested check is of a local that holds it ({@code int value = low16(x.space); if (value >
   * 0xFFFF) ...}).
   */
  public static @Nullable Finding check(
      @Nullable Fact f,
      Sink sink,
      @Nullable CharSequence text,
      @Nullable JavaKind textKind,
      boolean storeFirst) {
    if (f == null) {
      return null;
    }
    Range allowed = Range.of(sink.width());
    Range r = f.range();
    if (allowed.contains(r) && (f.signExtended() == null || r.lo().signum() >= 0)) {
      return null;
    }
    String e = text == null || text.length() > MAX_EXPRESSION_TEXT ? UNKNOWN : text.toString();
    String cut = null;
    if (f.truncated() && text != null && textKind != null && !holds(textKind, r)) {
      // the text kept only some bits of the values: a check of it cannot reject the others
      String holder = e.equals(UNKNOWN) ? "the value" : e;
      cut =
          storeFirst && !e.equals(UNKNOWN)
              // the call computes them, and cuts them: the check belongs inside it
              ? "inside "
                  + holder
                  + ", before the cast that keeps only their low "
                  + textKind.bits()
                  + " bits (a check of its result cannot see the bits the cast dropped)"
              : "before the cast that keeps only their low "
                  + textKind.bits()
                  + " bits in "
                  + holder
                  + " (a check of "
                  + holder
                  + " cannot see the bits the cast dropped)";
      e = UNKNOWN;
    }
    Subject subject =
        storeFirst && !e.equals(UNKNOWN) && textKind != null
            ? new Subject(LOCAL, textKind.keyword() + " " + LOCAL + " = " + e + "; ")
            : new Subject(e, "");
    Width extended = f.signExtended();
    if (extended != null && r.lo().signum() < 0 && !f.truncated()) {
      return signExtension(f, extended, sink, e, subject, textKind);
    }
    if (allowed.contains(r)) {
      return null;
    }
    boolean above = r.hi().compareTo(allowed.hi()) > 0;
    if (!above && !sink.width().signed()) {
      return negative(f, sink, e, subject, cut);
    }
    return narrowing(f, sink, subject, textKind, allowed, cut);
  }

  /** The name of the local a suggested check stores a computed value in. */
  private static final String LOCAL = "checked";

  /**
   * What a suggested range check tests: the value's text, or a local that holds it ({@code text}
   * {@value #LOCAL}), declared first ({@code store}, empty when the text is tested itself).
   */
  private record Subject(String text, String store) {}

  /** Whether Java type {@code kind} holds every value of {@code r}, as itself or as raw bits. */
  private static boolean holds(JavaKind kind, Range r) {
    return Range.of(kind).contains(r) || Range.unsigned(kind.bits()).contains(r);
  }

  private static Finding narrowing(
      Fact f,
      Sink sink,
      Subject subject,
      @Nullable JavaKind textKind,
      Range allowed,
      @Nullable String cut) {
    Range r = f.range();
    Width w = sink.width();
    boolean below = r.lo().compareTo(allowed.lo()) < 0;
    boolean above = r.hi().compareTo(allowed.hi()) > 0;
    List<Range> lost = new ArrayList<>(2);
    if (below) {
      lost.add(new Range(r.lo(), r.hi().min(allowed.lo().subtract(BigInteger.ONE))));
    }
    if (above) {
      lost.add(new Range(r.lo().max(allowed.hi().add(BigInteger.ONE)), r.hi()));
    }
    boolean turnsNegative =
        w.signed() && !below && r.hi().compareTo(Range.unsignedMax(w.bits())) <= 0;
    StringBuilder m =
        new StringBuilder()
            .append(JoinedOrigin.losing(f, lost))
            .append(" can reach ")
            .append(sink.description())
            .append(": values ")
            .append(lost.stream().map(Range::toString).collect(Collectors.joining(" and ")))
            .append(turnsNegative ? " would turn negative" : " would be truncated");
    String widen = widen(sink, r);
    if (widen != null) {
      fix(m, widen);
    }
    String rejected =
        below && above
            ? "values outside " + allowed
            : above
                ? "values above " + Range.hex(allowed.hi())
                : "values below " + Range.hex(allowed.lo());
    fix(
        m,
        r.isPoint()
            ? oneValue(r, allowed, w)
            : reject(
                rejected, sink, subject, rangeCheck(f, subject.text(), textKind, allowed), cut));
    passedBy(m, f, lost);
    String helpers = helpers(w, sink.kind());
    if (helpers != null) {
      fix(m, "write " + helpers);
    }
    return new Finding(AbiKind.NARROWING, m.toString());
  }

  private static Finding negative(
      Fact f, Sink sink, String e, Subject subject, @Nullable String cut) {
    Range r = f.range();
    Range neg = new Range(r.lo(), r.hi().min(BigInteger.ONE.negate()));
    StringBuilder m =
        new StringBuilder()
            .append(JoinedOrigin.losing(f, List.of(neg)))
            .append(" can reach ")
            .append(sink.description())
            .append(": negative values ")
            .append(neg)
            .append(" would become huge ")
            .append(sink.width())
            .append(" values");
    Width w = sink.width();
    boolean rawSink = !w.signed() && sink.kind().bits() == w.bits() && w.bits() >= 32;
    boolean allNegative = !r.isPoint() && r.hi().signum() < 0 && !rawSink && !w.signed();
    if (!allNegative) {
      fix(
          m,
          r.isPoint()
              ? oneValue(r, Range.of(sink.width()), sink.width())
              : reject("negative values", sink, subject, operand(subject.text()) + " < 0", cut));
      passedBy(m, f, List.of(neg));
      explicitCheck(m, sink);
    }
    if (rawSink) {
      // an int or long that is a u32's or u64's bits already: a mask of every bit says so
      fix(
          m,
          "if "
              + operand(e)
              + " already holds the bits of a "
              + w
              + " (read from memory, say), write "
              + operand(e)
              + " & "
              + (w.bits() == 64 ? "0xFFFFFFFFFFFFFFFFL" : "0xFFFFFFFF")
              + " to say so");
    } else if (allNegative) {
      // every value is negative: rejecting them would reject everything; keeping the low bits may
      // be what was meant (a checksum's complement)
      boolean trunc = abiHasHelpers(w);
      fix(
          m,
          "every value here is negative: to keep the low "
              + w.bits()
              + " bits, write "
              + operand(e)
              + " & "
              + literal(BigInteger.valueOf(w.max()))
              + (trunc ? " or " + castTo(w, sink.kind()) + "Abi.truncU" + w.bits() + "(...)" : ""));
    }
    return new Finding(AbiKind.SIGN, m.toString());
  }

  /**
   * Raw bits that Java sign-extended on their way to a wider sink. The fix widens them as unsigned:
   * a mask, which compiles on any integer, and the JDK's conversion where the value is still of the
   * raw width's own type ({@code Integer.toUnsignedLong} takes an {@code int}, not the {@code long}
   * it was already widened to).
   */
  private static Finding signExtension(
      Fact f, Width raw, Sink sink, String e, Subject subject, @Nullable JavaKind textKind) {
    Range neg = new Range(f.range().lo(), f.range().hi().min(BigInteger.ONE.negate()));
    BigInteger full = BigInteger.ONE.shiftLeft(raw.bits());
    Range orig = new Range(neg.lo().add(full), neg.hi().add(full));
    String o = operand(e);
    boolean wide = sink.kind().bits() > 32;
    String conversion =
        switch (raw.bits()) {
          case 8 -> wide ? "Byte.toUnsignedLong" : "Byte.toUnsignedInt";
          case 16 -> wide ? "Short.toUnsignedLong" : "Short.toUnsignedInt";
          default -> "Integer.toUnsignedLong";
        };
    String mask =
        switch (raw.bits()) {
          case 8 -> " & 0xFF";
          case 16 -> " & 0xFFFF";
          default -> " & 0xFFFFFFFFL";
        };
    boolean rawType = textKind != null && textKind.signed() && textKind.bits() == raw.bits();
    String fix = (rawType ? conversion + "(" + e + ") or " : "") + o + mask;
    Range allowed = Range.of(sink.width());
    StringBuilder m =
        new StringBuilder()
            .append(JoinedOrigin.losing(f, List.of(neg)))
            .append(" can reach ")
            .append(sink.description())
            .append(" through Java's sign-extending widening: raw ")
            .append(raw)
            .append(" values ")
            .append(orig)
            .append(" arrive as ")
            .append(neg);
    if (allowed.contains(orig)) {
      fix(m, "write " + fix + " to widen them as unsigned");
      return new Finding(AbiKind.SIGN, m.toString());
    }
    // a sink that cannot hold them unsigned either (an s16 given a u16): reject them. The text
    // holds them as raw bits (negative in Java) or, when it is wider (the operand of the cast
    // that made them raw bits), as they are
    String tested = operand(subject.text());
    String above = tested + " > " + literal(allowed.hi());
    String condition =
        textKind == null || textKind.bits() <= raw.bits()
            ? allowed.hi().compareTo(Range.signedMax(raw.bits())) >= 0
                ? tested + " < 0"
                : tested + " < 0 || " + above
            : above;
    fix(m, reject("values above " + Range.hex(allowed.hi()), sink, subject, condition, null));
    explicitCheck(m, sink);
    return new Finding(AbiKind.SIGN, m.toString());
  }

  /**
   * The fix for a value that is always the same one there (a constant, or a value an {@code ==}
   * check pinned): a range check of it would be always true, so write one that fits.
   */
  private static String oneValue(Range r, Range allowed, Width w) {
    return "write a value that fits " + w + " (" + allowed + "): this one is always " + r + " here";
  }

  /** The fix that writes the sink's {@code Abi.check...} helper, where Abi has one. */
  private static void explicitCheck(StringBuilder m, Sink sink) {
    String helper = checker(sink.width(), sink.kind());
    if (helper != null) {
      fix(m, "write " + helper + " to make the conversion explicit (it throws on them)");
    }
  }

  /** How many calls a message names where lost values come into a private method. */
  private static final int MOST_CALLS = 3;

  /**
   * Where the values {@code lost} came into the private method the finding is in, when its start
   * knows which calls passed them ({@code they come in through the call of one in unchecked (line
   * 22): a check before it keeps them out too}): where one caller checks and another does not, the
   * one to fix.
   */
  private static void passedBy(StringBuilder m, Fact f, List<Range> lost) {
    List<String> calls = JoinedOrigin.losingCalls(f, lost);
    if (calls.isEmpty()) {
      return;
    }
    List<String> named = calls.subList(0, Math.min(calls.size(), MOST_CALLS));
    int more = calls.size() - named.size();
    String through =
        more > 0
            ? String.join(", ", named) + " and " + more + " more"
            : named.size() == 1
                ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1))
                    + " and "
                    + named.get(named.size() - 1);
    fix(
        m,
        "they come in through "
            + through
            + (calls.size() == 1
                ? ": a check before it keeps them out too"
                : ": a check before each keeps them out too"));
  }

  /** Adds a fix on a line of its own, after the one-line summary. */
  private static void fix(StringBuilder m, String text) {
    m.append("\n  - ").append(text);
  }

  /**
   * The fix that rejects the lost values where the value is written: {@code reject values above
   * 0xFFFF before the call: if (xatp.space < 0 || xatp.space > 0xFFFF), return an error or throw}.
   */
  private static String reject(
      String values, Sink sink, Subject subject, String condition, @Nullable String cut) {
    String where =
        switch (sink.noun()) {
          case "parameter", "record component" -> "before the call";
          case "return type" -> "before the return";
          case "array element" -> "before the store";
          default -> "before the assignment";
        };
    String m = "reject " + values + " " + (cut == null ? where : cut);
    if (subject.text().equals(UNKNOWN)) {
      return m;
    }
    return m
        + ": "
        + subject.store()
        + "if ("
        + condition
        + "), return an error or throw"
        + (subject.store().isEmpty() ? "" : ", and pass " + subject.text());
  }

  /**
   * The condition that rejects the values outside {@code allowed}, on the value's text. Raw bits
   * are negative in Java above their signed half, unless the text is wider than them: the operand
   * of a cast to the raw type ({@code (int) s} of a {@code long}), which holds them as they are.
   */
  /**
   * A bound as Java source: {@code 0xFFFF}, and {@code 0xFFFFFFFFL} for one outside {@code int}'s
   * range, which without the suffix is an {@code int} ({@code 0xFFFFFFFF} is -1).
   */
  static String literal(BigInteger bound) {
    return Range.hex(bound) + (Range.of(JavaKind.INT).contains(Range.point(bound)) ? "" : "L");
  }

  private static String rangeCheck(Fact f, String e, @Nullable JavaKind textKind, Range allowed) {
    String o = operand(e);
    String hi = o + " > " + literal(allowed.hi());
    if (f.raw() != null && (textKind == null || textKind.bits() <= f.raw().bits())) {
      // raw bits: the upper half of the unsigned values is negative in Java
      boolean sameWidth = allowed.hi().compareTo(Range.signedMax(f.raw().bits())) >= 0;
      return sameWidth ? o + " < 0" : o + " < 0 || " + hi;
    }
    if (allowed.lo().signum() < 0) {
      return f.range().lo().compareTo(allowed.lo()) < 0
          ? o + " < " + literal(allowed.lo()) + " || " + hi
          : hi;
    }
    // values above Long.MAX_VALUE are held as raw bits in a long (cast away here): negative in Java
    boolean rawLong = f.range().hi().compareTo(Range.signedMax(64)) > 0;
    return f.range().lo().signum() < 0 || rawLong ? o + " < 0 || " + hi : hi;
  }

  /**
   * The value's text as an operand of a comparison: parenthesized unless it is a name, access or
   * call.
   */
  private static String operand(String e) {
    return SIMPLE.matcher(e).matches() ? e : "(" + e + ")";
  }

  /** The narrowest C width that holds every value of the range, or null. */
  /**
   * The fix that widens the sink: to the smallest width that holds the values; for a bit-field, to
   * the bits they need; none for a C {@code long} or pointer, whose width the ABI fixes and one
   * mirror shares, so the values must fit the narrowest ABI or each ABI needs its own mirror.
   */
  private static @Nullable String widen(Sink sink, Range r) {
    if (sink.abiDependent()) {
      return "keep the values within "
          + sink.width()
          + ", the C type's width on an ABI of this build, or give each ABI its own mirror"
          + " (abiguard-import --split-abis)";
    }
    if (!Width.isValidBits(sink.width().bits())) {
      // two's complement takes lo.bitLength() bits and a sign bit for a negative lo
      int needed =
          sink.width().signed() || !r.nonNegative()
              ? 1
                  + Math.max(
                      r.hi().max(BigInteger.ZERO).bitLength(),
                      r.lo().min(BigInteger.ZERO).bitLength())
              : r.hi().bitLength();
      return needed > 64 ? null : "widen the bit-field to " + needed + " bits";
    }
    String fits = smallestWidth(r);
    return fits == null ? null : "widen the " + sink.noun() + " to " + fits;
  }

  static @Nullable String smallestWidth(Range r) {
    for (int bits : new int[] {8, 16, 32, 64}) {
      Width w = new Width(bits, !r.nonNegative());
      if (Range.of(w).contains(r)) {
        return w.toString();
      }
    }
    return null;
  }

  /**
   * The {@code Abi.check...} helper for the width, as an expression of the sink's Java type: the
   * helpers return {@code int} ({@code long} for {@code u32}), so a narrower sink ({@code @U32 int}
   * raw bits, {@code @U8 byte}, a {@code char}) needs a cast to compile. Null where Abi has none.
   */
  private static @Nullable String checker(Width w, JavaKind sink) {
    return !abiHasHelpers(w)
        ? null
        : castTo(w, sink) + "Abi.check" + (w.signed() ? "S" : "U") + w.bits() + "(...)";
  }

  /** Whether {@code Abi} has check and trunc helpers of the width: 8, 16 and 32 bits only. */
  private static boolean abiHasHelpers(Width w) {
    return w.bits() == 8 || w.bits() == 16 || w.bits() == 32;
  }

  /**
   * The cast a helper's result for width {@code w} needs to fit a sink of Java type {@code sink}.
   */
  private static String castTo(Width w, JavaKind sink) {
    int returned = !w.signed() && w.bits() == 32 ? 64 : 32;
    return sink.bits() < returned || sink == JavaKind.CHAR ? "(" + sink.keyword() + ") " : "";
  }

  private static @Nullable String helpers(Width w, JavaKind sink) {
    String check = checker(w, sink);
    if (check == null) {
      return null;
    }
    return w.signed()
        ? check + " to make the conversion explicit (it throws on them)"
        : check
            + " (throws on them) or "
            + castTo(w, sink)
            + "Abi.truncU"
            + w.bits()
            + "(...) (keeps the low bits) to make the conversion explicit";
  }
}
