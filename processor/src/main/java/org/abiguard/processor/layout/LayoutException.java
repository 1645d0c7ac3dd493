package org.abiguard.processor.layout;

/**
 * A struct that cannot be laid out; the message says why, for an {@code [abiguard:layout]} error.
 */
public final class LayoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LayoutException(String message) {
    super(message);
  }
}
