package org.abiguard.processor.guard;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.Declarations;

/**
 * Entry point of the flow guard: attaches a javac {@code TaskListener} that analyses each class
 * after javac's flow analysis ({@code ANALYZE}), when its trees are attributed and not yet lowered.
 *
 * <p>Only the exported {@code com.sun.source} API is used. Where the processing environment is not
 * javac's own (ECJ, or an IDE or build tool that wraps it), {@link TaskLocator} looks for javac's
 * environment inside the wrapper; when there is none the guard is off and one warning says so,
 * while the rest of the processor works as usual.
 */
public final class FlowGuard {
  private FlowGuard() {}

  /**
   * Attaches the guard to the running javac task, or warns once that it is off. {@code roots} are
   * the root classes of the compilation's rounds, read when javac analyses classes, after the last
   * round: the guard looks among them for the overrides a call may run.
   */
  public static void install(
      ProcessingEnvironment env,
      Reporter reporter,
      Options options,
      Collection<? extends TypeElement> roots) {
    install(env, reporter, options, AnalysisObserver.NONE, roots);
  }

  /**
   * As {@link #install(ProcessingEnvironment, Reporter, Options, Collection)}, telling {@code
   * observer} of each method analysed.
   */
  static void install(
      ProcessingEnvironment env,
      Reporter reporter,
      Options options,
      AnalysisObserver observer,
      Collection<? extends TypeElement> roots) {
    ProcessingEnvironment javacEnv = TaskLocator.javacEnvironment(env);
    JavacTask task = javacEnv == null ? null : TaskLocator.task(javacEnv);
    if (javacEnv == null || task == null) {
      reporter.warning(
          "the flow guard is off: this compiler's processing environment ("
              + env.getClass().getName()
              + ") is not javac's, so narrowing conversions are not checked;"
              + " structs, marshallers and the manifest are still generated. Build with javac to check them.");
      return;
    }
    Trees trees = Trees.instance(javacEnv);
    List<Declarations> models = new ArrayList<>();
    for (Declarations.DataModel model : Declarations.DataModel.of(options.abis())) {
      models.add(
          new Declarations(javacEnv.getTypeUtils(), javacEnv.getElementUtils(), trees, model));
    }
    task.addTaskListener(
        new GuardListener(
            new ClassAnalyzer(
                trees,
                javacEnv.getTypeUtils(),
                javacEnv.getElementUtils(),
                models,
                reporter,
                options.strict(),
                observer,
                javacEnv.getSourceVersion(),
                roots)));
  }
}
