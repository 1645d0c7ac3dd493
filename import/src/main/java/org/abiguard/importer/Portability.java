package org.abiguard.importer;

import java.util.ArrayList;
import java.util.List;
import org.abiguard.importer.c.RecordDef;
import org.abiguard.importer.mirror.Mapper;
import org.abiguard.importer.mirror.MirrorType;

/** Whether a C type is declared alike on every ABI, and where two declarations part. */
final class Portability {
  private Portability() {}

  /**
   * Why {@code key} is not declared alike on every ABI (missing on some, other members), or {@code
   * null}.
   */
  static String declaredAlike(Mapper mapper, String key, List<String> abis) {
    List<String> has = new ArrayList<>();
    List<String> lacks = new ArrayList<>();
    String firstAbi = null;
    String firstOutline = null;
    for (String abi : abis) {
      RecordDef def = mapper.definition(abi, key);
      if (def == null) {
        lacks.add(abi);
        continue;
      }
      has.add(abi);
      String outline = Mapper.outline(def);
      if (firstOutline == null) {
        firstAbi = abi;
        firstOutline = outline;
      } else if (!outline.equals(firstOutline)) {
        return "not portable: declared with other members on "
            + firstAbi
            + " and "
            + abi
            + " ("
            + outlineDifference(firstOutline, outline)
            + "); abiguard mirrors it only where one declaration serves every ABI";
      }
    }
    if (has.isEmpty()) {
      return null; // the mapper says why
    }
    if (!lacks.isEmpty()) {
      return "not portable: defined on "
          + String.join(", ", has)
          + " but not on "
          + String.join(", ", lacks);
    }
    return null;
  }

  /** Where two outlines part: {@code ..., pad, [u[a, b]] vs ..., pad, [u[a]]}. */
  static String outlineDifference(String a, String b) {
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, a.lastIndexOf(", ", Math.max(0, i - 1)) + 2);
    if (a.lastIndexOf(", ", Math.max(0, i - 1)) < 0) {
      from = 0;
    }
    String sa = a.substring(Math.min(from, a.length()));
    String sb = b.substring(Math.min(from, b.length()));
    return (from > 0 ? "..., " : "")
        + shorten(sa)
        + " vs "
        + (from > 0 ? "..., " : "")
        + shorten(sb);
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  static String difference(MirrorType a, MirrorType b) {
    List<String> am = a.members().stream().map(m -> m.cDeclaration()).toList();
    List<String> bm = b.members().stream().map(m -> m.cDeclaration()).toList();
    for (int i = 0; i < Math.max(am.size(), bm.size()); i++) {
      String x = i < am.size() ? am.get(i) : "(no member)";
      String y = i < bm.size() ? bm.get(i) : "(no member)";
      if (!x.equals(y)
          || i < a.members().size()
              && i < b.members().size()
              && !a.members().get(i).annotations().equals(b.members().get(i).annotations())) {
        return "member " + (i + 1) + ": '" + x + "' vs '" + y + "'";
      }
    }
    return "nested or type-level attributes differ";
  }
}
