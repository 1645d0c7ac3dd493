package org.abiguard.benchmarks.engine;

import java.lang.reflect.Field;
import java.util.function.Consumer;

/**
 * Counts the methods abiguard's guard analyses through its test hook
 * {@code ClassAnalyzer.beforeMethod} (package private, so set by reflection; the processor's
 * classes are on the class path, in the unnamed module). When the hook is missing the count is
 * -1 and the rest of the measurement is unaffected.
 */
final class GuardMethodCounter implements AutoCloseable {
  private static final String ANALYZER = "org.abiguard.processor.guard.ClassAnalyzer";
  private final Field hook;
  private final Object previous;
  private int count;

  GuardMethodCounter() {
    Field f;
    Object p = null;
    try {
      f = Class.forName(ANALYZER).getDeclaredField("beforeMethod");
      f.setAccessible(true);
      p = f.get(null);
      Consumer<String> counter = name -> count++;
      f.set(null, counter);
    } catch (ReflectiveOperationException | RuntimeException e) {
      f = null;
    }
    this.hook = f;
    this.previous = p;
  }

  /** Methods analysed so far, or -1 when the hook could not be set. */
  int count() {
    return hook == null ? -1 : count;
  }

  @Override
  public void close() {
    if (hook != null) {
      try {
        hook.set(null, previous);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
