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
import org.jspecify.annotations.Nullable;

/**
 * The members C code can name in a type, for the C assertions and {@code abi-check.c}: its own
 * named members and, through anonymous members (at any depth), theirs, each with its offset in the
 * outer type. Also which types C declares only inline as anonymous members, and so cannot name on
 * their own.
 */
final class CMembers {
  /**
   * A member as C names it from the outer type.
   *
   * @param layout its layout in the type that declares it
   * @param baseOffset the offset of that type in the outer type (0 unless reached through anonymous
   *     members or members of untagged types)
   * @param path its C member designator from the outer type: {@code version}, or through a member
   *     of an untagged type {@code u.createdomain}, or through the first element of an array of an
   *     untagged type {@code slots[0].gfn}
   * @param pastTheEnd whether it lies in the first element of a flexible array: C can take its
   *     offset and size, but a variable of the outer type does not hold it
   */
  record Named(FieldLayout layout, int baseOffset, String path, boolean pastTheEnd) {
    int offset() {
      return baseOffset + layout.offset();
    }

    long bitOffset() {
      return baseOffset * 8L + layout.bitOffset();
    }
  }

  private final Map<String, Map<TargetAbi, StructLayout>> byName = new HashMap<>();
  private final Set<String> onlyAnonymous = new HashSet<>();

  /**
   * @param structs per type, its layouts per ABI
   */
  CMembers(List<List<StructLayout>> structs) {
    Set<String> namedUse = new HashSet<>();
    Set<String> anonymousUse = new HashSet<>();
    for (List<StructLayout> layouts : structs) {
      for (StructLayout layout : layouts) {
        byName
            .computeIfAbsent(layout.struct().javaName(), k -> new HashMap<>())
            .put(layout.abi(), layout);
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
    for (List<StructLayout> layouts : structs) {
      if (!layouts.isEmpty() && layouts.get(0).struct().untagged()) {
        onlyAnonymous.add(layouts.get(0).struct().javaName());
      }
    }
  }

  private static @Nullable String nestedName(MemberType type) {
    if (type instanceof MemberType.StructType s) {
      return s.javaName();
    }
    return type instanceof MemberType.ArrayType a ? nestedName(a.element()) : null;
  }

  /**
   * Whether C declares this type only inline without a tag (it is {@code untagged}, or used only as
   * an anonymous member): it has no assertions of its own; its members are checked through the
   * types that contain it.
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
    // explicit stack of (layout, base offset, path prefix, next member index): no recursion
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {layout, 0, "", 0, false});
    while (!stack.isEmpty()) {
      Object[] top = stack.get(stack.size() - 1);
      StructLayout current = (StructLayout) top[0];
      int base = (Integer) top[1];
      String prefix = (String) top[2];
      int index = (Integer) top[3];
      boolean pastTheEnd = (Boolean) top[4];
      if (index >= current.fields().size()) {
        stack.remove(stack.size() - 1);
        continue;
      }
      top[3] = index + 1;
      FieldLayout f = current.fields().get(index);
      StructLayout inner = null;
      if (f.field().type() instanceof MemberType.StructType nested) {
        inner = byName.getOrDefault(nested.javaName(), Map.of()).get(current.abi());
        if (inner == null && (f.field().anonymous() || onlyAnonymous.contains(nested.javaName()))) {
          missing.add(nested.javaName());
        }
      }
      if (f.field().anonymous()) {
        if (inner != null) {
          stack.add(new Object[] {inner, base + f.offset(), prefix, 0, pastTheEnd});
        }
      } else if (f.field().hasCName()) {
        String path = prefix + f.field().cName();
        out.add(new Named(f, base, path, pastTheEnd));
        if (inner != null && inner.struct().untagged()) {
          stack.add(new Object[] {inner, base + f.offset(), path + ".", 0, pastTheEnd});
        } else if (f.field().type() instanceof MemberType.ArrayType array
            && array.element() instanceof MemberType.StructType element) {
          // an array of an untagged type: its members are named through the first element
          StructLayout first = byName.getOrDefault(element.javaName(), Map.of()).get(current.abi());
          if (first != null && first.struct().untagged()) {
            String firstPath = path + "[0]".repeat(array.dims().size()) + ".";
            boolean past = pastTheEnd || f.field().flexible();
            stack.add(new Object[] {first, base + f.offset(), firstPath, 0, past});
          } else if (first == null && onlyAnonymous.contains(element.javaName())) {
            missing.add(element.javaName());
          }
        }
      }
    }
    return out;
  }
}
