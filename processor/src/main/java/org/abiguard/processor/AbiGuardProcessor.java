package org.abiguard.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.FlowGuard;

/**
 * The processor. It only orchestrates: the struct stage (model, layouts, marshallers, manifest,
 * C assertions) runs per round, the flow guard runs per compilation unit after attribution.
 *
 * <p>It claims {@code "*"} so that javac starts it for every compilation, also one whose
 * sources carry no abiguard annotation but call annotated code from a jar; it returns
 * {@code false}, so other processors still see their annotations: claiming even only its own
 * would, in a round where they are the only ones, stop javac from running any later {@code "*"}
 * processor. The price, as with AutoValue and other processors that never claim, is javac's
 * "No processor claimed any of these annotations" under {@code -Xlint:processing}.
 *
 * <p>The struct stage, and with it the code generator and JavaPoet, is created at the first
 * round that has an {@code @AbiStruct} or {@code @AbiUnion} element: a compilation without
 * one (most of a large project) never loads those classes.
 */
@AutoService(Processor.class)
public final class AbiGuardProcessor extends AbstractProcessor {
  /** The annotations whose presence in a round starts the struct stage. */
  private static final Set<String> STRUCT_ANNOTATIONS = Set.of("org.abiguard.AbiStruct", "org.abiguard.AbiUnion");

  private Reporter reporter;
  private Options options;
  /** Created at the first round with a struct or union; {@code null} until then. */
  private StructStage structs;

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
    options.problems().forEach(reporter::optionError);
    try {
      FlowGuard.install(env, reporter, options);
    } catch (RuntimeException | LinkageError e) {
      reporter.warning("the flow guard is off: it could not attach to this compiler (" + e + ")");
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (structs == null && hasStructs(annotations)) {
        structs = new StructStage(processingEnv, reporter, options);
      }
      if (structs == null) {
        return false;
      }
      structs.round(round);
      if (round.processingOver()) {
        structs.finish();
      }
    } catch (RuntimeException | LinkageError e) {
      reporter.internalError("struct processing", e);
    }
    return false;
  }

  private static boolean hasStructs(Set<? extends TypeElement> annotations) {
    for (TypeElement annotation : annotations) {
      if (STRUCT_ANNOTATIONS.contains(annotation.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }
}
