package org.abiguard.importer.mirror;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abiguard.importer.c.CType;
import org.abiguard.importer.c.Declarations;
import org.abiguard.importer.c.Location;
import org.abiguard.importer.c.RecordDef;
import org.abiguard.importer.c.Typedef;
import org.abiguard.importer.cc.Probes;

/**
 * Maps one ABI's C declaration of a struct or union to a {@link MirrorType}. Every number comes
 * from the compilers through {@link Probes}, and every choice that depends on a number (a typedef's
 * width, {@code @NativeLong}, a guest handle's form) is made from the values of all ABIs at once,
 * so that the same declaration maps to the same mirror on every ABI.
 *
 * <p>Run it once with {@link #collecting} true to gather the probe expressions (the values are
 * placeholders then), evaluate the probes, and run it again for the mirrors.
 */
public final class Mapper {
  private static final Map<String, String> FIXED =
      Map.of(
          "uint8_t",
          "U8",
          "uint16_t",
          "U16",
          "uint32_t",
          "U32",
          "uint64_t",
          "U64",
          "int8_t",
          "S8",
          "int16_t",
          "S16",
          "int32_t",
          "S32",
          "int64_t",
          "S64");

  /**
   * The C floating types with one format on every ABI abiguard knows (IEEE 754 binary32 and
   * binary64), and the Java type of each.
   */
  private static final Map<String, String> FLOATS =
      Map.of("float", "float", "_Float32", "float", "double", "double", "_Float64", "double");

  private final List<String> abis;
  private final Map<String, Declarations> decls;
  private final Probes probes;
  private final Map<String, String> javaNames;

  /**
   * Names a mirror or typedef annotation must not take: abiguard's annotations (imported by the
   * mirrors) and the java.lang types the mirrors and their generated marshallers use.
   */
  private static final Set<String> RESERVED = reserved();

  private static Set<String> reserved() {
    Set<String> names = new HashSet<>(JavaWriter.ABIGUARD_ANNOTATIONS);
    names.addAll(
        List.of(
            "Abi",
            "AbiCodec",
            "AbiRangeException",
            "Endian",
            "Object",
            "String",
            "Integer",
            "Long",
            "Short",
            "Byte",
            "Character",
            "Boolean",
            "Math",
            "System",
            "Class",
            "Override",
            "Deprecated",
            "SuppressWarnings",
            "Number",
            "Enum",
            "Record",
            "Exception",
            "RuntimeException",
            "Error",
            "Void",
            "Iterable",
            "Comparable",
            "Generated",
            "ByteBuffer",
            "MemorySegment"));
    return Set.copyOf(names);
  }

  private final Set<String> takenJavaNames;
  private final Map<String, TypedefAnnotation> typedefAnnotations = new LinkedHashMap<>();

  /** The member being mapped ({@code member 'c' of struct foo}), for the reasons given. */
  private String member = "";

  /** While true, probe values are placeholders and only the requests count. */
  public boolean collecting;

  public Mapper(List<String> abis, Map<String, Declarations> decls, Probes probes) {
    this.abis = abis;
    this.decls = decls;
    this.probes = probes;
    this.javaNames = new LinkedHashMap<>();
    this.takenJavaNames = new HashSet<>(RESERVED);
  }

  /**
   * A mapper for {@code abis}, a group of the ABIs of {@code names}, that gives each C type and
   * typedef annotation the Java name {@code names} gives it: a type split per group of ABIs has one
   * name in every group's package, and no name of one package clashes with another's.
   */
  public Mapper(List<String> abis, Mapper names) {
    this.abis = abis;
    this.decls = names.decls;
    this.probes = names.probes;
    this.javaNames = names.javaNames;
    this.takenJavaNames = names.takenJavaNames;
  }

  /** The ABIs whose values decide this mapper's widths and forms. */
  public List<String> abis() {
    return abis;
  }

  /** The typedef annotations the mapped mirrors use, by typedef name. */
  public Map<String, TypedefAnnotation> typedefAnnotations() {
    return typedefAnnotations;
  }

  /** The Java simple name of the mirror of {@code key} (assigned once, unique in the package). */
  public String javaName(String key) {
    return javaNames.computeIfAbsent(
        key, k -> unique(Naming.typeName(k.replaceFirst("^(struct|union) ", ""))));
  }

  private String unique(String name) {
    String n =
        RESERVED.contains(name)
            ? name + "Type"
            : name; // typedef u16 -> @U16Type, not abiguard's @U16
    name = n;
    for (int i = 2; !takenJavaNames.add(n); i++) {
      n = name + i;
    }
    return n;
  }

  /** The definition of {@code key} on {@code abi}, or {@code null} where it has none. */
  public RecordDef definition(String abi, String key) {
    Declarations d = decls.get(abi);
    if (key.startsWith("struct ") || key.startsWith("union ")) {
      RecordDef def = d.tagged.get(key.substring(key.indexOf(' ') + 1));
      return def != null && def.union() == key.startsWith("union ") ? def : null;
    }
    Typedef td = d.typedefs.get(key);
    return td != null && td.type() instanceof CType.Record r ? r.definition() : null;
  }

