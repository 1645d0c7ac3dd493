package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.junit.jupiter.api.Test;

/**
 * The guard never ends a compilation with an exception and finds javac behind wrapped
 * processing environments; where there is no javac, it says once that it is off.
 */
class GuardRobustnessTest {
  /** Installs the guard with a processing environment made by {@code wrap}, like a build tool would. */
  private static final class WrappingProcessor extends AbstractProcessor {
    private final java.util.function.UnaryOperator<ProcessingEnvironment> wrap;

    WrappingProcessor(java.util.function.UnaryOperator<ProcessingEnvironment> wrap) {
      this.wrap = wrap;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      FlowGuard.install(wrap.apply(env), new Reporter(env.getMessager(), false), Options.parse(Map.of()));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

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

  private static final JavaFileObject ONE_NARROWING = JavaFileObjects.forSourceString("p.One", """
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
    Compilation c = Compiler.javac().withProcessors(new WrappingProcessor(DelegatingEnvironment::new))
        .compile(ONE_NARROWING);
    assertThat(c).hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
        .inFile(ONE_NARROWING).onLine(10).atColumn(9);
  }

  @Test
  void findsJavacBehindADynamicProxy() {
    Compilation c = Compiler.javac().withProcessors(new WrappingProcessor(env ->
        (ProcessingEnvironment) Proxy.newProxyInstance(GuardRobustnessTest.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> method.invoke(env, args))))
        .compile(ONE_NARROWING);
    assertThat(c).hadErrorContaining("[abiguard:narrowing] parameter 'wide' of call (u32)")
        .inFile(ONE_NARROWING).onLine(10).atColumn(9);
  }

  @Test
  void withoutJavacTheGuardSaysOnceThatItIsOff() {
    Compilation c = Compiler.javac().withProcessors(new WrappingProcessor(env -> {
      Messager messager = env.getMessager();
      return (ProcessingEnvironment) Proxy.newProxyInstance(GuardRobustnessTest.class.getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
            if (method.getName().equals("getMessager")) {
              return messager;
            }
            throw new UnsupportedOperationException(method.getName());
          });
    })).compile(ONE_NARROWING);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[abiguard] the flow guard is off: this compiler's processing environment");
    assertThat(c).hadWarningCount(1);
  }
}
