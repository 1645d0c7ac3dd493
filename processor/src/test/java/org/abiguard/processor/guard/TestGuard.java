package org.abiguard.processor.guard;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.diag.Reporter;

/**
 * The flow guard alone, installed with a method analysis of the test's choosing (one that
 * records which methods reach it, or one that fails on purpose).
 */
final class TestGuard extends AbstractProcessor {
  private final boolean warningsOnly;
  private final ClassAnalyzer.MethodAnalysis methods;

  TestGuard(boolean warningsOnly, ClassAnalyzer.MethodAnalysis methods) {
    this.warningsOnly = warningsOnly;
    this.methods = methods;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Trees.instance(env);
    Declarations decls = new Declarations(env.getTypeUtils(), env.getElementUtils(), trees);
    ClassAnalyzer analyzer = new ClassAnalyzer(trees, env.getTypeUtils(), env.getElementUtils(), decls,
        new Reporter(env.getMessager(), warningsOnly), false, methods);
    JavacTask.instance(env).addTaskListener(new GuardListener(analyzer));
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
