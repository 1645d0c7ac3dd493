package org.abiguard.processor.codegen;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Reflective access to generated mirrors and marshallers, shared by the codegen tests. */
final class Reflection {
  private Reflection() {}

  /** Sets a (possibly non-public) field. */
  static void set(Object target, String field, Object value) throws Exception {
    var f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  /** A field's value, or a record component's through its accessor. */
  static Object get(Object target, String field) throws Exception {
    if (target.getClass().isRecord()) {
      return target.getClass().getMethod(field).invoke(target);
    }
    var f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(target);
  }

  /** A public static method by name and argument types; its exception rethrown as it is. */
  static Object call(Class<?> type, String method, Object... args) throws Throwable {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length && accepts(m, args)) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError(
        "no " + type.getName() + "." + method + " for " + Arrays.toString(args));
  }

  private static boolean accepts(Method m, Object[] args) {
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      Class<?> t =
          types[i].isPrimitive() ? (types[i] == int.class ? Integer.class : Long.class) : types[i];
      if (args[i] != null && !t.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }
}
