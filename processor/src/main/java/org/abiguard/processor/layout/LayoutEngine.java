package org.abiguard.processor.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.MemberType.ArrayType;
import org.abiguard.processor.model.MemberType.FloatType;
import org.abiguard.processor.model.MemberType.IntType;
import org.abiguard.processor.model.MemberType.PointerType;
import org.abiguard.processor.model.MemberType.StructType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Applies the C layout rules of a target ABI to a struct or union model, as gcc does. Plain Java,
 * no javac.
 *
 * <p>Ordinary members:
 *
 * <ul>
 *   <li>an integer of n bytes has size n and alignment n, except 8-byte integers inside structs on
 *       i386 (System V), which align to 4 ({@link TargetAbi#int64Align()});
 *   <li>{@code @NativeLong} is C {@code long} ({@link TargetAbi#longBytes()}), {@code @Pointer} a
 *       pointer ({@link TargetAbi#pointerBytes()}), both aligned to their size;
 *   <li>an array has the element's alignment and {@code length} times its size; a flexible array
 *       has size 0 and the element's alignment;
 *   <li>a nested struct or union (anonymous or not) has its own size and alignment;
 *   <li>{@code @AbiAlign(n)} raises (never lowers) the alignment of a member or a type;
 *   <li>{@code pack = 1} ({@code __attribute__((packed))}) lowers every member's alignment to 1,
 *       except where the member has its own {@code @AbiAlign}; {@code pack = N} ({@code #pragma
 *       pack(N)}) caps every member's alignment, {@code @AbiAlign} included, at N; neither caps the
 *       type's own {@code @AbiAlign};
 *   <li>in a struct each member starts at the next multiple of its alignment; in a union every
 *       member starts at 0. The type's alignment is the largest of its members' (and its own
 *       {@code @AbiAlign}); its size is rounded up to a multiple of that alignment.
 * </ul>
 *
 * <p>Bit-fields (gcc's {@code PCC_BITFIELD_TYPE_MATTERS} rules, the same on the three ABIs):
 *
 * <ul>
 *   <li>a bit-field follows the previous member at the next free bit; without packing, when it
 *       would span more units of its declared type's alignment than the type has, it moves to the
 *       next multiple of that alignment (so a bit-field never straddles its unit); with {@code
 *       pack} it never moves;
 *   <li>a named bit-field raises the alignment of the enclosing type to its declared type's
 *       alignment (capped by {@code pack}); an unnamed one does so only on aarch64 ({@link
 *       TargetAbi#unnamedBitFieldsAlign()});
 *   <li>a zero-width bit-field moves the next member to a multiple of its declared type's
 *       alignment, whatever the packing;
 *   <li>an ordinary member after bit-fields starts at the next byte (then its own alignment).
 * </ul>
 *
 * <p>Layouts are computed without recursion (nested types first, from an explicit work stack, so no
 * nesting depth exhausts the Java stack) and cached per type and ABI, so an engine can serve a
 * whole compilation.
 */
public final class LayoutEngine {
  private final Function<String, StructModel> lookup;
  private final Map<TargetAbi, Map<String, StructLayout>> cache = new EnumMap<>(TargetAbi.class);

  /**
   * Per Java name of a type laid out that ends in a flexible array (see {@link
   * StructLayout#endsFlexible}), that array's description when a member counts it, else "". The
   * same on every ABI; kept so that a deep chain is walked once.
   */
  private final Map<String, String> flexibleEnds = new HashMap<>();

  /** Per ABI and type, the C names its members have in C (those of anonymous members included). */
  private final Map<TargetAbi, Map<String, Set<String>>> visibleNames =
      new EnumMap<>(TargetAbi.class);

  /**
   * @param lookup canonical Java name of an {@code @AbiStruct} type → its model, or null if unknown
   */
  public LayoutEngine(Function<String, StructModel> lookup) {
    this.lookup = lookup;
  }

  /**
   * The struct's (or union's) layout on {@code abi}.
   *
   * @throws LayoutException when it cannot be laid out (no members, unknown nested struct, nesting
   *     cycle, alignment not a power of two, array length below 1, two members with one C name, a
   *     nested flexible array where C has none, size overflow)
   */
  public StructLayout layout(StructModel struct, TargetAbi abi) {
    Map<String, StructLayout> done = cache.computeIfAbsent(abi, a -> new HashMap<>());
    StructLayout cached = done.get(struct.javaName());
    if (cached != null && cached.struct().equals(struct)) {
      return cached;
    }
    // depth-first over the nesting, with an explicit stack: each type is laid out after the
    // types it nests
    Deque<Frame> stack = new ArrayDeque<>();
    LinkedHashSet<String> enclosing = new LinkedHashSet<>();
    stack.push(new Frame(struct));
    enclosing.add(struct.javaName());
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      Optional<StructModel> next = top.nextToLayOut(done);
      if (next.isPresent()) {
        StructModel nested = next.get();
        if (!enclosing.add(nested.javaName())) {
          throw cycle(nested.javaName(), enclosing);
        }
        stack.push(new Frame(nested));
        continue;
      }
      StructLayout result = computeLayout(top.model, abi, done);
      done.put(top.model.javaName(), result);
      stack.pop();
      enclosing.remove(top.model.javaName());
    }
    return java.util.Objects.requireNonNull(
        done.get(struct.javaName()), "the struct was laid out last");
  }

  /** A type on the work stack and how far its nested types have been looked at. */
  private final class Frame {
    final StructModel model;
    int next;

    Frame(StructModel model) {
      this.model = model;
    }

    /** The next nested type not laid out yet, or empty when all are. */
    Optional<StructModel> nextToLayOut(Map<String, StructLayout> done) {
      while (next < model.fields().size()) {
        FieldModel field = model.fields().get(next++);
        Optional<String> nestedName = nestedName(field.type());
        if (nestedName.isEmpty()) {
          continue;
        }
        StructModel nested = lookup.apply(nestedName.get());
        if (nested == null) {
          continue; // reported by computeLayout, on the member
        }
        StructLayout known = done.get(nested.javaName());
        if (known == null || !known.struct().equals(nested)) {
          return Optional.of(nested);
        }
      }
      return Optional.empty();
    }
  }

  private static Optional<String> nestedName(MemberType type) {
    if (type instanceof StructType s) {
      return Optional.of(s.javaName());
    }
    if (type instanceof ArrayType a) {
      return nestedName(a.element());
    }
    return Optional.empty();
  }

  private static LayoutException cycle(String javaName, LinkedHashSet<String> enclosing) {
    List<String> chain = new ArrayList<>(enclosing);
    List<String> cycle = chain.subList(chain.indexOf(javaName), chain.size());
    return new LayoutException(
        "struct "
            + javaName
            + " contains itself: "
            + String.join(" → ", cycle)
            + " → "
            + javaName
            + "; C cannot lay out a struct nested in itself (use a @Pointer member instead)");
  }

  private StructLayout computeLayout(
      StructModel struct, TargetAbi abi, Map<String, StructLayout> done) {
    String what = struct.union() ? "union" : "struct";
    int typeAlign = 1;
    if (struct.alignAtLeast() != 0) {
      typeAlign =
          checkedAlignment(struct.alignAtLeast(), "@AbiAlign on " + what + " " + struct.javaName());
    }
    Set<String> cNames = new HashSet<>();
    List<FieldLayout> fields = new ArrayList<>();
    long bitPos = 0;
    long unionBytes = 0;
    int pack = struct.pack();
    for (int i = 0; i < struct.fields().size(); i++) {
      FieldModel field = struct.fields().get(i);
      String where = struct.javaName() + "." + field.javaName();
      claimNames(field, abi, cNames, where);
      long start = struct.union() ? 0 : bitPos;
      if (field.isBitField()) {
        BitPlacement p = placeBitField(field, abi, pack, start, where);
        if (field.hasCName() || abi.unnamedBitFieldsAlign()) {
          typeAlign = Math.max(typeAlign, p.typeAlign);
        }
        fields.add(p.layout);
        long end = p.layout.bitOffset() + p.layout.bitSize();
        bitPos = struct.union() ? bitPos : end;
        unionBytes = Math.max(unionBytes, (end + 7) >>> 3);
        continue;
      }
      Shape shape =
          field.flexible()
              ? flexibleShape((ArrayType) field.type(), abi, where, done)
              : shapeOf(field.type(), abi, where, done);
      checkNestedFlexible(struct, i, field, where);
      int align = memberAlign(shape.align(), field, pack, where);
      long offset = alignUp((start + 7) >>> 3, align);
      int size = field.flexible() ? 0 : shape.size();
      boolean isArray = field.type() instanceof ArrayType;
      fields.add(
          new FieldLayout(
              field,
              (int) checkedSize(offset, struct.javaName()),
              size,
              align,
              shape.elementSize(),
              isArray ? shape.elementAlign() : align,
              shape.width()));
      long endBytes = checkedSize(offset + size, struct.javaName());
      bitPos = struct.union() ? bitPos : endBytes * 8;
      unionBytes = Math.max(unionBytes, endBytes);
      typeAlign = Math.max(typeAlign, align);
    }
    long bytes = struct.union() ? unionBytes : (bitPos + 7) >>> 3;
    int size = (int) checkedSize(alignUp(bytes, typeAlign), struct.javaName());
    Optional<String> flexibleEnd = flexibleEnd(struct);
    flexibleEnd.ifPresent(counted -> flexibleEnds.put(struct.javaName(), counted));
    StructLayout layout =
        new StructLayout(struct, abi, size, typeAlign, fields, flexibleEnd.isPresent());
    visibleNames
        .computeIfAbsent(abi, a -> new HashMap<>())
        .put(struct.javaName(), Set.copyOf(cNames));
    return layout;
  }

  /** Adds the C names a member brings into its type (an anonymous member's own members). */
  private void claimNames(FieldModel field, TargetAbi abi, Set<String> cNames, String where) {
    List<String> names = new ArrayList<>();
    if (field.hasCName()) {
      names.add(field.cName());
    } else if (field.anonymous() && field.type() instanceof StructType s) {
      StructModel nested = lookup.apply(s.javaName());
      Set<String> inner =
          nested == null ? null : visibleNames.getOrDefault(abi, Map.of()).get(nested.javaName());
      if (inner != null) {
        names.addAll(inner);
      }
    }
    for (String name : names) {
      if (!cNames.add(name)) {
        throw new LayoutException(
            field.anonymous()
                ? "anonymous member "
                    + where
                    + " brings the C name '"
                    + name
                    + "' of an earlier member; C struct"
                    + " members need distinct names, those of anonymous members included (fix @AbiName)"
                : "member "
                    + where
                    + " has the C name '"
                    + name
                    + "' of an earlier member; C struct members need"
                    + " distinct names (fix @AbiName)");
      }
    }
  }

  /**
   * Where a type that ends in a flexible array may be nested. As the last member of a struct (GNU
   * C) its array continues the enclosing struct; as a union member (ISO C) too, where only the
   * caller may count it, for a count member may hold another member's bytes there. As an array's
   * element or a member followed by others (GNU C) its array has no bytes of its own: abiguard
   * nests it there only when the caller counts the array, and then the array reads empty and must
   * be empty to write; a count member would claim bytes of what follows.
   */
  private void checkNestedFlexible(StructModel struct, int index, FieldModel field, String where) {
    Optional<String> nested = nestedName(field.type());
    String counted = nested.isEmpty() ? null : flexibleEnds.get(nested.get());
    if (counted == null || counted.isEmpty()) {
      return;
    }
    boolean array = field.type() instanceof ArrayType;
    boolean last = index == struct.fields().size() - 1;
    if (!array && struct.union()) {
      throw new LayoutException(
          "member "
              + where
              + " nests "
              + nested.get()
              + ", whose flexible array "
              + counted
              + ", as a member of a union; there the count may be another member's bytes, so"
              + " abiguard nests in a union only a flexible array the caller counts (@AbiFlexible"
              + " without count, read with read(buf, offset, count))");
    }
    if (!array && last) {
      return;
    }
    throw new LayoutException(
        "member "
            + where
            + " nests "
            + nested.get()
            + ", whose flexible array "
            + counted
            + ", as "
            + (array ? "an array's element" : "a member followed by others")
            + "; there C gives the array no bytes of its own and the count would claim bytes of"
            + " what follows, so abiguard nests there only a flexible array the caller counts"
            + " (@AbiFlexible without count), which reads empty and must be empty to write");
  }

  /**
   * For {@code struct}, whose nested types are laid out: empty if it does not end in a flexible
   * array, else the description of its flexible array when a member counts it, or "".
   */
  private Optional<String> flexibleEnd(StructModel struct) {
    Optional<String> end = Optional.empty();
    for (FieldModel member : struct.tailMembers()) {
      Optional<String> e =
          member.flexible() ? Optional.of(countedBy(struct, member)) : nestedFlexibleEnd(member);
      // a union's counted member decides: it is the one a union may not nest
      if (e.isPresent() && (end.isEmpty() || !e.get().isEmpty())) {
        end = e;
      }
    }
    return end;
  }

  /** "p.S.entries is counted by 'nr'", or "" for a flexible array the caller counts. */
  private static String countedBy(StructModel struct, FieldModel flexible) {
    return flexible.countMember().isEmpty()
        ? ""
        : struct.javaName()
            + "."
            + flexible.javaName()
            + " is counted by '"
            + flexible.countMember()
            + "'";
  }

  private Optional<String> nestedFlexibleEnd(FieldModel member) {
    return member.type() instanceof StructType nested
        ? Optional.ofNullable(flexibleEnds.get(nested.javaName()))
        : Optional.empty();
  }

  /** A bit-field's place and the alignment its declared type gives the enclosing type. */
  private record BitPlacement(FieldLayout layout, int typeAlign) {}

  private static BitPlacement placeBitField(
      FieldModel field, TargetAbi abi, int pack, long start, String where) {
    IntType type = (IntType) field.type();
    Width width =
        type.nativeLong() ? new Width(abi.longBytes() * 8, type.width().signed()) : type.width();
    int bytes = width.bytes();
    int naturalAlign = bytes == 8 ? abi.int64Align() : bytes;
    int n = field.bitWidth();
    if (n > width.bits()) {
      throw new LayoutException(
          "bit-field "
              + where
              + " has "
              + n
              + " bits, more than its type ("
              + width
              + ") on "
              + abi.manifestName());
    }
    long pos = start;
    int typeAlign;
    if (n == 0) {
      // a zero-width bit-field aligns the next member to its type, whatever the packing
      pos = alignUp(pos, naturalAlign * 8L);
      typeAlign = naturalAlign;
    } else {
      typeAlign = pack == 0 ? naturalAlign : Math.min(naturalAlign, pack);
      if (pack == 0 && excessUnitSpan(pos, n, naturalAlign * 8, bytes * 8)) {
        pos = alignUp(pos, naturalAlign * 8L);
      }
    }
    long unitOffset = (pos >>> 3) / typeAlign * typeAlign;
    FieldLayout layout =
        new FieldLayout(field, (int) unitOffset, bytes, typeAlign, bytes, typeAlign, width, pos, n);
    return new BitPlacement(layout, typeAlign);
  }

  /**
   * gcc's {@code excess_unit_span}: whether n bits at pos span more align-units than the type has.
   */
  private static boolean excessUnitSpan(long pos, int n, int alignBits, int typeBits) {
    long offset = pos % alignBits;
    return (offset + n + alignBits - 1) / alignBits > typeBits / alignBits;
  }

  /** A member's alignment after its {@code @AbiAlign} and the type's packing. */
  private static int memberAlign(int natural, FieldModel field, int pack, String where) {
    int user =
        field.alignAtLeast() == 0
            ? 0
            : checkedAlignment(field.alignAtLeast(), "@AbiAlign on member " + where);
    if (pack == 1) {
      return user == 0 ? 1 : user;
    }
    int align = Math.max(natural, user);
    return pack == 0 ? align : Math.min(align, pack);
  }

  /** Size, alignment and C width of one member type, before any {@code @AbiAlign} on the member. */
  private record Shape(
      int size, int align, int elementSize, int elementAlign, @Nullable Width width) {
    static Shape scalar(int size, int align, @Nullable Width width) {
      return new Shape(size, align, size, align, width);
    }
  }

  private Shape shapeOf(
      MemberType type, TargetAbi abi, String where, Map<String, StructLayout> done) {
    if (type instanceof IntType t) {
      Width width = t.nativeLong() ? new Width(abi.longBytes() * 8, t.width().signed()) : t.width();
      if (!Width.isValidBits(width.bits())) {
        throw new LayoutException(
            "member "
                + where
                + " has C width of "
                + width.bits()
                + " bits; only 8, 16, 32 and 64 exist");
      }
      int bytes = width.bytes();
      return Shape.scalar(bytes, bytes == 8 ? abi.int64Align() : bytes, width);
    }
    if (type instanceof FloatType t) {
      // IEEE 754 on every ABI; a double is aligned inside structs as an 8-byte integer is (to 4 on
      // i386 System V)
      int bytes = t.bits() / 8;
      return Shape.scalar(bytes, bytes == 8 ? abi.int64Align() : bytes, t.rawWidth());
    }
    if (type instanceof PointerType) {
      int bytes = abi.pointerBytes();
      return Shape.scalar(bytes, bytes, new Width(bytes * 8, false));
    }
    if (type instanceof StructType t) {
      StructModel nested = lookup.apply(t.javaName());
      if (nested == null) {
        throw new LayoutException(
            "member "
                + where
                + " has type "
                + t.javaName()
                + ", which is not a known @AbiStruct type; annotate it with @AbiStruct");
      }
      StructLayout inner = done.get(nested.javaName());
      if (inner == null) {
        throw new IllegalStateException(
            "nested " + t.javaName() + " of " + where + " not laid out first");
      }
      return Shape.scalar(inner.size(), inner.align(), null);
    }
    ArrayType array = (ArrayType) type;
    if (array.element() instanceof ArrayType) {
      throw new LayoutException(
          "member " + where + " is an array of arrays; mirror the inner array as an @AbiStruct");
    }
    if (array.length() < 0) {
      throw new LayoutException(
          "member "
              + where
              + " is an array of length "
              + array.length()
              + "; @AbiArray needs a length of at least 0 (GNU C's zero-length array)");
    }
    Shape element = shapeOf(array.element(), abi, where, done);
    long size = checkedSize((long) element.size() * array.length(), where);
    return new Shape((int) size, element.align(), element.size(), element.align(), element.width());
  }

  /** A flexible array {@code T name[]}: size 0, the element's alignment. */
  private Shape flexibleShape(
      ArrayType array, TargetAbi abi, String where, Map<String, StructLayout> done) {
    if (array.element() instanceof ArrayType) {
      throw new LayoutException(
          "member "
              + where
              + " is a flexible array of arrays; mirror the inner array as an"
              + " @AbiStruct");
    }
    Shape element = shapeOf(array.element(), abi, where, done);
    // a row of a flexible array of arrays (T x[][6]) is what its count counts: it must have a size
    checkedSize((long) element.size() * array.perRow(), "a row of member " + where);
    return new Shape(0, element.align(), element.size(), element.align(), element.width());
  }

  private static int checkedAlignment(int bytes, String what) {
    if (bytes <= 0 || Integer.bitCount(bytes) != 1) {
      throw new LayoutException(
          what + " is " + bytes + "; an alignment must be a power of two (1, 2, 4, 8, ...)");
    }
    if (bytes > 1 << 28) {
      throw new LayoutException(what + " is " + bytes + ", above gcc's largest alignment 2^28");
    }
    return bytes;
  }

  private static long checkedSize(long size, String what) {
    if (size > Integer.MAX_VALUE) {
      throw new LayoutException(
          what + " would be " + size + " bytes, larger than a Java buffer can hold");
    }
    return size;
  }

  private static long alignUp(long offset, long align) {
    return (offset + align - 1) / align * align;
  }
}
