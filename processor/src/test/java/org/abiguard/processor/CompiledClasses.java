package org.abiguard.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.abiguard.processor.Expected.Source;

/**
 * The class files and resources of a compile-testing compilation: written to a directory (to put
 * them on the class path of a later compilation) or loaded (to run generated code).
 */
public final class CompiledClasses {
  private static final String CLASS_OUTPUT = StandardLocation.CLASS_OUTPUT.getName() + "/";

  private CompiledClasses() {}

  /**
   * Compiles a library into {@code dir}: with abiguard and {@code options} (its marshallers
   * included) or with plain javac, as a library built without abiguard.
   */
  public static void compileLibrary(
      Path dir, boolean withAbiguard, List<String> options, Source... sources) {
    Compiler javac =
        withAbiguard ? Compile.compiler(options) : Compiler.javac().withOptions(options);
    Compilation c = javac.compile(Compile.files(sources));
    if (c.status() != Compilation.Status.SUCCESS) {
      throw new IllegalStateException("library did not compile: " + c.diagnostics());
    }
    classFiles(c)
        .forEach(
            (name, bytes) -> {
              try {
                Path file = dir.resolve(name.replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The test JVM's class path (annotations, JDK libraries...) followed by {@code extra}. */
  public static List<File> classPathWith(Path extra) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    path.add(extra.toFile());
    return path;
  }

  /** The C assertions the compilation wrote ({@code META-INF/abiguard/abi-asserts.h}). */
  public static String abiAsserts(Compilation c) {
    return resource(c, "META-INF/abiguard/abi-asserts.h")
        .orElseThrow(() -> new AssertionError("no META-INF/abiguard/abi-asserts.h was written"));
  }

  /** A resource the compilation wrote to the class output, e.g. the manifest. */
  public static Optional<String> resource(Compilation c, String path) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .map(
            f -> {
              try {
                return f.getCharContent(true).toString();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** How many files the compilation wrote under this class-output path (to prove "once"). */
  public static long count(Compilation c, String path) {
    return c.generatedFiles().stream()
        .filter(f -> f.toUri().getPath().endsWith("/" + path))
        .count();
  }

  /**
   * A loader of the compilation's classes, with {@code libraryDirs} (class directories) behind
   * them.
   */
  public static ClassLoader loader(Compilation c, Path... libraryDirs) {
    URL[] urls = new URL[libraryDirs.length];
    for (int i = 0; i < libraryDirs.length; i++) {
      try {
        urls[i] = libraryDirs[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    Map<String, byte[]> classes = classFiles(c);
    return new ClassLoader(new URLClassLoader(urls, CompiledClasses.class.getClassLoader())) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** Binary class name → bytes. */
  private static Map<String, byte[]> classFiles(Compilation c) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      int at = path.indexOf(CLASS_OUTPUT);
      if (f.getKind() != JavaFileObject.Kind.CLASS || at < 0) {
        continue;
      }
      String name =
          path.substring(at + CLASS_OUTPUT.length(), path.length() - ".class".length())
              .replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }
}
