package org.abiguard.processor.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.abiguard.processor.manifest.LayoutChange.Aspect;
import org.abiguard.processor.manifest.ManifestModel.Field;
import org.abiguard.processor.manifest.ManifestModel.Layout;
import org.abiguard.processor.manifest.ManifestModel.Shape;
import org.abiguard.processor.manifest.ManifestModel.Struct;
import org.jspecify.annotations.Nullable;

/**
 * Compares two manifests: every difference from a baseline to the current layouts, one {@link
 * LayoutChange} per aspect and ABI. It needs no compiler; the processor's baseline check ({@link
 * BaselineChecker}) and the Maven plugin's {@code check-abi} both word and report what it finds.
 *
 * <p>Types are matched by Java name, members by C name, layouts by ABI. A baseline type whose Java
 * name is gone is matched by its C name (and kind) to the current types of Java names the baseline
 * does not have, each on the ABIs of its layouts: a mirror renamed or moved, or split per group of
 * ABIs ({@code abis = {...}}), keeps its layouts compared; a reference to it from another type's
 * member counts as the same type. The order is fixed: for each baseline type, its own changes (byte
 * order, then size and alignment per ABI), then each baseline member's changes over all ABIs
 * (members in first-seen order), then the members the current build added; after all baseline
 * types, the types the current build added.
 */
public final class ManifestComparison {
  private ManifestComparison() {}

  /** Every difference from {@code baseline} to {@code current}. */
  public static List<LayoutChange> compare(List<Struct> baseline, List<Struct> current) {
    Map<String, Struct> now = new LinkedHashMap<>();
    for (Struct s : current) {
      now.put(s.java(), s);
    }
    Set<String> old = new LinkedHashSet<>();
    for (Struct was : baseline) {
      old.add(was.java());
    }
    Map<String, List<Struct>> successors = new LinkedHashMap<>();
    for (Struct was : baseline) {
      if (!now.containsKey(was.java())) {
        List<Struct> next = successors(was, current, old);
        successors.put(
            was.java(), next.isEmpty() ? heldBySameMembers(was, baseline, now, old) : next);
      }
    }
    List<LayoutChange> changes = new ArrayList<>();
    Set<String> matched = new LinkedHashSet<>();
    for (Struct was : baseline) {
      Struct is = now.get(was.java());
      if (is != null) {
        new TypeComparison(was, is, successors, changes).run();
        continue;
      }
      List<Struct> next = successors.getOrDefault(was.java(), List.of());
      if (next.isEmpty()) {
        changes.add(ofType(was, null, Aspect.REMOVED, was.java(), null));
        continue;
      }
      Set<String> uncovered = new LinkedHashSet<>(was.layouts().keySet());
      for (Struct s : next) {
        matched.add(s.java());
        changes.add(ofType(s, null, Aspect.MIRRORED_BY, was.java(), s.java()));
        Map<String, Layout> shared = new LinkedHashMap<>();
        was.layouts()
            .forEach(
                (abi, layout) -> {
                  if (s.layouts().containsKey(abi)) {
                    shared.put(abi, layout);
                  }
                });
        uncovered.removeAll(shared.keySet());
        Struct part = new Struct(s.java(), was.c(), was.order(), shared, was.kind(), was.pack());
        new TypeComparison(part, s, successors, changes).run();
      }
      for (String abi : uncovered) {
        changes.add(ofType(was, abi, Aspect.ABI_NOT_BUILT, null, null));
      }
    }
    for (Struct is : current) {
      if (!old.contains(is.java()) && !matched.contains(is.java())) {
        changes.add(ofType(is, null, Aspect.ADDED, null, null));
      }
    }
    return namedInC(changes, baseline, current);
  }

