package org.abiguard.importer.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static Declarations parse(String c) {
    Parser p = Parser.parse(c);
    assertEquals(List.of(), p.problems(), "parse problems");
    return p.declarations();
  }

  @Test
  void plainStructMembersKeepTheirDeclaredTypesAndLines() {
    Declarations d =
        parse(
            """
        # 1 "x.h"
        typedef unsigned short domid_t;
        struct res {
            unsigned long nr, *start;
            domid_t domid;
        };
        """);
    RecordDef r = d.tagged.get("res");
    assertEquals(3, r.members().size());
    assertEquals("nr", r.members().get(0).name());
    assertEquals(new CType.Basic("unsigned long"), r.members().get(0).type());
    assertEquals(new CType.Pointer(new CType.Basic("unsigned long")), r.members().get(1).type());
    assertEquals(new CType.Named("domid_t"), r.members().get(2).type());
    assertEquals(new Location("x.h", 4), r.members().get(2).location());
    assertEquals(new Location("x.h", 2), r.location());
    assertEquals(new CType.Basic("unsigned short"), d.resolve(new CType.Named("domid_t")));
  }

  @Test
  void arrayLengthsStayExpressionsForTheCompiler() {
    Declarations d =
        parse(
            "struct a { char name[16 * N + sizeof(int)]; int grid[2][3]; int *ptrs[4]; int (*fp)(int, char *); };");
    List<RecordDef.Member> m = d.tagged.get("a").members();
    assertEquals(
        new CType.Array(new CType.Basic("char"), "16 * N + sizeof ( int )"), m.get(0).type());
    assertEquals(
        new CType.Array(new CType.Array(new CType.Basic("int"), "3"), "2"), m.get(1).type());
    assertEquals(new CType.Array(new CType.Pointer(new CType.Basic("int")), "4"), m.get(2).type());
    assertEquals(new CType.Pointer(new CType.Function(new CType.Basic("int"))), m.get(3).type());
  }

  @Test
  void bitFieldsAnonymousMembersAndFlexibleArrays() {
    Declarations d =
        parse(
            """
        struct b {
            unsigned int version : 4, : 0;
            unsigned int : 3;
            union { int i; struct { char lo, hi; }; };
            struct { int x; } named;
            unsigned char data[];
        };
        """);
    List<RecordDef.Member> m = d.tagged.get("b").members();
    assertEquals("version", m.get(0).name());
    assertEquals("4", m.get(0).bits());
    assertNull(m.get(1).name());
    assertEquals("0", m.get(1).bits());
    assertEquals("3", m.get(2).bits());
    assertNull(m.get(3).name());
    CType.Record anon = (CType.Record) m.get(3).type();
    assertTrue(anon.union());
    assertNull(anon.tag());
    assertEquals(2, anon.definition().members().size());
    assertNull(anon.definition().members().get(1).name(), "the nested anonymous struct");
    assertEquals("named", m.get(4).name());
    assertEquals(new CType.Array(new CType.Basic("unsigned char"), null), m.get(5).type());
  }

  @Test
  void attributesAndPragmaPack() {
    Declarations d =
        parse(
            """
        struct __attribute__((__packed__)) p1 { char c; int i; };
        struct p2 { char c; long long v __attribute__((aligned(8))); } __attribute__((aligned(16)));
        #pragma pack(push, 2)
        struct p3 { char c; int i; };
        #pragma pack(pop)
        struct p4 { char c; int i; };
        typedef unsigned long long u64a __attribute__((aligned(8)));
        """);
    assertTrue(d.tagged.get("p1").packed());
    assertFalse(d.tagged.get("p2").packed());
    assertEquals("16", d.tagged.get("p2").aligned());
    assertEquals("8", d.tagged.get("p2").members().get(1).aligned());
    assertEquals(2, d.tagged.get("p3").pragmaPack());
    assertEquals(0, d.tagged.get("p4").pragmaPack());
    assertEquals("8", d.typedefs.get("u64a").aligned());
  }

  @Test
  void scalarStorageOrderByAttributeAndPragma() {
    Declarations d =
        parse(
            """
        struct __attribute__((scalar_storage_order("big-endian"))) a { int x; };
        #pragma scalar_storage_order big-endian
        struct b { int x; };
        struct __attribute__((scalar_storage_order("little-endian"))) c { int x; };
        #pragma scalar_storage_order default
        struct d { int x; };
        """);
    assertEquals("big-endian", d.tagged.get("a").storageOrder());
    assertEquals("big-endian", d.tagged.get("b").storageOrder());
    assertEquals("little-endian", d.tagged.get("c").storageOrder());
    assertEquals(null, d.tagged.get("d").storageOrder());
  }

  @Test
  void functionsInitializersAndEnumsAreSkipped() {
    Declarations d =
        parse(
            """
        enum color { RED = 1 << 2, GREEN };
        static inline int twice(int x) { struct inner { int a; } i = { x }; return 2 * i.a; }
        extern int table[3];
        int counter = (1 + 2) * 3, other;
        typedef struct { enum color c; } painted_t;
        typedef int (*handler_t)(void *);
        """);
    assertEquals(
        new CType.Enum("color"),
        ((CType.Record) d.typedefs.get("painted_t").type()).definition().members().get(0).type());
    assertTrue(d.typedefs.containsKey("handler_t"));
    assertFalse(
        d.tagged.containsKey("inner"), "definitions inside function bodies are not file scope");
  }

  @Test
  void anUnparsableDeclarationIsReportedAndSkipped() {
    Parser p =
        Parser.parse(
            """
        # 7 "bad.h"
        struct ok1 { int a; };
        struct broken { int a b; };
        struct ok2 { int c; };
        """);
    assertEquals(1, p.problems().size());
    assertEquals(new Location("bad.h", 8), p.problems().get(0).location());
    assertEquals("expected ';', found 'b'", p.problems().get(0).message());
    assertTrue(p.declarations().tagged.containsKey("ok1"));
    assertTrue(p.declarations().tagged.containsKey("ok2"));
  }

  @Test
  void canonicalBasicTypes() {
    assertEquals("unsigned long", Parser.canonical(List.of("long", "unsigned", "int")));
    assertEquals("long long", Parser.canonical(List.of("signed", "long", "long")));
    assertEquals("int", Parser.canonical(List.of("signed")));
    assertEquals("unsigned char", Parser.canonical(List.of("unsigned", "char")));
    assertEquals("short", Parser.canonical(List.of("short", "int")));
  }
}