  /**
   * The shape of a definition as written: member names, bit-field marks and nested definitions,
   * e.g. {@code [cmd, u{a, b}, pad:]}, to tell the ABIs' declarations apart before any probe.
   */
  public static String outline(RecordDef def) {
    StringBuilder sb = new StringBuilder("[");
    for (RecordDef.Member m : def.members()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(m.name() == null ? "(anonymous)" : m.name());
      if (m.bits() != null) {
        sb.append(':');
      }
      if (m.type() instanceof CType.Record r && r.tag() == null && r.definition() != null) {
        sb.append(outline(r.definition()));
      }
    }
    return sb.append(']').toString();
  }

  /**
   * The mirror of {@code key} ({@code struct foo}, {@code union bar}, or a typedef of a tagless
   * one) on {@code abi}.
   */
  public MirrorType map(String abi, String key) throws Unmirrorable {
    Declarations d = decls.get(abi);
    if (key.startsWith("struct ") || key.startsWith("union ")) {
      boolean union = key.startsWith("union ");
      String tag = key.substring(key.indexOf(' ') + 1);
      RecordDef def = d.tagged.get(tag);
      if (def == null) {
        throw new Unmirrorable(key + " is not defined on " + abi, null);
      }
      if (def.union() != union) {
        throw new Unmirrorable(key + " is a " + def.keyword() + " on " + abi, def.location());
      }
      return record(
          abi,
          def,
          key,
          tag,
          false,
          javaName(key),
          Set.of(),
          "(*(" + def.keyword() + " " + tag + " *)0)");
    }
    Typedef td = d.typedefs.get(key);
    if (td == null || !(td.type() instanceof CType.Record r) || r.definition() == null) {
      throw new Unmirrorable(
          "typedef " + key + " does not name a struct or union defined with it on " + abi,
          td == null ? null : td.location());
    }
    return record(
        abi, r.definition(), key, key, true, javaName(key), Set.of(), "(*(" + key + " *)0)");
  }

  private MirrorType record(
      String abi,
      RecordDef def,
      String key,
      String cName,
      boolean typedef,
      String javaName,
      Set<String> enclosing,
      String object)
      throws Unmirrorable {
    int pack = def.packed() ? 1 : def.pragmaPack();
    int align = def.aligned() == null ? 0 : (int) same("(" + def.aligned() + ")", def.location());
    List<MirrorMember> members = new ArrayList<>();
    List<MirrorType> nested = new ArrayList<>();
    Set<String> deps = new LinkedHashSet<>();
    Set<String> names = new HashSet<>();
    names.add(javaName);
    // Java forbids a nested class the simple name of a class enclosing it (C reuses names such as
    // `u` at every depth), so a nested mirror's name avoids those as well as its siblings'.
    Set<String> outer = new HashSet<>(enclosing);
    outer.add(javaName);
    Set<String> nestedNames = new HashSet<>(outer);
    int unnamed = 0;
    // each integer member's byte order, as the compilers say: stored swapped (big-endian) or not
    List<String> swapped = new ArrayList<>();
    List<String> inOrder = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    for (int i = 0; i < def.members().size(); i++) {
      RecordDef.Member m = def.members().get(i);
      boolean last = i == def.members().size() - 1;
      if (!def.union() && last) {
        m = declaredFlexArray(m);
      }
      if (i == 0 && declaresFlexArray(def)) {
        // __DECLARE_FLEX_ARRAY(T, x) elsewhere than last in a struct (in a union: io_uring's
        // io_uring_buf_ring, ALSA's snd_soc_tplg_private): its nested mirror holds the array
        // alone, which GNU C lays it out as; the empty struct before it has no bytes and no mirror
        continue;
      }
      Ctx ctx = new Ctx(abi, key, nested, deps, outer, nestedNames, m.location(), object);
      member = "member " + describe(m) + " of " + key;
      if (m.packed()) {
        packedInPlace(m, object);
      }
      List<String> ann = new ArrayList<>();
      boolean flexible = m.type() instanceof CType.Array fa && fa.length() == null;
      if (m.name() != null && m.bits() == null) {
        explicitAlignment(
                object + "." + m.name(),
                unalignedSpelling(decls.get(abi), m.type()),
                flexible,
                m.location())
            .ifPresent(a -> ann.add("@AbiAlign(" + a + ")"));
      }
      String cDecl = CSpelling.member(m);
      if (m.name() == null && m.bits() == null) {
        if (!(m.type() instanceof CType.Record r) || r.definition() == null || r.tag() != null) {
          throw new Unmirrorable(
              "anonymous member of type " + m.type() + " is not an anonymous struct or union",
              m.location());
        }
        MirrorType n = nested(ctx, r.definition(), anonymousName(r.definition()), object);
        ann.add("@AbiAnonymous");
        String field = unique(names, Naming.memberName(n.javaName()));
        members.add(
            new MirrorMember(
                null,
                field,
                ann,
                n.javaName(),
                def.union() ? null : "new " + n.javaName() + "()",
                cDecl,
                m.location()));
        continue;
      }
      if (m.bits() != null) {
        Shape s = shape(ctx, m.type(), null, null);
        if (!(s instanceof IntShape is) || is.pointer) {
          throw new Unmirrorable(
              "bit-field " + describe(m) + " is not of an integer type", m.location());
        }
        long bits = same("(" + m.bits() + ")", m.location());
        ann.addAll(is.annotations);
        String javaType = bits < 32 || (bits == 32 && is.signed) ? "int" : "long";
        String cMember = m.name();
        String field;
        if (cMember == null) {
          ann.add("@AbiBits(value = " + bits + ", unnamed = true)");
          field = unique(names, "unnamed" + (++unnamed));
        } else {
          ann.add("@AbiBits(" + bits + ")");
          field = unique(names, Naming.memberName(cMember));
        }
        members.add(new MirrorMember(cMember, field, ann, javaType, null, cDecl, m.location()));
        continue;
      }
      Shape s = shape(ctx, m.type(), m.name(), object + "." + m.name());
      memberOrder(s, object + "." + m.name(), m, swapped, inOrder, pointers);
      String field = unique(names, Naming.memberName(m.name()));
      String javaType;
      String init = null;
      if (s instanceof IntShape is) {
        ann.addAll(is.annotations);
        javaType = is.scalar;
      } else if (s instanceof FloatShape fs) {
        javaType = fs.keyword();
      } else if (s instanceof StructShape ss) {
        javaType = ss.javaName;
        init = "new " + ss.javaName + "()";
      } else {
        ArrayShape as = (ArrayShape) s;
        if (as.length < 0 && !last) {
          throw new Unmirrorable(
              "flexible array " + describe(m) + " is not the last member", m.location());
        }
        if (as.element instanceof IntShape is) {
          ann.addAll(is.annotations);
          javaType = is.raw + "[]";
        } else if (as.element instanceof FloatShape fs) {
          javaType = fs.keyword() + "[]";
        } else if (as.element instanceof StructShape ss) {
          javaType = ss.javaName + "[]";
        } else {
          throw new IllegalStateException("an array of arrays is flattened: " + describe(m));
        }
        if (as.length < 0) {
          ann.add("@AbiFlexible");
          if (as.dims().size() > 1) {
            ann.add(as.annotation()); // each element's dimensions: T x[][6]
          }
          init = "new " + javaType.substring(0, javaType.length() - 2) + "[0]";
        } else {
          ann.add(as.annotation());
          init = "new " + javaType.substring(0, javaType.length() - 2) + "[" + as.length + "]";
        }
      }
      if (def.union()) {
        init = null; // a union's marshaller writes the one member that is set: they start unset
      }
      members.add(new MirrorMember(m.name(), field, ann, javaType, init, cDecl, m.location()));
    }
    boolean bigEndian = bigEndian(def, key, abi, swapped, inOrder, pointers);
    return new MirrorType(
        key,
        def.union(),
        cName,
        typedef,
        javaName,
        pack,
        align,
        bigEndian,
        members,
        nested,
        deps,
        def.location());
  }

