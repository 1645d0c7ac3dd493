package org.abiguard.importer.c;

/** A C type as declared (before the compiler gives it a size). */
public sealed interface CType {
  /**
   * A basic type in canonical spelling: {@code unsigned long}, {@code char}, {@code _Bool}, {@code
   * void}.
   */
  record Basic(String name) implements CType {
    public boolean isInteger() {
      return !name.equals("void")
          && !name.contains("float")
          && !name.contains("double")
          && !name.contains("_Complex")
          && !name.contains("__int128")
          && !name.equals("__builtin_va_list");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A typedef name. */
  record Named(String name) implements CType {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code struct tag} or {@code union tag}; {@code definition} is set where the type is defined
   * inline.
   */
  record Record(boolean union, String tag, RecordDef definition) implements CType {
    public String keyword() {
      return union ? "union" : "struct";
    }

    @Override
    public String toString() {
      return keyword() + " " + (tag == null ? "{...}" : tag);
    }
  }

  /** {@code enum tag}. */
  record Enum(String tag) implements CType {
    @Override
    public String toString() {
      return "enum " + (tag == null ? "{...}" : tag);
    }
  }

  /** A pointer. */
  record Pointer(CType target) implements CType {
    @Override
    public String toString() {
      return target + " *";
    }
  }

  /** An array; {@code length} is the length expression's text, {@code null} for {@code []}. */
  record Array(CType element, String length) implements CType {
    @Override
    public String toString() {
      return element + " [" + (length == null ? "" : length) + "]";
    }
  }

  /** A function type (only ever reached through a pointer in a struct). */
  record Function(CType result) implements CType {
    @Override
    public String toString() {
      return result + " (...)";
    }
  }

  /** A type the parser does not take apart ({@code __typeof__(...)}, {@code _Atomic(...)}). */
  record Opaque(String text) implements CType {
    @Override
    public String toString() {
      return text;
    }
  }
}
