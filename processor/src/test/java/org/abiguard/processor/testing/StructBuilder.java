package org.abiguard.processor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * Builds {@link StructModel}s in tests without javac, in the shape the struct model would produce
 * for the corresponding annotated Java class.
 */
public final class StructBuilder {
  private final String javaName;
  private final String cName;
  private boolean typedef;
  private Order order = Order.LITTLE;
  private int alignAtLeast;
  private boolean union;
  private boolean untagged;
  private int pack;
  private final List<FieldModel> fields = new ArrayList<>();

  private StructBuilder(String javaName, String cName) {
    this.javaName = javaName;
    this.cName = cName;
  }

  /** {@code @AbiStruct(name = cName) class javaName}. */
  public static StructBuilder struct(String javaName, String cName) {
    return new StructBuilder(javaName, cName);
  }

  /** {@code @AbiUnion(name = cName) class javaName}. */
  public static StructBuilder union(String javaName, String cName) {
    StructBuilder b = new StructBuilder(javaName, cName);
    b.union = true;
    return b;
  }

  /** {@code untagged = true}: declared inline in C, without a tag. */
  public StructBuilder untagged() {
    untagged = true;
    return this;
  }

  /** {@code pack = n}. */
  public StructBuilder pack(int n) {
    pack = n;
    return this;
  }

  /** {@code @AbiBits(bits)} on a member of the declared integer type. */
  public StructBuilder bits(String name, MemberType declared, int bits) {
    fields.add(FieldModel.bitField(name, name, declared, bits, false));
    return this;
  }

  /** An unnamed bit-field, {@code @AbiBits(value = bits, unnamed = true)}, or zero-width for 0. */
  public StructBuilder unnamedBits(String javaName, MemberType declared, int bits) {
    fields.add(FieldModel.bitField(javaName, javaName, declared, bits, true));
    return this;
  }

  /** {@code @AbiAnonymous} member of the given struct or union type. */
  public StructBuilder anonymous(String javaName, String typeJavaName) {
    fields.add(FieldModel.anonymousMember(javaName, new MemberType.StructType(typeJavaName), 0));
    return this;
  }

  /** {@code @AbiFlexible(count = count)} array of the element type. */
  public StructBuilder flexible(String name, MemberType element, String count) {
    fields.add(FieldModel.flexibleArray(name, name, element, 0, count));
    return this;
  }

  /**
   * A flexible array of arrays, {@code element name[][perRow]}, counted in rows by {@code count}.
   */
  public StructBuilder flexibleRows(String name, MemberType element, int perRow, String count) {
    fields.add(
        FieldModel.flexibleArrayOf(
            name, name, new MemberType.ArrayType(0, element, List.of(0, perRow)), 0, count));
    return this;
  }

  /** {@code typedef = true}. */
  public StructBuilder typedef() {
    typedef = true;
    return this;
  }

  /** {@code order = Endian.BIG}. */
  public StructBuilder bigEndian() {
    order = Order.BIG;
    return this;
  }

  /** {@code @AbiAlign(bytes)} on the type. */
  public StructBuilder align(int bytes) {
    alignAtLeast = bytes;
    return this;
  }

  /** A member whose C name is its Java name. */
  public StructBuilder field(String name, MemberType type) {
    return field(name, name, type, 0);
  }

  /** A member with {@code @AbiName(cName)}. */
  public StructBuilder field(String javaName, String cName, MemberType type) {
    return field(javaName, cName, type, 0);
  }

  /** A member with {@code @AbiAlign(alignAtLeast)}. */
  public StructBuilder aligned(String name, MemberType type, int alignAtLeast) {
    return field(name, name, type, alignAtLeast);
  }

  /** A member with everything explicit. */
  public StructBuilder field(String javaName, String cName, MemberType type, int alignAtLeast) {
    fields.add(new FieldModel(javaName, cName, type, alignAtLeast));
    return this;
  }

  public StructModel build() {
    int dot = javaName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : javaName.substring(0, dot);
    String simple = dot < 0 ? javaName : javaName.substring(dot + 1);
    return new StructModel(
        javaName,
        pkg,
        simple + "Marshaller",
        cName,
        typedef,
        order,
        alignAtLeast,
        false,
        fields,
        union,
        pack,
        untagged,
        List.of());
  }

  // ---- member types, named as the annotations that declare them ----

  public static MemberType u8() {
    return new MemberType.IntType(Width.U8, false, JavaKind.INT);
  }

  public static MemberType u16() {
    return new MemberType.IntType(Width.U16, false, JavaKind.INT);
  }

  public static MemberType u32() {
    return new MemberType.IntType(Width.U32, false, JavaKind.LONG);
  }

  public static MemberType u64() {
    return new MemberType.IntType(Width.U64, false, JavaKind.LONG);
  }

  public static MemberType s8() {
    return new MemberType.IntType(Width.S8, false, JavaKind.BYTE);
  }

  public static MemberType s16() {
    return new MemberType.IntType(Width.S16, false, JavaKind.SHORT);
  }

  public static MemberType s32() {
    return new MemberType.IntType(Width.S32, false, JavaKind.INT);
  }

  public static MemberType s64() {
    return new MemberType.IntType(Width.S64, false, JavaKind.LONG);
  }

  /** {@code @NativeLong}. */
  public static MemberType nativeLong() {
    return new MemberType.IntType(Width.U64, true, JavaKind.LONG);
  }

  /** {@code @NativeLong(signed = true)}. */
  public static MemberType signedNativeLong() {
    return new MemberType.IntType(Width.S64, true, JavaKind.LONG);
  }

  /** {@code @Pointer}. */
  public static MemberType pointer() {
    return new MemberType.PointerType();
  }

  /** A nested {@code @AbiStruct} type. */
  public static MemberType struct(String javaName) {
    return new MemberType.StructType(javaName);
  }

  /** {@code @AbiArray(length)}. */
  public static MemberType array(int length, MemberType element) {
    return new MemberType.ArrayType(length, element);
  }

  /** A lookup over these models by Java name. */
  public static Function<String, StructModel> lookup(List<StructModel> models) {
    Map<String, StructModel> byName =
        models.stream().collect(Collectors.toMap(StructModel::javaName, m -> m));
    return byName::get;
  }
}
