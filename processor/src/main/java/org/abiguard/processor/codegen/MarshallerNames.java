package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import java.util.function.Function;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;

/**
 * Java names of mirrors and marshallers: {@code p.Outer.Foo} is mirrored by
 * {@code p.Outer_FooMarshaller}, whose ABI classes are {@code p.Outer_FooMarshaller.I386} etc.
 */
final class MarshallerNames {
  private final Function<String, StructModel> lookup;

  /** @param lookup canonical Java name → model, for nested structs */
  MarshallerNames(Function<String, StructModel> lookup) {
    this.lookup = lookup;
  }

  /** The Java mirror type, e.g. {@code p.Outer.Foo}. */
  ClassName mirror(StructModel struct) {
    String[] simpleNames = struct.relativeName().split("\\.");
    String[] nested = new String[simpleNames.length - 1];
    System.arraycopy(simpleNames, 1, nested, 0, nested.length);
    return ClassName.get(struct.packageName(), simpleNames[0], nested);
  }

  /** The Java mirror type of a nested struct member. */
  ClassName mirror(MemberType.StructType nested) {
    return mirror(model(nested));
  }

  /** The top-level marshaller, e.g. {@code p.Outer_FooMarshaller}. */
  ClassName marshaller(StructModel struct) {
    return ClassName.get(struct.packageName(), struct.marshallerSimpleName());
  }

  /** The marshaller's class for one ABI, e.g. {@code p.FooMarshaller.I386}. */
  ClassName abiClass(StructModel struct, TargetAbi abi) {
    return marshaller(struct).nestedClass(abi.className());
  }

  /** The ABI class of a nested struct member's marshaller. */
  ClassName abiClass(MemberType.StructType nested, TargetAbi abi) {
    return abiClass(model(nested), abi);
  }

  /** The model of a nested struct member's type. */
  StructModel model(MemberType.StructType nested) {
    StructModel model = lookup.apply(nested.javaName());
    if (model == null) {
      throw new IllegalArgumentException("unknown nested struct " + nested.javaName());
    }
    return model;
  }
}
