package org.abiguard.processor;

import static org.abiguard.processor.Compile.compiler;
import static org.abiguard.processor.Compile.files;
import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.abiguard.AbiCodec;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The struct pipeline across structs, rounds and compilations: nesting, class files, outputs. */
class StructStageTest {
  private static final String P = "[abiguard:annotation] ";
  private static final String MANIFEST = "META-INF/abiguard/abi-manifest.json";
  private static final String ASSERTS = "META-INF/abiguard/abi-asserts.h";

  @Test
  void nestingCycleIsAnErrorOnEachStructOfTheCycle() {
    Source s =
        Source.of(
            "p.A",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class A {
          @U32 long id;
          B b;
        }

        @AbiStruct
        class B {
          A a;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "B b;",
            "b;",
            P
                + "'b' makes struct A contain itself (A.b -> B.a -> A), which no C struct can;"
                + " hold the reference as a @Pointer long instead"),
        s.error(
            "A a;",
            "a;",
            P
                + "'a' makes struct B contain itself (B.a -> A.b -> B), which no C struct can;"
                + " hold the reference as a @Pointer long instead"));
  }

  @Test
  void structContainingItselfThroughAnArrayIsAnError() {
    Source s =
        Source.of(
            "p.Node",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Node {
          @U32 long value;
          @AbiArray(2) Node[] children;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "Node[] children",
            "children",
            P
                + "'children' makes struct Node contain"
                + " itself (Node.children -> Node), which no C struct can; hold the reference as a @Pointer long"
                + " instead"));
  }

  @Test
  void structNestingABadStructGetsAnErrorToo() {
    Source s =
        Source.of(
            "p.Outer",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Outer {
          @U16 int tag;
          Bad bad;
          Looped looped;
        }

        @AbiStruct
        class Bad {
          @U32 short narrow;
        }

        @AbiStruct
        class Looped {
          Looped self;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "@U32 short",
            "@U32",
            P
                + "'narrow' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"),
        s.error(
            "Looped self;",
            "self",
            P
                + "'self' makes struct Looped contain itself (Looped.self -> Looped),"
                + " which no C struct can; hold the reference as a @Pointer long instead"),
        s.error(
            "Bad bad;",
            "bad;",
            P
                + "'bad' nests p.Bad, which has errors of its own (reported on it); fix"
                + " them first"),
        s.error(
            "Looped looped;",
            "looped;",
            P
                + "'looped' nests p.Looped, which has errors of its own (reported"
                + " on it); fix them first"));
  }

