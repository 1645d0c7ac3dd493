package org.abiguard.processor.model;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;

import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * Bad declarations of unions, bit-fields, anonymous members, flexible arrays and packing: each is
 * an {@code [abiguard:annotation]} error on the element (at the offending annotation or value),
 * never a crash or silent acceptance.
 */
class RestOfCDeclarationsTest {
  private static final String P = "[abiguard:annotation] ";

  private static Source struct(String body) {
    return Source.of(
        "p.S",
        """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "s")
        class S {
        %s
        }
        """
            .formatted(body));
  }

  @Test
  void bitFieldWiderThanItsType() {
    Source s = struct("  @U8 @AbiBits(9) int flags;\n  @U32 long other;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiBits(9)",
            "9)",
            P
                + "@AbiBits(9) on 'flags' is no bit-field width: its"
                + " type @U8 (u8) has 8 bits; use 1..8, or 0 for a zero-width bit-field"));
  }

  @Test
  void negativeBitFieldWidth() {
    Source s = struct("  @U32 @AbiBits(-1) long flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiBits(-1)",
            "-1)",
            P
                + "@AbiBits(-1) on 'flags' is no bit-field width:"
                + " its type @U32 (u32) has 32 bits; use 1..32, or 0 for a zero-width bit-field"));
  }

  @Test
  void nativeLongBitFieldAbove32Bits() {
    Source s = struct("  @NativeLong @AbiBits(40) long flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiBits(40)",
            "40)",
            P
                + "@AbiBits(40) on 'flags' is no bit-field width:"
                + " C long (@NativeLong) has 32 bits on i386, so at most 32; declare @U64/@S64 for a wider bit-field;"
                + " use 1..32, or 0 for a zero-width bit-field"));
  }

  @Test
  void javaTypeNarrowerThanTheBitField() {
    Source s = struct("  @U32 @AbiBits(12) byte flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiBits(12)",
            "@U32",
            P
                + "'flags' of type byte is narrower than the"
                + " bit-field (u12); declare it short, char, int or long"));
  }

  @Test
  void alignOnABitField() {
    Source s = struct("  @U32 @AbiBits(3) @AbiAlign(8) int flags;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiAlign(8)",
            "@AbiAlign",
            P
                + "@AbiAlign on bit-field 'flags': C forbids"
                + " an alignment on a bit-field (gcc: 'alignment may not be specified'); put @AbiAlign on the member after"
                + " it, or use a zero-width bit-field @AbiBits(0) to start a new unit"));
  }

  @Test
  void bitsOnAPointerOrANestedStruct() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "s")
        class S {
          @Pointer @AbiBits(3) long handle;
          @AbiBits(3) T t;

          @AbiStruct(name = "t")
          static class T {
            @U32 long x;
          }
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "long handle",
            "@AbiBits",
            P
                + "@AbiBits on 'handle', which is a @Pointer; a bit-field has an"
                + " integer type: declare the C type with @AbiWidth or an alias such as @U32"),
        s.error(
            "T t;",
            "@AbiBits",
            P
                + "@AbiBits on 't', which is a nested struct or union; only an integer"
                + " member can be a bit-field"));
  }

  @Test
  void nameOnAnUnnamedBitField() {
    Source s =
        struct(
            "  @U32 @AbiBits(value = 3, unnamed = true) @AbiName(\"x\") int pad;\n  @U32 long v;");
    assertExactly(
        javac(s),
        s.error(
            "int pad;",
            "@AbiName",
            P
                + "@AbiName on 'pad', which is an unnamed"
                + " bit-field and has no name in C; remove @AbiName"));
  }

  @Test
  void flexibleArrayNotLast() {
    Source s = struct("  @U32 long nr;\n  @AbiFlexible @U32 long[] entries;\n  @U32 long after;");
    assertExactly(
        javac(s),
        s.error(
            "long[] entries",
            "@AbiFlexible",
            P
                + "@AbiFlexible on 'entries', which is"
                + " not the last member; C allows a flexible array member only at the end of a struct: move it last"));
  }

  /**
   * ISO C wants a named member before a flexible array; GNU C lays out Linux's {@code
   * __DECLARE_FLEX_ARRAY}, an empty struct and the array, as the array alone, and that is how a
   * union holds flexible arrays (FlexibleArrayAloneTest proves it with gcc).
   */
  @Test
  void flexibleArrayAsTheOnlyMemberIsAccepted() {
    assertExactly(javac(struct("  @AbiFlexible @U32 long[] entries;")));
  }

  @Test
  void flexibleMemberThatIsNoArray() {
    Source s = struct("  @U32 long nr;\n  @AbiFlexible @U32 long entries;");
    assertExactly(
        javac(s),
        s.error(
            "long entries",
            "@AbiFlexible",
            P
                + "@AbiFlexible on 'entries' of type long,"
                + " which is not a Java array; a flexible array member is declared long[]"));
  }

  /**
   * Beside {@code @AbiFlexible}, {@code @AbiArray} gives each element's length ({@code T x[][6]});
   * a row of no element is an error.
   */
  @Test
  void flexibleArrayOfEmptyRows() {
    Source s = struct("  @U32 long nr;\n  @AbiFlexible @AbiArray(0) @U32 long[] entries;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray(0)",
            "0)",
            P
                + "@AbiArray(0) on 'entries' beside @AbiFlexible gives the length of each of its"
                + " elements (T name[][6] is @AbiArray(6)), at least 1 each"));
  }

  @Test
  void flexibleCountNamesNoEarlierIntegerMember() {
    Source s = struct("  @U32 long nr;\n  @AbiFlexible(count = \"n\") @U32 long[] entries;");
    assertExactly(
        javac(s),
        s.error(
            "long[] entries",
            "@AbiFlexible",
            P
                + "@AbiFlexible(count = \"n\") on"
                + " 'entries' names no earlier member of this type; name the Java member that holds the element count,"
                + " declared before the array, or leave count empty to give the count in each call"));
  }

  @Test
  void unionMemberThatIsFlexible() {
    Source s =
        Source.of(
            "p.U",
            """
        package p;

        import org.abiguard.*;

        @AbiUnion(name = "u")
        class U {
          @U32 long a;
          @AbiFlexible @U32 long[] rest;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "long[] rest",
            "@AbiFlexible",
            P
                + "@AbiFlexible on union member 'rest': a"
                + " union member cannot be a flexible array; wrap it in a struct (its only member, as Linux's"
                + " __DECLARE_FLEX_ARRAY does), or give it a length with @AbiArray"));
  }

  @Test
  void packThatIsNoCPacking() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "s", pack = 3)
        class S {
          @U32 long a;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "pack = 3",
            "3)",
            P
                + "pack = 3 on S is no C packing; use 0 (natural"
                + " alignment), 1 (__attribute__((packed))) or 2, 4, 8, 16 (#pragma pack(N))"));
  }

  @Test
  void anonymousOnAnInteger() {
    Source s = struct("  @AbiAnonymous @U32 long a;");
    assertExactly(
        javac(s),
        s.error(
            "long a;",
            "@AbiAnonymous",
            P
                + "@AbiAnonymous on 'a' of type long: only a"
                + " member whose type is an @AbiStruct or @AbiUnion type can be anonymous"));
  }

  @Test
  void bitsAndFlexibleTogether() {
    Source s = struct("  @U32 long nr;\n  @AbiBits(3) @AbiFlexible @U32 long[] e;");
    assertExactly(
        javac(s),
        s.error(
            "long[] e;",
            "@AbiFlexible",
            P
                + "'e' has both @AbiBits and @AbiFlexible;"
                + " a C member is a bit-field, an anonymous member or a flexible array, never two of them: keep one"));
  }

  @Test
  void structAndUnionOnOneType() {
    Source s =
        Source.of(
            "p.S",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "s")
        @AbiUnion(name = "s")
        class S {
          @U32 long a;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiUnion(name",
            "@AbiUnion",
            P
                + "S has both @AbiStruct and @AbiUnion; a"
                + " C type is a struct or a union: keep one"));
  }

  @Test
  void alignAboveGccsMaximum() {
    Source s = struct("  @U32 @AbiAlign(1 << 29) long a;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiAlign(1 << 29)",
            "<< 29",
            P
                + "@AbiAlign(536870912) on 'a' is above"
                + " the largest alignment C compilers accept (gcc: 2^28 = 268435456 bytes); use at most 268435456"));
  }

  @Test
  void alignOfGccsMaximumIsAccepted() {
    Source s = struct("  @U32 @AbiAlign(1 << 28) long a;");
    assertExactly(javac(s));
  }

  @Test
  void emptyUnion() {
    Source s =
        Source.of(
            "p.U",
            """
        package p;

        import org.abiguard.*;

        @AbiUnion(name = "u")
        class U {
          static int notAMember;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiUnion",
            P
                + "union U has no members; ISO C declares a union with at least one: add an"
                + " instance field with a C width (static and transient fields are not members),"
                + " or, for GNU C's empty union (sizeof 0), write empty = true"));
  }
}
