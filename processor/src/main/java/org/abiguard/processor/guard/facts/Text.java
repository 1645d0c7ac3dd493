package org.abiguard.processor.guard.facts;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Text computed on first use: facts carry a description of their source for messages, but almost
 * every fact fits its sink and is never described, so the description is built only when a
 * diagnostic needs it.
 */
public final class Text implements CharSequence {
  private @Nullable Supplier<String> supplier;
  private @Nullable String value;

  private Text(Supplier<String> supplier) {
    this.supplier = supplier;
  }

  /** Text that {@code supplier} computes when it is first needed. */
  public static Text of(Supplier<String> supplier) {
    return new Text(supplier);
  }

  @Override
  public String toString() {
    String computed = value;
    if (computed == null) {
      computed = Objects.requireNonNull(supplier, "computed once").get();
      value = computed;
      supplier = null;
    }
    return computed;
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }
}
