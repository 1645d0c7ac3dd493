package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;

/**
 * One build reports every narrowing: an error in one class does not stop the guard in the others.
 */
class AllClassesReportedTest {
  private static JavaFileObject caller(String name, String callee, String width) {
    return JavaFileObjects.forSourceString(
        "calls." + name,
        """
        package calls;

        import org.abiguard.U16;
        import org.abiguard.%s;

        class %s {
          static void put(@U16 int v) {}

          static void call(@%s int wide) {
            put(wide);
          }

          static void callAgain(@%s int wide) {
            %s.put(wide);
          }
        }
        """
            .formatted(width, name, width, width, callee));
  }

  @Test
  void narrowingsInThreeClassesAreAllReportedInOneRun() {
    JavaFileObject a = caller("Alpha", "Beta", "U32");
    JavaFileObject b = caller("Beta", "Gamma", "U32");
    JavaFileObject c = caller("Gamma", "Alpha", "U32");
    Compilation compilation =
        Compiler.javac().withProcessors(new AbiGuardProcessor()).compile(a, b, c);
    JavaFileObject[] files = {a, b, c};
    String[] callees = {"Beta", "Gamma", "Alpha"};
    for (int i = 0; i < files.length; i++) {
      assertThat(compilation)
          .hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
          .inFile(files[i])
          .onLine(10)
          .atColumn(9);
      // "    Beta.put(wide)": the argument starts after the callee's name and ".put("
      assertThat(compilation)
          .hadErrorContaining("[abiguard:narrowing] parameter 'wide' of callAgain (u32)")
          .inFile(files[i])
          .onLine(14)
          .atColumn(4 + callees[i].length() + ".put(".length() + 1);
    }
    assertThat(compilation).hadErrorCount(6);
  }

  @Test
  void aJavacErrorInOneClassDoesNotHideNarrowingsInAnother() {
    JavaFileObject broken =
        JavaFileObjects.forSourceString(
            "calls.Broken",
            """
        package calls;

        class Broken {
          int f() {
            return "not an int";
          }
        }
        """);
    JavaFileObject a = caller("Alpha", "Alpha", "U32");
    Compilation compilation =
        Compiler.javac().withProcessors(new AbiGuardProcessor()).compile(broken, a);
    assertThat(compilation).hadErrorContaining("incompatible types").inFile(broken).onLine(5);
    assertThat(compilation)
        .hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
        .inFile(a)
        .onLine(10)
        .atColumn(9);
  }
}