  /**
   * Files the member under {@code swapped} if its compiler stores it in reverse byte order (GCC's
   * {@code scalar_storage_order("big-endian")} on these little-endian ABIs: GCC then refuses its
   * address, {@code sizeof(&x)}), under {@code inOrder} if not, and a pointer (which GCC never
   * swaps) under {@code pointers}. Nested structs and bit-fields say nothing here: a nested struct
   * has its own order, and abi-check.c checks bit-fields in the order of their struct.
   */
  private void memberOrder(
      Shape s,
      String lvalue,
      RecordDef.Member m,
      List<String> swapped,
      List<String> inOrder,
      List<String> pointers)
      throws Unmirrorable {
    String scalar = lvalue;
    Shape element = s;
    if (s instanceof ArrayShape as) {
      scalar = lvalue + "[0]".repeat(as.dims().size());
      element = as.element();
    }
    if (element instanceof IntShape is && is.pointer) {
      pointers.add(describe(m));
      return;
    }
    if (!(element instanceof IntShape) && !(element instanceof FloatShape)) {
      return;
    }
    String expr = "sizeof(&(" + scalar + "))";
    probes.request(expr);
    if (collecting) {
      return;
    }
    Set<Boolean> reversed = new HashSet<>();
    for (String abi : abis) {
      if (probes.value(expr, abi) != null) {
        reversed.add(false);
        continue;
      }
      String why = probes.rejection(expr, abi);
      if (why == null || !why.contains("reverse storage order")) {
        throw new Unmirrorable(
            "the "
                + abi
                + " compiler does not say in which byte order "
                + member
                + " is stored: "
                + (why == null ? "it did not evaluate '" + expr + "'" : "'" + expr + "': " + why),
            m.location());
      }
      reversed.add(true);
    }
    if (reversed.size() != 1) {
      throw new Unmirrorable(
          "not portable: " + member + " is stored big-endian on some ABIs only", m.location());
    }
    (reversed.contains(true) ? swapped : inOrder).add(describe(m));
  }

