package org.abiguard.processor.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Order;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;

/**
 * Random C structs and unions, each as the model the struct reader would produce for its Java
 * mirror and as its real C declaration with gcc attributes and pragmas: unions, bit-fields (named,
 * unnamed, zero-width, every declared type, {@code long} too), anonymous struct and union members,
 * flexible arrays, {@code __attribute__((packed))}, {@code #pragma pack(N)}, {@code aligned} on
 * members and types, {@code scalar_storage_order("big-endian")}, nesting of all of these.
 * Deterministic for a seed. Member names are unique across all types, so members of anonymous
 * members never clash.
 */
public final class RandomCTypes {
  /** Generated types (nested ones before the types that contain them) and their C declarations. */
  public record Family(List<StructModel> models, String header) {
    public Function<String, StructModel> lookup() {
      Map<String, StructModel> byName = new LinkedHashMap<>();
      models.forEach(m -> byName.put(m.javaName(), m));
      return byName::get;
    }

    /** The types no other type of the family nests (in a member or an array's elements). */
    public List<StructModel> topLevel() {
      Set<String> nested = new HashSet<>();
      for (StructModel m : models) {
        for (FieldModel f : m.fields()) {
          MemberType t = f.type() instanceof MemberType.ArrayType a ? a.element() : f.type();
          if (t instanceof MemberType.StructType s) {
            nested.add(s.javaName());
          }
        }
      }
      return models.stream().filter(m -> !nested.contains(m.javaName())).toList();
    }
  }

  private static final Width[] WIDTHS = {
    Width.U8, Width.U16, Width.U32, Width.U64, Width.S8, Width.S16, Width.S32, Width.S64
  };
  private static final int[] PACKS = {0, 0, 0, 0, 0, 1, 1, 2, 4, 8, 16};

  private final Random random;
  private final String prefix;
  private final List<StructModel> models = new ArrayList<>();
  private final StringBuilder header = new StringBuilder();
  private int names;

  /**
   * @param prefix makes type names unique when several families share a program
   */
  public RandomCTypes(long seed, String prefix) {
    this.random = new Random(seed);
    this.prefix = prefix;
  }

  /** {@code count} top-level types, with whatever they nest. */
  public Family generate(int count) {
    header.append("#include <stdint.h>\n#include <stddef.h>\n\n");
    for (int i = 0; i < count; i++) {
      String decl = namedType(0, true);
      header.append(decl);
    }
    return new Family(List.copyOf(models), header.toString());
  }

  /** Declares a named type (its nested types first) and returns its C definition. */
  private String namedType(int depth, boolean mayEndFlexible) {
    boolean union = random.nextInt(10) < 3;
    int pack = PACKS[random.nextInt(PACKS.length)];
    Order order = random.nextInt(5) == 0 ? Order.BIG : Order.LITTLE;
    int align = random.nextInt(10) == 0 ? 1 << random.nextInt(5) : 0;
    String name = prefix + "t" + (names++);
    Body body =
        random.nextInt(30) == 0
            ? new Body(List.of(), "") // GNU C's empty struct or union: sizeof 0 (empty = true)
            : body(
                depth,
                union,
                pack,
                order,
                mayEndFlexible && !union && random.nextInt(depth == 0 ? 6 : 3) == 0,
                mayEndFlexible);
    StructModel model = model(name, union, pack, order, align, body.fields);
    models.add(model);
    StringBuilder c = new StringBuilder();
    if (pack > 1) {
      c.append("#pragma pack(push, ").append(pack).append(")\n");
    }
    c.append(union ? "union" : "struct")
        .append(attributes(pack, order, align))
        .append(' ')
        .append(name)
        .append(" {\n")
        .append(body.c)
        .append("};\n");
    if (pack > 1) {
      c.append("#pragma pack(pop)\n");
    }
    return c.append('\n').toString();
  }

  private static StructModel model(
      String name, boolean union, int pack, Order order, int align, List<FieldModel> fields) {
    return model(name, union, pack, order, align, fields, false);
  }

  private static StructModel model(
      String name,
      boolean union,
      int pack,
      Order order,
      int align,
      List<FieldModel> fields,
      boolean untagged) {
    return new StructModel(
        "fuzz." + name,
        "fuzz",
        name + "Marshaller",
        name,
        false,
        order,
        align,
        false,
        fields,
        union,
        pack,
        untagged,
        List.of());
  }

