package org.abiguard.benchmarks.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ways the harness compiles each input. */
enum CompileConfig {
  /** Plain javac: {@code -proc:none}. */
  PLAIN("javac -proc:none"),
  /**
   * javac with a processor that claims {@code "*"} and does nothing ({@link HarnessProcessors}):
   * the cost of javac's annotation-processing machinery alone, which any processor pays.
   */
  EMPTY("javac -processorpath empty-processor"),
  /**
   * javac with a processor that writes, through the {@code Filer}, the sources abiguard generated
   * for the input and does nothing else ({@link HarnessProcessors}): the machinery, the Filer, the
   * extra round and compiling the generated code, what any processor that writes those files pays.
   */
  REPLAY("javac -processorpath replay-processor"),
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
      Path processorJar,
      Path baselineJar,
      Path emptyProcessor,
      Path replayProcessor,
      List<String> processorOptions) {
    return switch (this) {
      case PLAIN, GENERATED -> List.of("-proc:none");
      case EMPTY -> List.of("-processorpath", String.valueOf(emptyProcessor));
      case REPLAY -> List.of("-processorpath", String.valueOf(replayProcessor));
      case ABIGUARD, BASELINE -> {
        Path jar = this == ABIGUARD ? processorJar : baselineJar;
        List<String> options = new ArrayList<>(List.of("-processorpath", String.valueOf(jar)));
        options.addAll(processorOptions);
        yield options;
      }
    };
  }
}
