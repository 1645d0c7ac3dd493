package org.abiguard.processor.guard.facts;

/**
 * An origin that reads as a name and keeps more behind it for a finding to look at ({@link
 * JoinedOrigin}'s sides, {@link PassedIn}'s calls): as text it is the name, wherever it goes.
 */
abstract sealed class NamedOrigin implements CharSequence permits JoinedOrigin, PassedIn {
  /** What the origin reads as. */
  final CharSequence named;

  NamedOrigin(CharSequence named) {
    this.named = named;
  }

  @Override
  public final int length() {
    return named.length();
  }

  @Override
  public final char charAt(int index) {
    return named.charAt(index);
  }

  @Override
  public final CharSequence subSequence(int start, int end) {
    return named.subSequence(start, end);
  }

  @Override
  public final String toString() {
    return named.toString();
  }
}
