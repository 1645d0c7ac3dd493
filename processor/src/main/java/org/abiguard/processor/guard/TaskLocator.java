package org.abiguard.processor.guard;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Finds javac's own {@link ProcessingEnvironment} behind the one a processor is given. Build tools
 * and IDEs (Gradle's incremental processing, IntelliJ) hand processors a wrapper that delegates to
 * javac's; {@link JavacTask#instance} only accepts javac's. The wrapper is searched by reflection:
 * fields that hold a processing environment (e.g. {@code delegate}, {@code processingEnv}), and the
 * invocation handler of a {@link Proxy}.
 */
final class TaskLocator {
  private static final String JAVAC_ENV =
      "com.sun.tools.javac.processing.JavacProcessingEnvironment";
  private static final int MAX_DEPTH = 4;

  private TaskLocator() {}

  /** javac's environment, the given one or one found inside it; null when there is none. */
  static @Nullable ProcessingEnvironment javacEnvironment(ProcessingEnvironment env) {
    return find(env, 0, new IdentityHashMap<>());
  }

  /** The task of javac's environment, or null when javac refuses it. */
  static @Nullable JavacTask task(ProcessingEnvironment javacEnv) {
    try {
      return JavacTask.instance(javacEnv);
    } catch (IllegalArgumentException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  private static @Nullable ProcessingEnvironment find(
      @Nullable Object candidate, int depth, Map<Object, Boolean> seen) {
    if (candidate == null || depth > MAX_DEPTH || seen.put(candidate, Boolean.TRUE) != null) {
      return null;
    }
    if (candidate instanceof ProcessingEnvironment env && isJavac(candidate.getClass())) {
      return env;
    }
    if (Proxy.isProxyClass(candidate.getClass())) {
      return find(Proxy.getInvocationHandler(candidate), depth + 1, seen);
    }
    for (Class<?> type = candidate.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType().isPrimitive() || field.getType() == String.class) {
          continue;
        }
        Object value;
        try {
          field.setAccessible(true);
          value = field.get(candidate);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if (value instanceof ProcessingEnvironment
            || (value != null && Proxy.isProxyClass(value.getClass()))
            || (value != null && looksLikeWrapper(field.getName()))) {
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
    String name = fieldName.toLowerCase(Locale.ROOT);
    return name.contains("delegate")
        || name.contains("processingenv")
        || name.contains("env")
        || name.contains("wrapped");
  }

  private static boolean isJavac(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      if (current.getName().equals(JAVAC_ENV)) {
        return true;
      }
    }
    return false;
  }
}
