package org.abiguard.processor.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.MemberType;
import org.jspecify.annotations.Nullable;

/**
 * Which code another ABI can share with the primary one, decided from the computed layouts (never
 * from the ABIs' names). An ABI that lays the type out exactly as the primary ABI does, nested
 * types included, inherits all the marshaller's code; one whose layout differs but whose members
 * all have the primary ABI's C widths, nested types included, throws in its range checks exactly
 * where the primary ABI does; one whose members are narrower only where the primary ABI checks
 * nothing (a C {@code long} or pointer, 64 bits on x86_64 and 32 on i386, in a Java {@code long})
 * runs the primary ABI's checks and then those of the narrower members.
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
   * What {@code check(value)} on {@code other} can leave to the primary ABI's {@code check}.
   *
   * @param primary the primary ABI's layout of the type
   * @param after the indexes of the members that {@code other}'s {@code check} checks itself, after
   *     the primary ABI's: those whose C width differs, and those that nest a type whose checks
   *     differ; empty when the two checks are the same ({@link #sameChecks})
   */
  record PrimaryChecks(StructLayout primary, List<Integer> after) {
    PrimaryChecks {
      after = List.copyOf(after);
    }
  }

  /**
   * Whether {@code check(value)} on {@code other} can be the primary ABI's followed by its own
   * checks of a few members, and of which. It can when the two throw for the same values except on
   * members whose C width differs, and the primary ABI checks nothing on those (its width holds
   * every value of the Java type), at every level of nesting: then whatever the primary ABI's check
   * throws for, with the message it throws, {@code other}'s full check would throw for too, and the
   * members it must still check are the narrower ones. Null when it cannot (the primary ABI checks
   * a member that differs; or a union's members differ, whose checks select a member).
   */
  static @Nullable PrimaryChecks primaryChecks(
      StructLayout primary, StructLayout other, MarshallerNames names) {
    if (!everyLevel(primary, other, names, SharedCode::primaryChecksLess)) {
      return null;
    }
    List<Integer> after = new ArrayList<>();
    for (int i = 0; i < primary.fields().size(); i++) {
      FieldLayout onPrimary = primary.fields().get(i);
      MemberType type = elementType(onPrimary);
      if (!Objects.equals(onPrimary.width(), other.fields().get(i).width())
          || (type instanceof MemberType.StructType nested
              && !sameChecks(
                  names.layout(nested, primary.abi()), names.layout(nested, other.abi()), names))) {
        after.add(i);
      }
    }
    return primary.struct().union() && !after.isEmpty() ? null : new PrimaryChecks(primary, after);
  }

  /**
   * At one level: every member whose C width differs between the two ABIs is an integer or pointer
   * (or an array of them), no bit-field, for which the primary ABI's check has no range to check.
   */
  private static boolean primaryChecksLess(StructLayout primary, StructLayout other) {
    for (int i = 0; i < primary.fields().size(); i++) {
      FieldLayout onPrimary = primary.fields().get(i);
      if (Objects.equals(onPrimary.width(), other.fields().get(i).width())) {
        continue;
      }
      MemberType type = elementType(onPrimary);
      if (onPrimary.isBitField()
          || onPrimary.width() == null
          || other.fields().get(i).width() == null
          || !(type instanceof MemberType.IntType || type instanceof MemberType.PointerType)
          || MemberCode.scalar(onPrimary, type).needsRangeCheck()) {
        return false;
      }
    }
    return true;
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
        MemberType type = elementType(field);
        if (type instanceof MemberType.StructType nested && seen.add(nested.javaName())) {
          work.push(
              new Pair(names.layout(nested, primary.abi()), names.layout(nested, other.abi())));
        }
      }
    }
    return true;
  }

  /** A member's type, or for an array (of arrays) its elements' type. */
  static MemberType elementType(FieldLayout field) {
    MemberType type = field.field().type();
    while (type instanceof MemberType.ArrayType array) {
      type = array.element();
    }
    return type;
  }
}