  private static String attributes(int pack, Order order, int align) {
    StringBuilder a = new StringBuilder();
    if (pack == 1) {
      a.append(" __attribute__((packed))");
    }
    if (order == Order.BIG) {
      a.append(" __attribute__((scalar_storage_order(\"big-endian\")))");
    }
    if (align > 0) {
      a.append(" __attribute__((aligned(").append(align).append(")))");
    }
    return a.toString();
  }

  private record Body(List<FieldModel> fields, String c) {}

  /**
   * @param endFlexible whether the struct ends in a flexible array of its own
   * @param nestFlexible whether a nested type may end in one: a union's member (ISO C), a struct's
   *     last member, another member or an array's element (GNU C)
   */
  private Body body(
      int depth, boolean union, int pack, Order order, boolean endFlexible, boolean nestFlexible) {
    int count = 1 + random.nextInt(7);
    List<FieldModel> fields = new ArrayList<>();
    StringBuilder c = new StringBuilder();
    boolean inlineTypes = false; // an untagged type declared in c, which must stay
    for (int i = 0; i < count; i++) {
      String m = "m" + prefix + (names++);
      int kind = random.nextInt(100);
      if (kind < 35) {
        bitField(m, fields, c);
      } else if (kind < 55) {
        MemberType t = scalar();
        int align = random.nextInt(8) == 0 ? 1 << random.nextInt(5) : 0;
        fields.add(new FieldModel(m, m, t, align));
        c.append("    ")
            .append(cType(t))
            .append(' ')
            .append(m)
            .append(alignAttr(align))
            .append(";\n");
      } else if (kind < 62) {
        // an array: of 1 to 4 elements, or of arrays (x[2][3]), or GNU C's zero-length x[0]
        MemberType t = scalar();
        int shape = random.nextInt(8);
        List<Integer> dims =
            shape == 0
                ? List.of(0)
                : shape < 3
                    ? List.of(1 + random.nextInt(3), 1 + random.nextInt(3))
                    : List.of(1 + random.nextInt(4));
        int length = dims.stream().reduce(1, (a, b) -> a * b);
        fields.add(new FieldModel(m, m, new MemberType.ArrayType(length, t, dims), 0));
        c.append("    ").append(cType(t)).append(' ').append(m);
        dims.forEach(d -> c.append('[').append(d).append(']'));
        c.append(";\n");
      } else if (kind < 66 && order == Order.LITTLE) {
        // (gcc's scalar_storage_order leaves pointers in the machine's order, unlike a real
        // big-endian ABI and abiguard's big-endian mirrors: no pointers in big-endian types)
        fields.add(new FieldModel(m, m, new MemberType.PointerType(), 0));
        c.append("    void *").append(m).append(";\n");
      } else if (kind < 80 && depth < 3) {
        // a named nested type, sometimes as an array, which may end in a flexible array (the
        // fuzz's are all counted by the caller, so abiguard nests them anywhere: as an array's
        // element or before other members they have no bytes)
        boolean array = random.nextInt(4) == 0;
        String decl = namedType(depth + 1, nestFlexible);
        header.append(decl);
        StructModel nested = models.get(models.size() - 1);
        MemberType t = new MemberType.StructType(nested.javaName());
        if (array) {
          fields.add(new FieldModel(m, m, new MemberType.ArrayType(2, t), 0));
          c.append("    ").append(nested.cTypeName()).append(' ').append(m).append("[2];\n");
        } else {
          fields.add(new FieldModel(m, m, t, 0));
          c.append("    ").append(nested.cTypeName()).append(' ').append(m).append(";\n");
        }
      } else if (kind < 94 && depth < 3) {
        anonymous(m, depth, pack, order, fields, c);
        inlineTypes = true;
      } else {
        MemberType t = integer();
        fields.add(new FieldModel(m, m, t, 0));
        c.append("    ").append(cType(t)).append(' ').append(m).append(";\n");
      }
    }
    if (endFlexible) {
      String m = "m" + prefix + (names++);
      boolean noneNamed = fields.stream().noneMatch(f -> f.hasCName() || f.anonymous());
      if (random.nextInt(4) == 0 || noneNamed) {
        if (!inlineTypes && random.nextBoolean()) {
          // Linux's __DECLARE_FLEX_ARRAY: before the array only GNU C's empty struct, which has no
          // bytes and no mirror; the struct is the array alone (the members drawn are dropped)
          fields.clear();
          c.setLength(0);
          c.append("    struct { } __empty_").append(m).append(";\n");
        } else if (noneNamed) {
          String n = "m" + prefix + (names++);
          fields.add(new FieldModel(n, n, integer(), 0));
          c.append("    ")
              .append(cType(fields.get(fields.size() - 1).type()))
              .append(' ')
              .append(n)
              .append(";\n");
        }
      }
      MemberType t = scalar();
      // sometimes a flexible array of arrays: T m[][k]
      int row = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
      List<Integer> dims = row == 1 ? List.of(0) : List.of(0, row);
      fields.add(FieldModel.flexibleArrayOf(m, m, new MemberType.ArrayType(0, t, dims), 0, ""));
      c.append("    ").append(cType(t)).append(' ').append(m).append("[]");
      if (row > 1) {
        c.append('[').append(row).append(']');
      }
      c.append(";\n");
    }
    return new Body(fields, c.toString());
  }

