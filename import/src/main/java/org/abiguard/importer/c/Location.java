package org.abiguard.importer.c;

/** Where a declaration is: the header as the preprocessor named it, and its line. */
public record Location(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
