package org.abiguard.processor.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code @AbiStruct} or {@code @AbiUnion} type.
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
 * @param union whether the type mirrors a C union ({@code @AbiUnion}): every member at offset 0
 * @param pack {@code pack} of {@code @AbiStruct}/{@code @AbiUnion}: 0 natural, 1 packed, or the
 *     {@code #pragma pack} value 2, 4, 8 or 16
 * @param untagged C declares the type inline without a tag ({@code union { ... } u;}): C code
 *     reaches it only through the members that hold it
 * @param abis the ABI names of {@code abis} on {@code @AbiStruct}/{@code @AbiUnion}, as written:
 *     the only ABIs the mirror is for; empty for every ABI of the build
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
    List<FieldModel> fields,
    boolean union,
    int pack,
    boolean untagged,
    List<String> abis) {

  public StructModel {
    fields = List.copyOf(fields);
    abis = List.copyOf(abis);
  }

  /** A struct without packing. */
  public StructModel(
      String javaName,
      String packageName,
      String marshallerSimpleName,
      String cName,
      boolean typedef,
      Order order,
      int alignAtLeast,
      boolean record,
      List<FieldModel> fields) {
    this(
        javaName,
        packageName,
        marshallerSimpleName,
        cName,
        typedef,
        order,
        alignAtLeast,
        record,
        fields,
        false,
        0,
        false,
        List.of());
  }

  /** {@code struct} or {@code union}: the manifest's {@code kind}. */
  public String kind() {
    return union ? "union" : "struct";
  }

  /** The member with this Java name, or null. */
  public @Nullable FieldModel field(String javaName) {
    for (FieldModel f : fields) {
      if (f.javaName().equals(javaName)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The members through which the type can end in a flexible array: a struct's last member, every
   * member of a union (all of them start at 0); none when it has no members.
   */
  public List<FieldModel> tailMembers() {
    return union || fields.isEmpty() ? fields : List.of(fields.get(fields.size() - 1));
  }

  /** The simple binary-ish name relative to the package: {@code Outer.Foo}. */
  public String relativeName() {
    return packageName.isEmpty() ? javaName : javaName.substring(packageName.length() + 1);
  }

  /**
   * How C code names the type: {@code struct foo}, {@code union foo} or, for a typedef, {@code
   * foo}.
   */
  public String cTypeName() {
    return typedef ? cName : kind() + " " + cName;
  }
}
