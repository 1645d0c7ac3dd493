package org.abiguard.processor.guard;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * Runs the guard when javac has finished analysing a class ({@code ANALYZE}): its trees are
 * attributed and flow-checked, not yet lowered. javac's default policy ({@code
 * should-stop.ifError=FLOW}) still attributes and analyses every class after an error, so one build
 * reports every narrowing.
 */
final class GuardListener implements TaskListener {
  private final ClassAnalyzer analyzer;

  GuardListener(ClassAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public void started(TaskEvent event) {}

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.ANALYZE
        && event.getTypeElement() != null
        && event.getCompilationUnit() != null) {
      analyzer.analyse(event.getCompilationUnit(), event.getTypeElement());
    }
  }
}