  /**
   * An untagged struct or union declared inline, as an anonymous member or as the type of a named
   * member ({@code union { ... } m;}): packing and byte order follow the enclosing type's.
   */
  private void anonymous(
      String m, int depth, int outerPack, Order order, List<FieldModel> fields, StringBuilder c) {
    boolean union = random.nextBoolean();
    boolean named = random.nextBoolean();
    int pack = outerPack > 1 ? outerPack : random.nextInt(4) == 0 ? 1 : 0;
    String name = prefix + "a" + (names++);
    Body body = body(depth + 1, union, pack, order, false, false);
    StructModel model = model(name, union, pack, order, 0, body.fields, true);
    models.add(model);
    MemberType.StructType type = new MemberType.StructType(model.javaName());
    fields.add(named ? new FieldModel(m, m, type, 0) : FieldModel.anonymousMember(m, type, 0));
    c.append("    ")
        .append(union ? "union" : "struct")
        .append(attributes(pack == 1 ? 1 : 0, order, 0))
        .append(" {\n")
        .append(body.c.indent(4))
        .append("    }")
        .append(named ? " " + m : "")
        .append(";\n");
  }

  private void bitField(String m, List<FieldModel> fields, StringBuilder c) {
    boolean nativeLong = random.nextInt(8) == 0;
    Width declared =
        nativeLong
            ? (random.nextBoolean() ? Width.U64 : Width.S64)
            : WIDTHS[random.nextInt(WIDTHS.length)];
    MemberType t = new MemberType.IntType(declared, nativeLong, JavaKind.LONG);
    int max = nativeLong ? 32 : declared.bits();
    int shape = random.nextInt(20);
    String cType = cType(t);
    if (shape < 2) {
      fields.add(FieldModel.bitField(m, m, t, 0, true));
      c.append("    ").append(cType).append(" : 0;\n");
    } else {
      int bits =
          random.nextInt(4) == 0
              ? max
              : 1 + random.nextInt(Math.min(max, random.nextBoolean() ? 8 : max));
      boolean unnamed = shape < 6;
      fields.add(FieldModel.bitField(m, m, t, bits, unnamed));
      c.append("    ")
          .append(cType)
          .append(unnamed ? "" : " " + m)
          .append(" : ")
          .append(bits)
          .append(";\n");
    }
  }

  /** An integer, or one time in eight a C {@code float} or {@code double}. */
  private MemberType scalar() {
    if (random.nextInt(8) == 0) {
      return random.nextBoolean() ? MemberType.FloatType.FLOAT : MemberType.FloatType.DOUBLE;
    }
    return integer();
  }

  private MemberType integer() {
    if (random.nextInt(10) == 0) {
      return new MemberType.IntType(
          random.nextBoolean() ? Width.U64 : Width.S64, true, JavaKind.LONG);
    }
    return new MemberType.IntType(WIDTHS[random.nextInt(WIDTHS.length)], false, JavaKind.LONG);
  }

  private static String alignAttr(int align) {
    return align == 0 ? "" : " __attribute__((aligned(" + align + ")))";
  }

  /** The C type of an integer, float or double member. */
  public static String cType(MemberType type) {
    if (type instanceof MemberType.FloatType floating) {
      return floating.keyword();
    }
    MemberType.IntType t = (MemberType.IntType) type;
    if (t.nativeLong()) {
      return t.width().signed() ? "long" : "unsigned long";
    }
    return (t.width().signed() ? "int" : "uint") + t.width().bits() + "_t";
  }
}
