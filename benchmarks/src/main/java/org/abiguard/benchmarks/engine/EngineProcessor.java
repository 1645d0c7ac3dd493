package org.abiguard.benchmarks.engine;

import com.sun.source.util.JavacTask;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.FlowGuard;

/**
 * A benchmark-only processor that installs, in its {@code init}, the listeners of one measured
 * compilation in a fixed order: mark 0, slot 1, mark 1, slot 2, mark 2, ... A slot is
 * abiguard's flow guard (through its public {@link FlowGuard#install}, exactly as
 * {@code AbiGuardProcessor} does, without the struct stage), the Checker Framework prototype,
 * a {@link CpuBurner} or nothing. It processes no annotation.
 */
final class EngineProcessor extends AbstractProcessor {
  /** What sits between two marks. */
  enum Slot { GUARD, CF, BURNER, EMPTY }

  private final List<Slot> layout;
  private final Bracket bracket;
  private final Findings findings;
  private final EngineStats stats;
  private final boolean everyMethod;
  private final long burnNanos;

  EngineProcessor(List<Slot> layout, Bracket bracket, Findings findings, EngineStats stats, boolean everyMethod,
      long burnNanos) {
    this.layout = List.copyOf(layout);
    this.bracket = bracket;
    this.findings = findings;
    this.stats = stats;
    this.everyMethod = everyMethod;
    this.burnNanos = burnNanos;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    JavacTask task = JavacTask.instance(env);
    task.addTaskListener(bracket.mark(0));
    for (int i = 0; i < layout.size(); i++) {
      switch (layout.get(i)) {
        case GUARD -> FlowGuard.install(env, new Reporter(env.getMessager(), false), Options.parse(env.getOptions()));
        case CF -> task.addTaskListener(new CfEngine(env, findings, stats, everyMethod));
        case BURNER -> task.addTaskListener(new CpuBurner(burnNanos));
        case EMPTY -> { }
      }
      task.addTaskListener(bracket.mark(i + 1));
    }
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
