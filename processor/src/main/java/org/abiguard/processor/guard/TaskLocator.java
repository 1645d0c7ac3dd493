package org.abiguard.processor.guard;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's own {@link ProcessingEnvironment} behind the one a processor is given. Build
 * tools and IDEs (Gradle's incremental processing, IntelliJ) hand processors a wrapper that
 * delegates to javac's; {@link JavacTask#instance} only accepts javac's. The wrapper is searched
 * by reflection: fields that hold a processing environment (e.g. {@code delegate},
 * {@code processingEnv}), and the invocation handler of a {@link Proxy}.
 */
final class TaskLocator {
  private static final String JAVAC_ENV = "com.sun.tools.javac.processing.JavacProcessingEnvironment";
  private static final int MAX_DEPTH = 4;

  private TaskLocator() {}

  /** javac's environment, the given one or one found inside it; null when there is none. */
  static ProcessingEnvironment javacEnvironment(ProcessingEnvironment env) {
    return find(env, 0, new IdentityHashMap<>());
  }

  /** The task of javac's environment, or null when javac refuses it. */
  static JavacTask task(ProcessingEnvironment javacEnv) {
    try {
      return JavacTask.instance(javacEnv);
    } catch (IllegalArgumentException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  private static ProcessingEnvironment find(Object o, int depth, Map<Object, Boolean> seen) {
    if (o == null || depth > MAX_DEPTH || seen.put(o, Boolean.TRUE) != null) {
      return null;
    }
    if (o instanceof ProcessingEnvironment env && isJavac(o.getClass())) {
      return env;
    }
    if (Proxy.isProxyClass(o.getClass())) {
      return find(Proxy.getInvocationHandler(o), depth + 1, seen);
    }
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType().isPrimitive() || f.getType() == String.class) {
          continue;
        }
        Object value;
        try {
          f.setAccessible(true);
          value = f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if (value instanceof ProcessingEnvironment || value != null && Proxy.isProxyClass(value.getClass())
            || value != null && looksLikeWrapper(f.getName())) {
          ProcessingEnvironment found = find(value, depth + 1, seen);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static boolean looksLikeWrapper(String fieldName) {
    String n = fieldName.toLowerCase();
    return n.contains("delegate") || n.contains("processingenv") || n.contains("env") || n.contains("wrapped");
  }

  private static boolean isJavac(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getName().equals(JAVAC_ENV)) {
        return true;
      }
    }
    return false;
  }
}