  /**
   * The changes with the C names C gives them: a member of an anonymous struct or union is a member
   * of the type that holds it ({@code field my_anon.y}, not the mirror's {@code XUnion.y}), and the
   * anonymous type itself is {@code anonymous union in struct my_anon}.
   */
  private static List<LayoutChange> namedInC(
      List<LayoutChange> changes, List<Struct> baseline, List<Struct> current) {
    Map<String, Struct> types = new LinkedHashMap<>();
    Map<String, String> holders = new LinkedHashMap<>();
    for (List<Struct> side : List.of(baseline, current)) {
      for (Struct s : side) {
        types.put(s.java(), s);
        for (Layout layout : s.layouts().values()) {
          for (Field f : layout.fields()) {
            if (f.anonymous() && f.shape().struct() != null) {
              holders.put(f.shape().struct(), s.java());
            }
          }
        }
      }
    }
    if (holders.isEmpty()) {
      return changes;
    }
    List<LayoutChange> named = new ArrayList<>();
    for (LayoutChange c : changes) {
      String holder = holders.get(c.type());
      if (holder == null) {
        named.add(c);
        continue;
      }
      String top = holder;
      StringBuilder within = new StringBuilder("anonymous ").append(c.kind()).append(" in ");
      for (int depth = 0; depth < 64; depth++) {
        String next = holders.get(top);
        Struct held = types.get(top);
        if (next == null || held == null) {
          break;
        }
        within.append("anonymous ").append(held.kind()).append(" in ");
        top = next;
      }
      Struct outer = types.get(top);
      if (outer == null) {
        named.add(c);
        continue;
      }
      named.add(
          new LayoutChange(
              c.type(),
              outer.c(),
              c.member(),
              c.memberJava(),
              c.abi(),
              c.aspect(),
              c.part(),
              c.was(),
              c.now(),
              within + outer.kind()));
    }
    return named;
  }

  /** A change of type {@code s} itself, not of a member. */
  private static LayoutChange ofType(
      Struct s, @Nullable String abi, Aspect aspect, @Nullable String was, @Nullable String now) {
    return new LayoutChange(s.java(), s.c(), null, null, abi, aspect, null, was, now, s.kind());
  }

  /**
   * The current types that stand for {@code was}, whose Java name is gone: those of its C name and
   * kind, with a Java name the baseline does not have, and a layout for one of its ABIs.
   */
  private static List<Struct> successors(Struct was, List<Struct> current, Set<String> old) {
    List<Struct> next = new ArrayList<>();
    for (Struct s : current) {
      if (!old.contains(s.java())
          && s.c().equals(was.c())
          && s.kind().equals(was.kind())
          && s.layouts().keySet().stream().anyMatch(was.layouts()::containsKey)) {
        next.add(s);
      }
    }
    return next;
  }

  /**
   * The current types that fill the members that held {@code was}, whose Java name and C name are
   * both gone: a mirror of a type C declares without a tag ({@code struct { ... } slots[2]}), whose
   * manifest C name is its Java simple name, renamed. A member of a type both sides have, of the
   * same C name on the same ABI, that held {@code was} (or an array of it) and now holds a type of
   * the same kind with a Java name the baseline does not have, holds its successor.
   */
  private static List<Struct> heldBySameMembers(
      Struct was, List<Struct> baseline, Map<String, Struct> now, Set<String> old) {
    List<Struct> next = new ArrayList<>();
    for (Struct parent : baseline) {
      Struct current = now.get(parent.java());
      if (current == null) {
        continue;
      }
      parent
          .layouts()
          .forEach(
              (abi, layout) -> {
                Layout currentLayout = current.layouts().get(abi);
                if (currentLayout == null) {
                  return;
                }
                for (Field f : layout.fields()) {
                  Field held = currentLayout.field(f.key());
                  if (held == null || !was.java().equals(structOf(f.shape()))) {
                    continue;
                  }
                  Struct successor = now.get(structOf(held.shape()));
                  if (successor != null
                      && !old.contains(successor.java())
                      && successor.kind().equals(was.kind())
                      && !next.contains(successor)) {
                    next.add(successor);
                  }
                }
              });
    }
    return next;
  }

  /** The Java name of the type a member holds, itself or as an array's element; else null. */
  private static @Nullable String structOf(Shape shape) {
    Shape element = shape.kind().equals("array") ? shape.element() : shape;
    return element != null && element.kind().equals("struct") ? element.struct() : null;
  }

