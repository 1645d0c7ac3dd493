package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The guard never ends a compilation with an exception and finds javac behind wrapped processing
 * environments; where there is no javac, it says once that it is off.
 */
class GuardRobustnessTest {
  /** Like Gradle's incremental processing environment: a class with a {@code delegate} field. */
  private static final class DelegatingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    DelegatingEnvironment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public Filer getFiler() {
      return delegate.getFiler();
    }

    @Override
    public Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public java.util.Locale getLocale() {
      return delegate.getLocale();
    }
  }

  private static final JavaFileObject ONE_NARROWING =
      JavaFileObjects.forSourceString(
          "p.One",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class One {
        static void put(@U16 int v) {}

        static void call(@U32 int wide) {
          put(wide);
        }
      }
      """);

  @Test
  void findsJavacBehindADelegatingWrapper() {
    Compilation c =
        Compiler.javac()
            .withProcessors(GuardOnlyProcessor.wrapping(DelegatingEnvironment::new))
            .compile(ONE_NARROWING);
    assertThat(c)
        .hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
        .inFile(ONE_NARROWING)
        .onLine(10)
        .atColumn(9);
  }

  @Test
  void findsJavacBehindADynamicProxy() {
    Compilation c =
        Compiler.javac()
            .withProcessors(
                GuardOnlyProcessor.wrapping(
                    env ->
                        (ProcessingEnvironment)
                            Proxy.newProxyInstance(
                                GuardRobustnessTest.class.getClassLoader(),
                                new Class<?>[] {ProcessingEnvironment.class},
                                (proxy, method, args) -> method.invoke(env, args))))
            .compile(ONE_NARROWING);
    assertThat(c)
        .hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
        .inFile(ONE_NARROWING)
        .onLine(10)
        .atColumn(9);
  }

  @Test
  void withoutJavacTheGuardSaysOnceThatItIsOff() {
    Compilation c =
        Compiler.javac()
            .withProcessors(
                GuardOnlyProcessor.wrapping(
                    env -> {
                      Messager messager = env.getMessager();
                      return (ProcessingEnvironment)
                          Proxy.newProxyInstance(
                              GuardRobustnessTest.class.getClassLoader(),
                              new Class<?>[] {ProcessingEnvironment.class},
                              (proxy, method, args) -> {
                                if (method.getName().equals("getMessager")) {
                                  return messager;
                                }
                                throw new UnsupportedOperationException(method.getName());
                              });
                    }))
            .compile(ONE_NARROWING);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[abiguard] the flow guard is off: this compiler's processing environment");
    assertThat(c).hadWarningCount(1);
  }
}
