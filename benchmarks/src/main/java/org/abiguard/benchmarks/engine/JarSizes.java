package org.abiguard.benchmarks.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.abiguard.processor.guard.FlowGuard;
import org.checkerframework.shaded.dataflow.cfg.builder.CFGBuilder;

/**
 * What shipping the Checker Framework engine would add to the processor jar: the jar (or the
 * part of a bigger jar) that holds {@code org/checkerframework/**}, against the processor jar
 * on the class path. dataflow-shaded declares no dependencies of its own, so it is all that
 * would have to be shaded. Also the classes of it that this JVM has loaded by the end of the
 * runs (through {@code ClassLoader.findLoadedClass}, which needs
 * {@code --add-opens java.base/java.lang}): a floor for what a minimized shade would keep.
 */
final class JarSizes {
  private JarSizes() {}

  static String describe() {
    try {
      Path processor = jarOf(FlowGuard.class);
      Path cf = jarOf(CFGBuilder.class);
      long[] cfPart = entries(cf, "org/checkerframework/");
      long[] used = loadedEntries(cf, "org/checkerframework/", CFGBuilder.class.getClassLoader());
      long[] processorAll = entries(processor, "");
      return String.format(Locale.ROOT,
          "processor jar %s: %,d bytes, %,d classes; Checker Framework dataflow-shaded in %s: %,d classes,"
              + " %,d bytes compressed (%,d uncompressed)%s; of these, loaded by the runs: %s",
          processor.getFileName(), Files.size(processor), processorAll[0], cf.getFileName(), cfPart[0], cfPart[1],
          cfPart[2], cf.getFileName().toString().startsWith("dataflow-shaded") ? ", jar file " + String.format(Locale.ROOT, "%,d", Files.size(cf)) + " bytes" : "",
          used == null ? "unknown (run with --add-opens java.base/java.lang=ALL-UNNAMED)"
              : String.format(Locale.ROOT, "%,d classes, %,d bytes compressed", used[0], used[1]));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "jar sizes unavailable: " + e;
    }
  }

  /** Classes under {@code prefix} that {@code loader} has loaded, and their compressed bytes; null if unknown. */
  private static long[] loadedEntries(Path jar, String prefix, ClassLoader loader) throws IOException {
    java.lang.reflect.Method find;
    try {
      find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
      find.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    long[] r = new long[2];
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (!name.startsWith(prefix) || !name.endsWith(".class")) {
          continue;
        }
        try {
          if (find.invoke(loader, name.substring(0, name.length() - 6).replace('/', '.')) != null) {
            r[0]++;
            r[1] += e.getCompressedSize();
          }
        } catch (ReflectiveOperationException ex) {
          return null;
        }
      }
    }
    return r;
  }

  private static Path jarOf(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Classes, compressed bytes and uncompressed bytes of the entries under {@code prefix}. */
  private static long[] entries(Path jar, String prefix) throws IOException {
    long[] r = new long[3];
    if (!Files.isRegularFile(jar)) {
      return r;
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (e.isDirectory() || !e.getName().startsWith(prefix)) {
          continue;
        }
        if (e.getName().endsWith(".class")) {
          r[0]++;
        }
        r[1] += e.getCompressedSize();
        r[2] += e.getSize();
      }
    }
    return r;
  }
}
