package org.abiguard.processor.model;

import java.util.List;

/**
 * A validated {@code @AbiStruct} type.
 *
 * @param javaName canonical name, e.g. {@code p.Outer.Foo}
 * @param packageName the package, e.g. {@code p} (empty for the unnamed package)
 * @param marshallerSimpleName e.g. {@code FooMarshaller} or {@code Outer_FooMarshaller}
 * @param cName the C struct or typedef name
 * @param typedef whether {@code cName} is a typedef name
 * @param order the byte order of its members
 * @param alignAtLeast {@code @AbiAlign} on the type, or 0
 * @param record whether the Java type is a record (built through its canonical constructor)
 * @param fields the members in declaration order
 */
public record StructModel(
    String javaName,
    String packageName,
    String marshallerSimpleName,
    String cName,
    boolean typedef,
    Order order,
    int alignAtLeast,
    boolean record,
    List<FieldModel> fields) {

  public StructModel {
    fields = List.copyOf(fields);
  }

  /** The simple binary-ish name relative to the package: {@code Outer.Foo}. */
  public String relativeName() {
    return packageName.isEmpty() ? javaName : javaName.substring(packageName.length() + 1);
  }

  /** How C code names the type: {@code struct foo} or, for a typedef, {@code foo}. */
  public String cTypeName() {
    return typedef ? cName : "struct " + cName;
  }
}
