package org.abiguard.processor.layout;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.MemberType.ArrayType;
import org.abiguard.processor.model.MemberType.IntType;
import org.abiguard.processor.model.MemberType.PointerType;
import org.abiguard.processor.model.MemberType.StructType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Applies the C layout rules of a target ABI to a struct model. Plain Java, no javac.
 *
 * <p>The rules are those every C compiler of the three ABIs applies to structs without packing:
 *
 * <ul>
 *   <li>an integer of n bytes has size n and alignment n, except 8-byte integers inside
 *       structs on i386 (System V), which align to 4 ({@link TargetAbi#int64Align()});
 *   <li>{@code @NativeLong} is C {@code long} ({@link TargetAbi#longBytes()}), {@code @Pointer}
 *       a pointer ({@link TargetAbi#pointerBytes()}), both aligned to their size;
 *   <li>an array has the element's alignment and {@code length} times its size;
 *   <li>a nested struct has its own size and alignment, laid out recursively;
 *   <li>{@code @AbiAlign(n)} raises (never lowers) the alignment of a member or a struct;
 *   <li>each member starts at the next multiple of its alignment; the struct's alignment is
 *       the largest of its members' (and its own {@code @AbiAlign}); its size is rounded up to
 *       a multiple of that alignment (tail padding).
 * </ul>
 *
 * <p>Layouts are cached per struct and ABI, so an engine can serve a whole compilation.
 */
public final class LayoutEngine {
  private final Function<String, StructModel> lookup;
  private final Map<TargetAbi, Map<String, StructLayout>> cache = new EnumMap<>(TargetAbi.class);

  /** @param lookup canonical Java name of an {@code @AbiStruct} type → its model, or null if unknown */
  public LayoutEngine(Function<String, StructModel> lookup) {
    this.lookup = lookup;
  }

  /**
   * The struct's layout on {@code abi}.
   *
   * @throws LayoutException when it cannot be laid out (no members, unknown nested struct,
   *     nesting cycle, alignment not a power of two, array length below 1, two members with
   *     one C name, size overflow)
   */
  public StructLayout layout(StructModel struct, TargetAbi abi) {
    return layout(struct, abi, new LinkedHashSet<>());
  }

  private StructLayout layout(StructModel struct, TargetAbi abi, LinkedHashSet<String> enclosing) {
    Map<String, StructLayout> done = cache.computeIfAbsent(abi, a -> new HashMap<>());
    StructLayout cached = done.get(struct.javaName());
    if (cached != null && cached.struct().equals(struct)) {
      return cached;
    }
    if (!enclosing.add(struct.javaName())) {
      List<String> chain = new ArrayList<>(enclosing);
      List<String> cycle = chain.subList(chain.indexOf(struct.javaName()), chain.size());
      throw new LayoutException("struct " + struct.javaName() + " contains itself: "
          + String.join(" → ", cycle) + " → " + struct.javaName()
          + "; C cannot lay out a struct nested in itself (use a @Pointer member instead)");
    }
    try {
      StructLayout result = computeLayout(struct, abi, enclosing);
      done.put(struct.javaName(), result);
      return result;
    } finally {
      enclosing.remove(struct.javaName());
    }
  }

  private StructLayout computeLayout(StructModel struct, TargetAbi abi, LinkedHashSet<String> enclosing) {
    if (struct.fields().isEmpty()) {
      throw new LayoutException("struct " + struct.javaName() + " (" + struct.cTypeName()
          + ") has no members; C forbids empty structs, so there is no layout to mirror");
    }
    int structAlign = 1;
    if (struct.alignAtLeast() != 0) {
      structAlign = checkedAlignment(struct.alignAtLeast(), "@AbiAlign on struct " + struct.javaName());
    }
    Set<String> cNames = new HashSet<>();
    List<FieldLayout> fields = new ArrayList<>();
    long offset = 0;
    for (FieldModel field : struct.fields()) {
      String where = struct.javaName() + "." + field.javaName();
      if (!cNames.add(field.cName())) {
        throw new LayoutException("member " + where + " has the C name '" + field.cName()
            + "' of an earlier member; C struct members need distinct names (fix @AbiName)");
      }
      Shape shape = shapeOf(field.type(), abi, where, enclosing);
      int align = shape.align();
      if (field.alignAtLeast() != 0) {
        align = Math.max(align, checkedAlignment(field.alignAtLeast(), "@AbiAlign on member " + where));
      }
      offset = alignUp(offset, align);
      boolean isArray = field.type() instanceof ArrayType;
      fields.add(new FieldLayout(field, (int) offset, shape.size(), align, shape.elementSize(),
          isArray ? shape.elementAlign() : align, shape.width()));
      offset = checkedSize(offset + shape.size(), struct.javaName());
      structAlign = Math.max(structAlign, align);
    }
    int size = (int) checkedSize(alignUp(offset, structAlign), struct.javaName());
    return new StructLayout(struct, abi, size, structAlign, fields);
  }

  /** Size, alignment and C width of one member type, before any {@code @AbiAlign} on the member. */
  private record Shape(
      int size, int align, int elementSize, int elementAlign, @Nullable Width width) {
    static Shape scalar(int size, int align, @Nullable Width width) {
      return new Shape(size, align, size, align, width);
    }
  }

  private Shape shapeOf(MemberType type, TargetAbi abi, String where, LinkedHashSet<String> enclosing) {
    if (type instanceof IntType t) {
      Width width = t.nativeLong() ? new Width(abi.longBytes() * 8, t.width().signed()) : t.width();
      if (!Width.isValidBits(width.bits())) {
        throw new LayoutException("member " + where + " has C width of " + width.bits()
            + " bits; only 8, 16, 32 and 64 exist");
      }
      int bytes = width.bytes();
      return Shape.scalar(bytes, bytes == 8 ? abi.int64Align() : bytes, width);
    }
    if (type instanceof PointerType) {
      int bytes = abi.pointerBytes();
      return Shape.scalar(bytes, bytes, new Width(bytes * 8, false));
    }
    if (type instanceof StructType t) {
      StructModel nested = lookup.apply(t.javaName());
      if (nested == null) {
        throw new LayoutException("member " + where + " has type " + t.javaName()
            + ", which is not a known @AbiStruct type; annotate it with @AbiStruct");
      }
      StructLayout inner = layout(nested, abi, enclosing);
      return Shape.scalar(inner.size(), inner.align(), null);
    }
    ArrayType array = (ArrayType) type;
    if (array.length() < 1) {
      throw new LayoutException("member " + where + " is an array of length " + array.length()
          + "; @AbiArray needs a length of at least 1");
    }
    if (array.element() instanceof ArrayType) {
      throw new LayoutException("member " + where + " is an array of arrays; mirror the inner array as an @AbiStruct");
    }
    Shape element = shapeOf(array.element(), abi, where, enclosing);
    long size = checkedSize((long) element.size() * array.length(), where);
    return new Shape((int) size, element.align(), element.size(), element.align(), element.width());
  }

  private static int checkedAlignment(int bytes, String what) {
    if (bytes <= 0 || Integer.bitCount(bytes) != 1) {
      throw new LayoutException(what + " is " + bytes + "; an alignment must be a power of two (1, 2, 4, 8, ...)");
    }
    return bytes;
  }

  private static long checkedSize(long size, String what) {
    if (size > Integer.MAX_VALUE) {
      throw new LayoutException(what + " would be " + size + " bytes, larger than a Java buffer can hold");
    }
    return size;
  }

  private static long alignUp(long offset, int align) {
    return (offset + align - 1) / align * align;
  }
}
