package org.abiguard.importer.mirror;

import org.abiguard.importer.c.CType;
import org.abiguard.importer.c.RecordDef;

/** C declarations written back as C, for Javadoc and messages. */
final class CSpelling {
  private CSpelling() {}

  static String member(RecordDef.Member m) {
    String decl = declaration(m.type(), m.name() == null ? "" : m.name());
    if (m.bits() != null) {
      decl += " : " + m.bits();
    }
    if (m.aligned() != null) {
      decl += " __attribute__((aligned(" + m.aligned() + ")))";
    }
    return decl.strip() + ";";
  }

  /**
   * Xen's guest handle typedefs as the macros that declare them: {@code
   * XEN_GUEST_HANDLE(xen_pfn_t)}.
   */
  static String macro(String type) {
    if (type.startsWith("__guest_handle_64_")) {
      return "XEN_GUEST_HANDLE_64(" + type.substring("__guest_handle_64_".length()) + ")";
    }
    if (type.startsWith("__guest_handle_")) {
      return "XEN_GUEST_HANDLE(" + type.substring("__guest_handle_".length()) + ")";
    }
    return type;
  }

  static String declaration(CType t, String name) {
    if (t instanceof CType.Pointer p) {
      String inner =
          p.target() instanceof CType.Array || p.target() instanceof CType.Function
              ? "(*" + name + ")"
              : "*" + name;
      return declaration(p.target(), inner);
    }
    if (t instanceof CType.Array a) {
      return declaration(a.element(), name + "[" + (a.length() == null ? "" : a.length()) + "]");
    }
    if (t instanceof CType.Function f) {
      return declaration(f.result(), name + "(...)");
    }
    return (macro(t.toString()) + " " + name).strip();
  }
}
