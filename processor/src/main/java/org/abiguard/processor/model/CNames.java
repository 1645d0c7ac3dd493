package org.abiguard.processor.model;

import java.util.Set;
import java.util.regex.Pattern;

/** What C accepts as a name, and the names abiguard derives from Java names. */
public final class CNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** C keywords that are valid Java identifiers (Java keywords cannot be Java names anyway). */
  private static final Set<String> C_ONLY_KEYWORDS = Set.of(
      "auto", "extern", "inline", "register", "restrict", "signed", "sizeof", "struct",
      "typedef", "union", "unsigned", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex",
      "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local");

  private CNames() {}

  /** Whether {@code name} can name a C struct, typedef or member. */
  public static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches() && !C_ONLY_KEYWORDS.contains(name);
  }

  /**
   * The generated marshaller's simple name: {@code FooMarshaller} for {@code p.Foo},
   * {@code Outer_FooMarshaller} for {@code p.Outer.Foo}.
   *
   * @param relativeName the type's name relative to its package, e.g. {@code Outer.Foo}
   */
  public static String marshallerSimpleName(String relativeName) {
    return relativeName.replace('.', '_') + "Marshaller";
  }
}
