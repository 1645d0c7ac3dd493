package org.abiguard.benchmarks.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two ways the harness compiles each input. */
enum CompileConfig {
  /** Plain javac: {@code -proc:none}. */
  PLAIN("javac -proc:none"),
  /** javac with abiguard on the processor path: struct stage and flow guard. */
  ABIGUARD("javac -processorpath abiguard");

  final String label;

  CompileConfig(String label) {
    this.label = label;
  }

  /** The options that select this configuration. */
  List<String> options(Path processorJar, List<String> processorOptions) {
    if (this == PLAIN) {
      return List.of("-proc:none");
    }
    List<String> options = new ArrayList<>(List.of("-processorpath", processorJar.toString()));
    options.addAll(processorOptions);
    return options;
  }
}
