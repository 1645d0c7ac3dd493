package org.abiguard.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.abiguard.AbiCodec;
import org.abiguard.processor.CompiledClasses;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;

/**
 * Generates the marshallers of fixture structs, compiles them with their mirrors (asserting no
 * warning under {@code -Xlint:all}), loads the classes and gives tests reflective access to mirrors
 * and typed access to the generated codecs.
 */
final class LoadedMarshallers {
  private final Map<String, StructModel> structs = new LinkedHashMap<>();
  private final Map<String, String> sources = new HashMap<>();
  private final ClassLoader loader;
  private final FixtureLayouts layouts;

  private LoadedMarshallers(List<StructModel> models, List<TargetAbi> abis, List<String> options) {
    for (StructModel struct : models) {
      structs.put(struct.javaName(), struct);
    }
    layouts = new FixtureLayouts(structs);
    MarshallerGenerator generator =
        new MarshallerGenerator(
            options.contains("--release")
                && Integer.parseInt(options.get(options.indexOf("--release") + 1)) >= 22);
    List<JavaFileObject> files = new ArrayList<>(MirrorSources.of(models));
    for (StructModel struct : models) {
      JavaFile file = generator.generate(struct, layouts.layouts(struct, abis), structs::get);
      String name = qualified(struct, struct.marshallerSimpleName());
      sources.put(struct.javaName(), SourceText.of(file));
      files.add(JavaFileObjects.forSourceString(name, SourceText.of(file)));
    }
    Compilation compilation = Compiler.javac().withOptions(options.toArray()).compile(files);
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
  }

  /** Compiles the structs' marshallers for {@code abis} with {@code -Xlint:all -Werror}. */
  static LoadedMarshallers compile(List<TargetAbi> abis, StructModel... models) {
    return new LoadedMarshallers(List.of(models), abis, List.of("-Xlint:all", "-Werror"));
  }

  /**
   * Compiles the structs' marshallers for {@code abis} with the given javac options, asserting no
   * warning; with {@code --release 22} or later the marshallers have their {@code MemorySegment}
   * methods and {@code LAYOUT}.
   */
  static LoadedMarshallers compile(
      List<TargetAbi> abis, List<String> options, StructModel... models) {
    return new LoadedMarshallers(List.of(models), abis, options);
  }

  /** Compiles for x86_64 and i386. */
  static LoadedMarshallers compile(StructModel... models) {
    return compile(List.of(TargetAbi.X86_64, TargetAbi.I386), models);
  }

  /** The layout the marshaller was generated from. */
  StructLayout layout(StructModel struct, TargetAbi abi) {
    return layouts.layout(struct, abi);
  }

  /** The generated source of the struct's marshaller. */
  String source(StructModel struct) {
    return sources.get(struct.javaName());
  }

  Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  Class<?> marshaller(StructModel struct) {
    return load(qualified(struct, struct.marshallerSimpleName()));
  }

  Class<?> mirror(StructModel struct) {
    String relative = struct.relativeName().replace('.', '$');
    return load(qualified(struct, relative));
  }

  /** {@code FooMarshaller.codec(abi)}. */
  @SuppressWarnings("unchecked")
  AbiCodec<Object> codec(StructModel struct, String abi) {
    return (AbiCodec<Object>)
        invoke(marshaller(struct), "codec", new Class<?>[] {String.class}, abi);
  }

  /** An integer constant of the marshaller or of one of its ABI classes ({@code "I386"}). */
  int constant(StructModel struct, String abiClass, String name) {
    try {
      Class<?> type =
          abiClass == null
              ? marshaller(struct)
              : load(marshaller(struct).getName() + "$" + abiClass);
      return type.getField(name).getInt(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls a public static method; an exception it throws is rethrown as it is. */
  static Object invoke(Class<?> type, String name, Class<?>[] parameters, Object... args) {
    try {
      Method method = type.getMethod(name, parameters);
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A mirror object with the given member values (boxed as the Java type: {@code Integer} for
   * {@code int}; primitive arrays; {@code Map}s for nested structs; {@code List}s of maps for
   * arrays of structs). Missing members are zero (nested structs and arrays: zero-filled).
   */
  Object newMirror(StructModel struct, Map<String, ?> values) {
    Class<?> type = mirror(struct);
    try {
      if (struct.record()) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
          FieldModel field = struct.fields().get(i);
          types[i] = components[i].getType();
          args[i] = memberValue(field, types[i], values.get(field.javaName()));
        }
        return type.getDeclaredConstructor(types).newInstance(args);
      }
      Object mirror = type.getDeclaredConstructor().newInstance();
      for (FieldModel field : struct.fields()) {
        Field javaField = type.getDeclaredField(field.javaName());
        javaField.setAccessible(true);
        javaField.set(
            mirror, memberValue(field, javaField.getType(), values.get(field.javaName())));
      }
      return mirror;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Object memberValue(FieldModel field, Class<?> javaType, Object given) {
    MemberType type = field.type();
    if (type instanceof MemberType.StructType nested) {
      return given == null || given instanceof Map<?, ?>
          ? newMirror(
              structs.get(nested.javaName()), given == null ? Map.of() : (Map<String, ?>) given)
          : given;
    }
    if (type instanceof MemberType.ArrayType array) {
      if (given != null && !(given instanceof List<?>)) {
        return given;
      }
      Object result = Array.newInstance(javaType.getComponentType(), array.length());
      if (array.element() instanceof MemberType.StructType nested) {
        for (int i = 0; i < array.length(); i++) {
          Object element = given == null ? Map.of() : ((List<?>) given).get(i);
          Array.set(
              result,
              i,
              element instanceof Map<?, ?> map
                  ? newMirror(structs.get(nested.javaName()), (Map<String, ?>) map)
                  : element);
        }
      }
      return result;
    }
    return given != null ? given : Array.get(Array.newInstance(javaType, 1), 0);
  }

  /**
   * The members of a mirror as a map: scalars boxed, arrays as lists, nested structs as maps; equal
   * maps mean equal contents.
   */
  Map<String, Object> toMap(StructModel struct, Object mirror) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      for (FieldModel field : struct.fields()) {
        Object value;
        if (struct.record()) {
          value = mirror.getClass().getMethod(field.javaName()).invoke(mirror);
        } else {
          Field javaField = mirror.getClass().getDeclaredField(field.javaName());
          javaField.setAccessible(true);
          value = javaField.get(mirror);
        }
        out.put(field.javaName(), describe(field.type(), value));
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private Object describe(MemberType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof MemberType.StructType nested) {
      return toMap(structs.get(nested.javaName()), value);
    }
    if (type instanceof MemberType.ArrayType array) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(describe(array.element(), Array.get(value, i)));
      }
      return elements;
    }
    return value;
  }

  private static String qualified(StructModel struct, String name) {
    return struct.packageName().isEmpty() ? name : struct.packageName() + "." + name;
  }
}
