package org.abiguard.benchmarks.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The child process of one measured compilation: runs the JDK's javac in this fresh JVM (the same
 * entry point as the {@code javac} launcher) with the given arguments, its diagnostics going to
 * standard error, then prints one result line on standard output: {@code exit=<code> wallNanos=<n>
 * cpuNanos=<n> threadCpuNanos=<n>}: the wall time of the compilation, the CPU time of this process
 * (all threads, JIT and GC included, JVM start-up too) and the CPU time of the thread that ran
 * javac (the compiler's own work, the figure that other load on the machine disturbs least).
 */
public final class JavacRun {
  /** The prefix of the result line. */
  static final String RESULT = "javac-run-result";

  private JavacRun() {}

  /** Runs javac with {@code args} (typically one {@code @argfile}). */
  public static void main(String[] args) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      System.err.println("no system Java compiler: run the harness on a JDK, not a JRE");
      System.exit(2);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long threadStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int exit = javac.run(null, null, null, args);
    long wall = System.nanoTime() - start;
    long threadCpu = threads.getCurrentThreadCpuTime() - threadStart;
    long cpu = processCpuNanos();
    System.out.println(
        RESULT
            + " exit="
            + exit
            + " wallNanos="
            + wall
            + " cpuNanos="
            + cpu
            + " threadCpuNanos="
            + threadCpu);
    System.exit(exit);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
