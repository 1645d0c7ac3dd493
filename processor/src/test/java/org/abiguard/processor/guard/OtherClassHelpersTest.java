package org.abiguard.processor.guard;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * Helpers of another top-level class, in another file: the guard reads them from their source
 * parsed again, so what it proves does not depend on which class javac analyses (and lowers) first.
 */
class OtherClassHelpersTest {
  private static final Source REQ =
      Source.of(
          "p.Req",
          """
      package p;

      import org.abiguard.U32;

      public final class Req {
        @U32 public long space;
        @U32 public long idx;
      }
      """);

  private static final Source BITS =
      Source.of(
          "p.util.Bits",
          """
      package p.util;

      import static java.lang.Character.MAX_VALUE;
      import static java.lang.Math.*;

      import p.Req;

      public final class Bits {
        private Bits() {}

        public static final long MAX16 = 0xFFFF;

        public static boolean fitsU16(long v) { return v >= 0 && v <= MAX16; }

        public static boolean fitsU17(long v) { return v >= 0 && v <= 0x1FFFF; }

        public static int low16(long v) { return (int) (v & 0xFFFF); }

        public static int clamp16(long v) { return (int) java.lang.Math.min(Math.max(v, 0), MAX16); }

        public static long spaceOf(Req r) { return r.space; }

        public static <T extends Number> boolean fitsAny(T v) { return v.longValue() <= 0xFFFF; }

        public static boolean bothFit(Req r) { return fitsU16(r.space) && fitsU16(r.idx); }

        public enum Space { GMFN, IDX }

        public static int limitOf(Space s) { return switch (s) { case GMFN -> 0xFFFF; case IDX -> 0xFF; }; }

        public static int code(int k) {
          return switch (k) { case 0 -> 0xFF; case 1 -> (int) MAX16; default -> throw new IllegalArgumentException("k"); };
        }

        public static boolean fitsStated(long v) {
          if (v < 0) {
            return false;
          }
          long limit = MAX16;
          return v <= limit;
        }

        public static boolean fits17Stated(long v) {
          if (v > 0x1FFFF) {
            return false;
          }
          return v >= 0;
        }

        public static int clampImported(long v) { return (int) min(max(v, 0), MAX_VALUE); }

        public static int halve16(long v) {
          long c = v;
          while (c > MAX16) {
            c >>>= 1;
          }
          return (int) c;
        }
      }
      """);

  private static final Source OPS =
      Source.of(
          "p.Ops",
          """
      package p;

      import org.abiguard.U16;
      import p.util.Bits;

      final class Ops {
        static void addOne(@U16 int space) {}

        static int checked(Req r) {
          if (!Bits.fitsU16(r.space)) {
            return -22;
          }
          addOne((int) r.space);
          return 0;
        }

        static int both(Req r) {
          if (!Bits.bothFit(r)) {
            return -22;
          }
          addOne((int) r.space);
          addOne((int) r.idx);
          return 0;
        }

        static void masked(Req r, int k) {
          addOne(Bits.low16(r.space));
          addOne(Bits.clamp16(r.idx));
          addOne(Bits.limitOf(Bits.Space.IDX));
          addOne(Bits.code(k));
        }

        static int tooWide(Req r) {
          if (!Bits.fitsU17(r.space)) {
            return -22;
          }
          addOne((int) r.space); // too wide
          return 0;
        }

        static void read(Req r) {
          addOne((int) Bits.spaceOf(r)); // read through
        }

        static int stated(Req r) {
          if (!Bits.fitsStated(r.space)) {
            return -22;
          }
          addOne((int) r.space);
          addOne(Bits.halve16(r.idx));
          addOne(Bits.clampImported(r.idx));
          return 0;
        }

        static int statedTooWide(Req r) {
          if (!Bits.fits17Stated(r.idx)) {
            return -22;
          }
          addOne((int) r.idx); // stated too wide
          return 0;
        }

        static int generic(Req r) {
          if (!Bits.fitsAny(r.space)) {
            return -22;
          }
          addOne((int) r.space); // generic
          return 0;
        }
      }
      """);

  private static final String TOO_WIDE =
      """
      [abiguard:narrowing] field Req.space (u32) can reach parameter 'space' of addOne (u16): values \
      0x10000..0x1FFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (r.space > 0xFFFF), return an error or throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
      conversion explicit""";

  private static final String READ =
      """
      [abiguard:narrowing] field Req.space (u32) returned by spaceOf() can reach parameter 'space' of \
      addOne (u16): values 0x10000..0xFFFFFFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (Bits.spaceOf(r) > 0xFFFF), return an error or \
      throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
      conversion explicit""";

