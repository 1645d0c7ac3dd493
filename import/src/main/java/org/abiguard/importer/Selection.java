package org.abiguard.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.importer.c.CType;
import org.abiguard.importer.c.Declarations;
import org.abiguard.importer.c.Location;
import org.abiguard.importer.c.RecordDef;
import org.abiguard.importer.c.Typedef;

/**
 * Which C types an import asks for: those declared in the named headers, or those {@code --types}
 * matches.
 */
final class Selection {
  private static final Pattern LINE_MARKER =
      Pattern.compile("(?m)^# (\\d+) \"((?:[^\"\\\\]|\\\\.)*)\"((?: \\d)*)$");

  private Selection() {}

  /** The files the includer itself includes: the headers as the preprocessor names them. */
  static Set<String> namedFiles(String preprocessed, String includerName) {
    Set<String> named = new LinkedHashSet<>();
    String current = "";
    Matcher m = LINE_MARKER.matcher(preprocessed);
    String previous = "";
    while (m.find()) {
      String file = m.group(2);
      String flags = m.group(3);
      if (flags.contains(" 1") && previous.endsWith(includerName)) {
        named.add(file);
      }
      current = file;
      previous = current;
    }
    return named;
  }

  /**
   * The C types asked for, by key ({@code struct foo}, {@code union bar}, or the typedef of a
   * tagless one), in header and line order over the ABIs; {@code where} gets each one's location.
   */
  static List<String> roots(
      Map<String, Declarations> decls,
      Map<String, Set<String>> namedFiles,
      Pattern types,
      Map<String, Location> where) {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, Declarations> e : decls.entrySet()) {
      Declarations d = e.getValue();
      Set<String> named = namedFiles.get(e.getKey());
      List<Object[]> candidates = new ArrayList<>(); // {key, cName, location}
      for (RecordDef r : d.records) {
        candidates.add(new Object[] {r.keyword() + " " + r.tag(), r.tag(), r.location()});
      }
      for (Typedef t : d.typedefs.values()) {
        if (t.type() instanceof CType.Record r
            && r.tag() == null
            && r.definition() != null
            && !t.name()
                .startsWith("__guest_handle_")) { // Xen's guest handles are @Pointer members
          candidates.add(new Object[] {t.name(), t.name(), t.location()});
        }
      }
      candidates.sort(
          Comparator.comparing((Object[] c) -> ((Location) c[2]).file())
              .thenComparingInt(c -> ((Location) c[2]).line()));
      for (Object[] c : candidates) {
        Location at = (Location) c[2];
        boolean wanted =
            types == null
                ? named.contains(at.file())
                : types.matcher((String) c[1]).matches() && !at.file().startsWith("/usr/");
        if (wanted) {
          keys.add((String) c[0]);
          where.putIfAbsent((String) c[0], at);
        }
      }
    }
    return new ArrayList<>(keys);
  }
}