  @Test
  void badStructFromAClassFileIsReportedOnTheNestingMember(@TempDir Path lib) {
    CompiledClasses.compileLibrary(
        lib,
        false,
        List.of(),
        Source.of(
            "lib.Legacy",
            """
        package lib;

        import org.abiguard.*;

        @AbiStruct
        public class Legacy {
          public @U32 short count;
        }
        """));
    Source s =
        Source.of(
            "p.User",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class User {
          lib.Legacy legacy;
        }
        """);
    Compilation c =
        compiler(List.of()).withClasspath(CompiledClasses.classPathWith(lib)).compile(files(s));
    assertExactly(
        c,
        s.error(
            "lib.Legacy legacy;",
            "legacy",
            P
                + "'legacy' nests lib.Legacy from the class"
                + " path, which is no valid @AbiStruct: 'count' of type short is narrower than @U32 (u32); declare it"
                + " int (raw bits) or long"));
  }

  @Test
  void compilationWithoutStructsWritesNoManifest() {
    Source s =
        Source.of(
            "p.Plain",
            """
        package p;

        class Plain {
          int size;
        }
        """);
    Compilation c = javac(s);
    assertExactly(c);
    assertFalse(CompiledClasses.resource(c, MANIFEST).isPresent());
    assertFalse(CompiledClasses.resource(c, ASSERTS).isPresent());
  }

  @Test
  void oneBadStructDoesNotStopTheGoodOnes(@TempDir Path out) throws IOException {
    Source good =
        Source.of(
            "p.Good",
            """
        package p;

        @org.abiguard.AbiStruct
        public class Good {
          @org.abiguard.U16 int a;
        }
        """);
    Source bad =
        Source.of(
            "p.Bad",
            """
        package p;

        @org.abiguard.AbiStruct
        class Bad {
          @org.abiguard.U16 byte narrow;
        }
        """);
    Source fine =
        Source.of(
            "p.Fine",
            """
        package p;

        @org.abiguard.AbiStruct
        record Fine(@org.abiguard.U32 long b, Good good) {}
        """);
    assertExactly(
        Compile.intoDirectory(out, good, bad, fine),
        bad.error(
            "byte narrow",
            "@org",
            P
                + "'narrow' of type byte is"
                + " narrower than @U16 (u16); declare it short (raw bits), char, int or long"));
    assertTrue(Files.exists(out.resolve("src/p/GoodMarshaller.java")));
    assertTrue(Files.exists(out.resolve("src/p/FineMarshaller.java")));
    assertFalse(Files.exists(out.resolve("src/p/BadMarshaller.java")));
    assertEquals(
        List.of("p.Fine", "p.Good"),
        manifestStructs(Files.readString(out.resolve("classes/" + MANIFEST))));
  }

  /**
   * A nested mirror from a class file is written through its public {@code write}, which checks it,
   * even in this package: its package-private {@code put} belongs to another compilation, which an
   * earlier abiguard may have made without one, or with other parameters.
   */
  @Test
  void aNestedMirrorFromAClassFileInThisPackageIsWrittenThroughItsPublicWrite(@TempDir Path lib)
      throws Exception {
    CompiledClasses.compileLibrary(
        lib,
        true,
        List.of(),
        Source.of(
            "p.Inner",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(name = "inner")
            public class Inner {
              @U16 public int a;
            }
            """));
    Source s =
        Source.of(
            "p.Outer",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(name = "outer")
            public class Outer {
              @U8 public int tag;
              public Inner inner = new Inner();
            }
            """);
    Compilation c =
        compiler(List.of()).withClasspath(CompiledClasses.classPathWith(lib)).compile(files(s));
    assertExactly(c);
    String marshaller =
        c.generatedSourceFile("p.OuterMarshaller").orElseThrow().getCharContent(true).toString();
    assertTrue(
        marshaller.contains(
            "InnerMarshaller.X86_64.write(value.inner, buf, offset + OFFSET_INNER)"),
        marshaller);
    assertFalse(marshaller.contains(".put(value.inner"), marshaller);

    ClassLoader loader = CompiledClasses.loader(c, lib);
    Object outer = loader.loadClass("p.Outer").getConstructor().newInstance();
    outer.getClass().getField("tag").setInt(outer, 7);
    Object inner = outer.getClass().getField("inner").get(outer);
    inner.getClass().getField("a").setInt(inner, 0xBEEF);
    ByteBuffer buf = ByteBuffer.allocate(4);
    loader
        .loadClass("p.OuterMarshaller")
        .getMethod("write", outer.getClass(), ByteBuffer.class, int.class)
        .invoke(null, outer, buf, 0);
    assertEquals(0x07, buf.get(0));
    assertEquals((short) 0xEFBE, buf.getShort(2), "little-endian 0xBEEF at 2");
  }

  @Test
  void typedefsAndNestedStructsFromClassFilesAreRead(@TempDir Path lib) throws Exception {
    CompiledClasses.compileLibrary(
        lib,
        true,
        List.of("-Aabiguard.abis=x86_64,i386"),
        Source.of("lib.DomId", "package lib;\n@org.abiguard.U16\npublic @interface DomId {}\n"),
        Source.of(
            "lib.XenUlong",
            "package lib;\n@org.abiguard.NativeLong\npublic @interface XenUlong {}\n"),
        Source.of("lib.XenPfn", "package lib;\n@XenUlong\npublic @interface XenPfn {}\n"),
        Source.of(
            "lib.Range",
            """
            package lib;

            import org.abiguard.*;

            @AbiStruct(name = "xen_range")
            public class Range {
              public @XenPfn long start;
              public @DomId int domid;
            }
            """),
        Source.of(
            "lib.Span",
            """
            package lib;

            @org.abiguard.AbiStruct
            public record Span(@org.abiguard.U32 long length, @DomId short owner) {}
            """));
    Source s =
        Source.of(
            "p.Req",
            """
        package p;

        import lib.*;
        import org.abiguard.*;

        @AbiStruct
        public class Req {
          @DomId int domid;
          @XenPfn long gpfn;
          Range range;
          @AbiArray(2) Range[] more;
          Span span;
        }
        """);
    Compilation c =
        compiler(List.of("-Aabiguard.abis=x86_64,i386"))
            .withClasspath(CompiledClasses.classPathWith(lib))
            .compile(files(s));
    assertExactly(c);
    assertEquals(
        List.of("p.Req"), manifestStructs(c), "the library's structs are not this compilation's");
    ClassLoader loader = CompiledClasses.loader(c, lib);
    Class<?> m = loader.loadClass("p.ReqMarshaller");
    // C: { uint16_t domid; xen_pfn_t gpfn; struct xen_range range, more[2]; struct Span span; }
    // with xen_range = { xen_pfn_t start; uint16_t domid; } and Span = { uint32_t length; uint16_t
    // owner; }
    assertEquals(8 + 8 + 16 * 3 + 8, m.getField("SIZE").getInt(null));
    assertEquals(4 + 4 + 8 * 3 + 8, ValidMirrorsTest.codec(m, "i386").size());

    Object req = loader.loadClass("p.Req").getConstructor().newInstance();
    set(req, "domid", 0xFFFF);
    set(req, "gpfn", 0x9ABC_DEF0L);
    set(req, "range", range(loader, 7, 1));
    Object more = java.lang.reflect.Array.newInstance(loader.loadClass("lib.Range"), 2);
    java.lang.reflect.Array.set(more, 0, range(loader, 8, 2));
    java.lang.reflect.Array.set(more, 1, range(loader, 9, 3));
    set(req, "more", more);
    set(
        req,
        "span",
        loader
            .loadClass("lib.Span")
            .getConstructor(long.class, short.class)
            .newInstance(0xFFFF_FFFFL, (short) -1));
    @SuppressWarnings("unchecked")
    AbiCodec<Object> codec = (AbiCodec<Object>) ValidMirrorsTest.codec(m, "i386");
    ByteBuffer buf = ByteBuffer.allocate(codec.size());
    codec.write(req, buf, 0);
    Object back = codec.read(buf, 0);
    assertEquals(0xFFFF, get(back, "domid"));
    assertEquals(0x9ABC_DEF0L, get(back, "gpfn"));
    assertEquals(7L, get(get(back, "range"), "start"));
    assertEquals(3, get(java.lang.reflect.Array.get(get(back, "more"), 1), "domid"));
    assertEquals(
        0xFFFF_FFFFL, get(back, "span").getClass().getMethod("length").invoke(get(back, "span")));
  }

  private static Object range(ClassLoader loader, long start, int domid)
      throws ReflectiveOperationException {
    Object range = loader.loadClass("lib.Range").getConstructor().newInstance();
    set(range, "start", start);
    set(range, "domid", domid);
    return range;
  }

  private static void set(Object target, String field, Object value)
      throws ReflectiveOperationException {
    java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static Object get(Object target, String field) throws ReflectiveOperationException {
    java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(target);
  }

  /** A struct of a library, which the next tests build in different ways. */
  private static final Source LIB_RANGE =
      Source.of(
          "lib.Range",
          """
      package lib;

      @org.abiguard.AbiStruct
      public class Range {
        public @org.abiguard.U64 long start;
      }
      """);

  /** A struct of this compilation nesting {@link #LIB_RANGE}. */
  private static final Source REQ_NESTING_LIB_RANGE =
      Source.of(
          "p.Req",
          """
      package p;

      @org.abiguard.AbiStruct
      class Req {
        lib.Range range;
      }
      """);

  @Test
  void twoMirrorsWithOneCNameAreAnErrorOnBoth() {
    Source a =
        Source.of(
            "p.A",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "xen_op")
        class A {
          @U32 long id;
        }
        """);
    Source b =
        Source.of(
            "p.B",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct(name = "xen_op", order = Endian.BIG)
        class B {
          @U16 int id;
        }
        """);
    assertExactly(
        javac(a, b),
        a.error(
            "@AbiStruct",
            "\"xen_op\"",
            P
                + "struct xen_op is also the C name of p.B; a C name names one type"
                + " on each ABI: keep one mirror of it (delete the other, or leave the type"
                + " out of abiguard-import with --types), or, if they mirror two C types, give one"
                + " its own C name with @AbiStruct(name = \"...\")"),
        b.error(
            "@AbiStruct",
            "\"xen_op\"",
            P
                + "struct xen_op is also the C name of p.A; a C name names one type"
                + " on each ABI: keep one mirror of it (delete the other, or leave the type"
                + " out of abiguard-import with --types), or, if they mirror two C types, give one"
                + " its own C name with @AbiStruct(name = \"...\")"));
  }

  @Test
  void twoUnionsWithOneCNameAreAnErrorOnBothNamingAbiUnion() {
    Source a =
        Source.of(
            "p.A",
            """
        package p;

        import org.abiguard.*;

        @AbiUnion(name = "evtchn_u")
        class A {
          @U32 long port;
        }
        """);
    Source b =
        Source.of(
            "p.B",
            """
        package p;

        import org.abiguard.*;

        @AbiUnion(name = "evtchn_u")
        class B {
          @U16 int port;
        }
        """);
    assertExactly(
        javac(a, b),
        a.error(
            "@AbiUnion",
            "\"evtchn_u\"",
            P
                + "union evtchn_u is also the C name of p.B; a C name names one type"
                + " on each ABI: keep one mirror of it (delete the other, or leave the type"
                + " out of abiguard-import with --types), or, if they mirror two C types, give one"
                + " its own C name with @AbiUnion(name = \"...\")"),
        b.error(
            "@AbiUnion",
            "\"evtchn_u\"",
            P
                + "union evtchn_u is also the C name of p.A; a C name names one type"
                + " on each ABI: keep one mirror of it (delete the other, or leave the type"
                + " out of abiguard-import with --types), or, if they mirror two C types, give one"
                + " its own C name with @AbiUnion(name = \"...\")"));
  }

  @Test
  void untaggedTypesOfOneJavaNameHaveNoCNameToShare() {
    // as the importer writes them: each struct's inline union is a nested class U
    Source s =
        Source.of(
            "p.Ops",
            """
        package p;

        import org.abiguard.*;

        class Ops {
          @AbiStruct(name = "op_a")
          static class A {
            @U32 long cmd;
            @AbiName("u") U u;

            @AbiUnion(untagged = true)
            static class U {
              @U32 long x;
              @U16 int y;
            }
          }

          @AbiStruct(name = "op_b")
          static class B {
            @U32 long cmd;
            @AbiName("u") U u;

            @AbiUnion(untagged = true)
            static class U {
              @U64 long z;
            }
          }
        }
        """);
    assertExactly(javac(s));
  }

  @Test
  void mirrorsOfOneNameInTwoPackagesAreAnErrorOnBothAndLeaveTheOutputs(@TempDir Path out)
      throws IOException {
    Source p =
        Source.of(
            "p.Op",
            """
        package p;

        @org.abiguard.AbiStruct
        public class Op {
          public @org.abiguard.U32 long id;
        }
        """);
    Source q =
        Source.of(
            "q.Op",
            """
        package q;

        @org.abiguard.AbiStruct
        public class Op {
          public @org.abiguard.U64 long id;
        }
        """);
    Source typedef =
        Source.of(
            "r.OpT",
            """
        package r;

        @org.abiguard.AbiStruct(name = "Op", typedef = true)
        public class OpT {
          public @org.abiguard.U8 int id;
        }
        """);
    String message =
        "struct Op is also the C name of %s; a C name names one type on each ABI: keep one mirror"
            + " of it (delete the other, or leave the type out of abiguard-import with --types), or,"
            + " if they mirror two C types, give one its own C name with @AbiStruct(name = \"...\")";
    assertExactly(
        Compile.intoDirectory(out, p, q, typedef),
        p.error("@org.abiguard.AbiStruct", P + message.formatted("q.Op")),
        q.error("@org.abiguard.AbiStruct", P + message.formatted("p.Op")));
    String asserts = Files.readString(out.resolve("classes/" + ASSERTS));
    assertFalse(asserts.contains("struct Op,"), asserts);
    assertTrue(
        asserts.contains("sizeof(Op)"),
        "a typedef may share a struct tag's name, as in C: " + asserts);
  }

  @Test
  void structFromALibraryBuiltWithoutAbiguardHasNoMarshallerToCall(@TempDir Path lib) {
    CompiledClasses.compileLibrary(lib, false, List.of(), LIB_RANGE);
    Source s = REQ_NESTING_LIB_RANGE;
    Compilation c =
        compiler(List.of()).withClasspath(CompiledClasses.classPathWith(lib)).compile(files(s));
    assertExactly(
        c,
        s.error(
            "lib.Range range;",
            "range",
            P
                + "'range' nests lib.Range from the class path,"
                + " whose marshaller lib.RangeMarshaller is not on the class path; build that library with the abiguard"
                + " processor"));
  }

  @Test
  void structFromALibraryBuiltForFewerAbisIsAnError(@TempDir Path lib) {
    CompiledClasses.compileLibrary(lib, true, List.of("-Aabiguard.abis=x86_64"), LIB_RANGE);
    Source s = REQ_NESTING_LIB_RANGE;
    Compilation c =
        compiler(List.of("-Aabiguard.abis=x86_64,i386,aarch64"))
            .withClasspath(CompiledClasses.classPathWith(lib))
            .compile(files(s));
    assertExactly(
        c,
        s.error(
            "lib.Range range;",
            "range",
            P
                + "'range' nests lib.Range from the class path,"
                + " whose marshaller lib.RangeMarshaller has no i386, aarch64 layout; build that library with i386,"
                + " aarch64 in -Aabiguard.abis too"));
  }

  @Test
  void structsOfEveryRoundAreGeneratedAndTheManifestIsWrittenOnce()
      throws ReflectiveOperationException {
    Source first =
        Source.of(
            "p.First",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class First {
          @U8 int a;
        }
        """);
    Source user =
        Source.of(
            "p.User",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class User {
          @U16 int x;
          Gen gen;
        }
        """);
    Compilation c =
        compiler(List.of(), new GeneratesStructInRoundOne()).compile(files(first, user));
    assertExactly(c);
    assertTrue(c.generatedSourceFile("p.FirstMarshaller").isPresent(), "round 1");
    assertTrue(c.generatedSourceFile("p.GenMarshaller").isPresent(), "round 2");
    assertTrue(
        c.generatedSourceFile("p.UserMarshaller").isPresent(), "deferred from round 1 to round 2");
    assertEquals(List.of("p.First", "p.Gen", "p.User"), manifestStructs(c));
    assertEquals(1, CompiledClasses.count(c, MANIFEST));
    assertEquals(1, CompiledClasses.count(c, ASSERTS));
    // C: struct First { uint8_t a; }; struct Gen { uint32_t b; struct First first; };
    //    struct User { uint16_t x; struct Gen gen; }
    assertEquals(
        12, CompiledClasses.loader(c).loadClass("p.UserMarshaller").getField("SIZE").getInt(null));
  }

  /** A processor of another library that generates, in round 1, a struct nesting one of round 1. */
  @SupportedAnnotationTypes("*")
  static final class GeneratesStructInRoundOne extends AbstractProcessor {
    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("p.Gen").openWriter()) {
          w.write(
              "package p;\n\n@org.abiguard.AbiStruct\nclass Gen {\n  @org.abiguard.U32 long b;\n  First first;\n}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void membersWhoseOffsetConstantsWouldClashAreAnError() {
    Source s =
        Compile.struct("  @U32 long nrExtents;\n  @AbiName(\"extents\") @U32 long nr_extents;");
    assertExactly(
        javac(s),
        s.error(
            "long nr_extents;",
            "nr_extents",
            P
                + "'nr_extents' and 'nrExtents' would"
                + " both have the marshaller constant OFFSET_NR_EXTENTS; rename one of the Java fields (@AbiName keeps"
                + " its C name)"));
  }

  @Test
  void structWhoseMemberTypeNeverAppearsIsNotGeneratedAndSaysSo() {
    Source s =
        Source.of(
            "p.Waits",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Waits {
          @U32 long a;
          Missing missing;
        }
        """);
    Compilation c = javac(s);
    assertExactly(
        c,
        s.error(
            "Missing missing;",
            "Missing",
            "cannot find symbol\n  symbol:   class Missing\n  location: class" + " p.Waits"),
        s.error(
            "class Waits",
            "class",
            P
                + "struct Waits was not generated: a type or annotation value of it (or of"
                + " a struct it nests) is still unknown after annotation processing; see the compiler's other errors"));
  }

  @Test
  void unresolvedAnnotationValueIsNotReadAsZero() {
    Source s = Compile.struct("  @AbiWidth(BITS) int a;\n  @AbiArray(LENGTH) @U8 byte[] b;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth(BITS)",
            "BITS",
            "cannot find symbol\n  symbol:   variable BITS\n  location: class p.S"),
        s.error(
            "@AbiArray(LENGTH)",
            "LENGTH",
            "cannot find symbol\n  symbol:   variable LENGTH\n  location: class" + " p.S"),
        s.error(
            "class S",
            "class",
            P
                + "struct S was not generated: a type or annotation value of it (or of a"
                + " struct it nests) is still unknown after annotation processing; see the compiler's other errors"));
  }

  /** One unknown dimension of an array of arrays is as unknown as a whole length. */
  @Test
  void anUnresolvedDimensionIsNotReadAsZero() {
    Source s = Compile.struct("  @AbiArray({3, COLUMNS}) @U8 byte[] b;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray({3, COLUMNS})",
            "COLUMNS",
            "cannot find symbol\n  symbol:   variable COLUMNS\n  location: class p.S"),
        s.error(
            "class S",
            "class",
            P
                + "struct S was not generated: a type or annotation value of it (or of a"
                + " struct it nests) is still unknown after annotation processing; see the"
                + " compiler's other errors"));
  }

  @Test
  void structThatCannotBeLaidOutIsALayoutError() {
    Source s =
        Source.of(
            "p.Huge",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Huge {
          @AbiArray(0x7fffffff) @U64 long[] pages;
        }
        """);
    assertExactly(
        javac(s),
        s.error(
            "class Huge",
            "class",
            "[abiguard:layout] struct Huge cannot be laid out on"
                + " x86_64: p.Huge.pages would be 17179869176 bytes, larger than a Java buffer can hold"));
  }

  @Test
  void missingBaselineIsAClearError() {
    Source s = Compile.struct("  @U16 int a;");
    Compilation c = javac(List.of("-Aabiguard.baseline=/no/such/abi-manifest.json"), s);
    assertExactly(
        c,
        Expected.error(
            "[abiguard] cannot read the baseline manifest '/no/such/abi-manifest.json'"
                + " (-Aabiguard.baseline): java.nio.file.NoSuchFileException: /no/such/abi-manifest.json; give the path"
                + " of an abi-manifest.json from an earlier release"));
  }

  @Test
  void malformedBaselineIsAClearError(@TempDir Path dir) throws IOException {
    Path baseline =
        Files.writeString(dir.resolve("abi-manifest.json"), "{\"format\": 1, \"structs\": [");
    Compilation c =
        javac(List.of("-Aabiguard.baseline=" + baseline), Compile.struct("  @U16 int a;"));
    assertExactly(
        c,
        Expected.error(
            "[abiguard] the baseline manifest '"
                + baseline
                + "' (-Aabiguard.baseline) is"
                + " not a valid abiguard manifest: line 1, column 27: unexpected end of text, expected a value"));
  }

  @Test
  void layoutChangedAgainstTheBaselineIsAnAbiBreakOnTheMember(@TempDir Path dir)
      throws IOException {
    Compilation v1 = javac(Compile.struct("  @U16 int a;\n  @U16 int b;"));
    assertExactly(v1);
    Path baseline =
        Files.writeString(
            dir.resolve("abi-manifest.json"), CompiledClasses.resource(v1, MANIFEST).get());

    Source v2 = Compile.struct("  @U16 int a;\n  @U32 long b;");
    String why =
        " since the baseline; C code and data built against the baseline no longer match (restore the"
            + " old layout, or update the baseline if the break is intended)";
    assertExactly(
        javac(List.of("-Aabiguard.baseline=" + baseline), v2),
        v2.error(
            "@U32 long b;",
            "b;",
            "[abiguard:abi-break] field S.b moved from offset 2 to 4 on x86_64,"
                + " resized from 2 to 4 bytes on x86_64, re-aligned from 2 to 4 on x86_64"
                + why),
        v2.error(
            "class S",
            "class",
            "[abiguard:abi-break] struct S grew from 4 to 8 bytes on x86_64, changed"
                + " alignment from 2 to 4 on x86_64"
                + why));
  }

  @Test
  void abiBreakOfARecordComponentIsReportedOnTheComponent(@TempDir Path dir) throws IOException {
    Compilation v1 =
        javac(
            Source.of(
                "p.R",
                "package p;\n@org.abiguard.AbiStruct\nrecord R(@org.abiguard.U16 int a) {}\n"));
    Path baseline =
        Files.writeString(
            dir.resolve("abi-manifest.json"), CompiledClasses.resource(v1, MANIFEST).get());

    Source v2 =
        Source.of(
            "p.R", "package p;\n@org.abiguard.AbiStruct\nrecord R(@org.abiguard.S16 int a) {}\n");
    Compilation c = javac(List.of("-Aabiguard.baseline=" + baseline), v2);
    assertEquals(1, c.errors().size(), c.diagnostics().toString());
    Expected at = v2.error("record R", "a)", "");
    assertEquals(at.line(), c.errors().get(0).getLineNumber());
    assertEquals(at.column(), c.errors().get(0).getColumnNumber());
    assertTrue(
        c.errors().get(0).getMessage(null).startsWith("[abiguard:abi-break] field R.a "),
        c.errors().toString());
  }

  @Test
  void twoStructsWithOneMarshallerNameAreAnError() {
    Source nested =
        Source.of(
            "p.Outer",
            """
        package p;

        public class Outer {
          @org.abiguard.AbiStruct
          public static class Foo {
            @org.abiguard.U8 int a;
          }
        }
        """);
    Source flat =
        Source.of(
            "p.Outer_Foo",
            """
        package p;

        @org.abiguard.AbiStruct
        public class Outer_Foo {
          @org.abiguard.U8 int a;
        }
        """);
    assertExactly(
        javac(nested, flat),
        flat.error(
            "public class Outer_Foo",
            "class",
            P
                + "the marshaller of"
                + " p.Outer_Foo would be p.Outer_FooMarshaller, which is already the marshaller of p.Outer.Foo; rename"
                + " one of the two types"));
  }

  @Test
  void abiBreakIsAWarningUnderSeverityWarning(@TempDir Path dir) throws IOException {
    Compilation v1 = javac(Compile.struct("  @U16 int a;\n  @U16 int b;"));
    Path baseline =
        Files.writeString(
            dir.resolve("abi-manifest.json"), CompiledClasses.resource(v1, MANIFEST).get());

    Source v2 = Compile.struct("  @U16 int a;");
    Compilation c =
        javac(List.of("-Aabiguard.baseline=" + baseline, "-Aabiguard.severity=warning"), v2);
    assertEquals(Compilation.Status.SUCCESS, c.status());
    String why =
        " since the baseline; C code and data built against the baseline no longer match (restore the"
            + " old layout, or update the baseline if the break is intended)";
    assertExactly(
        c,
        v2.at(
            Diagnostic.Kind.WARNING,
            "class S",
            "class",
            "[abiguard:abi-break] struct S shrank from 4 to 2 bytes on x86_64" + why),
        v2.at(
            Diagnostic.Kind.WARNING,
            "class S",
            "class",
            "[abiguard:abi-break] field S.b was removed on x86_64" + why));
  }

  @Test
  void structWithErrorsIsNotAlsoReportedAsRemovedFromTheBaseline(@TempDir Path dir)
      throws IOException {
    Compilation v1 = javac(Compile.struct("  @U16 int a;"));
    Path baseline =
        Files.writeString(
            dir.resolve("abi-manifest.json"), CompiledClasses.resource(v1, MANIFEST).get());

    Source v2 = Compile.struct("  @U16 byte a;");
    assertExactly(
        javac(List.of("-Aabiguard.baseline=" + baseline), v2),
        v2.error(
            "@U16",
            P
                + "'a' of type byte"
                + " is narrower than @U16 (u16); declare it short (raw bits), char, int or long"));
  }

  /** The canonical names of the manifest's structs, in its order. */
  private static List<String> manifestStructs(Compilation c) {
    return manifestStructs(CompiledClasses.resource(c, MANIFEST).orElseThrow());
  }

  /** The canonical names of the manifest's structs, in its order. */
  private static List<String> manifestStructs(String manifest) {
    Matcher m = Pattern.compile("\"java\"\\s*:\\s*\"([\\w.]+)\"\\s*,\\s*\"c\"").matcher(manifest);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
