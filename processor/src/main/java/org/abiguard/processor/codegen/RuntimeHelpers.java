package org.abiguard.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The small private static methods a marshaller calls: byte-order aware absolute gets and puts,
 * range, length and bounds checks, zeroing of padding. Only those a marshaller uses are written.
 */
final class RuntimeHelpers {
  static final ClassName RANGE_EXCEPTION = ClassName.get("org.abiguard", "AbiRangeException");

  /** One helper method. */
  enum Helper {
    CHECK_BOUNDS("checkBounds"),
    GET_SHORT("getShort"),
    GET_INT("getInt"),
    GET_LONG("getLong"),
    PUT_SHORT("putShort"),
    PUT_INT("putInt"),
    PUT_LONG("putLong"),
    CHECK_RANGE("checkRange"),
    CHECK_ELEMENT_RANGE("checkElementRange"),
    CHECK_LENGTH("checkLength"),
    CHECK_ELEMENT_NOT_NULL("checkElementNotNull"),
    ZERO("zero"),
    GET_BITS("getBits"),
    PUT_BITS("putBits"),
    FLEXIBLE_COUNT("flexibleCount"),
    FLEXIBLE_END("flexibleEnd"),
    CHECK_FLEXIBLE_LENGTH("checkFlexibleLength");

    private final String methodName;

    Helper(String methodName) {
      this.methodName = methodName;
    }
  }

  private final String cTypeName;
  private final Set<Helper> used = EnumSet.noneOf(Helper.class);

  /** @param cTypeName how C names the struct, for messages: {@code struct foo} */
  RuntimeHelpers(String cTypeName) {
    this.cTypeName = cTypeName;
  }

  /** Marks the helper as used and returns the name to call it by. */
  String use(Helper helper) {
    used.add(helper);
    return helper.methodName;
  }

  /** The get helper for a multi-byte integer of {@code bytes} bytes. */
  String get(int bytes) {
    return use(bytes == 2 ? Helper.GET_SHORT : bytes == 4 ? Helper.GET_INT : Helper.GET_LONG);
  }

  /** The put helper for a multi-byte integer of {@code bytes} bytes. */
  String put(int bytes) {
    return use(bytes == 2 ? Helper.PUT_SHORT : bytes == 4 ? Helper.PUT_INT : Helper.PUT_LONG);
  }

