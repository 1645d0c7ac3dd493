package org.abiguard.processor.model;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What C accepts as a name, and the names abiguard derives from Java names. */
public final class CNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Every keyword of C11 and C23, those Java shares ({@code int}, {@code while}, {@code static},
   * {@code for}, {@code char}...) included: a Java name can never be one of those, but an
   * {@code @AbiName} or {@code @AbiStruct(name)} string can.
   */
  private static final Set<String> KEYWORDS =
      Set.of(
          "auto",
          "break",
          "case",
          "char",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extern",
          "float",
          "for",
          "goto",
          "if",
          "inline",
          "int",
          "long",
          "register",
          "restrict",
          "return",
          "short",
          "signed",
          "sizeof",
          "static",
          "struct",
          "switch",
          "typedef",
          "union",
          "unsigned",
          "void",
          "volatile",
          "while",
          "_Alignas",
          "_Alignof",
          "_Atomic",
          "_Bool",
          "_Complex",
          "_Generic",
          "_Imaginary",
          "_Noreturn",
          "_Static_assert",
          "_Thread_local",
          // C23
          "alignas",
          "alignof",
          "bool",
          "constexpr",
          "false",
          "nullptr",
          "static_assert",
          "thread_local",
          "true",
          "typeof",
          "typeof_unqual",
          "_BitInt",
          "_Decimal128",
          "_Decimal32",
          "_Decimal64");

  private CNames() {}

  /** Whether {@code name} can name a C struct member. */
  public static boolean isIdentifier(String name) {
    return problem(name, false, false) == null;
  }

  /** Whether {@code name} can name a C struct (its tag) or typedef, both at file scope. */
  public static boolean isTypeName(String name) {
    return problem(name, true, false) == null;
  }

  /**
   * Why {@code name} cannot name a member ({@code fileScope} false) or a struct or typedef ({@code
   * fileScope} true), or null if it can: not an identifier, a keyword, or, unless {@code
   * reservedNames}, {@linkplain #isReserved reserved}.
   */
  public static @Nullable String problem(String name, boolean fileScope, boolean reservedNames) {
    if (!IDENTIFIER.matcher(name).matches()) {
      return "it is no C identifier";
    }
    if (KEYWORDS.contains(name)) {
      return "it is a C keyword";
    }
    if (reservedNames || !isReserved(name, fileScope)) {
      return null;
    }
    return fileScope && !reservedEverywhere(name)
        ? "C reserves struct and typedef names starting with _ for the implementation"
        : "C reserves names starting with __ or with _ and a capital letter for the implementation";
  }

  /**
   * Whether C reserves the identifier for the implementation (C11 7.1.3): every name starting with
   * {@code __} or {@code _} and an upper-case letter, and at file scope every name starting with
   * {@code _}. System and hypervisor headers declare such names; a program may not.
   */
  public static boolean isReserved(String name, boolean fileScope) {
    return reservedEverywhere(name) || (fileScope && name.startsWith("_"));
  }

  private static boolean reservedEverywhere(String name) {
    return name.startsWith("__")
        || (name.length() > 1 && name.charAt(0) == '_' && Character.isUpperCase(name.charAt(1)));
  }

  /**
   * The fix for a C name that {@link #problem} refuses: for a reserved one, the opt-in of a mirror
   * copied from a header of the implementation, then a program's own names.
   *
   * @param annotation {@code AbiStruct} or {@code AbiUnion}, the annotation of the mirror
   */
  public static String fix(String name, boolean fileScope, String annotation) {
    String plain =
        "use letters, digits and '_', not starting with a digit, no C keyword and no reserved name";
    if (problem(name, fileScope, true) == null) { // refused only as reserved
      return "if the C declaration is in a header of the implementation (an operating system's or"
          + " hypervisor's, as Linux's __kernel_timespec or Xen's __pad), say so with @"
          + annotation
          + "(reservedNames = true); else "
          + plain;
    }
    return plain;
  }

  /**
   * The generated marshaller's simple name: {@code FooMarshaller} for {@code p.Foo}, {@code
   * Outer_FooMarshaller} for {@code p.Outer.Foo}.
   *
   * @param relativeName the type's name relative to its package, e.g. {@code Outer.Foo}
   */
  public static String marshallerSimpleName(String relativeName) {
    return relativeName.replace('.', '_') + "Marshaller";
  }
}
