package org.abiguard.processor.manifest;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.pointer;
import static org.abiguard.processor.testing.StructBuilder.s16;
import static org.abiguard.processor.testing.StructBuilder.s32;
import static org.abiguard.processor.testing.StructBuilder.s8;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;
import static org.abiguard.processor.testing.StructBuilder.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.Layouts;
import org.abiguard.processor.testing.StructBuilder;
import org.abiguard.processor.testing.XenMemoryStructs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BaselineCheckerTest {
  private static final String CONSEQUENCE =
      "; C code and data built against the baseline no longer match"
          + " (restore the old layout, or update the baseline if the break is intended)";

  private static final List<TargetAbi> X86_64 = List.of(TargetAbi.X86_64);
  private static final List<TargetAbi> ALL = Layouts.ALL_ABIS;

  private static List<List<StructLayout>> layouts(List<TargetAbi> abis, StructModel... structs) {
    return Layouts.of(List.of(structs), StructBuilder.lookup(List.of(structs)), abis);
  }

  private static String manifest(List<TargetAbi> abis, StructModel... structs) {
    return ManifestWriter.render(layouts(abis, structs));
  }

  private static List<AbiBreak> compare(
      List<TargetAbi> oldAbis, StructModel old, List<TargetAbi> newAbis, StructModel now) {
    return BaselineChecker.compare(manifest(oldAbis, old), layouts(newAbis, now));
  }

  private static final StructModel PHYSMAP = XenMemoryStructs.ADD_TO_PHYSMAP;

  @Nested
  class Compatible {
    @Test
    void sameLayouts() {
      assertEquals(
          List.of(),
          BaselineChecker.compare(
              ManifestWriterTest.resource("manifest-golden/xen-memory.json"),
              Layouts.of(XenMemoryStructs.ALL, XenMemoryStructs.lookup(), ALL)));
    }

    @Test
    void additionInTheTailPadding() {
      StructModel old = struct("p.S", "s").field("a", u64()).field("b", u8()).build();
      StructModel now =
          struct("p.S", "s").field("a", u64()).field("b", u8()).field("c", u8()).build();
      assertEquals(List.of(), compare(ALL, old, ALL, now));
    }

    @Test
    void renamedJavaFieldWithTheSameCName() {
      StructModel now =
          struct("xen.XenAddToPhysmap", "xen_add_to_physmap")
              .field("domain", "domid", u16())
              .field("size", u16())
              .field("space", u32())
              .field("idx", StructBuilder.nativeLong())
              .field("gpfn", StructBuilder.nativeLong())
              .build();
      assertEquals(List.of(), compare(ALL, PHYSMAP, ALL, now));
    }

    @Test
    void newStructs() {
      StructModel other = struct("p.New", "new").field("a", u8()).build();
      assertEquals(
          List.of(), BaselineChecker.compare(manifest(ALL, PHYSMAP), layouts(ALL, PHYSMAP, other)));
    }

    @Test
    void anAbiAddedIsNotComparedAndAnAbiDroppedBreaks() {
      // on i386 the change moves 'gpfn'; x86_64 and aarch64 lay the struct out as before
      StructModel now =
          struct("xen.XenAddToPhysmap", "xen_add_to_physmap")
              .field("domid", u16())
              .field("size", u16())
              .field("space", u32())
              .field("idx", u64())
              .field("gpfn", StructBuilder.nativeLong())
              .build();
      assertEquals(
          List.of(),
          compare(
              List.of(TargetAbi.X86_64), PHYSMAP, List.of(TargetAbi.X86_64, TargetAbi.I386), now));
      // code built for i386 against the baseline has no layout to use any more
      assertEquals(
          List.of(
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  null,
                  "struct xen_add_to_physmap has no layout any more on i386 since the baseline"
                      + CONSEQUENCE)),
          compare(
              List.of(TargetAbi.I386, TargetAbi.X86_64),
              PHYSMAP,
              List.of(TargetAbi.X86_64, TargetAbi.AARCH64),
              now));
      assertEquals(
          3, compare(List.of(TargetAbi.I386), PHYSMAP, List.of(TargetAbi.I386), now).size());
    }
  }

  @Nested
  class Breaks {
    @Test
    void structRemoved() {
      StructModel other = struct("p.Other", "other").field("a", u8()).build();
      List<AbiBreak> breaks =
          BaselineChecker.compare(manifest(ALL, PHYSMAP, other), layouts(ALL, other));
      assertEquals(
          List.of(
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  null,
                  "struct xen_add_to_physmap (xen.XenAddToPhysmap) was removed since the baseline"
                      + CONSEQUENCE)),
          breaks);
    }

    /** The SPEC's own example: 'space' moves when a member is inserted before it. */
    @Test
    void fieldMoved() {
      StructModel now =
          struct("xen.XenAddToPhysmap", "xen_add_to_physmap")
              .field("domid", u16())
              .field("size", u16())
              .field("flags", u32())
              .field("space", u32())
              .field("idx", StructBuilder.nativeLong())
              .field("gpfn", StructBuilder.nativeLong())
              .build();
      List<AbiBreak> breaks = compare(X86_64, PHYSMAP, X86_64, now);
      assertEquals(
          List.of(
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  null,
                  "struct xen_add_to_physmap grew from 24 to 32 bytes (added: flags) on x86_64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  "space",
                  "field xen_add_to_physmap.space moved from offset 4 to 8 on x86_64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  "idx",
                  "field xen_add_to_physmap.idx moved from offset 8 to 16 on x86_64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "xen.XenAddToPhysmap",
                  "gpfn",
                  "field xen_add_to_physmap.gpfn moved from offset 16 to 24 on x86_64 since the baseline"
                      + CONSEQUENCE)),
          breaks);
    }

    @Test
    void changesOnSeveralAbisShareOneMessage() {
      StructModel old =
          struct("p.S", "s").field("a", u16()).field("b", u16()).field("c", u64()).build();
      StructModel now =
          struct("p.S", "s").field("a", u32()).field("b", u16()).field("c", u64()).build();
      List<AbiBreak> breaks = compare(ALL, old, ALL, now);
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "struct s grew from 12 to 16 bytes on i386 since the baseline" + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a resized from 2 to 4 bytes on x86_64, i386 and aarch64,"
                      + " re-aligned from 2 to 4 on x86_64, i386 and aarch64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "b",
                  "field s.b moved from offset 2 to 4 on x86_64, i386 and aarch64 since the baseline"
                      + CONSEQUENCE),
              // u64 aligns to 4 on i386: it moves there only
              new AbiBreak(
                  "p.S",
                  "c",
                  "field s.c moved from offset 4 to 8 on i386 since the baseline" + CONSEQUENCE)),
          breaks);
    }

    @Test
    void fieldRemovedWithoutChangingTheSize() {
      StructModel old =
          struct("p.S", "s").field("a", u32()).field("b", u16()).field("c", u16()).build();
      StructModel now = struct("p.S", "s").field("a", u32()).field("b", u16()).build();
      List<AbiBreak> breaks = compare(ALL, old, ALL, now);
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "field s.c was removed on x86_64, i386 and aarch64 since the baseline"
                      + CONSEQUENCE)),
          breaks);
    }

    @Test
    void fieldResized() {
      StructModel old = struct("p.S", "s").field("a", u64()).field("b", u16()).build();
      StructModel now = struct("p.S", "s").field("a", u64()).field("b", u32()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "b",
                  "field s.b resized from 2 to 4 bytes on x86_64, re-aligned from"
                      + " 2 to 4 on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void fieldReSigned() {
      StructModel old = struct("p.S", "s").field("a", u32()).build();
      StructModel now = struct("p.S", "s").field("a", s32()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a changed from unsigned to signed on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void fieldReAlignedAndStructAlignment() {
      StructModel old = struct("p.S", "s").field("a", u64()).field("b", u32()).build();
      StructModel now = struct("p.S", "s").aligned("a", u64(), 16).field("b", u32()).build();
      List<AbiBreak> breaks =
          compare(List.of(TargetAbi.AARCH64), old, List.of(TargetAbi.AARCH64), now);
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "struct s changed alignment from 8 to 16 on aarch64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a re-aligned from 8 to 16 on aarch64 since the baseline" + CONSEQUENCE)),
          breaks);
    }

    @Test
    void kindChanged() {
      StructModel old = struct("p.S", "s").field("a", u64()).build();
      StructModel now = struct("p.S", "s").field("a", pointer()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a changed kind from int to pointer on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    /**
     * A {@code uint32_t} that became a {@code float} keeps its size and place but not its meaning;
     * a {@code float} that became a {@code double} is resized. The same struct again is no break.
     */
    @Test
    void floatsChangeKindOrSize() {
      StructModel asInt = struct("p.S", "s").field("a", u32()).field("b", u64()).build();
      StructModel floats =
          struct("p.S", "s")
              .field("a", MemberType.FloatType.FLOAT)
              .field("b", MemberType.FloatType.DOUBLE)
              .build();
      StructModel wider =
          struct("p.S", "s")
              .field("a", MemberType.FloatType.DOUBLE)
              .field("b", MemberType.FloatType.DOUBLE)
              .build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a changed kind from int to float on x86_64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "b",
                  "field s.b changed kind from int to float on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, asInt, X86_64, floats));
      // a double is aligned to 4 in i386 structs: there the struct grows and b moves
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "struct s grew from 12 to 16 bytes on i386 since the baseline" + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a resized from 4 to 8 bytes on x86_64, i386 and aarch64, re-aligned"
                      + " from 4 to 8 on x86_64 and aarch64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "b",
                  "field s.b moved from offset 4 to 8 on i386 since the baseline" + CONSEQUENCE)),
          compare(ALL, floats, ALL, wider));
      assertEquals(List.of(), compare(ALL, floats, ALL, floats));
    }

    @Test
    void structShrank() {
      StructModel old = struct("p.S", "s").field("a", u32()).field("b", u32()).build();
      StructModel now = struct("p.S", "s").field("a", u32()).build();
      List<AbiBreak> breaks = compare(X86_64, old, X86_64, now);
      assertEquals(
          "struct s shrank from 8 to 4 bytes on x86_64 since the baseline" + CONSEQUENCE,
          breaks.get(0).message());
      assertEquals(
          "field s.b was removed on x86_64 since the baseline" + CONSEQUENCE,
          breaks.get(1).message());
    }

    @Test
    void byteOrderChanged() {
      StructModel old = struct("p.S", "s").field("a", u32()).build();
      StructModel now = struct("p.S", "s").bigEndian().field("a", u32()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "struct s changed byte order from little to big since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void arrayLengthAndElementChanges() {
      StructModel old =
          struct("p.S", "s").field("v", array(4, u8())).field("w", array(2, u16())).build();
      StructModel now =
          struct("p.S", "s").field("v", array(4, s8())).field("w", array(3, u16())).build();
      List<AbiBreak> breaks = compare(X86_64, old, X86_64, now);
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  null,
                  "struct s grew from 8 to 10 bytes on x86_64 since the baseline" + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "v",
                  "field s.v element changed from unsigned to signed on x86_64 since the baseline"
                      + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "w",
                  "field s.w resized from 4 to 6 bytes on x86_64, changed length from 2 to 3 on"
                      + " x86_64 since the baseline"
                      + CONSEQUENCE)),
          breaks);
    }

    @Test
    void nestedStructTypeChanged() {
      StructModel a = struct("p.A", "a").field("x", u32()).build();
      StructModel b = struct("p.B", "b").field("y", u32()).build();
      StructModel oldOuter = struct("p.Outer", "outer").field("in", struct("p.A")).build();
      StructModel newOuter = struct("p.Outer", "outer").field("in", struct("p.B")).build();
      List<AbiBreak> breaks =
          BaselineChecker.compare(
              manifest(X86_64, a, b, oldOuter), layouts(X86_64, a, b, newOuter));
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.Outer",
                  "in",
                  "field outer.in changed type from struct p.A to p.B on x86_64 since the baseline"
                      + CONSEQUENCE)),
          breaks);
    }

    @Test
    void onlyTheAbiThatChangedIsNamed() {
      // xen_ulong_t idx declared u64 instead of @NativeLong: only i386 changes
      StructModel now =
          struct("xen.XenAddToPhysmap", "xen_add_to_physmap")
              .field("domid", u16())
              .field("size", u16())
              .field("space", u32())
              .field("idx", u64())
              .field("gpfn", StructBuilder.nativeLong())
              .build();
      List<AbiBreak> breaks = compare(ALL, PHYSMAP, ALL, now);
      List<String> messages = new ArrayList<>();
      breaks.forEach(b -> messages.add(b.message()));
      assertEquals(
          List.of(
              "struct xen_add_to_physmap grew from 16 to 20 bytes on i386 since the baseline"
                  + CONSEQUENCE,
              "field xen_add_to_physmap.idx resized from 4 to 8 bytes on i386 since the baseline"
                  + CONSEQUENCE,
              "field xen_add_to_physmap.gpfn moved from offset 12 to 16 on i386 since the baseline"
                  + CONSEQUENCE),
          messages);
    }
  }

  @Nested
  class InvalidBaseline {
    private void rejects(String baseline, String message) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> BaselineChecker.compare(baseline, layouts(X86_64, PHYSMAP)));
      assertEquals(message, e.getMessage());
    }

    @Test
    void notJson() {
      rejects(
          "{\"format\": 1,\n \"structs\": [}",
          "line 2, column 14: unexpected '}', expected a value");
    }

    @Test
    void otherFormat() {
      rejects(
          "{\"format\": 2, \"structs\": []}",
          "line 1, column 12: manifest format 2 is not supported; this abiguard reads format 1");
    }

    @Test
    void notAnObject() {
      rejects("[]", "line 1, column 1: the manifest must be an object, found an array");
    }

    @Test
    void missingMember() {
      rejects(
          "{\"format\": 1, \"structs\": [\n  {\"java\": \"p.S\", \"c\": \"s\", \"order\": \"little\"}]}",
          "line 2, column 3: this object lacks \"layouts\"");
    }

    @Test
    void duplicateStruct() {
      String s = "{\"java\": \"p.S\", \"c\": \"s\", \"order\": \"little\", \"layouts\": {}}";
      rejects(
          "{\"format\": 1, \"structs\": [\n" + s + ",\n" + s + "]}",
          "line 3, column 1: struct p.S appears twice");
    }

    @Test
    void wrongTypes() {
      String layout =
          "{\"format\": 1, \"structs\": [{\"java\": \"p.S\", \"c\": \"s\", \"order\": \"little\","
              + " \"layouts\": {\"x86_64\": {\"size\": %s, \"align\": 1, \"fields\": [%s]}}}]}";
      rejects(
          layout.formatted("\"8\"", ""),
          "line 1, column 103: \"size\" must be a number, found a string");
      rejects(
          layout.formatted("-8", ""),
          "line 1, column 103: \"size\" must be a whole number from 0 to 2147483647,"
              + " found -8");
      rejects(
          layout.formatted("1.5", ""),
          "line 1, column 103: \"size\" must be a whole number from 0 to"
              + " 2147483647, found 1.5");
      rejects(
          layout.formatted(
              "8",
              "{\"name\": \"a\", \"offset\": 0, \"size\": 1, \"align\": 1, \"kind\": \"real\"}"),
          "line 1, column 187: unknown kind \"real\"; expected int, pointer, float, struct, array or"
              + " bits");
      rejects(
          layout.formatted(
              "8",
              "{\"name\": \"a\", \"offset\": 0, \"size\": 1, \"align\": 1, \"kind\": \"int\","
                  + " \"bits\": 8, \"signed\": 0}"),
          "line 1, column 215: \"signed\" must be true or false, found a number");
    }
  }

  /**
   * The 0.2 keys: union or struct, pack, bit-fields, unnamed and anonymous members, flexible
   * arrays.
   */
  @Nested
  class RestOfC {
    @Test
    void sameUnionsBitFieldsAndFlexibleArraysAreCompatible() {
      StructModel u = StructBuilder.union("p.U", "u").field("a", u32()).field("b", u8()).build();
      StructModel s =
          struct("p.S", "s")
              .bits("x", u32(), 3)
              .unnamedBits("pad", u32(), 5)
              .unnamedBits("z", u32(), 0)
              .bits("y", u32(), 4)
              .anonymous("inner", "p.U")
              .flexible("rest", u16(), "")
              .build();
      String baseline =
          ManifestWriter.render(
              Layouts.of(List.of(u, s), StructBuilder.lookup(List.of(u, s)), ALL));
      assertEquals(
          List.of(),
          BaselineChecker.compare(
              baseline, Layouts.of(List.of(u, s), StructBuilder.lookup(List.of(u, s)), ALL)));
    }

    @Test
    void membersOfAnAnonymousMemberAreNamedAsMembersOfItsHolder() {
      StructModel u =
          StructBuilder.union("p.S.Inner", "Inner").field("a", u32()).field("b", u16()).build();
      StructModel s = struct("p.S", "s").field("k", u32()).anonymous("inner", "p.S.Inner").build();
      StructModel narrower =
          StructBuilder.union("p.S.Inner", "Inner").field("a", u32()).field("b", u8()).build();
      String baseline =
          ManifestWriter.render(
              Layouts.of(List.of(u, s), StructBuilder.lookup(List.of(u, s)), X86_64));
      List<AbiBreak> breaks =
          BaselineChecker.compare(
              baseline,
              Layouts.of(List.of(narrower, s), StructBuilder.lookup(List.of(narrower, s)), X86_64));
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S.Inner",
                  "b",
                  "field s.b resized from 2 to 1 bytes on x86_64, re-aligned from 2 to 1 on x86_64"
                      + " since the baseline"
                      + CONSEQUENCE)),
          breaks);
      StructModel wider =
          StructBuilder.union("p.S.Inner", "Inner").field("a", u32()).field("c", u64()).build();
      List<AbiBreak> grown =
          BaselineChecker.compare(
              baseline,
              Layouts.of(List.of(wider, s), StructBuilder.lookup(List.of(wider, s)), X86_64));
      assertTrue(
          grown.stream()
              .anyMatch(
                  b ->
                      b.message().startsWith("anonymous union in struct s grew from 4 to 8 bytes")),
          grown.toString());
    }

    @Test
    void aBitFieldWhoseDeclaredTypeChangedButNotItsBitsIsCompatible() {
      StructModel old = struct("p.S", "s").field("a", u32()).bits("len", u32(), 16).build();
      StructModel now = struct("p.S", "s").field("a", u32()).bits("len", u16(), 16).build();
      assertEquals(List.of(), compare(X86_64, old, X86_64, now));
      StructModel signed = struct("p.S", "s").field("a", u32()).bits("len", s16(), 16).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "len",
                  "field s.len changed from unsigned to signed on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, signed));
    }

    @Test
    void aBitFieldThatMovedOrShrankBreaks() {
      StructModel old = struct("p.S", "s").bits("a", u32(), 3).bits("b", u32(), 4).build();
      StructModel now = struct("p.S", "s").bits("a", u32(), 4).bits("b", u32(), 3).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "a",
                  "field s.a changed from 3 to 4 bits on x86_64 since the baseline" + CONSEQUENCE),
              new AbiBreak(
                  "p.S",
                  "b",
                  "field s.b moved from bit 3 to 4 on x86_64, changed from 4 to 3 bits on x86_64"
                      + " since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void aStructThatBecameAUnionOrChangedPackBreaks() {
      StructModel old = struct("p.S", "s").field("a", u8()).field("b", u32()).build();
      StructModel now =
          StructBuilder.union("p.S", "s").pack(1).field("a", u8()).field("b", u32()).build();
      List<AbiBreak> breaks = compare(X86_64, old, X86_64, now);
      assertEquals(
          "struct s changed from a struct to a union, changed pack from 0 to 1, shrank from 8 to 4 bytes on"
              + " x86_64, changed alignment from 4 to 1 on x86_64 since the baseline"
              + CONSEQUENCE,
          breaks.get(0).message());
    }

    @Test
    void aUnionIsNamedAUnion() {
      StructModel old = StructBuilder.union("p.U", "u").field("a", u32()).build();
      StructModel grown =
          StructBuilder.union("p.U", "u").field("a", u32()).field("b", u64()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.U",
                  null,
                  "union u grew from 4 to 8 bytes (added: b) on x86_64, changed alignment from 4 to 8 on"
                      + " x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, grown));
      StructModel other = struct("p.S", "s").field("a", u8()).build();
      String baseline =
          ManifestWriter.render(
              Layouts.of(List.of(old), StructBuilder.lookup(List.of(old)), X86_64));
      List<AbiBreak> removed =
          BaselineChecker.compare(
              baseline, Layouts.of(List.of(other), StructBuilder.lookup(List.of(other)), X86_64));
      assertEquals(
          "union u (p.U) was removed since the baseline" + CONSEQUENCE, removed.get(0).message());
    }

    @Test
    void unnamedBitFieldsAreMatchedByJavaNameAndDoNotCollide() {
      StructModel old =
          struct("p.S", "s")
              .unnamedBits("p1", u8(), 2)
              .unnamedBits("p2", u8(), 3)
              .field("c", u8())
              .build();
      StructModel now =
          struct("p.S", "s")
              .unnamedBits("p1", u8(), 2)
              .unnamedBits("p2", u8(), 4)
              .field("c", u8())
              .build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "p2",
                  "field s.(unnamed p2) changed from 3 to 4 bits on x86_64"
                      + " since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void aFlexibleArrayWhoseRowsGrewBreaks() {
      // the element and the length (0) stay: only the row, data[0] of uint8_t data[][3], tells
      StructModel old =
          struct("p.S", "s").field("n", u32()).flexibleRows("data", u8(), 3, "n").build();
      StructModel now =
          struct("p.S", "s").field("n", u32()).flexibleRows("data", u8(), 4, "n").build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.S",
                  "data",
                  "field s.data changed dimensions from [][3] to [][4] on x86_64 since the baseline"
                      + CONSEQUENCE)),
          compare(X86_64, old, X86_64, now));
    }

    @Test
    void aFixedArrayThatBecameFlexibleBreaks() {
      StructModel old = struct("p.S", "s").field("n", u32()).field("e", array(1, u32())).build();
      StructModel now = struct("p.S", "s").field("n", u32()).flexible("e", u32(), "n").build();
      List<AbiBreak> breaks = compare(X86_64, old, X86_64, now);
      assertEquals(2, breaks.size(), breaks.toString());
      assertEquals(
          "field s.e resized from 4 to 0 bytes on x86_64, changed from a fixed array to a flexible array"
              + " on x86_64, changed length from 1 to 0 on x86_64 since the baseline"
              + CONSEQUENCE,
          breaks.get(1).message());
    }
  }

  /**
   * A mirror renamed, moved, or split per group of ABIs ({@code abis = {...}}, as the importer's
   * {@code --split-abis} writes them) keeps its layouts compared: matched by C name, on the ABIs of
   * each current mirror.
   */
  @Nested
  class MovedMirrors {
    private final List<TargetAbi> lp64 = List.of(TargetAbi.X86_64, TargetAbi.AARCH64);
    private final List<TargetAbi> ilp32 = List.of(TargetAbi.I386);

    private StructModel regs(String java, MemberType b) {
      return struct(java, "regs").field("a", u32()).field("b", b).build();
    }

    /** {@code current}: each struct with its own ABIs. */
    private List<LayoutChange> changes(List<StructModel> baseline, Object... current) {
      List<StructModel> all = new ArrayList<>();
      List<List<StructLayout>> layouts = new ArrayList<>();
      for (int i = 0; i < current.length; i += 2) {
        all.add((StructModel) current[i + 1]);
      }
      for (int i = 0; i < current.length; i += 2) {
        @SuppressWarnings("unchecked")
        List<TargetAbi> abis = (List<TargetAbi>) current[i];
        layouts.addAll(
            Layouts.of(List.of((StructModel) current[i + 1]), StructBuilder.lookup(all), abis));
      }
      String old = ManifestWriter.render(Layouts.of(baseline, StructBuilder.lookup(baseline), ALL));
      return ManifestComparison.compare(ManifestModel.read(old), ManifestModel.of(layouts));
    }

    /**
     * {@code struct regs} with a C {@code long} on every ABI, split into a mirror for x86_64 and
     * aarch64 ({@code u64}) and one for i386 whose {@code b} is {@code i386B}.
     */
    private List<LayoutChange> split(MemberType i386B) {
      return changes(
          List.of(regs("p.Regs", StructBuilder.nativeLong())),
          lp64,
          regs("p.lp64.Regs", u64()),
          ilp32,
          regs("p.ilp32.Regs", i386B));
    }

    @Test
    void aTypeSplitPerGroupOfAbisWithItsLayoutsIsCompatible() {
      List<LayoutChange> changes = split(u32());
      assertEquals(List.of(), BaselineChecker.breaks(changes, "1.0", ""));
      assertEquals(
          List.of(
              "struct regs (p.lp64.Regs) is no longer mirrored by p.Regs since 1.0",
              "struct regs (p.ilp32.Regs) is no longer mirrored by p.Regs since 1.0"),
          BaselineChecker.additions(changes, "1.0"));
    }

    @Test
    void aSplitTypeWhoseLayoutChangedOnItsAbisBreaksOnThem() {
      List<LayoutChange> changes = split(u64());
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.ilp32.Regs", null, "struct regs grew from 8 to 12 bytes on i386 since 1.0"),
              new AbiBreak(
                  "p.ilp32.Regs", "b", "field regs.b resized from 4 to 8 bytes on i386 since 1.0")),
          BaselineChecker.breaks(changes, "1.0", ""));
    }

    @Test
    void aMemberOfAMovedTypeIsStillThatType() {
      StructModel frame =
          struct("p.Frame", "frame").field("flags", u32()).field("regs", struct("p.Regs")).build();
      StructModel lp64Frame =
          struct("p.lp64.Frame", "frame")
              .field("flags", u32())
              .field("regs", struct("p.lp64.Regs"))
              .build();
      List<LayoutChange> changes =
          changes(
              List.of(regs("p.Regs", StructBuilder.nativeLong()), frame),
              lp64,
              regs("p.lp64.Regs", u64()),
              lp64,
              lp64Frame);
      // the members match on x86_64 and aarch64; i386, which no current mirror has, is lost
      assertEquals(
          List.of(
              new AbiBreak("p.Regs", null, "struct regs has no layout any more on i386 since 1.0"),
              new AbiBreak(
                  "p.Frame", null, "struct frame has no layout any more on i386 since 1.0")),
          BaselineChecker.breaks(changes, "1.0", ""));
    }

    @Test
    void aRenamedMirrorOfAnUntaggedTypeIsTheTypeItsMembersHold() {
      // C has no name for union { ... } u: the manifest's C name is the Java one, U then UU
      StructModel holder = struct("p.X", "x").field("a", u32()).field("u", struct("p.X.U")).build();
      StructModel u = union("p.X.U", "U").untagged().field("b", u32()).field("c", u16()).build();
      StructModel renamedHolder =
          struct("p.X", "x").field("a", u32()).field("u", struct("p.X.UU")).build();
      StructModel renamed =
          union("p.X.UU", "UU").untagged().field("b", u32()).field("c", u16()).build();
      assertEquals(
          List.of(),
          BaselineChecker.breaks(
              changes(List.of(holder, u), ALL, renamedHolder, ALL, renamed), "1.0", ""));
      // and its layouts are compared: a member that moved still breaks
      StructModel moved = union("p.X.UU", "UU").untagged().field("b", u64()).build();
      assertEquals(
          List.of(
              new AbiBreak(
                  "p.X.UU",
                  "b",
                  "field U.b resized from 4 to 8 bytes on x86_64, i386 and aarch64, re-aligned"
                      + " from 4 to 8 on x86_64 and aarch64 since 1.0")),
          BaselineChecker.breaks(
                  changes(List.of(holder, u), ALL, renamedHolder, ALL, moved), "1.0", "")
              .stream()
              .filter(b -> "b".equals(b.fieldJavaName()))
              .toList());
    }

    @Test
    void aRenamedClassOfTheSameCTypeIsComparedAndAnotherCTypeIsNot() {
      List<LayoutChange> changes =
          changes(
              List.of(regs("p.Regs", StructBuilder.nativeLong())),
              ALL,
              regs("p.CpuRegs", StructBuilder.nativeLong()));
      assertEquals(List.of(), BaselineChecker.breaks(changes, "1.0", ""));
      StructModel other = struct("p.Other", "other").field("a", u32()).field("b", u32()).build();
      List<LayoutChange> gone =
          changes(List.of(regs("p.Regs", StructBuilder.nativeLong())), ALL, other);
      assertEquals(
          List.of(new AbiBreak("p.Regs", null, "struct regs (p.Regs) was removed since 1.0")),
          BaselineChecker.breaks(gone, "1.0", ""));
    }
  }
}
