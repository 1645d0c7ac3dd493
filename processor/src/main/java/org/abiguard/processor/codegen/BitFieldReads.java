package org.abiguard.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The read side of shared bit-field windows: consecutive bit-fields that share a window read it
 * once, into a local {@code window<n>}, when the read's statements stay in one method. One instance
 * follows one {@code read} body through its members in order.
 */
final class BitFieldReads {
  private final boolean enabled;
  private final @Nullable NameAllocator locals;
  private @Nullable BitWindow current;
  private @Nullable String local;
  private int count;

  /**
   * @param enabled whether the body's statements stay in one method (a local cannot cross into the
   *     private methods of a split body), and every member is read (not one union member)
   * @param locals the names already taken (a record's components), or null when only {@code
   *     value.x} are
   */
  BitFieldReads(boolean enabled, @Nullable NameAllocator locals) {
    this.enabled = enabled;
    this.locals = locals;
  }

  /** Reads {@code member} from a shared window when it can; false when the member reads itself. */
  boolean read(
      MemberCode member, CodeBlock.Builder body, Access access, MemberCode.ReadTarget target) {
    if (!enabled || !(member instanceof MemberCode.BitField bits) || !bits.usesWindow()) {
      if (!(member instanceof MemberCode.BitField b && b.field().field().unnamed())) {
        current = null;
      }
      return false;
    }
    BitWindow w = bits.window();
    if (current == null || current.start() != w.start() || current.bytes() != w.bytes()) {
      current = w;
      local = locals == null ? "window" + count++ : locals.newName("window" + count++);
      body.addStatement("long $L = $L", local, bits.unsignedWindow(access));
    }
    bits.readFrom(body, target, CodeBlock.of("$L", local));
    return true;
  }
}
