package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;

/**
 * The pre-scan: only methods that mention a declared width reach the dataflow. A second guard,
 * installed with an observer next to the processor's own, tells which methods it analyses.
 */
class PreScanTest {
  @Test
  void methodsWithoutWidthsAreNotAnalysed() {
    List<String> analysed = Collections.synchronizedList(new ArrayList<>());
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.Mixed",
            """
        package p;

        import java.util.List;
        import org.abiguard.U16;

        class Mixed {
          @U16 int domid;

          static int plainArithmetic(int a, int b) {
            int s = 0;
            for (int i = 0; i < a; i++) {
              s += i * b;
            }
            return s;
          }

          static String plainStrings(List<String> names) {
            return String.join(",", names);
          }

          int readsAField() {
            return domid;
          }

          static void callsAnAnnotatedParameter(int v) {
            take(v & 0xFF);
          }

          static void take(@U16 int v) {}

          class Inner {
            int innerPlain() {
              return 1;
            }

            int innerReads(Mixed m) {
              return m.domid;
            }
          }
        }
        """);
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor(), GuardOnlyProcessor.observing(analysed::add))
            .compile(source);
    assertThat(c).succeededWithoutWarnings();
    Collections.sort(analysed);
    assertEquals(List.of("callsAnAnnotatedParameter", "innerReads", "readsAField"), analysed);
  }

  @Test
  void generatedMarshallersAreNotAnalysedButTheirCallersAre() {
    List<String> analysed = Collections.synchronizedList(new ArrayList<>());
    JavaFileObject struct =
        JavaFileObjects.forSourceString(
            "p.Pair",
            """
        package p;

        import org.abiguard.*;

        @AbiStruct
        class Pair {
          @U16 int a;
          @U32 long b;
        }
        """);
    JavaFileObject user =
        JavaFileObjects.forSourceString(
            "p.User",
            """
        package p;

        import java.nio.ByteBuffer;

        class User {
          static int firstOf(ByteBuffer buf) {
            return PairMarshaller.read(buf, 0).a;
          }
        }
        """);
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor(), GuardOnlyProcessor.observing(analysed::add))
            .compile(struct, user);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("p.PairMarshaller");
    assertEquals(List.of("firstOf"), analysed);
  }
}