  /**
   * Whether the type stores its integers big-endian, from its members' orders as the compilers gave
   * them ({@link #memberOrder}); with no such member (only bit-fields), from its {@code
   * scalar_storage_order} as written, which abi-check.c then checks. Throws where no one order
   * serves: members stored in both orders, or a big-endian type with pointers (GCC keeps them in
   * the machine's order, abiguard's {@code order = Endian.BIG} writes them big-endian).
   */
  private boolean bigEndian(
      RecordDef def,
      String key,
      String abi,
      List<String> swapped,
      List<String> inOrder,
      List<String> pointers)
      throws Unmirrorable {
    if (collecting) {
      return false;
    }
    if (!swapped.isEmpty() && !inOrder.isEmpty()) {
      throw new Unmirrorable(
          key
              + " stores "
              + String.join(", ", swapped)
              + " big-endian but "
              + String.join(", ", inOrder)
              + " little-endian on "
              + abi
              + "; a mirror has one byte order",
          def.location());
    }
    boolean big =
        !swapped.isEmpty() || inOrder.isEmpty() && "big-endian".equals(def.storageOrder());
    if (big && !pointers.isEmpty()) {
      throw new Unmirrorable(
          key
              + " stores its integers big-endian (scalar_storage_order) on "
              + abi
              + " but its pointers ("
              + String.join(", ", pointers)
              + ") in the machine's order, as GCC does; abiguard's order = Endian.BIG writes"
              + " pointers big-endian too, so no mirror serves",
          def.location());
    }
    return big;
  }

  /** The per-member mapping context. */
  private record Ctx(
      String abi,
      String ownerKey,
      List<MirrorType> nested,
      Set<String> deps,
      Set<String> enclosingNames,
      Set<String> nestedNames,
      Location location,
      String object) {}

  private MirrorType nested(Ctx ctx, RecordDef def, String baseName, String object)
      throws Unmirrorable {
    String name = baseName;
    for (int i = 2; !ctx.nestedNames.add(name); i++) {
      name = baseName + i;
    }
    MirrorType n =
        record(
            ctx.abi, def, ctx.ownerKey + "." + name, null, false, name, ctx.enclosingNames, object);
    ctx.nested.add(n);
    ctx.deps.addAll(n.dependencies());
    return n;
  }

  /**
   * The flexible array of Linux's {@code __DECLARE_FLEX_ARRAY(T, x)}, an anonymous {@code struct {
   * struct { } __empty_x; T x[]; }}: an empty struct (a GNU extension, size 0) and the array. As
   * the last member of a struct it lays out as {@code T x[];} would, and C names it {@code x} the
   * same way, so it is mirrored as that flexible array. Any other member is returned as it is.
   */
  private static RecordDef.Member declaredFlexArray(RecordDef.Member m) {
    if (m.name() != null
        || m.bits() != null
        || !(m.type() instanceof CType.Record r)
        || r.tag() != null
        || r.definition() == null
        || !declaresFlexArray(r.definition())) {
      return m;
    }
    return r.definition().members().get(1);
  }

  /**
   * Whether {@code def} is the struct {@code __DECLARE_FLEX_ARRAY(T, x)} declares: {@code struct {
   * struct { } __empty_x; T x[]; }}.
   */
  private static boolean declaresFlexArray(RecordDef def) {
    if (def.union() || def.members().size() != 2) {
      return false;
    }
    RecordDef.Member empty = def.members().get(0);
    RecordDef.Member array = def.members().get(1);
    boolean emptyStruct =
        empty.bits() == null
            && empty.type() instanceof CType.Record e
            && e.definition() != null
            && !e.definition().union()
            && e.definition().members().isEmpty();
    boolean flexible =
        array.bits() == null && array.type() instanceof CType.Array a && a.length() == null;
    return emptyStruct
        && flexible
        && array.name() != null
        && ("__empty_" + array.name()).equals(empty.name());
  }

  private static String anonymousName(RecordDef def) {
    List<RecordDef.Member> members =
        declaresFlexArray(def) ? def.members().subList(1, 2) : def.members();
    for (RecordDef.Member m : members) {
      if (m.name() != null) {
        return Naming.typeName(m.name()) + (def.union() ? "Union" : "Struct");
      }
    }
    return def.union() ? "AnonymousUnion" : "AnonymousStruct";
  }

  private static String unique(Set<String> names, String name) {
    String n = name;
    for (int i = 2; !names.add(n); i++) {
      n = name + i;
    }
    return n;
  }

  private static String describe(RecordDef.Member m) {
    return m.name() == null ? "(unnamed)" : "'" + m.name() + "'";
  }

  // ---- shapes of member types

  private sealed interface Shape permits IntShape, FloatShape, StructShape, ArrayShape {}

  /**
   * C's {@code float} or {@code double} (or {@code _Float32}, {@code _Float64}, the same formats):
   * a Java {@code float} or {@code double}, which needs no annotation.
   */
  private record FloatShape(String keyword) implements Shape {}

  /** An integer or pointer: its annotations, the Java type of a scalar and of an array element. */
  private record IntShape(
      List<String> annotations, String scalar, String raw, boolean signed, boolean pointer)
      implements Shape {}

  private record StructShape(String javaName) implements Shape {}

  /**
   * A fixed or flexible array.
   *
   * @param length every element, all dimensions together (-1 for a flexible array)
   * @param element one element: an integer or a struct
   * @param dims the C dimensions, outermost first ({@code [3, 2]} for {@code x[3][2]})
   */
  private record ArrayShape(long length, Shape element, List<Long> dims) implements Shape {
    /**
     * {@code @AbiArray(6)}, or {@code @AbiArray({3, 2})} for an array of arrays; for a flexible
     * array of arrays ({@code T x[][6]}) the dimensions of each element, {@code @AbiArray(6)}.
     */
    String annotation() {
      List<Long> shown = length < 0 ? dims.subList(1, dims.size()) : dims;
      if (shown.size() == 1) {
        return "@AbiArray(" + shown.get(0) + ")";
      }
      StringBuilder text = new StringBuilder("@AbiArray({");
      for (int i = 0; i < shown.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(shown.get(i));
      }
      return text.append("})").toString();
    }
  }

