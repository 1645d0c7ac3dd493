package org.abiguard.processor;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.FlowGuard;
import org.abiguard.processor.model.AbiAnnotations;
import org.jspecify.annotations.Nullable;

/**
 * The processor. It only orchestrates: the struct stage (model, layouts, marshallers, manifest, C
 * assertions) runs per round, the flow guard runs per compilation unit after attribution.
 *
 * <p>It claims {@code "*"} so that javac starts it for every compilation, also one whose sources
 * carry no abiguard annotation but call annotated code from a jar; it returns {@code false}, so
 * other processors still see their annotations: claiming even only its own would, in a round where
 * they are the only ones, stop javac from running any later {@code "*"} processor. The price, as
 * with AutoValue and other processors that never claim, is javac's "No processor claimed any of
 * these annotations" under {@code -Xlint:processing}.
 */
@AutoService(Processor.class)
public final class AbiGuardProcessor extends AbstractProcessor {
  private Reporter reporter;
  private Options options;

  /**
   * Made at the first round with an abiguard annotation in its sources (a struct, or a width
   * outside one): a compilation without any loads none of the struct stage's classes.
   */
  private @Nullable StructStage structs;

  /** Whether making the struct stage failed (reported once; the guard still runs). */
  private boolean structsFailed;

  /**
   * The classes of every round's sources (the generated marshallers' included), where the flow
   * guard looks for the overrides a call may run.
   */
  private final List<TypeElement> roots = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.parse(env.getOptions());
    reporter = new Reporter(env.getMessager(), options.warningsOnly());
    for (String problem : options.problems()) {
      reporter.optionError(problem);
    }
  }

  /**
   * Attaches the flow guard, in the last round: it looks at classes when javac has analysed them,
   * after every round. Attached earlier, its listener would make javac keep every comment and end
   * position of each source parsed in later rounds (the marshallers), which it does for any task
   * listener present at parse time, at a cost in time and memory and for nothing the guard uses.
   */
  private void installGuard() {
    try {
      FlowGuard.install(processingEnv, reporter, options, roots);
    } catch (RuntimeException | LinkageError e) {
      reporter.warning("the flow guard is off: it could not attach to this compiler (" + e + ")");
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    roots.addAll(ElementFilter.typesIn(round.getRootElements()));
    if (round.processingOver()) {
      installGuard();
    }
    if (structs == null && !structsFailed && AbiAnnotations.anyOurs(annotations)) {
      try {
        structs = new StructStage(processingEnv, reporter, options);
      } catch (Throwable e) {
        // a broken installation (a class missing from the processor jar): a diagnostic, not a crash
        structsFailed = true;
        reporter.internalError("starting the struct stage", e);
      }
    }
    if (structs == null) {
      return false;
    }
    try {
      structs.round(annotations, round);
      if (round.processingOver()) {
        structs.finish();
      }
    } catch (Throwable e) {
      // every failure of the struct stage, a StackOverflowError included, is a diagnostic
      reporter.internalError("struct processing", e);
    }
    return false;
  }
}
