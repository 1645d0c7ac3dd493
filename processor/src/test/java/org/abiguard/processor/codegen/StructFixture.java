package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/** Builds {@link StructModel}s for generator tests, as the struct stage would. */
final class StructFixture {
  private final String packageName;
  private final String relativeName;
  private String cName;
  private Order order = Order.LITTLE;
  private boolean record;
  private boolean typedef;
  private int alignAtLeast;
  private final List<FieldModel> fields = new ArrayList<>();

  private StructFixture(String packageName, String relativeName) {
    this.packageName = packageName;
    this.relativeName = relativeName;
    this.cName = relativeName.substring(relativeName.lastIndexOf('.') + 1);
  }

  /**
   * A struct mirrored by {@code relativeName} ({@code Foo} or {@code Outer.Foo}) in package {@code
   * p}.
   */
  static StructFixture struct(String relativeName) {
    return new StructFixture("p", relativeName);
  }

  /** A struct mirrored by {@code relativeName} in {@code packageName}. */
  static StructFixture struct(String packageName, String relativeName) {
    return new StructFixture(packageName, relativeName);
  }

  StructFixture cName(String name) {
    this.cName = name;
    return this;
  }

  StructFixture typedef() {
    this.typedef = true;
    return this;
  }

  StructFixture bigEndian() {
    this.order = Order.BIG;
    return this;
  }

  StructFixture record() {
    this.record = true;
    return this;
  }

  StructFixture alignAtLeast(int bytes) {
    this.alignAtLeast = bytes;
    return this;
  }

  StructFixture integer(String name, Width width, JavaKind kind) {
    return field(name, name, new MemberType.IntType(width, false, kind), 0);
  }

  StructFixture nativeLong(String name, boolean signed) {
    return field(name, name, new MemberType.IntType(new Width(64, signed), true, JavaKind.LONG), 0);
  }

  StructFixture pointer(String name) {
    return field(name, name, new MemberType.PointerType(), 0);
  }

  StructFixture nested(String name, String structJavaName) {
    return field(name, name, new MemberType.StructType(structJavaName), 0);
  }

  StructFixture array(String name, int length, MemberType element) {
    return field(name, name, new MemberType.ArrayType(length, element), 0);
  }

  StructFixture field(String javaName, String cName, MemberType type, int align) {
    fields.add(new FieldModel(javaName, cName, type, align));
    return this;
  }

  StructModel build() {
    String javaName = packageName.isEmpty() ? relativeName : packageName + "." + relativeName;
    String marshaller = relativeName.replace('.', '_') + "Marshaller";
    return new StructModel(
        javaName, packageName, marshaller, cName, typedef, order, alignAtLeast, record, fields);
  }
}
