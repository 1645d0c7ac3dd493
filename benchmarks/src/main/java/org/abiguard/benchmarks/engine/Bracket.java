package org.abiguard.benchmarks.engine;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Brackets the {@code ANALYZE} listeners of one compilation with timing marks: mark 0, an
 * engine, mark 1, the other engine, mark 2, ... javac calls a task's listeners in the order they
 * were added, so the thread CPU time from mark {@code i} to mark {@code i+1}, summed over every
 * class, is what the listeners registered between them cost. The marks check that order: each
 * {@code ANALYZE} event must reach them as 0, 1, ..., n-1, else {@link #orderViolations()} counts
 * it.
 */
final class Bracket {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long[] segments;
  private long previous;
  private int next;
  private int events;
  private int violations;

  /** A bracket of {@code marks} marks, so {@code marks - 1} segments. */
  Bracket(int marks) {
    this.segments = new long[marks - 1];
  }

  /** The listener of mark {@code index}. */
  TaskListener mark(int index) {
    return new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANALYZE) {
          hit(index);
        }
      }
    };
  }

  private void hit(int index) {
    long now = THREADS.getCurrentThreadCpuTime();
    if (index != next) {
      violations++;
    } else if (index > 0) {
      segments[index - 1] += now - previous;
    }
    previous = now;
    next = index + 1 == segments.length + 1 ? 0 : index + 1;
    if (index == 0) {
      events++;
    }
  }

  /** The segment the compilation is in now: i between mark i and mark i+1, -1 outside. */
  int currentSegment() {
    return next == 0 ? -1 : next - 1;
  }

  long segmentNanos(int i) {
    return segments[i];
  }

  int events() {
    return events;
  }

  int orderViolations() {
    return violations;
  }
}
