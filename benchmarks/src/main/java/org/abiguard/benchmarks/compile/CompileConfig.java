package org.abiguard.benchmarks.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ways the harness compiles each input. */
enum CompileConfig {
  /** Plain javac: {@code -proc:none}. */
  PLAIN("javac -proc:none"),
  /**
   * javac with a processor that claims {@code "*"} and does nothing ({@link EmptyProcessor}): the
   * cost of javac's annotation-processing machinery alone, which any processor pays.
   */
  EMPTY("javac -processorpath empty-processor"),
  /**
   * Plain javac ({@code -proc:none}) over the input plus the marshallers abiguard generated for it
   * (copied from an abiguard run): what compiling the generated code costs by itself.
   */
  GENERATED("javac -proc:none + generated sources"),
  /**
   * javac with another abiguard processor jar on the processor path ({@code --baseline-processor},
   * e.g. an earlier commit's): before and after, side by side in one run.
   */
  BASELINE("javac -processorpath abiguard-baseline"),
  /** javac with abiguard on the processor path: struct stage and flow guard. */
  ABIGUARD("javac -processorpath abiguard");

  final String label;

  CompileConfig(String label) {
    this.label = label;
  }

  /** The options that select this configuration. */
  List<String> options(
      Path processorJar, Path baselineJar, Path emptyProcessor, List<String> processorOptions) {
    return switch (this) {
      case PLAIN, GENERATED -> List.of("-proc:none");
      case EMPTY -> List.of("-processorpath", String.valueOf(emptyProcessor));
      case ABIGUARD, BASELINE -> {
        Path jar = this == ABIGUARD ? processorJar : baselineJar;
        List<String> options = new ArrayList<>(List.of("-processorpath", String.valueOf(jar)));
        options.addAll(processorOptions);
        yield options;
      }
    };
  }
}