  private Shape shape(Ctx ctx, CType t, String memberName, String lvalue) throws Unmirrorable {
    Declarations d = decls.get(ctx.abi);
    if (t instanceof CType.Basic b) {
      if (!b.isInteger()) {
        String keyword = FLOATS.get(b.name());
        if (keyword != null) {
          return new FloatShape(keyword);
        }
        throw new Unmirrorable(
            "'"
                + b.name()
                + "' has no mirror"
                + (b.name().contains("long double")
                    ? " (its format differs between ABIs: x87's 80 bits on x86, IEEE's 128 on"
                        + " aarch64)"
                    : "")
                + "; abiguard mirrors integers, float, double, pointers, structs and unions",
            ctx.location);
      }
      Width w = width(b.name(), ctx.location);
      return intShape(List.of(w.annotation()), w);
    }
    if (t instanceof CType.Enum e) {
      if (e.tag() != null) {
        Width w = width("enum " + e.tag(), ctx.location);
        return intShape(List.of(w.annotation()), w);
      }
      if (lvalue == null) {
        throw new Unmirrorable(
            "a bit-field of anonymous enum type has no C name to size it by", ctx.location);
      }
      // enum { RT_CONSISTENT, RT_ADD, RT_DELETE } r_state; (glibc's struct r_debug): the member's
      // own type, sized and signed through __typeof__
      Width w = width("__typeof__(" + lvalue + ")", ctx.location);
      return intShape(List.of(w.annotation()), w);
    }
    if (t instanceof CType.Pointer) {
      return new IntShape(List.of("@Pointer"), "long", "long", false, true);
    }
    if (t instanceof CType.Function || t instanceof CType.Opaque) {
      throw new Unmirrorable("type '" + t + "' has no mirror", ctx.location);
    }
    if (t instanceof CType.Array a) {
      long length = a.length() == null ? -1 : same("(" + a.length() + ")", ctx.location);
      // length 0 is GNU C's zero-length array (io_uring_sqe's cmd[0]): @AbiArray(0), no bytes
      Shape element = shape(ctx, a.element(), memberName, lvalue == null ? null : lvalue + "[0]");
      if (element instanceof ArrayShape inner) {
        // T x[3][2] (also through a typedef of an array): @AbiArray({3, 2}), 6 elements row by row
        // a flexible T x[][6] keeps length -1: @AbiFlexible @AbiArray(6)
        List<Long> dims = new ArrayList<>(List.of(length));
        dims.addAll(inner.dims());
        return new ArrayShape(length < 0 ? -1 : length * inner.length(), inner.element(), dims);
      }
      return new ArrayShape(length, element, List.of(length));
    }
    if (t instanceof CType.Record r) {
      RecordDef def = d.definition(r);
      if (def == null) {
        throw new Unmirrorable(
            r + " is declared but not defined, so it has no layout", ctx.location);
      }
      if (r.tag() != null) {
        String key = r.keyword() + " " + r.tag();
        ctx.deps.add(key);
        return new StructShape(javaName(key));
      }
      String base = memberName == null ? anonymousName(def) : Naming.typeName(memberName);
      return new StructShape(nested(ctx, def, base, lvalue).javaName());
    }
    CType.Named n = (CType.Named) t;
    String name = n.name();
    if (FIXED.containsKey(name)) {
      Width w = width(name, ctx.location);
      String expected = FIXED.get(name);
      if (!collecting && !w.annotation().equals("@" + expected)) {
        throw new Unmirrorable(
            name + " is not " + expected + " on every ABI: " + w.annotation(), ctx.location);
      }
      return intShape(List.of("@" + expected), w);
    }
    if (name.startsWith("__guest_handle_")) {
      return guestHandle(name, lvalue, ctx.location);
    }
    Typedef td = d.typedefs.get(name);
    if (td == null) {
      throw new Unmirrorable("unknown type name '" + name + "'", ctx.location);
    }
    List<String> ann = new ArrayList<>();
    CType target = d.resolve(t);
    sameKindOnEveryAbi(name, ctx, target);
    if (target instanceof CType.Basic b && b.isInteger() || target instanceof CType.Enum) {
      if (target instanceof CType.Basic b) {
        notLowered(name, b, ctx.location);
      }
      TypedefAnnotation ta = typedefAnnotation(name, ctx.location);
      Width w = width(name, ctx.location);
      ann.add("@" + ta.javaName());
      return intShape(ann, w);
    }
    if (target instanceof CType.Record r && r.tag() == null && r.definition() != null) {
      // a typedef of a tagless struct or union: its own mirror, named by the typedef that defines
      // it
      String key = definingTypedef(d, t);
      ctx.deps.add(key);
      return withAlign(ann, new StructShape(javaName(key)), ctx);
    }
    return withAlign(ann, shape(ctx, target, memberName, lvalue), ctx);
  }

