package org.abiguard.importer.c;

/**
 * A token of preprocessed C.
 *
 * @param kind what it is
 * @param text its text (for {@link Kind#PRAGMA_PACK}, the text inside the pragma's parentheses)
 * @param location where the header declared it
 */
public record Token(Kind kind, String text, Location location) {
  /** Token kinds. */
  public enum Kind {
    IDENT,
    NUMBER,
    STRING,
    CHAR,
    PUNCT,
    PRAGMA_PACK,
    /** {@code #pragma scalar_storage_order ORDER}: the text is the order. */
    PRAGMA_STORAGE_ORDER,
    EOF
  }

  public boolean is(String s) {
    return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
  }

  @Override
  public String toString() {
    return text;
  }
}
