package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;

/** The classes of the annotations module that generated code calls. */
final class RuntimeTypes {
  /** {@code org.abiguard.AbiRuntime}: gets, puts and checks shared by every marshaller. */
  static final ClassName ABI_RUNTIME = ClassName.get("org.abiguard", "AbiRuntime");

  static final ClassName ABI_CODEC = ClassName.get("org.abiguard", "AbiCodec");
  static final ClassName RANGE_EXCEPTION = ClassName.get("org.abiguard", "AbiRangeException");

  private RuntimeTypes() {}
}
