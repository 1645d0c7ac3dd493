package org.abiguard;

/**
 * A value does not fit the C width it is bound for: thrown by the {@code Abi.check*} helpers and by
 * a generated {@code write} before it writes any byte.
 */
public class AbiRangeException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what did not fit, and where
   */
  public AbiRangeException(String message) {
    super(message);
  }
}
