package org.abiguard.processor.guard.facts;

import java.util.function.Supplier;

/**
 * Text computed on first use: facts carry a description of their source for messages, but
 * almost every fact fits its sink and is never described, so the description is built only
 * when a diagnostic needs it.
 */
public final class Text implements CharSequence {
  private Supplier<String> supplier;
  private String value;

  private Text(Supplier<String> supplier) {
    this.supplier = supplier;
  }

  /** Text that {@code supplier} computes when it is first needed. */
  public static Text of(Supplier<String> supplier) {
    return new Text(supplier);
  }

  @Override
  public String toString() {
    if (value == null) {
      value = supplier.get();
      supplier = null;
    }
    return value;
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