  /**
   * Throws unless the typedef {@code name} stands for the same kind of type on every ABI: Xen's
   * {@code xen_callback_t} is {@code unsigned long} on x86_64 and {@code struct xen_callback} on
   * i386, which no one mirror serves (and whose probes the other ABI's compiler would reject).
   */
  private void sameKindOnEveryAbi(String name, Ctx ctx, CType here) throws Unmirrorable {
    for (String abi : abis) {
      Declarations other = decls.get(abi);
      if (abi.equals(ctx.abi) || other == null) {
        continue;
      }
      if (!other.typedefs.containsKey(name)) {
        throw new Unmirrorable(
            "not portable: typedef '" + name + "' is declared on " + ctx.abi + " but not on " + abi,
            ctx.location);
      }
      CType there = other.resolve(new CType.Named(name));
      if (!kind(here).equals(kind(there))) {
        throw new Unmirrorable(
            "not portable: '"
                + name
                + "' is "
                + here
                + " on "
                + ctx.abi
                + " but "
                + there
                + " on "
                + abi
                + "; abiguard mirrors it only where one declaration serves every ABI",
            ctx.location);
      }
    }
  }

  /** The kind of a resolved type, as far as a mirror tells kinds apart. */
  private static String kind(CType t) {
    if (t instanceof CType.Basic b) {
      return b.isInteger() ? "integer" : b.name();
    }
    if (t instanceof CType.Enum) {
      return "integer";
    }
    if (t instanceof CType.Record r) {
      return r.keyword();
    }
    if (t instanceof CType.Pointer) {
      return "pointer";
    }
    if (t instanceof CType.Array) {
      return "array";
    }
    return t.getClass().getSimpleName();
  }

  private Shape withAlign(List<String> ann, Shape s, Ctx ctx) throws Unmirrorable {
    if (ann.isEmpty()) {
      return s;
    }
    if (s instanceof IntShape is) {
      List<String> all = new ArrayList<>(ann);
      all.addAll(is.annotations);
      return new IntShape(all, is.scalar, is.raw, is.signed, is.pointer);
    }
    throw new Unmirrorable(
        "an aligned typedef of a struct, union or array has no mirror", ctx.location);
  }

  /**
   * Throws unless the member's own {@code __attribute__((packed))} changes nothing on any ABI: it
   * gives the member alignment 1, which no annotation says, so the member is mirrored as declared
   * only where it sits at a multiple of its type's alignment anyway and that alignment does not
   * exceed the struct's (Linux's {@code SMMRegisters}, six {@code unsigned int}s each {@code
   * packed}). The C proof then checks the struct's size and alignment as for every mirror.
   */
  private void packedInPlace(RecordDef.Member m, String object) throws Unmirrorable {
    if (m.name() == null || m.bits() != null) {
      throw new Unmirrorable(packedMember(m, ""), m.location());
    }
    String lvalue = object + "." + m.name();
    String type = "_Alignof(__typeof__(" + lvalue + "))";
    Map<String, Long> moved =
        all(
            "(unsigned long)&("
                + lvalue
                + ") % "
                + type
                + " + ("
                + type
                + " > _Alignof(__typeof__("
                + object
                + ")))",
            m.location());
    if (collecting) {
      return;
    }
    for (String abi : abis) {
      if (moved.get(abi) != 0) {
        throw new Unmirrorable(
            packedMember(
                m, ", which moves it off its type's alignment, or lowers the struct's, on " + abi),
            m.location());
      }
    }
  }

  private static String packedMember(RecordDef.Member m, String effect) {
    return "member "
        + describe(m)
        + " has its own __attribute__((packed))"
        + effect
        + "; abiguard has no annotation for a packed member (only for a packed struct:"
        + " @AbiStruct(pack = 1))";
  }

  /**
   * The member's {@code @AbiAlign}: its alignment as the compiler gives it ({@code __alignof__} of
   * the member, which counts {@code aligned} attributes on the member and its typedefs) where that
   * exceeds its type's {@code _Alignof} on some ABI. Decided from every ABI, so {@code
   * uint64_aligned_t} (aligned(8) on i386, plain {@code uint64_t} on x86_64) is
   * {@code @AbiAlign(8)} everywhere. A flexible array's type is incomplete, so its type's alignment
   * is its first element's: Linux's {@code __aligned_u64 driver_data[]} raises a struct's alignment
   * to 8 on i386.
   */
  private java.util.Optional<Long> explicitAlignment(
      String lvalue, String unaligned, boolean flexible, Location at) throws Unmirrorable {
    Map<String, Long> member = all("__alignof__(" + lvalue + ")", at);
    String typed = flexible ? lvalue + "[0]" : lvalue;
    Map<String, Long> type =
        all(
            unaligned != null
                ? "_Alignof(" + unaligned + ")"
                : "_Alignof(__typeof__(" + typed + "))",
            at);
    if (collecting) {
      return java.util.Optional.empty();
    }
    boolean raised = false;
    for (String abi : abis) {
      raised |= member.get(abi) > type.get(abi);
    }
    if (!raised) {
      return java.util.Optional.empty();
    }
    if (new HashSet<>(member.values()).size() != 1) {
      throw new Unmirrorable(
          "the alignment of '"
              + lvalue
              + "' is raised above its type's but differs between ABIs: "
              + describe(member, ""),
          at);
    }
    return java.util.Optional.of(member.get(abis.get(0)));
  }

