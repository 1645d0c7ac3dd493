package org.abiguard.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import org.abiguard.processor.layout.FieldLayout;
import org.jspecify.annotations.Nullable;

/**
 * Which of a struct's bit-fields {@code put} writes together, through one window, and the code that
 * does it. A group of several bit-fields sharing a window is written read-modify-write once; a
 * window that no other member has a bit in (<i>owned</i>: its other bits are padding or unnamed
 * bit-fields) is built from zero instead, even for a single bit-field, and its bytes need no
 * zeroing first.
 */
final class BitFieldWrites {
  /**
   * Members {@code first..last} (consecutive, named, sharing a window); {@code owned} when no other
   * member has a bit in the window's bytes.
   */
  record Group(int first, int last, boolean owned) {}

  private final List<MemberCode> members;
  private final List<Group> groups;

  /** The groups of {@code members}, the struct's member code in member order. */
  BitFieldWrites(List<MemberCode> members) {
    this.members = members;
    this.groups = find(members);
  }

  /** The windows built from zero: {@code put} need not zero their bytes first. */
  List<BitWindow> ownedWindows() {
    List<BitWindow> owned = new ArrayList<>();
    for (Group group : groups) {
      if (group.owned()) {
        owned.add(((MemberCode.BitField) members.get(group.first())).window());
      }
    }
    return owned;
  }

  /** The group whose first member is {@code member}, or null. */
  @Nullable Group startingAt(int member) {
    for (Group group : groups) {
      if (group.first() == member) {
        return group;
      }
    }
    return null;
  }

  /** One window's bit-fields: its value built (from zero, or read), each merged, put back. */
  void write(CodeBlock.Builder body, Access access, Group group) {
    MemberCode.BitField first = (MemberCode.BitField) members.get(group.first());
    CodeBlock unit = CodeBlock.of("unit$L", first.window().start());
    boolean owned = group.owned();
    if (owned) {
      body.add("long $L = 0L; // no other member has a bit in these bytes\n", unit);
    } else {
      body.addStatement("long $L = $L", unit, first.unsignedWindow(access));
    }
    for (int k = group.first(); k <= group.last(); k++) {
      MemberCode.BitField field = (MemberCode.BitField) members.get(k);
      body.addStatement(owned ? field.orInto(unit) : field.mergeInto(unit));
    }
    body.addStatement(first.putWindow(access, unit));
  }

  private static List<Group> find(List<MemberCode> members) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (!(members.get(i) instanceof MemberCode.BitField first) || !first.usesWindow()) {
        continue;
      }
      int end = i;
      while (end + 1 < members.size()
          && members.get(end + 1) instanceof MemberCode.BitField next
          && next.usesWindow()
          && next.window().start() == first.window().start()
          && next.window().bytes() == first.window().bytes()) {
        end++;
      }
      boolean owned = owns(members, i, end, first.window());
      if (end > i || owned) {
        groups.add(new Group(i, end, owned));
      }
      i = end;
    }
    return groups;
  }

  /**
   * Whether no member outside {@code first..last} has a bit in {@code window}'s bytes: unnamed and
   * zero-width bit-fields have none (their bits are padding), a flexible array has every bit from
   * its offset on.
   */
  private static boolean owns(List<MemberCode> members, int first, int last, BitWindow window) {
    long from = 8L * window.start();
    long to = 8L * (window.start() + window.bytes());
    for (int k = 0; k < members.size(); k++) {
      FieldLayout f = members.get(k).field();
      if ((k >= first && k <= last)
          || (f.isBitField() && (f.field().unnamed() || f.bitSize() == 0))) {
        continue;
      }
      long end = f.field().flexible() ? Long.MAX_VALUE : f.bitOffset() + f.bitSize();
      if (f.bitOffset() < to && from < end) {
        return false;
      }
    }
    return true;
  }
}