  private static final String GENERIC =
      """
      [abiguard:narrowing] field Req.space (u32) can reach parameter 'space' of addOne (u16): values \
      0x10000..0xFFFFFFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (r.space > 0xFFFF), return an error or throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
      conversion explicit""";

  private static final String STATED_TOO_WIDE =
      """
      [abiguard:narrowing] field Req.idx (u32) can reach parameter 'space' of addOne (u16): values \
      0x10000..0x1FFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (r.idx > 0xFFFF), return an error or throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
      conversion explicit""";

  private static Expected[] expected() {
    return new Expected[] {
      OPS.error("// too wide", "(int) r.space", TOO_WIDE),
      OPS.error("// stated too wide", "(int) r.idx", STATED_TOO_WIDE),
      OPS.error("// read through", "(int) Bits", READ),
      OPS.error("// generic", "(int) r.space", GENERIC)
    };
  }

  /**
   * The checks, masks and reads of {@code Bits}, of one {@code return} or of a few statements,
   * count as if written in {@code Ops}, and a check too wide, a read of a field, a generic helper
   * (not followed) are reported: the same diagnostics when javac analyses {@code Bits} before
   * {@code Ops} (then {@code Bits} is already lowered and written when {@code Ops} is analysed) and
   * after.
   */
  @Test
  void helpersOfAnotherClassCountWhicheverClassJavacAnalysesFirst() {
    Expected.assertExactly(Compile.javac(BITS, REQ, OPS), expected());
    Expected.assertExactly(Compile.javac(OPS, REQ, BITS), expected());
  }

  /**
   * Strict mode follows them the same way: the same four findings, nothing besides (the results of
   * {@code low16}, {@code clamp16}, {@code halve16}'s loop, {@code clampImported}'s static imports,
   * and the switches of {@code limitOf} and {@code code} are within u16, where a helper not
   * followed would be any {@code int}).
   */
  @Test
  void strictModeFollowsThemToo() {
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), OPS, REQ, BITS);
    Expected.assertExactly(c, expected());
  }

  private static final Source SAME_FILE =
      Source.of(
          "p.Hyper",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      final class Limits {
        static boolean fits(long v) { return v <= 0xFFFF && v >= 0; }
      }

      final class Hyper {
        @U32 long space;

        static void addOne(@U16 int space) {}

        int run() {
          if (!Limits.fits(space) || !Checks.positive(space)) {
            return -22;
          }
          addOne((int) space);
          return 0;
        }
      }

      final class Checks {
        static boolean positive(long v) { return v > 0; }
      }
      """);

  /**
   * Another top-level class of the same file, before or after the one analysed, is another class:
   * read from the file parsed again. Good code compiles with no diagnostic.
   */
  @Test
  void helpersOfAnotherTopLevelClassOfTheSameFileAreFollowed() {
    Expected.assertExactly(Compile.javac(SAME_FILE));
  }

  private static final Source EXTENT =
      Source.of(
          "p.Extent",
          """
      package p;

      import org.abiguard.U32;

      public record Extent(@U32 long gfn, @U32 long frame) {
        public long frame() { return frame; }

        boolean fits() { return gfn <= 0xFFFF && frame <= 0xFFFF; }

        boolean roughlyFits() { return gfn <= 0x1FFFF; }
      }
      """);

  private static final Source GRANTS =
      Source.of(
          "p.Grants",
          """
      package p;

      import org.abiguard.U16;

      final class Grants {
        static void map(@U16 int gfn, @U16 int frame) {}

        static void checked(Extent e) {
          if (!e.fits()) {
            return;
          }
          map((int) e.gfn(), (int) e.frame());
        }

        static void rough(Extent e) {
          if (!e.roughlyFits()) {
            return;
          }
          map((int) e.gfn(), 0); // rough
        }
      }
      """);

  /**
   * A record's own check counts for its accessors where the record is another top-level class: an
   * implicit accessor ({@code gfn()}) returns its field, and so does one written {@code return
   * frame;}, as the record's source parsed again shows.
   */
  @Test
  void aRecordOfAnotherClassChecksWhatItsAccessorsReturn() {
    Expected rough =
        GRANTS.error(
            "// rough",
            "(int) e.gfn()",
            """
        [abiguard:narrowing] record component Extent.gfn (u32) can reach parameter 'gfn' of map \
        (u16): values 0x10000..0x1FFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (e.gfn() > 0xFFFF), return an error or throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make \
        the conversion explicit""");
    Expected.assertExactly(Compile.javac(EXTENT, GRANTS), rough);
    Expected.assertExactly(Compile.javac(GRANTS, EXTENT), rough);
  }
}