  /**
   * The type a member's (or its array's elements') typedef stands for once the typedefs that raise
   * its alignment with {@code __attribute__((aligned(N)))} are stripped: {@code uint64_t} for
   * {@code typedef uint64_t u64a_t __attribute__((aligned(8)))}, whose {@code _Alignof} is still 8
   * and would hide the raise (4 on i386, where the mirror's {@code uint64_t} is aligned to 4);
   * {@code struct base} for {@code typedef struct base base_a8 __attribute__((aligned(8)))}. Null
   * where no typedef in the chain has such an attribute: the member's own type serves.
   */
  private static String unalignedSpelling(Declarations d, CType type) {
    CType t = type;
    while (t instanceof CType.Array a) {
      t = a.element();
    }
    // the type below the deepest typedef of the chain that has the attribute
    CType below = null;
    for (int guard = 0; t instanceof CType.Named n && guard < 100; guard++) {
      Typedef td = d.typedefs.get(n.name());
      if (td == null) {
        break;
      }
      t = td.type();
      if (td.aligned() != null) {
        below = t;
      }
    }
    t = below;
    if (t == null) {
      return null;
    }
    if (t instanceof CType.Named n) {
      return n.name();
    }
    if (t instanceof CType.Record r && r.tag() != null) {
      return r.keyword() + " " + r.tag(); // typedef struct base base_a8 __attribute__((aligned(8)))
    }
    return t instanceof CType.Basic b && b.isInteger() ? b.name() : null;
  }

  /**
   * Throws if the typedef {@code name} lowers the alignment of its integer type on some ABI, as
   * Linux's {@code typedef unsigned long __attribute__((aligned(4))) packed_ulong} does on x86_64:
   * a mirror's integer has its type's alignment, and no annotation lowers it.
   */
  private void notLowered(String name, CType.Basic target, Location at) throws Unmirrorable {
    Map<String, Long> own = all("_Alignof(" + name + ")", at);
    Map<String, Long> natural = all("_Alignof(" + target.name() + ")", at);
    if (collecting) {
      return;
    }
    for (String abi : abis) {
      if (own.get(abi) < natural.get(abi)) {
        throw new Unmirrorable(
            "typedef '"
                + name
                + "' lowers the alignment of '"
                + target.name()
                + "' from "
                + natural.get(abi)
                + " to "
                + own.get(abi)
                + " on "
                + abi
                + ", which abiguard has no annotation for (a packed struct lowers its members'"
                + " alignment: @AbiStruct(pack = N))",
            at);
      }
    }
  }

  /** The typedef name whose own type is the tagless definition {@code t} resolves to. */
  private static String definingTypedef(Declarations d, CType t) {
    String name = ((CType.Named) t).name();
    while (d.typedefs.get(name).type() instanceof CType.Named next
        && d.typedefs.containsKey(next.name())) {
      name = next.name();
    }
    return name;
  }

  private Shape guestHandle(String name, String lvalue, Location at) throws Unmirrorable {
    if (lvalue == null) {
      throw new Unmirrorable("guest handle " + name + " in a bit-field", at);
    }
    // the member itself is probed: XEN_GUEST_HANDLE_64(x) is a different typedef on each ABI
    Map<String, Long> size = all("sizeof(" + lvalue + ")", at);
    Map<String, Long> align = all("_Alignof(__typeof__(" + lvalue + "))", at);
    Map<String, Long> pSize = all("sizeof(void *)", at);
    Map<String, Long> pAlign = all("_Alignof(void *)", at);
    if (size.equals(pSize) && align.equals(pAlign)) {
      return new IntShape(List.of("@Pointer"), "long", "long", false, true);
    }
    if (size.values().stream().allMatch(v -> v == 8)
        && align.values().stream().allMatch(v -> v == 8)) {
      return new IntShape(List.of("@AbiAlign(8)", "@U64"), "long", "long", false, false);
    }
    throw new Unmirrorable(
        "guest handle "
            + name
            + " is neither a pointer nor 8 bytes aligned to 8 on every ABI"
            + " (sizes "
            + size
            + ", alignments "
            + align
            + ")",
        at);
  }

  private static IntShape intShape(List<String> annotations, Width w) {
    String scalar;
    String raw;
    if (w.nativeLong) {
      scalar = "long";
      raw = "long";
    } else {
      raw =
          switch (w.bits) {
            case 8 -> "byte";
            case 16 -> "short";
            case 32 -> "int";
            default -> "long";
          };
      if (w.signed) {
        scalar = raw;
      } else {
        scalar = w.bits < 32 ? "int" : "long";
      }
    }
    return new IntShape(annotations, scalar, raw, w.signed, false);
  }

  // ---- widths decided from every ABI's compiler

  /** An integer width the same on every ABI, or C long's on every ABI. */
  private record Width(int bits, boolean signed, boolean nativeLong) {
    String annotation() {
      if (nativeLong) {
        return signed ? "@NativeLong(signed = true)" : "@NativeLong";
      }
      return (signed ? "@S" : "@U") + bits;
    }

    String meta() {
      if (nativeLong) {
        return signed ? "NativeLong(signed = true)" : "NativeLong";
      }
      return signed ? "AbiWidth(value = " + bits + ", signed = true)" : "AbiWidth(" + bits + ")";
    }
  }