  /**
   * The changes of one type that both sides have.
   *
   * @param successors by baseline Java name, the current types that stand for a type whose name is
   *     gone: a member nesting one of them nests the same type
   */
  private record TypeComparison(
      Struct was, Struct is, Map<String, List<Struct>> successors, List<LayoutChange> changes) {
    void run() {
      if (!was.order().equals(is.order())) {
        type(null, Aspect.BYTE_ORDER, was.order(), is.order());
      }
      if (!was.kind().equals(is.kind())) {
        type(null, Aspect.TYPE_KIND, was.kind(), is.kind());
      }
      if (was.pack() != is.pack()) {
        type(null, Aspect.PACK, Integer.toString(was.pack()), Integer.toString(is.pack()));
      }
      Map<String, Layout[]> common = new LinkedHashMap<>();
      for (Map.Entry<String, Layout> e : was.layouts().entrySet()) {
        Layout now = is.layouts().get(e.getKey());
        if (now == null) {
          type(e.getKey(), Aspect.ABI_NOT_BUILT, null, null);
          continue;
        }
        common.put(e.getKey(), new Layout[] {e.getValue(), now});
        number(null, null, e.getKey(), Aspect.TYPE_SIZE, e.getValue().size(), now.size());
        number(null, null, e.getKey(), Aspect.TYPE_ALIGN, e.getValue().align(), now.align());
      }
      for (String abi : is.layouts().keySet()) {
        if (!was.layouts().containsKey(abi)) {
          type(abi, Aspect.ABI_ADDED, null, null);
        }
      }
      Map<String, Map<String, Field>> renamed = new LinkedHashMap<>();
      common.forEach((abi, pair) -> renamed.put(abi, renames(pair[0], pair[1])));
      for (String name : names(common, 0)) {
        common.forEach(
            (abi, pair) ->
                member(
                    abi,
                    pair[0].field(name),
                    pair[1].field(name),
                    renamed.getOrDefault(abi, Map.of()).get(name)));
      }
      for (String name : names(common, 1)) {
        common.forEach(
            (abi, pair) -> {
              Field added = pair[1].field(name);
              if (added != null
                  && pair[0].field(name) == null
                  && !renamed.getOrDefault(abi, Map.of()).containsValue(added)) {
                changes.add(
                    new LayoutChange(
                        was.java(),
                        was.c(),
                        display(added),
                        added.java(),
                        abi,
                        Aspect.ADDED,
                        null,
                        null,
                        Integer.toString(added.offset()),
                        was.kind()));
              }
            });
      }
    }

    /** The member names of side 0 (baseline) or 1 (current), in first-seen order over the ABIs. */
    private static Set<String> names(Map<String, Layout[]> common, int side) {
      Set<String> names = new LinkedHashSet<>();
      for (Layout[] pair : common.values()) {
        for (Field f : pair[side].fields()) {
          names.add(f.key());
        }
      }
      return names;
    }

    /**
     * The members of {@code was} renamed in C in {@code now}, by old name: a named member gone from
     * {@code now} whose offset and shape (size, alignment, kind, signedness, bits) exactly one new
     * member has, which no other gone member matches. Its bytes are the same.
     */
    private static Map<String, Field> renames(Layout was, Layout now) {
      List<Field> gone = new ArrayList<>();
      List<Field> added = new ArrayList<>();
      for (Field f : was.fields()) {
        if (!f.name().isEmpty() && now.field(f.key()) == null) {
          gone.add(f);
        }
      }
      for (Field f : now.fields()) {
        if (!f.name().isEmpty() && was.field(f.key()) == null) {
          added.add(f);
        }
      }
      Map<String, Field> renames = new LinkedHashMap<>();
      for (Field old : gone) {
        List<Field> same = added.stream().filter(f -> sameBytes(old, f)).toList();
        if (same.size() == 1 && gone.stream().filter(g -> sameBytes(g, same.get(0))).count() == 1) {
          renames.put(old.key(), same.get(0));
        }
      }
      return renames;
    }

    private static boolean sameBytes(Field a, Field b) {
      return a.offset() == b.offset() && a.shape().equals(b.shape());
    }

    private void member(
        String abi, @Nullable Field old, @Nullable Field now, @Nullable Field renamedTo) {
      if (old == null) {
        return;
      }
      if (now == null && renamedTo != null) {
        changes.add(
            new LayoutChange(
                was.java(),
                was.c(),
                display(old),
                renamedTo.java(),
                abi,
                Aspect.RENAMED,
                null,
                display(old),
                display(renamedTo),
                was.kind()));
        return;
      }
      if (now == null) {
        changes.add(
            new LayoutChange(
                was.java(),
                was.c(),
                display(old),
                old.java(),
                abi,
                Aspect.REMOVED,
                null,
                display(old),
                null,
                was.kind()));
        return;
      }
      // a little-endian bit-field is its bits wherever its declared type's storage unit lies:
      // __u32 len:16 and __u16 len:16 at the same bits are the same bytes (the type's own size
      // and alignment, which a unit can change, are compared above)
      boolean bitsAlone =
          "bits".equals(old.shape().kind())
              && "bits".equals(now.shape().kind())
              && "little".equals(was.order())
              && "little".equals(is.order());
      if (!bitsAlone) {
        number(now, null, abi, Aspect.OFFSET, old.offset(), now.offset());
      }
      shape(now, null, abi, old.shape(), now.shape(), bitsAlone);
    }

    private void shape(
        @Nullable Field member, @Nullable String part, String abi, Shape old, Shape now) {
      shape(member, part, abi, old, now, false);
    }

    private void shape(
        @Nullable Field member,
        @Nullable String part,
        String abi,
        Shape old,
        Shape now,
        boolean bitsAlone) {
      text(member, part, abi, Aspect.KIND, old.kind(), now.kind());
      if (!bitsAlone) {
        number(member, part, abi, Aspect.SIZE, old.size(), now.size());
        number(member, part, abi, Aspect.ALIGN, old.align(), now.align());
      }
      if (!old.kind().equals(now.kind())) {
        return;
      }
      switch (old.kind()) {
        case "struct" -> {
          if (successors.getOrDefault(old.struct(), List.of()).stream()
              .noneMatch(s -> s.java().equals(now.struct()))) {
            text(member, part, abi, Aspect.STRUCT_TYPE, old.struct(), now.struct());
          }
        }
        case "float" -> {
          // the size, compared above, tells a float from a double
        }
        case "array" -> {
          text(
              member,
              part,
              abi,
              Aspect.FLEXIBLE,
              flexibility(old.flexible()),
              flexibility(now.flexible()));
          number(member, part, abi, Aspect.LENGTH, old.length(), now.length());
          if (!old.dims().isEmpty() || !now.dims().isEmpty()) {
            // a baseline written before dims were recorded has none: only its length compares
            if (!old.dims().isEmpty() || old.flexible()) {
              text(member, part, abi, Aspect.DIMS, cDims(old), cDims(now));
            }
          }
          shape(member, "element", abi, element(old), element(now));
        }
        case "bits" -> {
          text(
              member,
              part,
              abi,
              Aspect.BIT_OFFSET,
              Long.toString(old.bitOffset()),
              Long.toString(now.bitOffset()));
          number(member, part, abi, Aspect.BIT_SIZE, old.bitSize(), now.bitSize());
          text(
              member,
              part,
              abi,
              Aspect.SIGNEDNESS,
              signedness(old.signed()),
              signedness(now.signed()));
        }
        default ->
            text(
                member,
                part,
                abi,
                Aspect.SIGNEDNESS,
                signedness(old.signed()),
                signedness(now.signed()));
      }
    }

    private void number(
        @Nullable Field member,
        @Nullable String part,
        String abi,
        Aspect aspect,
        int old,
        int now) {
      text(member, part, abi, aspect, Integer.toString(old), Integer.toString(now));
    }

    private void text(
        @Nullable Field member,
        @Nullable String part,
        String abi,
        Aspect aspect,
        @Nullable String old,
        @Nullable String now) {
      if (Objects.equals(old, now)) {
        return;
      }
      changes.add(
          new LayoutChange(
              was.java(),
              was.c(),
              member == null ? null : display(member),
              member == null ? null : member.java(),
              abi,
              aspect,
              part,
              old,
              now,
              was.kind()));
    }

    private void type(
        @Nullable String abi, Aspect aspect, @Nullable String old, @Nullable String now) {
      changes.add(
          new LayoutChange(
              was.java(), was.c(), null, null, abi, aspect, null, old, now, was.kind()));
    }

    /**
     * An array's element: both {@link ManifestModel#of} and {@link ManifestModel#read} give one.
     */
    private static Shape element(Shape array) {
      return Objects.requireNonNull(array.element(), "an array shape has an element");
    }

    /** The C name, or for a member without one {@code (unnamed pad1)} / {@code (anonymous u)}. */
    private static String display(Field f) {
      return !f.name().isEmpty()
          ? f.name()
          : "(" + (f.anonymous() ? "anonymous " : "unnamed ") + f.java() + ")";
    }

    /** {@code [3][2]}, {@code [][3]}, or {@code [6]} for one dimension. */
    private static String cDims(ManifestModel.Shape array) {
      List<Integer> dims = array.dims().isEmpty() ? List.of(array.length()) : array.dims();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < dims.size(); i++) {
        sb.append('[').append(i == 0 && array.flexible() ? "" : dims.get(i)).append(']');
      }
      return sb.toString();
    }

    private static String flexibility(boolean flexible) {
      return flexible ? "a flexible array" : "a fixed array";
    }

    private static String signedness(boolean signed) {
      return signed ? "signed" : "unsigned";
    }
  }
}
