package org.abiguard.benchmarks.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * One body of code to compile in both configurations.
 *
 * @param name short name, used in tables and as a directory name
 * @param description what the code is, for the report
 * @param sources the source files
 * @param classpath the compile class path
 * @param options javac options both configurations share ({@code --release}, encoding...)
 * @param lines source lines, for the per-line figures
 */
public record CompileInput(
    String name,
    String description,
    List<Path> sources,
    List<Path> classpath,
    List<String> options,
    long lines) {}