  private Width width(String type, Location at) throws Unmirrorable {
    Map<String, Long> size = all("sizeof(" + type + ")", at);
    Map<String, Long> neg = all("(" + type + ")-1 < (" + type + ")0", at);
    Map<String, Long> longSize = all("sizeof(long)", at);
    if (collecting) {
      return new Width(32, false, false);
    }
    Set<Long> sizes = new HashSet<>(size.values());
    Set<Long> signs = new HashSet<>(neg.values());
    if (sizes.size() == 1) {
      int bits = (int) (8 * sizes.iterator().next());
      if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
        throw new Unmirrorable(
            "'" + type + "' is " + bits + " bits wide; abiguard mirrors 8, 16, 32 and 64", at);
      }
      if (signs.size() == 1) {
        boolean signed = signs.iterator().next() != 0;
        boolean isLong = type.equals("long") || type.equals("unsigned long");
        if (isLong && size.equals(longSize)) {
          return new Width(bits, signed, true);
        }
        return new Width(bits, signed, false);
      }
      // plain char: signed on x86_64 and i386, unsigned on aarch64; a mirror's integer has one
      // signedness on every ABI. An array of plain char (char name[16]) too: its elements are
      // what C reads, and abi-check.c proves their signedness (a @U8 of x86's char fails there)
      throw new Unmirrorable(
          "not portable: "
              + (member.isEmpty() ? "" : member + " is ")
              + "'"
              + type
              + "', "
              + bits
              + " bits "
              + signedness(neg)
              + "; abiguard mirrors it only where one declaration serves every ABI (an integer"
              + " is signed on every ABI or on none)",
          at);
    }
    if (size.equals(longSize) && signs.size() == 1) {
      return new Width((int) (8 * size.get(abis.get(0))), signs.iterator().next() != 0, true);
    }
    throw new Unmirrorable(
        "'"
            + type
            + "' is not portable: "
            + describe(size, " bytes")
            + ", neither the same width nor C long's on every ABI",
        at);
  }

  /** {@code signed on x86_64, i386 but unsigned on aarch64}, from each ABI's {@code (T)-1 < 0}. */
  private static String signedness(Map<String, Long> negative) {
    List<String> signed = new ArrayList<>();
    List<String> unsigned = new ArrayList<>();
    negative.forEach((abi, v) -> (v != 0 ? signed : unsigned).add(abi));
    return "signed on "
        + String.join(", ", signed)
        + " but unsigned on "
        + String.join(", ", unsigned);
  }

  private TypedefAnnotation typedefAnnotation(String name, Location at) throws Unmirrorable {
    Width w = width(name, at);
    if (collecting) {
      return new TypedefAnnotation(name, Naming.typeName(name), "", "", at);
    }
    TypedefAnnotation existing = typedefAnnotations.get(name);
    if (existing != null) {
      return existing;
    }
    StringBuilder perAbi = new StringBuilder();
    for (String abi : abis) {
      Declarations d = decls.get(abi);
      if (perAbi.length() > 0) {
        perAbi.append("; ");
      }
      perAbi
          .append(abi)
          .append(": ")
          .append(d.resolve(new CType.Named(name)))
          .append(" (")
          .append(8 * probes.value("sizeof(" + name + ")", abi))
          .append(" bits)");
    }
    Typedef td = decls.get(abis.get(0)).typedefs.get(name);
    TypedefAnnotation ta =
        new TypedefAnnotation(
            name,
            javaName("typedef-annotation " + name, name),
            w.meta(),
            perAbi.toString(),
            td == null ? at : td.location());
    typedefAnnotations.put(name, ta);
    return ta;
  }

  private String javaName(String key, String cName) {
    return javaNames.computeIfAbsent(key, k -> unique(Naming.typeName(cName)));
  }

  private static String describe(Map<String, Long> values, String unit) {
    StringBuilder sb = new StringBuilder();
    values.forEach(
        (abi, v) ->
            sb.append(sb.length() == 0 ? "" : ", ")
                .append(v)
                .append(unit)
                .append(" on ")
                .append(abi));
    return sb.toString();
  }

  /** The value of {@code expr} that must be the same on every ABI. */
  private long same(String expr, Location at) throws Unmirrorable {
    Map<String, Long> v = all(expr, at);
    if (collecting) {
      return 1;
    }
    if (new HashSet<>(v.values()).size() != 1) {
      throw new Unmirrorable("'" + expr + "' differs between ABIs: " + describe(v, ""), at);
    }
    return v.get(abis.get(0));
  }

  /** The value of {@code expr} on every ABI (placeholders while collecting). */
  private Map<String, Long> all(String expr, Location at) throws Unmirrorable {
    probes.request(expr);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String abi : abis) {
      Long v = probes.value(expr, abi);
      if (v == null) {
        if (collecting) {
          v = 1L;
        } else {
          String why = probes.rejection(expr, abi);
          throw new Unmirrorable(
              "the "
                  + abi
                  + " compiler "
                  + (why == null
                      ? "did not evaluate '" + expr + "'"
                      : "rejects '" + expr + "': " + why),
              at);
        }
      }
      out.put(abi, v);
    }
    return out;
  }
}