  /** The helpers used so far, in a fixed order. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Helper helper : used) {
      methods.add(build(helper));
    }
    return methods;
  }

  private MethodSpec build(Helper helper) {
    return switch (helper) {
      case CHECK_BOUNDS -> method(helper)
          .addJavadoc("Throws unless {@code size} bytes from {@code offset} lie within the buffer's limit.\n")
          .addParameter(ByteBuffer.class, "buf")
          .addParameter(int.class, "offset")
          .addParameter(int.class, "size")
          .addParameter(String.class, "abi")
          .beginControlFlow("if (offset < 0 || offset > buf.limit() - size)")
          .addStatement("throw new $T($S + abi + \", \" + size + \" bytes) at offset \" + offset\n"
                  + "+ \" does not fit in a buffer with limit \" + buf.limit())",
              IndexOutOfBoundsException.class, cTypeName + " (")
          .endControlFlow()
          .build();
      case GET_SHORT -> get(helper, TypeName.SHORT, "Short");
      case GET_INT -> get(helper, TypeName.INT, "Integer");
      case GET_LONG -> get(helper, TypeName.LONG, "Long");
      case PUT_SHORT -> put(helper, TypeName.SHORT, "Short");
      case PUT_INT -> put(helper, TypeName.INT, "Integer");
      case PUT_LONG -> put(helper, TypeName.LONG, "Long");
      case CHECK_RANGE -> method(helper)
          .addJavadoc("Throws unless {@code min <= value <= max}.\n")
          .addParameter(long.class, "value")
          .addParameter(long.class, "min")
          .addParameter(long.class, "max")
          .addParameter(String.class, "member")
          .addParameter(String.class, "width")
          .beginControlFlow("if (value < min || value > max)")
          .addStatement("throw new $T(member + \" = \" + value + \" does not fit \" + width"
              + " + \" (\" + min + \"..\" + max + \")\")", RANGE_EXCEPTION)
          .endControlFlow()
          .build();
      case CHECK_ELEMENT_RANGE -> method(helper)
          .addJavadoc("Throws unless {@code min <= value <= max} for element {@code index} of an array.\n")
          .addParameter(long.class, "value")
          .addParameter(long.class, "min")
          .addParameter(long.class, "max")
          .addParameter(String.class, "member")
          .addParameter(int.class, "index")
          .addParameter(String.class, "width")
          .beginControlFlow("if (value < min || value > max)")
          .addStatement("throw new $T(member + \"[\" + index + \"] = \" + value + \" does not fit \" + width"
              + " + \" (\" + min + \"..\" + max + \")\")", RANGE_EXCEPTION)
          .endControlFlow()
          .build();
      case CHECK_LENGTH -> method(helper)
          .addJavadoc("Throws unless an array has the length C declares.\n")
          .addParameter(int.class, "length")
          .addParameter(int.class, "expected")
          .addParameter(String.class, "member")
          .beginControlFlow("if (length != expected)")
          .addStatement("throw new $T(member + \" has \" + length + \" elements; C declares \" + expected)",
              IllegalArgumentException.class)
          .endControlFlow()
          .build();
      case CHECK_ELEMENT_NOT_NULL -> method(helper)
          .addJavadoc("Throws if element {@code index} of an array of structs is null.\n")
          .addParameter(Object.class, "element")
          .addParameter(String.class, "member")
          .addParameter(int.class, "index")
          .beginControlFlow("if (element == null)")
          .addStatement("throw new $T(member + \"[\" + index + \"] is null\")", NullPointerException.class)
          .endControlFlow()
          .build();
      case GET_BITS -> method(helper)
          .addJavadoc("The {@code bits}-bit field at bit {@code bitOffset} from {@code index}, byte by byte: bits\n"
              + "numbered from each byte's least significant bit, the value's lowest bit first, or (big-endian)\n"
              + "from the most significant bit, the value's highest bit first.\n")
          .returns(long.class)
          .addParameter(ByteBuffer.class, "buf")
          .addParameter(int.class, "index")
          .addParameter(int.class, "bitOffset")
          .addParameter(int.class, "bits")
          .addParameter(boolean.class, "bigEndian")
          .addStatement("long v = 0")
          .beginControlFlow("for (int k = 0; k < bits; k++)")
          .addStatement("int q = bitOffset + (bigEndian ? bits - 1 - k : k)")
          .addStatement("int b = buf.get(index + (q >>> 3))")
          .addStatement("int bit = bigEndian ? b >>> (7 - (q & 7)) & 1 : b >>> (q & 7) & 1")
          .addStatement("v |= (long) bit << k")
          .endControlFlow()
          .addStatement("return v")
          .build();
      case PUT_BITS -> method(helper)
          .addJavadoc("Puts the low {@code bits} bits of {@code value} as {@link #getBits} reads them, other bits\n"
              + "untouched.\n")
          .addParameter(ByteBuffer.class, "buf")
          .addParameter(int.class, "index")
          .addParameter(int.class, "bitOffset")
          .addParameter(int.class, "bits")
          .addParameter(boolean.class, "bigEndian")
          .addParameter(long.class, "value")
          .beginControlFlow("for (int k = 0; k < bits; k++)")
          .addStatement("int q = bitOffset + (bigEndian ? bits - 1 - k : k)")
          .addStatement("int mask = bigEndian ? 0x80 >>> (q & 7) : 1 << (q & 7)")
          .addStatement("int b = buf.get(index + (q >>> 3))")
          .addStatement("b = (value >>> k & 1) != 0 ? b | mask : b & ~mask")
          .addStatement("buf.put(index + (q >>> 3), (byte) b)")
          .endControlFlow()
          .build();
      case FLEXIBLE_COUNT -> method(helper)
          .addJavadoc("The number of elements of a flexible array starting at {@code index}; throws unless they all\n"
              + "lie within the buffer's limit.\n")
          .returns(int.class)
          .addParameter(ByteBuffer.class, "buf")
          .addParameter(int.class, "index")
          .addParameter(long.class, "count")
          .addParameter(int.class, "elementSize")
          .addParameter(String.class, "member")
          .beginControlFlow("if (count < 0 || count > (long) (buf.limit() - index) / elementSize)")
          .addStatement("throw new $T(member + \": \" + Long.toUnsignedString(count) + \" elements of \" + elementSize"
              + " + \" bytes from offset \" + index + \" do not fit in a buffer with limit \" + buf.limit())",
              IndexOutOfBoundsException.class)
          .endControlFlow()
          .addStatement("return (int) count")
          .build();
      case FLEXIBLE_END -> method(helper)
          .addJavadoc("The bytes a struct with {@code length} elements in its flexible array covers: {@code SIZE}, or\n"
              + "more when the elements end past it.\n")
          .returns(int.class)
          .addParameter(int.class, "size")
          .addParameter(int.class, "arrayOffset")
          .addParameter(int.class, "length")
          .addParameter(int.class, "elementSize")
          .addStatement("long end = Math.max(size, arrayOffset + (long) length * elementSize)")
          .beginControlFlow("if (end > Integer.MAX_VALUE)")
          .addStatement("throw new $T($S + length + \" elements do not fit in a ByteBuffer\")",
              IndexOutOfBoundsException.class, cTypeName + ": ")
          .endControlFlow()
          .addStatement("return (int) end")
          .build();
      case CHECK_FLEXIBLE_LENGTH -> method(helper)
          .addJavadoc("Throws unless a flexible array has as many elements as its count member says.\n")
          .addParameter(int.class, "length")
          .addParameter(long.class, "count")
          .addParameter(String.class, "member")
          .addParameter(String.class, "countMember")
          .beginControlFlow("if (length != count)")
          .addStatement("throw new $T(member + \" has \" + length + \" elements but \" + countMember + \" says \""
              + " + Long.toUnsignedString(count))", IllegalArgumentException.class)
          .endControlFlow()
          .build();
      case ZERO -> method(helper)
          .addJavadoc("Writes {@code count} zero bytes from {@code index}: padding.\n")
          .addParameter(ByteBuffer.class, "buf")
          .addParameter(int.class, "index")
          .addParameter(int.class, "count")
          .beginControlFlow("for (int i = 0; i < count; i++)")
          .addStatement("buf.put(index + i, (byte) 0)")
          .endControlFlow()
          .build();
    };
  }

  private static MethodSpec.Builder method(Helper helper) {
    return MethodSpec.methodBuilder(helper.methodName).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
  }

  private static MethodSpec get(Helper helper, TypeName type, String box) {
    return method(helper)
        .addJavadoc("The $L at {@code index}, its bytes reversed if {@code swap}.\n", type)
        .returns(type)
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "index")
        .addParameter(boolean.class, "swap")
        .addStatement("$T bits = buf.get$L(index)", type, box.equals("Integer") ? "Int" : box)
        .addStatement("return swap ? $L.reverseBytes(bits) : bits", box)
        .build();
  }

  private static MethodSpec put(Helper helper, TypeName type, String box) {
    return method(helper)
        .addJavadoc("Puts the $L at {@code index}, its bytes reversed if {@code swap}.\n", type)
        .addParameter(ByteBuffer.class, "buf")
        .addParameter(int.class, "index")
        .addParameter(type, "bits")
        .addParameter(boolean.class, "swap")
        .addStatement("buf.put$L(index, swap ? $L.reverseBytes(bits) : bits)",
            box.equals("Integer") ? "Int" : box, box)
        .build();
  }
}
