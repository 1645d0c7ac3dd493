package org.abiguard.benchmarks.engine;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The sanity check's known load: on each {@code ANALYZE} event it spins until the thread has
 * used {@code nanos} more CPU time, so a bracket around it must measure {@code nanos} per event.
 */
final class CpuBurner implements TaskListener {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final long nanos;
  long sink;

  CpuBurner(long nanos) {
    this.nanos = nanos;
  }

  @Override
  public void finished(TaskEvent e) {
    if (e.getKind() != TaskEvent.Kind.ANALYZE) {
      return;
    }
    long end = THREADS.getCurrentThreadCpuTime() + nanos;
    long x = sink;
    while (THREADS.getCurrentThreadCpuTime() < end) {
      x = x * 31 + 7;
    }
    sink = x;
  }
}
