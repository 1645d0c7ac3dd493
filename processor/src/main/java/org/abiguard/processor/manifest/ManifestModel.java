package org.abiguard.processor.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.manifest.JsonParser.JsonArray;
import org.abiguard.processor.manifest.JsonParser.JsonBoolean;
import org.abiguard.processor.manifest.JsonParser.JsonNumber;
import org.abiguard.processor.manifest.JsonParser.JsonObject;
import org.abiguard.processor.manifest.JsonParser.JsonString;
import org.abiguard.processor.manifest.JsonParser.JsonValue;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * The content of a manifest, as the writer renders it and the baseline check compares it: built
 * from this compilation's layouts ({@link #of}) or read from a manifest's text ({@link #read}).
 * Reading and comparing ({@link ManifestComparison}) need no compiler, so tools outside javac (the
 * Maven plugin) use them too.
 */
public final class ManifestModel {
  private ManifestModel() {}

  /**
   * One struct or union: its names, byte order and a layout per ABI (in manifest order).
   *
   * @param kind {@code struct} or {@code union}
   * @param pack {@code pack} of the mirror, 0 when not set
   */
  public record Struct(
      String java, String c, String order, Map<String, Layout> layouts, String kind, int pack) {
    public Struct(String java, String c, String order, Map<String, Layout> layouts) {
      this(java, c, order, layouts, "struct", 0);
    }
  }

  /** One struct on one ABI. */
  public record Layout(int size, int align, List<Field> fields) {
    /**
     * The member whose {@link Field#key()} is {@code key}: its C name, or for a member without one
     * (an unnamed bit-field, an anonymous member) {@code java:} and its Java name; or null.
     */
    public @Nullable Field field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
  }

  /**
   * One member.
   *
   * @param name the C member name; empty for an unnamed bit-field or an anonymous member
   * @param java the Java name
   * @param anonymous a C11 anonymous struct or union member
   */
  public record Field(String name, String java, int offset, Shape shape, boolean anonymous) {
    public Field(String name, String java, int offset, Shape shape) {
      this(name, java, offset, shape, false);
    }

    /** How the baseline check matches members: the C name, else (no name in C) the Java name. */
    public String key() {
      return name.isEmpty() ? "java:" + java : name;
    }
  }

  /**
   * What a member (or an array element) is.
   *
   * @param kind {@code int}, {@code pointer}, {@code float} (C {@code float} or {@code double}, by
   *     its size), {@code struct}, {@code array} or {@code bits}
   * @param bits for {@code int} and {@code pointer}, else 0
   * @param signed for {@code int}, {@code pointer} and {@code bits}
   * @param struct for {@code struct}: the nested struct's Java name, else null
   * @param length for {@code array}, else 0
   * @param element for {@code array}, else null
   * @param bitOffset for {@code bits}: the first bit from the start of the enclosing type, else 0
   * @param bitSize for {@code bits}: the number of bits, else 0
   * @param flexible for {@code array}: a flexible array member ({@code length} 0)
   * @param dims for an {@code array} of more than one dimension, its C dimensions outermost first
   *     ({@code [3, 2]} for {@code T x[3][2]}, {@code [0, 3]} for a flexible {@code T x[][3]});
   *     else empty, as in manifests written before abiguard recorded them
   */
  public record Shape(
      int size,
      int align,
      String kind,
      int bits,
      boolean signed,
      @Nullable String struct,
      int length,
      @Nullable Shape element,
      long bitOffset,
      int bitSize,
      boolean flexible,
      List<Integer> dims) {
    public Shape {
      dims = List.copyOf(dims);
    }

    public Shape(
        int size,
        int align,
        String kind,
        int bits,
        boolean signed,
        @Nullable String struct,
        int length,
        @Nullable Shape element,
        long bitOffset,
        int bitSize,
        boolean flexible) {
      this(
          size, align, kind, bits, signed, struct, length, element, bitOffset, bitSize, flexible,
          List.of());
    }

    public Shape(
        int size,
        int align,
        String kind,
        int bits,
        boolean signed,
        @Nullable String struct,
        int length,
        @Nullable Shape element) {
      this(size, align, kind, bits, signed, struct, length, element, 0, 0, false);
    }
  }

  // ---- from layouts ----

  static List<Struct> of(List<List<StructLayout>> structs) {
    List<Struct> result = new ArrayList<>();
    for (List<StructLayout> layouts : structs) {
      if (layouts.isEmpty()) {
        throw new IllegalArgumentException("a struct without layouts cannot go into a manifest");
      }
      StructModel model = layouts.get(0).struct();
      Map<String, Layout> byAbi = new LinkedHashMap<>();
      for (StructLayout layout : layouts) {
        List<Field> fields = new ArrayList<>();
        for (FieldLayout f : layout.fields()) {
          FieldModel fm = f.field();
          fields.add(
              new Field(
                  fm.hasCName() ? fm.cName() : "",
                  fm.javaName(),
                  f.offset(),
                  shapeOf(fm.type(), f),
                  fm.anonymous()));
        }
        byAbi.put(layout.abi().manifestName(), new Layout(layout.size(), layout.align(), fields));
      }
      result.add(
          new Struct(
              model.javaName(),
              model.cName(),
              model.order().manifestName(),
              byAbi,
              model.kind(),
              model.pack()));
    }
    return result;
  }

  private static Shape shapeOf(MemberType type, FieldLayout f) {
    if (f.isBitField()) {
      return new Shape(
          f.size(),
          f.align(),
          "bits",
          0,
          java.util.Objects.requireNonNull(f.width(), "a bit-field's width").signed(),
          null,
          0,
          null,
          f.bitOffset(),
          f.bitSize(),
          false);
    }
    if (type instanceof MemberType.ArrayType array) {
      Shape element = scalarShape(array.element(), f.elementSize(), f.elementAlign(), f);
      return new Shape(
          f.size(),
          f.align(),
          "array",
          0,
          false,
          null,
          array.length(),
          element,
          0,
          0,
          f.field().flexible(),
          array.dims().size() > 1 ? array.dims() : List.of());
    }
    return scalarShape(type, f.size(), f.align(), f);
  }

  private static Shape scalarShape(MemberType type, int size, int align, FieldLayout f) {
    if (type instanceof MemberType.StructType struct) {
      return new Shape(size, align, "struct", 0, false, struct.javaName(), 0, null);
    }
    if (type instanceof MemberType.FloatType) {
      return new Shape(size, align, "float", 0, false, null, 0, null);
    }
    String kind = type instanceof MemberType.PointerType ? "pointer" : "int";
    Width width = Objects.requireNonNull(f.width(), "an int or pointer member has a width");
    return new Shape(size, align, kind, width.bits(), width.signed(), null, 0, null);
  }

  // ---- from text ----

  /**
   * Reads a manifest.
   *
   * @throws IllegalArgumentException when the text is not JSON or not a format-1 manifest; the
   *     message starts with the line and column of the problem
   */
  public static List<Struct> read(String json) {
    JsonObject root = object(JsonParser.parse(json), "the manifest");
    int format = integer(root, "format");
    if (format != ManifestWriter.FORMAT) {
      throw problem(
          required(root, "format"),
          "manifest format "
              + format
              + " is not supported; this abiguard reads format "
              + ManifestWriter.FORMAT);
    }
    List<Struct> structs = new ArrayList<>();
    java.util.Set<String> javaNames = new java.util.HashSet<>();
    for (JsonValue s : array(root, "structs").elements()) {
      JsonObject so = object(s, "a struct");
      if (!javaNames.add(string(so, "java"))) {
        throw problem(so, "struct " + string(so, "java") + " appears twice");
      }
      Map<String, Layout> layouts = new LinkedHashMap<>();
      JsonObject lo = object(required(so, "layouts"), "\"layouts\"");
      for (Map.Entry<String, JsonValue> e : lo.members().entrySet()) {
        JsonObject layout = object(e.getValue(), "a layout");
        List<Field> fields = new ArrayList<>();
        for (JsonValue f : array(layout, "fields").elements()) {
          JsonObject fo = object(f, "a field");
          boolean anonymous = fo.members().containsKey("anonymous") && bool(fo, "anonymous");
          boolean unnamed =
              anonymous || (!fo.members().containsKey("name") && "bits".equals(optionalKind(fo)));
          String name = unnamed ? "" : string(fo, "name");
          String java = fo.members().containsKey("java") ? string(fo, "java") : name;
          if (java.isEmpty()) {
            throw problem(fo, "a member without \"name\" needs \"java\"");
          }
          fields.add(new Field(name, java, integer(fo, "offset"), shape(fo), anonymous));
        }
        layouts.put(
            e.getKey(), new Layout(integer(layout, "size"), integer(layout, "align"), fields));
      }
      String kind = so.members().containsKey("kind") ? string(so, "kind") : "struct";
      if (!kind.equals("struct") && !kind.equals("union")) {
        throw problem(
            required(so, "kind"), "unknown type kind \"" + kind + "\"; expected struct or union");
      }
      int pack = so.members().containsKey("pack") ? integer(so, "pack") : 0;
      structs.add(
          new Struct(
              string(so, "java"), string(so, "c"), string(so, "order"), layouts, kind, pack));
    }
    return structs;
  }

  private static Shape shape(JsonObject o) {
    int size = integer(o, "size");
    int align = integer(o, "align");
    String kind = string(o, "kind");
    return switch (kind) {
      case "int", "pointer" ->
          new Shape(size, align, kind, integer(o, "bits"), bool(o, "signed"), null, 0, null);
      case "struct" -> new Shape(size, align, kind, 0, false, string(o, "struct"), 0, null);
      case "float" -> new Shape(size, align, kind, 0, false, null, 0, null);
      case "array" ->
          new Shape(
              size,
              align,
              kind,
              0,
              false,
              null,
              integer(o, "length"),
              shape(object(required(o, "element"), "\"element\"")),
              0,
              0,
              o.members().containsKey("flexible") && bool(o, "flexible"),
              o.members().containsKey("dims") ? dims(o) : List.of());
      case "bits" ->
          new Shape(
              size,
              align,
              kind,
              0,
              bool(o, "signed"),
              null,
              0,
              null,
              longInteger(o, "bitOffset"),
              integer(o, "bitSize"),
              false);
      default ->
          throw problem(
              required(o, "kind"),
              "unknown kind \"" + kind + "\"; expected int, pointer, float, struct, array or bits");
    };
  }

  private static @Nullable String optionalKind(JsonObject o) {
    return o.members().get("kind") instanceof JsonString s ? s.value() : null;
  }

  private static long longInteger(JsonObject o, String name) {
    JsonValue v = required(o, name);
    if (v instanceof JsonNumber n) {
      try {
        long l = n.value().longValueExact();
        if (l >= 0) {
          return l;
        }
      } catch (ArithmeticException notALong) {
        // reported below
      }
      throw problem(v, "\"" + name + "\" must be a whole number from 0, found " + n.value());
    }
    throw problem(v, "\"" + name + "\" must be a number, found " + v.typeName());
  }

  private static JsonValue required(JsonObject o, String name) {
    JsonValue v = o.members().get(name);
    if (v == null) {
      throw problem(o, "this object lacks \"" + name + "\"");
    }
    return v;
  }

  private static JsonObject object(JsonValue v, String what) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw problem(v, what + " must be an object, found " + v.typeName());
  }

  private static JsonArray array(JsonObject o, String name) {
    JsonValue v = required(o, name);
    if (v instanceof JsonArray a) {
      return a;
    }
    throw problem(v, "\"" + name + "\" must be an array, found " + v.typeName());
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = required(o, name);
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw problem(v, "\"" + name + "\" must be a string, found " + v.typeName());
  }

  private static boolean bool(JsonObject o, String name) {
    JsonValue v = required(o, name);
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    throw problem(v, "\"" + name + "\" must be true or false, found " + v.typeName());
  }

  /** {@code "dims": [3, 2]}: whole numbers from 0. */
  private static List<Integer> dims(JsonObject o) {
    List<Integer> dims = new ArrayList<>();
    for (JsonValue v : array(o, "dims").elements()) {
      if (!(v instanceof JsonNumber n) || n.value().signum() < 0) {
        throw problem(v, "\"dims\" must hold whole numbers from 0, found " + v.typeName());
      }
      try {
        dims.add(n.value().intValueExact());
      } catch (ArithmeticException notAnInt) {
        throw problem(v, "\"dims\" must hold whole numbers from 0, found " + n.value());
      }
    }
    return dims;
  }

  private static int integer(JsonObject o, String name) {
    JsonValue v = required(o, name);
    if (v instanceof JsonNumber n) {
      try {
        int i = n.value().intValueExact();
        if (i >= 0) {
          return i;
        }
      } catch (ArithmeticException notAnInt) {
        // reported below
      }
      throw problem(
          v,
          "\""
              + name
              + "\" must be a whole number from 0 to "
              + Integer.MAX_VALUE
              + ", found "
              + n.value());
    }
    throw problem(v, "\"" + name + "\" must be a number, found " + v.typeName());
  }

  private static IllegalArgumentException problem(JsonValue at, String message) {
    return new IllegalArgumentException(at.position() + ": " + message);
  }
}
