package org.abiguard.processor.diag;

/** The stable diagnostic kinds; each message starts with {@code [abiguard:<id>]}. */
public enum AbiKind {
  /** A value can pass from a wider source into a narrower sink. */
  NARROWING("narrowing"),
  /** A signed value, or raw bits that Java sign-extends, into an unsigned sink. */
  SIGN("sign"),
  /** A misuse of abiguard's annotations. */
  ANNOTATION("annotation"),
  /** A struct that cannot be laid out. */
  LAYOUT("layout"),
  /** A layout that changed against the baseline manifest. */
  ABI_BREAK("abi-break");

  private final String id;

  AbiKind(String id) {
    this.id = id;
  }

  /** The id written in messages and accepted by {@code @SuppressWarnings("abiguard:<id>")}. */
  public String id() {
    return id;
  }

  /** The message prefix, e.g. {@code [abiguard:narrowing]}. */
  public String prefix() {
    return "[abiguard:" + id + "]";
  }

  /** Whether {@code -Aabiguard.severity=warning} may turn this kind into a warning. */
  public boolean demotable() {
    return this == NARROWING || this == SIGN || this == ABI_BREAK;
  }
}
