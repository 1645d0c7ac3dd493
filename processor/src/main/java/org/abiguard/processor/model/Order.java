package org.abiguard.processor.model;

/** A struct's byte order; mirrors {@code org.abiguard.Endian} without depending on it. */
public enum Order {
  LITTLE,
  BIG;

  /** The manifest spelling: {@code little} or {@code big}. */
  public String manifestName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
