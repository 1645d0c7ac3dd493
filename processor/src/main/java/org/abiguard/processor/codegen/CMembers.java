package org.abiguard.processor.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;

/**
 * The members C code can name in a type, for the C assertions and {@code abi-check.c}: its own
 * named members and, through anonymous members (at any depth), theirs, each with its offset in
 * the outer type. Also which types C declares only inline as anonymous members, and so cannot
 * name on their own.
 */
final class CMembers {
  /**
   * A member as C names it from the outer type.
   *
   * @param layout its layout in the type that declares it
   * @param baseOffset the offset of that type in the outer type (0 unless reached through
   *     anonymous members)
   */
  record Named(FieldLayout layout, int baseOffset) {
    int offset() {
      return baseOffset + layout.offset();
    }

    long bitOffset() {
      return baseOffset * 8L + layout.bitOffset();
    }
  }

  private final Map<String, Map<TargetAbi, StructLayout>> byName = new HashMap<>();
  private final Set<String> onlyAnonymous = new HashSet<>();

  /** @param structs per type, its layouts per ABI */
  CMembers(List<List<StructLayout>> structs) {
    Set<String> namedUse = new HashSet<>();
    Set<String> anonymousUse = new HashSet<>();
    for (List<StructLayout> layouts : structs) {
      for (StructLayout layout : layouts) {
        byName.computeIfAbsent(layout.struct().javaName(), k -> new HashMap<>()).put(layout.abi(), layout);
      }
      if (layouts.isEmpty()) {
        continue;
      }
      for (FieldLayout f : layouts.get(0).fields()) {
        String nested = nestedName(f.field().type());
        if (nested != null) {
          (f.field().anonymous() ? anonymousUse : namedUse).add(nested);
        }
      }
    }
    for (String name : anonymousUse) {
      if (!namedUse.contains(name)) {
        onlyAnonymous.add(name);
      }
    }
  }

  private static String nestedName(MemberType type) {
    if (type instanceof MemberType.StructType s) {
      return s.javaName();
    }
    return type instanceof MemberType.ArrayType a ? nestedName(a.element()) : null;
  }

  /**
   * Whether C declares this type only inline, as an anonymous member without a tag: it has no
   * assertions of its own; its members are checked through the types that contain it.
   */
  boolean onlyAnonymous(String javaName) {
    return onlyAnonymous.contains(javaName);
  }

  /**
   * The members C names in {@code layout}'s type, in declaration order; members of an anonymous
   * member whose layout is not in this compilation are left out (listed in {@code missing}).
   */
  List<Named> named(StructLayout layout, List<String> missing) {
    List<Named> out = new ArrayList<>();
    // explicit stack of (layout, base offset, next member index): no recursion over nesting depth
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {layout, 0, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.get(stack.size() - 1);
      StructLayout current = (StructLayout) top[0];
      int base = (Integer) top[1];
      int index = (Integer) top[2];
      if (index >= current.fields().size()) {
        stack.remove(stack.size() - 1);
        continue;
      }
      top[2] = index + 1;
      FieldLayout f = current.fields().get(index);
      if (f.field().anonymous()) {
        String nested = ((MemberType.StructType) f.field().type()).javaName();
        StructLayout inner = byName.getOrDefault(nested, Map.of()).get(current.abi());
        if (inner == null) {
          missing.add(nested);
        } else {
          stack.add(new Object[] {inner, base + f.offset(), 0});
        }
      } else if (f.field().hasCName()) {
        out.add(new Named(f, base));
      }
    }
    return out;
  }
}
