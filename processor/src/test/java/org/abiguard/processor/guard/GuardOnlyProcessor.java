package org.abiguard.processor.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;

/**
 * A processor that installs only the flow guard, as {@code AbiGuardProcessor} does, with the seams
 * tests need: an {@link AnalysisObserver} told of each method analysed, and the processing
 * environment a build tool might wrap javac's in.
 */
final class GuardOnlyProcessor extends AbstractProcessor {
  private final UnaryOperator<ProcessingEnvironment> wrap;
  private final AnalysisObserver observer;
  private final List<TypeElement> roots = new ArrayList<>();

  private GuardOnlyProcessor(UnaryOperator<ProcessingEnvironment> wrap, AnalysisObserver observer) {
    this.wrap = wrap;
    this.observer = observer;
  }

  /** The guard on javac's own environment, telling {@code observer} of each method it analyses. */
  static GuardOnlyProcessor observing(AnalysisObserver observer) {
    return new GuardOnlyProcessor(UnaryOperator.identity(), observer);
  }

  /** The guard given the environment {@code wrap} makes of javac's, like a build tool's. */
  static GuardOnlyProcessor wrapping(UnaryOperator<ProcessingEnvironment> wrap) {
    return new GuardOnlyProcessor(wrap, AnalysisObserver.NONE);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Options options = Options.parse(env.getOptions());
    FlowGuard.install(
        wrap.apply(env),
        new Reporter(env.getMessager(), options.warningsOnly()),
        options,
        observer,
        roots);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
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
    roots.addAll(ElementFilter.typesIn(round.getRootElements()));
    return false;
  }
}
