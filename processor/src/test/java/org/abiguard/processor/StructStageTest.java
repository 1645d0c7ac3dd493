package org.abiguard.processor;

import static org.abiguard.processor.Compile.compiler;
import static org.abiguard.processor.Compile.files;
import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
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
    Source s = Source.of("p.A", """
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
    assertExactly(javac(s),
        s.error("B b;", "b;", P + "'b' makes struct A contain itself (A.b -> B.a -> A), which no C struct can;"
            + " hold the reference as a @Pointer long instead"),
        s.error("A a;", "a;", P + "'a' makes struct B contain itself (B.a -> A.b -> B), which no C struct can;"
            + " hold the reference as a @Pointer long instead"));
  }

  @Test
  void structContainingItselfThroughAnArrayIsAnError() {
    Source s = Source.of("p.Node", """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Node {
          @U32 long value;
          @AbiArray(2) Node[] children;
        }
        """);
    assertExactly(javac(s), s.error("Node[] children", "children", P + "'children' makes struct Node contain"
        + " itself (Node.children -> Node), which no C struct can; hold the reference as a @Pointer long"
        + " instead"));
  }

  @Test
  void structNestingABadStructGetsAnErrorToo() {
    Source s = Source.of("p.Outer", """
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
    assertExactly(javac(s),
        s.error("@U32 short", "@U32",
            P + "'narrow' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"),
        s.error("Looped self;", "self", P + "'self' makes struct Looped contain itself (Looped.self -> Looped),"
            + " which no C struct can; hold the reference as a @Pointer long instead"),
        s.error("Bad bad;", "bad;", P + "'bad' nests p.Bad, which has errors of its own (reported on it); fix"
            + " them first"),
        s.error("Looped looped;", "looped;", P + "'looped' nests p.Looped, which has errors of its own (reported"
            + " on it); fix them first"));
  }

  @Test
  void badStructFromAClassFileIsReportedOnTheNestingMember(@TempDir Path lib) {
    CompiledClasses.compileLibrary(lib, Source.of("lib.Legacy", """
        package lib;

        import org.abiguard.*;

        @AbiStruct
        public class Legacy {
          public @U32 short count;
        }
        """));
    Source s = Source.of("p.User", """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class User {
          lib.Legacy legacy;
        }
        """);
    Compilation c = compiler(List.of()).withClasspath(CompiledClasses.classPathWith(lib)).compile(files(s));
    assertExactly(c, s.error("lib.Legacy legacy;", "legacy", P + "'legacy' nests lib.Legacy from the class"
        + " path, which is no valid @AbiStruct: 'count' of type short is narrower than @U32 (u32); declare it"
        + " int (raw bits) or long"));
  }

  @Test
  void compilationWithoutStructsWritesNoManifest() {
    Source s = Source.of("p.Plain", """
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
}
