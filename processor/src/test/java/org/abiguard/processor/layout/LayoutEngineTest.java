package org.abiguard.processor.layout;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.nativeLong;
import static org.abiguard.processor.testing.StructBuilder.pointer;
import static org.abiguard.processor.testing.StructBuilder.s16;
import static org.abiguard.processor.testing.StructBuilder.s64;
import static org.abiguard.processor.testing.StructBuilder.signedNativeLong;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayoutEngineTest {

  private static StructLayout layout(StructModel model, TargetAbi abi, StructModel... others) {
    List<StructModel> all = new java.util.ArrayList<>(List.of(others));
    all.add(model);
    return new LayoutEngine(StructBuilder.lookup(all)).layout(model, abi);
  }

  private static List<Integer> offsets(StructLayout l) {
    return l.fields().stream().map(FieldLayout::offset).toList();
  }

  private static List<Integer> sizes(StructLayout l) {
    return l.fields().stream().map(FieldLayout::size).toList();
  }

  private static List<Integer> aligns(StructLayout l) {
    return l.fields().stream().map(FieldLayout::align).toList();
  }

  @Nested
  class Padding {
    // struct { uint8_t a; uint32_t b; uint16_t c; uint64_t d; uint8_t e; }
    private final StructModel mixed =
        struct("p.Mixed", "mixed")
            .field("a", u8())
            .field("b", u32())
            .field("c", u16())
            .field("d", u64())
            .field("e", u8())
            .build();

    @ParameterizedTest
    @EnumSource(
        value = TargetAbi.class,
        names = {"X86_64", "AARCH64"})
    void membersAlignToTheirSizeOnLp64(TargetAbi abi) {
      StructLayout l = layout(mixed, abi);
      assertEquals(List.of(0, 4, 8, 16, 24), offsets(l));
      assertEquals(List.of(1, 4, 2, 8, 1), sizes(l));
      assertEquals(List.of(1, 4, 2, 8, 1), aligns(l));
      assertEquals(32, l.size(), "tail padding to a multiple of 8");
      assertEquals(8, l.align());
    }

    @Test
    void eightByteIntegersAlignToFourOnI386() {
      StructLayout l = layout(mixed, TargetAbi.I386);
      assertEquals(List.of(0, 4, 8, 12, 20), offsets(l));
      assertEquals(List.of(1, 4, 2, 4, 1), aligns(l));
      assertEquals(24, l.size());
      assertEquals(4, l.align());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void tailPaddingRoundsUpToTheStructAlignment(TargetAbi abi) {
      // struct { uint32_t a; uint8_t b; } is 8 bytes everywhere
      StructLayout l = layout(struct("p.T", "t").field("a", u32()).field("b", u8()).build(), abi);
      assertEquals(List.of(0, 4), offsets(l));
      assertEquals(8, l.size());
      assertEquals(4, l.align());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void bytesOnlyNeedNoPadding(TargetAbi abi) {
      StructLayout l =
          layout(
              struct("p.B", "b").field("a", u8()).field("b", u8()).field("c", u8()).build(), abi);
      assertEquals(List.of(0, 1, 2), offsets(l));
      assertEquals(3, l.size());
      assertEquals(1, l.align());
    }

    @Test
    void u64AfterU32() {
      StructModel m = struct("p.P", "p").field("a", u32()).field("b", u64()).build();
      assertEquals(List.of(0, 8), offsets(layout(m, TargetAbi.X86_64)));
      assertEquals(List.of(0, 8), offsets(layout(m, TargetAbi.AARCH64)));
      assertEquals(List.of(0, 4), offsets(layout(m, TargetAbi.I386)));
      assertEquals(12, layout(m, TargetAbi.I386).size());
      assertEquals(16, layout(m, TargetAbi.X86_64).size());
    }
  }

  @Nested
  class AbiAlign {
    @Test
    void alignedU64OnI386LikeXensUint64AlignedT() {
      StructModel m = struct("p.A", "a").field("a", u32()).aligned("b", u64(), 8).build();
      StructLayout l = layout(m, TargetAbi.I386);
      assertEquals(List.of(0, 8), offsets(l));
      assertEquals(8, l.fields().get(1).align());
      assertEquals(8, l.fields().get(1).elementAlign());
      assertEquals(16, l.size());
      assertEquals(8, l.align());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void neverLowers(TargetAbi abi) {
      StructModel m = struct("p.A", "a").field("a", u8()).aligned("b", u32(), 2).build();
      StructLayout l = layout(m, abi);
      assertEquals(List.of(0, 4), offsets(l));
      assertEquals(4, l.fields().get(1).align());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void onAStructRaisesItsAlignmentAndSize(TargetAbi abi) {
      StructModel m = struct("p.A", "a").align(16).field("a", u32()).build();
      StructLayout l = layout(m, abi);
      assertEquals(16, l.align());
      assertEquals(16, l.size());
    }

    @Test
    void onAStructIsSeenByTheEnclosingStruct() {
      StructModel inner = struct("p.In", "in").align(8).field("a", u32()).build();
      StructModel outer =
          struct("p.Out", "out").field("x", u8()).field("in", struct("p.In")).build();
      StructLayout l = layout(outer, TargetAbi.I386, inner);
      assertEquals(List.of(0, 8), offsets(l));
      assertEquals(16, l.size());
      assertEquals(8, l.align());
    }

    /**
     * GNU C's empty struct: size 0; aligned, it still moves what follows (gcc: {@code struct v {
     * uint8_t a; struct __attribute__((aligned(8))) {} e; uint8_t t; }} puts e and t at 8, size
     * 16).
     */
    @Test
    void onAnEmptyStructAlignsItsPlaceButAddsNoBytes() {
      StructModel empty = struct("p.E", "e").align(8).build();
      assertEquals(0, layout(empty, TargetAbi.I386).size());
      assertEquals(8, layout(empty, TargetAbi.I386).align());
      StructModel outer =
          struct("p.V", "v").field("a", u8()).field("e", struct("p.E")).field("t", u8()).build();
      StructLayout l = layout(outer, TargetAbi.I386, empty);
      assertEquals(List.of(0, 8, 8), offsets(l));
      assertEquals(List.of(1, 0, 1), sizes(l));
      assertEquals(16, l.size());
    }

    @Test
    void onAStructNeverLowers() {
      StructModel m = struct("p.A", "a").align(2).field("a", u64()).build();
      assertEquals(8, layout(m, TargetAbi.X86_64).align());
    }

    @Test
    void notAPowerOfTwoOnAMember() {
      StructModel m = struct("p.A", "a").aligned("b", u32(), 12).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "@AbiAlign on member p.A.b is 12; an alignment must be a power of two (1, 2, 4, 8, ...)",
          e.getMessage());
    }

    @Test
    void notAPowerOfTwoOnAStruct() {
      StructModel m = struct("p.A", "a").align(-4).field("b", u32()).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.I386));
      assertTrue(e.getMessage().startsWith("@AbiAlign on struct p.A is -4;"), e.getMessage());
    }
  }

  @Nested
  class NativeLongAndPointer {
    private final StructModel m =
        struct("p.L", "l")
            .field("a", u16())
            .field("n", nativeLong())
            .field("s", signedNativeLong())
            .field("p", pointer())
            .build();

    @ParameterizedTest
    @EnumSource(
        value = TargetAbi.class,
        names = {"X86_64", "AARCH64"})
    void eightBytesOnLp64(TargetAbi abi) {
      StructLayout l = layout(m, abi);
      assertEquals(List.of(0, 8, 16, 24), offsets(l));
      assertEquals(List.of(2, 8, 8, 8), sizes(l));
      assertEquals(32, l.size());
      assertEquals(Width.U64, l.fields().get(1).width());
      assertEquals(Width.S64, l.fields().get(2).width());
      assertEquals(Width.U64, l.fields().get(3).width());
    }

    @Test
    void fourBytesOnI386() {
      StructLayout l = layout(m, TargetAbi.I386);
      assertEquals(List.of(0, 4, 8, 12), offsets(l));
      assertEquals(List.of(2, 4, 4, 4), sizes(l));
      assertEquals(16, l.size());
      assertEquals(4, l.align());
      assertEquals(Width.U32, l.fields().get(1).width());
      assertEquals(Width.S32, l.fields().get(2).width(), "keeps the sign");
      assertEquals(Width.U32, l.fields().get(3).width(), "pointers are unsigned");
    }

    @Test
    void plainWidthsAreKept() {
      StructModel w = struct("p.W", "w").field("a", s16()).field("b", s64()).build();
      StructLayout l = layout(w, TargetAbi.I386);
      assertEquals(Width.S16, l.fields().get(0).width());
      assertEquals(Width.S64, l.fields().get(1).width());
    }
  }

  @Nested
  class Arrays {
    @Test
    void arrayOfScalars() {
      // struct { uint8_t tag; uint16_t v[3]; uint64_t w[2]; }
      StructModel m =
          struct("p.A", "a")
              .field("tag", u8())
              .field("v", array(3, u16()))
              .field("w", array(2, u64()))
              .build();
      StructLayout x = layout(m, TargetAbi.X86_64);
      assertEquals(List.of(0, 2, 8), offsets(x));
      assertEquals(List.of(1, 6, 16), sizes(x));
      assertEquals(24, x.size());
      FieldLayout v = x.fields().get(1);
      assertEquals(2, v.elementSize());
      assertEquals(2, v.elementAlign());
      assertEquals(Width.U16, v.width());
      StructLayout i = layout(m, TargetAbi.I386);
      assertEquals(List.of(0, 2, 8), offsets(i));
      assertEquals(4, i.fields().get(2).align());
      assertEquals(24, i.size());
      assertEquals(4, i.align());
    }

    @Test
    void arrayOfNativeLongsAndPointers() {
      StructModel m =
          struct("p.A", "a")
              .field("n", array(2, nativeLong()))
              .field("p", array(3, pointer()))
              .build();
      StructLayout i = layout(m, TargetAbi.I386);
      assertEquals(List.of(0, 8), offsets(i));
      assertEquals(List.of(8, 12), sizes(i));
      assertEquals(Width.U32, i.fields().get(0).width());
      StructLayout a = layout(m, TargetAbi.AARCH64);
      assertEquals(List.of(0, 16), offsets(a));
      assertEquals(40, a.size());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void arrayOfStructs(TargetAbi abi) {
      StructModel pair = struct("p.Pair", "pair").field("a", u32()).field("b", u16()).build();
      StructModel m =
          struct("p.A", "a").field("n", u8()).field("pairs", array(3, struct("p.Pair"))).build();
      StructLayout l = layout(m, abi, pair);
      FieldLayout pairs = l.fields().get(1);
      assertEquals(4, pairs.offset());
      assertEquals(8, pairs.elementSize());
      assertEquals(4, pairs.elementAlign());
      assertEquals(24, pairs.size());
      assertNull(pairs.width());
      assertEquals(28, l.size());
    }

    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void alignedArrayKeepsItsElementAlignment(TargetAbi abi) {
      StructModel m = struct("p.A", "a").field("a", u8()).aligned("b", array(4, u8()), 8).build();
      FieldLayout b = layout(m, abi).fields().get(1);
      assertEquals(8, b.offset());
      assertEquals(8, b.align());
      assertEquals(1, b.elementAlign());
      assertEquals(1, b.elementSize());
    }

    @Test
    void negativeLength() {
      StructModel m = struct("p.A", "a").field("v", array(-1, u8())).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "member p.A.v is an array of length -1; @AbiArray needs a length of at least 0 (GNU"
              + " C's zero-length array)",
          e.getMessage());
    }

    /**
     * GNU C's zero-length array: no bytes, the element's alignment (gcc: {@code struct { uint8_t a;
     * uint64_t v[0]; uint16_t b; }} is 16 bytes with v and b at 8 on x86_64, 8 with both at 4 on
     * i386).
     */
    @ParameterizedTest
    @EnumSource(TargetAbi.class)
    void zeroLength(TargetAbi abi) {
      StructModel m =
          struct("p.A", "a").field("a", u8()).field("v", array(0, u64())).field("b", u16()).build();
      StructLayout l = layout(m, abi);
      int align = abi == TargetAbi.I386 ? 4 : 8;
      assertEquals(align, l.fields().get(1).offset());
      assertEquals(0, l.fields().get(1).size());
      assertEquals(align, l.fields().get(2).offset());
      assertEquals(2 * align, l.size());
    }

    @Test
    void arrayOfArrays() {
      StructModel m = struct("p.A", "a").field("v", array(2, array(2, u8()))).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertTrue(e.getMessage().contains("array of arrays"), e.getMessage());
    }

    @Test
    void sizeOverflow() {
      StructModel m = struct("p.A", "a").field("v", array(Integer.MAX_VALUE, u64())).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertTrue(e.getMessage().contains("larger than a Java buffer can hold"), e.getMessage());
    }
  }

  @Nested
  class NestedStructs {
    private final StructModel inner =
        struct("p.In", "in").field("a", u8()).field("b", u64()).build();
    private final StructModel outer =
        struct("p.Out", "out")
            .field("x", u16())
            .field("in", struct("p.In"))
            .field("y", u8())
            .build();

    @ParameterizedTest
    @EnumSource(
        value = TargetAbi.class,
        names = {"X86_64", "AARCH64"})
    void alignmentPropagatesOnLp64(TargetAbi abi) {
      StructLayout l = layout(outer, abi, inner);
      assertEquals(List.of(0, 8, 24), offsets(l));
      assertEquals(List.of(2, 16, 1), sizes(l));
      assertEquals(8, l.fields().get(1).align());
      assertNull(l.fields().get(1).width());
      assertEquals(32, l.size());
      assertEquals(8, l.align());
    }

    @Test
    void alignmentPropagatesOnI386() {
      StructLayout l = layout(outer, TargetAbi.I386, inner);
      assertEquals(List.of(0, 4, 16), offsets(l));
      assertEquals(List.of(2, 12, 1), sizes(l));
      assertEquals(20, l.size());
      assertEquals(4, l.align());
    }

    @Test
    void threeLevels() {
      StructModel top =
          struct("p.Top", "top").field("c", u8()).field("out", struct("p.Out")).build();
      StructLayout l = layout(top, TargetAbi.X86_64, inner, outer);
      assertEquals(List.of(0, 8), offsets(l));
      assertEquals(40, l.size());
    }

    @Test
    void unknownNestedStruct() {
      StructModel m = struct("p.A", "a").field("b", struct("p.Missing")).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "member p.A.b has type p.Missing, which is not a known @AbiStruct type; annotate it with @AbiStruct",
          e.getMessage());
    }

    @Test
    void directCycle() {
      StructModel m = struct("p.A", "a").field("x", u8()).field("self", struct("p.A")).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertTrue(
          e.getMessage().startsWith("struct p.A contains itself: p.A → p.A;"), e.getMessage());
    }

    @Test
    void indirectCycleThroughAnArray() {
      StructModel a = struct("p.A", "a").field("b", struct("p.B")).build();
      StructModel b = struct("p.B", "b").field("as", array(2, struct("p.A"))).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(a, TargetAbi.I386, b));
      assertTrue(
          e.getMessage().startsWith("struct p.A contains itself: p.A → p.B → p.A;"),
          e.getMessage());
    }

    @Test
    void cycleBelowTheStructBeingLaidOut() {
      StructModel top = struct("p.Top", "top").field("b", struct("p.B")).build();
      StructModel b = struct("p.B", "b").field("c", struct("p.C")).build();
      StructModel c = struct("p.C", "c").field("b", struct("p.B")).build();
      LayoutException e =
          assertThrows(LayoutException.class, () -> layout(top, TargetAbi.X86_64, b, c));
      assertEquals(
          "struct p.B contains itself: p.B → p.C → p.B; C cannot lay out a struct nested in itself"
              + " (use a @Pointer member instead)",
          e.getMessage());
    }

    @Test
    void theEngineStaysUsableAfterACycle() {
      StructModel a = struct("p.A", "a").field("b", struct("p.B")).build();
      StructModel b = struct("p.B", "b").field("a", struct("p.A")).build();
      LayoutEngine engine = new LayoutEngine(StructBuilder.lookup(List.of(a, b, inner, outer)));
      assertThrows(LayoutException.class, () -> engine.layout(a, TargetAbi.X86_64));
      assertThrows(LayoutException.class, () -> engine.layout(b, TargetAbi.X86_64));
      assertEquals(32, engine.layout(outer, TargetAbi.X86_64).size());
    }

    @Test
    void layoutsAreCachedPerAbi() {
      LayoutEngine engine = new LayoutEngine(StructBuilder.lookup(List.of(inner, outer)));
      StructLayout first = engine.layout(inner, TargetAbi.X86_64);
      engine.layout(outer, TargetAbi.X86_64);
      assertSame(first, engine.layout(inner, TargetAbi.X86_64));
      assertEquals(12, engine.layout(inner, TargetAbi.I386).size());
    }
  }

  @Nested
  class Rejected {
    @Test
    void widthThatCDoesNotHave() {
      StructModel m =
          struct("p.W", "w")
              .field(
                  "a",
                  new org.abiguard.processor.model.MemberType.IntType(
                      new Width(12, false), false, org.abiguard.processor.model.JavaKind.INT))
              .build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "member p.W.a has C width of 12 bits; only 8, 16, 32 and 64 exist", e.getMessage());
    }

    /** What the count of a flexible array of arrays counts must fit a Java buffer. */
    @Test
    void flexibleRowLargerThanABuffer() {
      StructModel m =
          struct("p.F", "f").field("n", u32()).flexibleRows("v", u64(), 1 << 30, "n").build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "a row of member p.F.v would be 8589934592 bytes, larger than a Java buffer can hold",
          e.getMessage());
    }

    @Test
    void twoMembersWithOneCName() {
      StructModel m = struct("p.D", "d").field("a", "x", u8()).field("b", "x", u8()).build();
      LayoutException e = assertThrows(LayoutException.class, () -> layout(m, TargetAbi.X86_64));
      assertEquals(
          "member p.D.b has the C name 'x' of an earlier member; C struct members need distinct names"
              + " (fix @AbiName)",
          e.getMessage());
    }
  }

  @Test
  void recordsAbiStructAndFieldsInDeclarationOrder() {
    StructModel m = struct("p.R", "r").field("a", u8()).field("b", u16()).build();
    StructLayout l = layout(m, TargetAbi.AARCH64);
    assertSame(m, l.struct());
    assertEquals(TargetAbi.AARCH64, l.abi());
    assertEquals(List.of("a", "b"), l.fields().stream().map(f -> f.field().javaName()).toList());
  }
}
