package org.abiguard.processor;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;

import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * Width annotations outside structs (issue 8, item 10): on parameters, methods, fields, record
 * components and typedef annotation types, each misuse is an {@code [abiguard:annotation]} error on
 * the element, as on a struct member; good declarations get no diagnostic.
 */
class DeclarationCheckTest {
  private static final String P = "[abiguard:annotation] ";

  @Test
  void bitsThatAreNoCWidthOnAParameterAndAMethodAreErrorsOnTheValue() {
    Source s =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          static int twelve(@AbiWidth(12) int bits) {
            return bits;
          }

          @AbiWidth(7)
          static int seven() {
            return 1;
          }
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth(12)",
            "12",
            P
                + "@AbiWidth declares 12 bits on parameter 'bits' of twelve, which is no C"
                + " integer width; use 8, 16, 32 or 64"),
        s.error(
            "@AbiWidth(7)",
            "7",
            P
                + "@AbiWidth declares 7 bits on the return of method 'seven', which is no C"
                + " integer width; use 8, 16, 32 or 64"));
  }

  @Test
  void aJavaTypeNarrowerThanTheWidthOrNotAnIntegerIsAnError() {
    Source s =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          @U16 static String name = "";
          @S8 double ratio;

          static void set(@U32 short space) {}

          @U64 static int wide() {
            return 0;
          }

          @U16 static void nothing() {}
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U16 static String",
            "@U16",
            P
                + "field 'name' of type String cannot hold @U16 (u16), which is an"
                + " integer; declare it short (raw bits), char, int or long"),
        s.error(
            "@S8 double",
            "@S8",
            P
                + "field 'ratio' of type double cannot hold @S8 (s8), which is an integer;"
                + " declare it byte, short, int or long"),
        s.error(
            "@U32 short",
            "@U32",
            P
                + "parameter 'space' of set of type short is narrower than @U32 (u32);"
                + " declare it int (raw bits) or long"),
        s.error(
            "@U64 static int",
            "@U64",
            P
                + "the return of method 'wide' of type int is narrower than @U64 (u64);"
                + " declare it long (raw bits)"),
        s.error(
            "@U16 static void",
            "@U16",
            P
                + "the return of method 'nothing' of type void cannot hold @U16 (u16),"
                + " which is an integer; declare it short (raw bits), char, int or long"));
  }

  @Test
  void aWidthOnAnArrayParameterOrReturnIsAnErrorButNotOnVarargs() {
    // the guard checks neither an array parameter's nor an array return's elements, so the width
    // would be silently ignored; a varargs parameter's elements are the call's arguments
    Source s =
        Source.of(
            "p.Frames",
            """
        package p;

        import org.abiguard.*;

        class Frames {
          static void set(@U16 int[] frames, int count) {}

          static @U8 byte[] bytes() {
            return new byte[0];
          }

          static void all(@U16 int[] first, @U16 int... rest) {}
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U16 int[] frames",
            "@U16",
            P
                + "parameter 'frames' of set of type int[] cannot hold @U16 (u16), which is an"
                + " integer; declare it short (raw bits), char, int or long (or int... as the last"
                + " parameter)"),
        s.error(
            "@U8 byte[]",
            "@U8",
            P
                + "the return of method 'bytes' of type byte[] cannot hold @U8 (u8), which is an"
                + " integer; declare it byte (raw bits), short, char, int or long"),
        s.error(
            "@U16 int[] first",
            "@U16",
            P
                + "parameter 'first' of all of type int[] cannot hold @U16 (u16), which is an"
                + " integer; declare it short (raw bits), char, int or long (or int... as the last"
                + " parameter)"));
  }

  @Test
  void anAnnotationErrorEndsTheCompilationBeforeTheGuardRuns() {
    // docs/annotation.md: javac stops after annotation processing that reported an error, so the
    // flow guard (which runs on javac's analysis) reports nothing until the annotation is fixed
    Source s =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          static void set(@U32 short space) {}

          static void one(@U16 int v) {}

          static void lost(@U32 long s) {
            one((int) s);
          }
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U32 short",
            "@U32",
            P
                + "parameter 'space' of set of type short is narrower than @U32 (u32);"
                + " declare it int (raw bits) or long"));
  }

  @Test
  void twoWidthsOnOneDeclarationAndATypedefWithTwoWidthsAreErrors() {
    Source s =
        Source.of(
            "p.D",
            """
        package p;

        import org.abiguard.*;

        @U16 @U32 @interface D {}

        class Ops {
          static void set(@U16 @U32 long both, @D long viaTypedef) {}
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U16 @U32 @interface",
            "@U32",
            P
                + "typedef @D declares two C widths, with @U16 and @U32; a typedef"
                + " has exactly one: keep one of them"),
        s.error(
            "@U16 @U32 long",
            "@U32",
            P
                + "parameter 'both' of set declares its C type twice, with @U16 and"
                + " @U32; keep exactly one of them"));
  }

  @Test
  void aTypedefWithBitsThatAreNoCWidthIsAnErrorOnIt() {
    Source s =
        Source.of(
            "p.D",
            """
        package p;

        import org.abiguard.*;

        @AbiWidth(12) @interface D {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth(12)",
            "12",
            P
                + "@AbiWidth declares 12 bits on typedef @D, which is"
                + " no C integer width; use 8, 16, 32 or 64"));
  }

  @Test
  void aPointerThatIsNoLongIsAnError() {
    Source s =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          @Pointer static int handle;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@Pointer",
            P
                + "@Pointer on field 'handle' of type int: a pointer is held in a"
                + " Java long (8 bytes on x86_64 and aarch64); declare it long"));
  }

  @Test
  void aRecordComponentIsReportedOnceNotOnItsFieldAccessorAndParameterToo() {
    Source s =
        Source.of(
            "p.R",
            """
        package p;

        import org.abiguard.*;

        record R(@U16 String label, @U16 int ok) {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U16 String",
            "@U16",
            P
                + "record component 'label' of type String cannot hold"
                + " @U16 (u16), which is an integer; declare it short (raw bits), char, int or long"));
  }

  @Test
  void goodDeclarationsGetNoDiagnostic() {
    Source typedefs =
        Source.of(
            "p.DomId",
            """
        package p;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import org.abiguard.*;

        @AbiWidth(16) @Retention(RetentionPolicy.CLASS) @interface DomId {}

        record Pair(@U16 int a, @S32 Integer b) {}
        """);
    Source again =
        Source.of(
            "p.DomIdAgain",
            """
        package p;

        @DomId @interface DomIdAgain {}
        """);
    Source req =
        Source.of(
            "p.Req",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "req")
        record Req(@U16 int a, @U32 int raw) {}
        """);
    Source msg =
        Source.of(
            "p.Msg",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "msg")
        class Msg {
          @U8 int kind;
          @U16 static int count;
        }
        """);
    Source ops =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          @NativeLong static long nr;
          @Pointer static long handle;

          static @U32 long widen(@DomId int d, @DomIdAgain char c, @U32 Long boxed, @S64 long s, @U8 byte... bytes) {
            return d + c + bytes.length + boxed + s;
          }

          Ops(@U16 int x) {
            nr = x;
          }
        }
        """);
    assertExactly(javac(typedefs, again, req, msg, ops));
  }
}
