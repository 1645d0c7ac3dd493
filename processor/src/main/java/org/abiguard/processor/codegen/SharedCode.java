package org.abiguard.processor.codegen;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.MemberType;

/**
 * Which code another ABI can share with the primary one, decided from the computed layouts (never
 * from the ABIs' names). An ABI that lays the type out exactly as the primary ABI does, nested
 * types included, inherits all the marshaller's code; one whose layout differs but whose members
 * all have the primary ABI's C widths, nested types included, throws in its range checks exactly
 * where the primary ABI does.
 */
final class SharedCode {
  private SharedCode() {}

  /**
   * Whether {@code other} lays the type out exactly as {@code primary}: the same size, alignment,
   * and for every member the same offset, size, alignment, C width and bits; and the same holds for
   * every struct or union it nests, at any depth (their code is called on the primary ABI then).
   */
  static boolean sameLayout(StructLayout primary, StructLayout other, MarshallerNames names) {
    return everyLevel(primary, other, names, SharedCode::sameLevel);
  }

  /**
   * Whether {@code check(value)} on {@code other} throws exactly where it does on {@code primary}:
   * every member of the type and of every type it nests, at any depth, has the same C width on both
   * (array lengths and bit-field widths are the model's, the same on every ABI).
   */
  static boolean sameChecks(StructLayout primary, StructLayout other, MarshallerNames names) {
    return everyLevel(primary, other, names, SharedCode::sameWidths);
  }

  /**
   * How messages name the ABIs that share one piece of code: {@code x86_64}, {@code x86_64 and
   * aarch64}, {@code x86_64, i386 and aarch64}.
   */
  static String named(List<TargetAbi> abis) {
    StringBuilder text = new StringBuilder(abis.get(0).manifestName());
    for (int i = 1; i < abis.size(); i++) {
      text.append(i == abis.size() - 1 ? " and " : ", ").append(abis.get(i).manifestName());
    }
    return text.toString();
  }

  private static boolean sameLevel(StructLayout primary, StructLayout other) {
    return primary.size() == other.size()
        && primary.align() == other.align()
        && primary.fields().equals(other.fields());
  }

  private static boolean sameWidths(StructLayout primary, StructLayout other) {
    for (int i = 0; i < primary.fields().size(); i++) {
      if (!Objects.equals(primary.fields().get(i).width(), other.fields().get(i).width())) {
        return false;
      }
    }
    return true;
  }

  private record Pair(StructLayout primary, StructLayout other) {}

  /**
   * Whether {@code test} holds for the two layouts and for the two layouts of every type they nest,
   * each nested type once, from a work list (no nesting depth exhausts the Java stack).
   */
  private static boolean everyLevel(
      StructLayout primary,
      StructLayout other,
      MarshallerNames names,
      BiPredicate<StructLayout, StructLayout> test) {
    Deque<Pair> work = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    work.push(new Pair(primary, other));
    seen.add(primary.struct().javaName());
    while (!work.isEmpty()) {
      Pair pair = work.pop();
      if (pair.primary().fields().size() != pair.other().fields().size()
          || !test.test(pair.primary(), pair.other())) {
        return false;
      }
      for (FieldLayout field : pair.primary().fields()) {
        MemberType type = field.field().type();
        while (type instanceof MemberType.ArrayType array) {
          type = array.element();
        }
        if (type instanceof MemberType.StructType nested && seen.add(nested.javaName())) {
          work.push(
              new Pair(names.layout(nested, primary.abi()), names.layout(nested, other.abi())));
        }
      }
    }
    return true;
  }
}
