package org.abiguard.processor.guard.sinks;

import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;

/**
 * A place a value flows into that declares a width: a parameter, field, local, return value, array
 * element or record component.
 *
 * @param width the declared C width
 * @param kind the Java type that holds it
 * @param description for messages, e.g. {@code parameter 'space' of xenmemAddToPhysmapOne (u16)}
 * @param noun what the fix widens, e.g. {@code parameter}
 * @param abiDependent the width is that of a C {@code long} or pointer on the narrowest ABI of the
 *     build ({@code @NativeLong}, {@code @Pointer}): the mirror cannot be widened, only split per
 *     ABI
 */
public record Sink(
    Width width, JavaKind kind, String description, String noun, boolean abiDependent) {
  /** A sink whose width is the same on every ABI. */
  public Sink(Width width, JavaKind kind, String description, String noun) {
    this(width, kind, description, noun, false);
  }

  /**
   * This sink, its description saying how the value reaches it: {@code " through Arrays.fill"};
   * itself when {@code how} is empty.
   */
  public Sink through(String how) {
    return how.isEmpty() ? this : new Sink(width, kind, description + how, noun, abiDependent);
  }
}
