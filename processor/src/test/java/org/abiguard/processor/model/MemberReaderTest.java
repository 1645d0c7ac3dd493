package org.abiguard.processor.model;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Compile.struct;
import static org.abiguard.processor.Expected.assertExactly;

import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each misuse of a struct member's annotations is one precise error on the member. */
class MemberReaderTest {
  private static final String P = "[abiguard:annotation] ";

  @Test
  void widthOutsideCWidthsIsAnErrorOnTheValue() {
    Source s = struct("  @AbiWidth(12) int a;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth(12)",
            "12",
            P
                + "@AbiWidth declares 12 bits on 'a', which is no C integer width; use 8, 16, 32 or 64"));
  }

  @Test
  void typedefWithWidthOutsideCWidthsIsAnErrorOnTheTypedef() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class S {
          @Odd int a;
        }

        @AbiWidth(24)
        @interface Odd {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "@Odd int a;",
            "@Odd",
            P + "@Odd declares 24 bits on 'a', which is no C integer width; use 8, 16, 32 or 64"),
        s.error(
            "@AbiWidth(24)",
            "24",
            P
                + "@AbiWidth declares 24 bits on typedef @Odd, which is no C integer width;"
                + " use 8, 16, 32 or 64"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@A short x;\n  @B short y;", "@B short y;\n  @A short x;"})
  void typedefCycleWithAWidthIsOneConflictWhicheverMemberIsReadFirst(String members) {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class S {
          %s
        }

        @B @AbiWidth(16) @interface A {}

        @A @interface B {}
        """
                .formatted(members));
    assertExactly(
        javac(s),
        s.error(
            "@B @AbiWidth(16) @interface A {}",
            "@AbiWidth",
            P
                + "typedef @A declares two C widths, with @B and @AbiWidth; a typedef has exactly"
                + " one: keep one of them"));
  }

  @Test
  void javaTypeNarrowerThanTheWidthIsAnError() {
    Source s = struct("  @U32 short count;");
    assertExactly(
        javac(s),
        s.error(
            "@U32",
            P
                + "'count' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"));
  }

  @Test
  void charCannotHoldASignedWidth() {
    Source s = struct("  @S16 char delta;");
    assertExactly(
        javac(s),
        s.error(
            "@S16",
            P + "'delta' of type char is narrower than @S16 (s16); declare it short, int or long"));
  }

  @Test
  void aWidthOnADoubleIsAnError() {
    Source s = struct("  @AbiWidth(value = 64, signed = true) double ratio;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth",
            P
                + "'ratio' of type double mirrors C's double, which needs no width; remove @AbiWidth,"
                + " or declare an integral type for a C integer"));
  }

  @Test
  void aTypedefWidthOnAFloatArrayIsAnErrorOnTheTypedef() {
    Source s = struct("  @AbiWidth(32) @interface Gain {}\n  @Gain @AbiArray(4) float[] gains;");
    assertExactly(
        javac(s),
        s.error(
            "@Gain @AbiArray",
            P
                + "'gains' of type float mirrors C's float, which needs no width; remove @Gain, or"
                + " declare an integral type for a C integer"));
  }

  @Test
  void aFloatBitFieldIsAnErrorOnAbiBits() {
    Source s = struct("  @U32 int flags;\n  @AbiBits(4) float level;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiBits(4)",
            P
                + "@AbiBits on 'level' of type float; a bit-field has an integer type: declare an"
                + " integral type with @AbiWidth or an alias such as @U32, or remove @AbiBits"));
  }

  @Test
  void floatsAndDoublesAreMembersWithoutAnnotations() {
    Source s =
        struct(
            "  @U32 int flags;\n  float gain;\n  double time;\n"
                + "  @AbiArray(3) float[] xyz = new float[3];\n  @AbiArray({2, 2}) double[] m;");
    assertExactly(javac(s));
  }

  @Test
  void boxedJavaTypeWithAWidthIsAnError() {
    Source s = struct("  @U8 Integer flags;");
    assertExactly(
        javac(s),
        s.error(
            "@U8",
            P
                + "'flags' of type Integer cannot hold @U8 (u8), which is an"
                + " integer; declare it byte (raw bits), short, char, int or long"));
  }

  @Test
  void integralFieldWithoutAWidthIsAnError() {
    Source s = struct("  int size;");
    assertExactly(
        javac(s),
        s.error(
            "int size;",
            "size",
            P
                + "'size' of type int has no C width; add"
                + " @AbiWidth(bits) or an alias such as @U32, a typedef annotation, @NativeLong or @Pointer"));
  }

  @Test
  void fieldThatIsNeitherIntegerNorStructIsAnError() {
    Source s = struct("  @U8 int tag;\n  String label;");
    assertExactly(
        javac(s),
        s.error(
            "String label;",
            "label",
            P
                + "'label' of type String is no C member:"
                + " neither an integer with a C width, a float or double, nor an @AbiStruct type;"
                + " declare an integral type with @AbiWidth, float, double or an @AbiStruct type, or"
                + " make the field static or transient to keep it out of the struct"));
  }

  @Test
  void aNegativeArrayLengthIsAnErrorOnTheValue() {
    Source s = struct("  @AbiArray(-4) @U8 byte[] mac;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray(-4)",
            "-4)",
            P
                + "@AbiArray(-4) on 'mac' is negative; the length of a C array is at least 1 (0 for"
                + " GNU C's zero-length array)"));
  }

  /** GNU C's zero-length array ({@code __u8 cmd[0];}, io_uring's {@code io_uring_sqe}). */
  @Test
  void aZeroLengthArrayIsAMember() {
    Source s = struct("  @U32 long len;\n  @AbiArray(0) @U8 byte[] name = new byte[0];");
    assertExactly(javac(s));
  }

  @Test
  void abiArrayOnANonArrayIsAnError() {
    Source s = struct("  @AbiArray(6) @U8 int mac;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray(6)",
            P
                + "@AbiArray on 'mac' of type int, which is not a Java array; declare it int[] or remove @AbiArray"));
  }

  @Test
  void javaArrayWithoutAbiArrayIsAnError() {
    Source s = struct("  @U8 byte[] mac;");
    assertExactly(
        javac(s),
        s.error(
            "byte[] mac;",
            "mac",
            P
                + "Java array 'mac' has no @AbiArray; a C array"
                + " has a fixed length: add @AbiArray(n) with the length of the C array"));
  }

  @Test
  void aJavaArrayOfArraysIsAnError() {
    Source s = struct("  @AbiArray(6) @U8 byte[][] grid;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray(6)",
            P
                + "array of arrays 'grid' is not supported; declare a one-dimensional Java array of"
                + " all the elements, row by row, with @AbiArray({rows, columns}), which C lays out"
                + " the same way"));
  }

  /** C's {@code uint16_t coeff[3][2]}: six elements in one Java array. */
  @Test
  void aCArrayOfArraysIsOneJavaArray() {
    Source s = struct("  @AbiArray({3, 2}) @U16 int[] coeff = new int[6];");
    assertExactly(javac(s));
  }

  @Test
  void anArrayWithoutLengthOrWithANegativeDimensionIsAnError() {
    Source none = struct("  @AbiArray({}) @U16 int[] coeff;");
    assertExactly(
        javac(none),
        none.error(
            "@AbiArray({})",
            "{})",
            P
                + "@AbiArray({}) on 'coeff' has no length; give the C array's, or each dimension's:"
                + " @AbiArray({rows, columns})"));
    Source negative = struct("  @AbiArray({3, -2}) @U16 int[] coeff;");
    assertExactly(
        javac(negative),
        negative.error(
            "@AbiArray({3, -2})",
            "{3, -2})",
            P
                + "@AbiArray({3, -2}) on 'coeff' is negative; the length of a C array is at least 1"
                + " (0 for GNU C's zero-length array)"));
  }

  @Test
  void arrayElementsFollowTheJavaTypeRules() {
    Source s = struct("  @AbiArray(4) @U32 short[] words;");
    assertExactly(
        javac(s),
        s.error(
            "@U32",
            P
                + "'words' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"));
  }

  @Test
  void fieldAlignmentNotAPowerOfTwoIsAnErrorOnTheValue() {
    Source s = struct("  @AbiAlign(12) @U64 long bytes;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiAlign(12)",
            "12",
            P
                + "@AbiAlign(12) on 'bytes' is not a power of"
                + " two; C alignments are powers of two: use 1, 2, 4, 8, 16, ..."));
  }

  @Test
  void zeroAlignmentIsAnError() {
    Source s = struct("  @AbiAlign(0) @U64 long bytes;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiAlign(0)",
            "0)",
            P
                + "@AbiAlign(0) on 'bytes' is not a power of"
                + " two; C alignments are powers of two: use 1, 2, 4, 8, 16, ..."));
  }

  @Test
  void pointerOnAnythingButLongIsAnError() {
    Source s = struct("  @Pointer int handle;");
    assertExactly(
        javac(s),
        s.error(
            "@Pointer",
            P
                + "@Pointer on 'handle' of type int: a pointer is held in"
                + " a Java long (8 bytes on x86_64 and aarch64); declare it long"));
  }

  @Test
  void nativeLongNeedsALong() {
    Source s = struct("  @NativeLong int count;");
    assertExactly(
        javac(s),
        s.error(
            "@NativeLong",
            P
                + "'count' of type int is narrower than @NativeLong"
                + " (C long, up to u64); declare it long (raw bits)"));
  }

  @Test
  void twoWidthsAreAConflictOnTheSecond() {
    Source s = struct("  @U16 @U32 long size;");
    assertExactly(
        javac(s),
        s.error(
            "@U16 @U32",
            "@U32",
            P + "'size' declares its C type twice, with @U16 and @U32; keep exactly one of them"));
  }

  @Test
  void widthAndPointerAreAConflict() {
    Source s = struct("  @Pointer @U64 long handle;");
    assertExactly(
        javac(s),
        s.error(
            "@Pointer @U64",
            "@U64",
            P
                + "'handle' declares its C type twice, with @Pointer and @U64; keep exactly one of them"));
  }

  @Test
  void typedefAndNativeLongAreAConflict() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class S {
          @XenPfn @NativeLong long gpfn;
        }

        @U64
        @interface XenPfn {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "@XenPfn @NativeLong",
            "@NativeLong",
            P
                + "'gpfn' declares its C type twice, with @XenPfn and @NativeLong; keep exactly one of them"));
  }

  @Test
  void widthOnANestedStructIsAnError() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class S {
          @U32 Inner inner;
        }
        """);
    Source inner =
        Source.of(
            "p.Inner",
            """
        package p;

        @org.abiguard.AbiStruct
        class Inner {
          @org.abiguard.U32 long value;
        }
        """);
    assertExactly(
        javac(s, inner),
        s.error(
            "@U32 Inner",
            "@U32",
            P + "'inner' is a nested struct (Inner), laid out by its own members; remove @U32"));
  }

  @Test
  void abiNameThatIsNoCIdentifierIsAnErrorOnTheValue() {
    Source s = struct("  @AbiName(\"nr-extents\") @U32 long nrExtents;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            "\"nr-extents\"",
            P
                + "@AbiName(\"nr-extents\") on"
                + " 'nrExtents' is not a C member name: it is no C identifier; use letters, digits and '_', not starting"
                + " with a digit, no C keyword and no reserved name"));
  }

  @Test
  void abiNameThatIsACKeywordIsAnError() {
    Source s = struct("  @AbiName(\"unsigned\") @U32 long flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            "\"unsigned\"",
            P
                + "@AbiName(\"unsigned\") on 'flags' is"
                + " not a C member name: it is a C keyword; use letters, digits and '_', not starting with a digit, no C"
                + " keyword and no reserved name"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "int",
        "while",
        "static",
        "for",
        "char",
        "long",
        "double",
        "return",
        "void",
        "_Bool",
        "_Atomic",
        "bool",
        "true",
        "typeof",
        "constexpr"
      })
  void abiNamesThatAreCKeywordsAlsoJavaOnesAreErrors(String keyword) {
    Source s = struct("  @AbiName(\"" + keyword + "\") @U32 long flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            "\"" + keyword + "\"",
            P
                + "@AbiName(\""
                + keyword
                + "\") on"
                + " 'flags' is not a C member name: it is a C keyword; use letters, digits and '_', not starting with a"
                + " digit, no C keyword and no reserved name"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"__x", "__", "_Upper", "_X1"})
  void abiNamesReservedToCAreErrors(String reserved) {
    Source s = struct("  @AbiName(\"" + reserved + "\") @U32 long flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            "\"" + reserved + "\"",
            P
                + "@AbiName(\""
                + reserved
                + "\") on"
                + " 'flags' is not a C member name: C reserves names starting with __ or with _ and a capital"
                + " letter for the implementation; if the C declaration is in a header of the"
                + " implementation (an operating system's or hypervisor's, as Linux's __kernel_timespec"
                + " or Xen's __pad), say so with @AbiStruct(reservedNames = true); else use letters,"
                + " digits and '_', not starting with a digit, no C keyword and no reserved name"));
  }

  @Test
  void aMemberNameStartingWithUnderscoreAndALowerCaseLetterIsFine() {
    Source s = struct("  @AbiName(\"_pad\") @U32 long pad;\n  @U32 long _x;");
    assertExactly(javac(s));
  }

  @Test
  void javaNameThatIsNoCIdentifierNeedsAbiName() {
    Source s = struct("  @U32 long nr$extents;");
    assertExactly(
        javac(s),
        s.error(
            "nr$extents",
            P
                + "the Java name 'nr$extents' is not a C member name; add"
                + " @AbiName(\"c_name\") with the member's name in the C declaration"));
  }

  @Test
  void recordComponentMisuseIsReportedOnTheComponent() {
    Source s =
        Source.of(
            "p.R",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        record R(@U16 int domid, @U32 short space, @AbiArray(2) @U8 int mac) {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "record R",
            "@U32",
            P
                + "'space' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"),
        s.error(
            "record R",
            "@AbiArray",
            P
                + "@AbiArray on 'mac' of type int, which is not a Java array;"
                + " declare it int[] or remove @AbiArray"));
  }

  @Test
  void fieldOnlyTypedefOnARecordComponentIsRead() {
    Source s =
        Source.of(
            "p.R",
            """
        package p;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Target;
        import org.abiguard.*;

        @AbiStruct
        record R(@DomId byte domid) {}

        @U16
        @Target(ElementType.FIELD)
        @interface DomId {}
        """);
    assertExactly(
        javac(s),
        s.error(
            "record R",
            "@DomId",
            P
                + "'domid' of type byte is narrower than @DomId (u16); declare it short (raw bits), char, int or"
                + " long"));
  }
}
