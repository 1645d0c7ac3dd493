package org.abiguard.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the javac thread spends an abiguard compilation, from the execution samples of a JDK Flight
 * Recorder recording: each sample of the thread that ran javac counts for the flow guard if a frame
 * of {@code org.abiguard.processor.guard} is on its stack, else for the rest of the processor
 * (struct stage: model, layout, code generation, manifest) if a frame of {@code
 * org.abiguard.processor} is, else for javac itself (which includes compiling the generated
 * sources).
 */
final class Profile {
  private static final String PROCESSOR = "org.abiguard.processor.";
  private static final String GUARD = "org.abiguard.processor.guard.";
  private static final String SAMPLE = "jdk.ExecutionSample";

  /**
   * A recording configuration with execution samples every millisecond and nothing else: the
   * built-in ones sample every 10 or 20 ms, too few for a processor's share of a few percent.
   */
  private static final String SETTINGS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration version="2.0" label="abiguard harness" description="execution samples, 1 ms">
        <event name="jdk.ExecutionSample">
          <setting name="enabled">true</setting>
          <setting name="period">1 ms</setting>
        </event>
      </configuration>
      """;

  /** Writes {@link #SETTINGS} under {@code work} and returns its path. */
  static Path settings(Path work) throws IOException {
    Path file = work.resolve("profile-1ms.jfc");
    Files.writeString(file, SETTINGS, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The JVM options that record a profile to {@code file} with {@code settings}, with stacks deep
   * enough for javac.
   */
  static List<String> jvmOptions(Path file, Path settings) {
    return List.of(
        "-XX:FlightRecorderOptions:stackdepth=2048",
        "-XX:StartFlightRecording=settings=" + settings + ",filename=" + file);
  }

  /**
   * The split of one recording.
   *
   * @param samples samples of the javac thread
   * @param guard of those, in the flow guard
   * @param structStage in the rest of the processor
   * @param hotFrames the processor methods most often innermost on the stack, with counts
   */
  record Split(
      int samples, int guard, int structStage, List<Map.Entry<String, Integer>> hotFrames) {
    int javac() {
      return samples - guard - structStage;
    }
  }

  private Profile() {}

  /** Reads {@code recording}; {@code thread} is the name of the thread that ran javac. */
  static Split read(Path recording, String thread) throws IOException {
    int samples = 0;
    int guard = 0;
    int structStage = 0;
    Map<String, Integer> innermost = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals(SAMPLE)) {
        continue;
      }
      RecordedThread sampled = event.getThread("sampledThread");
      RecordedStackTrace stack = event.getStackTrace();
      if (sampled == null || stack == null || !thread.equals(sampled.getJavaName())) {
        continue;
      }
      samples++;
      String first = null;
      boolean inGuard = false;
      for (RecordedFrame frame : stack.getFrames()) {
        if (!frame.isJavaFrame()) {
          continue;
        }
        String type = frame.getMethod().getType().getName();
        if (type.startsWith(PROCESSOR)) {
          if (first == null) {
            first = type + "." + frame.getMethod().getName();
          }
          inGuard |= type.startsWith(GUARD);
        }
      }
      if (first != null) {
        innermost.merge(first, 1, Integer::sum);
        if (inGuard) {
          guard++;
        } else {
          structStage++;
        }
      }
    }
    List<Map.Entry<String, Integer>> hot =
        innermost.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
            .limit(8)
            .map(e -> Map.entry(e.getKey().substring(PROCESSOR.length()), e.getValue()))
            .toList();
    return new Split(samples, guard, structStage, hot);
  }
}
