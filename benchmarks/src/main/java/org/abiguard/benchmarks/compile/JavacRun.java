package org.abiguard.benchmarks.compile;

import java.lang.management.ManagementFactory;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The child process of one measured compilation: runs the JDK's javac in this fresh JVM (the
 * same entry point as the {@code javac} launcher) with the given arguments, its diagnostics
 * going to standard error, then prints one result line on standard output:
 * {@code exit=<code> wallNanos=<n> cpuNanos=<n>}, where CPU time is this process's, JVM
 * start-up included.
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
    long start = System.nanoTime();
    int exit = javac.run(null, null, null, args);
    long wall = System.nanoTime() - start;
    long cpu = processCpuNanos();
    System.out.println(RESULT + " exit=" + exit + " wallNanos=" + wall + " cpuNanos=" + cpu);
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
