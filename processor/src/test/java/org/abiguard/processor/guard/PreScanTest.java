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
    List<String> analysed = analysedMethods(source);
    assertEquals(List.of("callsAnAnnotatedParameter", "innerReads", "readsAField"), analysed);
  }

  @Test
  void generatedMarshallersAreNotAnalysedButTheirCallersAre() {
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
    List<String> analysed = analysedMethods(List.of("-Aabiguard.abis=x86_64,i386"), struct, user);
    assertEquals(List.of("firstOf"), analysed);
  }

  @Test
  void plainCodeOfEveryShapeCompilesCleanlyAndIsNotAnalysed() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.Plain",
            """
        package p;

        import java.util.ArrayList;
        import java.util.Comparator;
        import java.util.List;
        import java.util.function.IntBinaryOperator;
        import java.util.function.Supplier;

        class Plain<T extends Comparable<T>> {
          static final IntBinaryOperator ADD = (a, b) -> a + b;
          static final Comparator<String> BY_LENGTH = Comparator.comparingInt(String::length);
          final Supplier<List<T>> fresh = () -> new ArrayList<>();
          static IntBinaryOperator max;

          static {
            max = (x, y) -> Math.max(x, y);
          }

          @SafeVarargs
          final List<T> sorted(T... values) {
            List<T> out = new ArrayList<>(List.of(values));
            out.sort((l, r) -> l.compareTo(r));
            return out;
          }

          @Override
          public String toString() {
            Object o = new Object() {
              @Override
              public String toString() {
                return "anonymous" + ADD.applyAsInt(1, 2);
              }
            };
            return (String) (Object) o.toString() + ((int[]) new int[] {1})[0];
          }

          static Object localClassWithAnotherProcessorsAnnotation() {
            @SuppressWarnings("unused")
            class Local {
              int unused;
            }
            return new Local();
          }

          static String classLiteralsAndArrays(long[] values) {
            long[] copy = values.clone();
            return int.class.getName() + long.class + void.class + String[].class + copy.length;
          }
        }
        """);
    List<String> analysed = analysedMethods(source);
    assertEquals(List.of(), analysed);
  }

  @Test
  void widthsAreFoundInLambdasLocalsAndInheritedParameters() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.Reach",
            """
        package p;

        import java.util.function.IntConsumer;
        import org.abiguard.U16;

        class Reach {
          interface Api {
            void take(@U16 int v);
          }

          static class Impl implements Api {
            @Override
            public void take(int v) {}
          }

          static void callsAnInheritedWidth(Impl impl, int v) {
            impl.take(v & 0xFF);
          }

          static void annotatedLocalInALambda() {
            IntConsumer c = v -> {
              @U16 int x = v & 0xFF;
            };
            c.accept(1);
          }

          static void annotatedLambdaParameter() {
            IntConsumer c = (@U16 int v) -> {};
            c.accept(1);
          }

          static void plain() {
            IntConsumer c = v -> {};
            c.accept(1);
          }
        }
        """);
    List<String> analysed = analysedMethods(source);
    assertEquals(
        List.of("annotatedLambdaParameter", "annotatedLocalInALambda", "callsAnInheritedWidth"),
        analysed);
  }

  /**
   * The methods the guard analyses in compiling {@code sources} (sorted), asserting that they
   * compile with no diagnostic at all.
   */
  private static List<String> analysedMethods(JavaFileObject... sources) {
    return analysedMethods(List.of(), sources);
  }

  private static List<String> analysedMethods(List<String> options, JavaFileObject... sources) {
    List<String> analysed = Collections.synchronizedList(new ArrayList<>());
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor(), GuardOnlyProcessor.observing(analysed::add))
            .withOptions(options)
            .compile(sources);
    assertThat(c).succeededWithoutWarnings();
    List<String> sorted = new ArrayList<>(analysed);
    Collections.sort(sorted);
    return sorted;
  }
}
