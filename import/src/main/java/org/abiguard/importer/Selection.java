package org.abiguard.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
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

  /**
   * Each file of the preprocessed text → the named headers (those the includer itself includes, as
   * the preprocessor names them) through which it was included; a named header maps to itself.
   */
  static Map<String, Set<String>> includedFrom(String preprocessed, String includerName) {
    Map<String, Set<String>> from = new LinkedHashMap<>();
    Deque<String> stack = new ArrayDeque<>(); // the include chain below the includer
    String root = null; // the named header at the bottom of the chain, if the includer named it
    boolean inIncluder = false;
    Matcher m = LINE_MARKER.matcher(preprocessed);
    while (m.find()) {
      String file = m.group(2);
      String flags = m.group(3);
      if (file.endsWith(includerName) || file.startsWith("<")) {
        // back in the includer, or in <built-in> / <command-line> (stdc-predef.h comes from there)
        stack.clear();
        inIncluder = file.endsWith(includerName);
        continue;
      }
      if (flags.contains(" 1")) {
        if (stack.isEmpty()) {
          root = inIncluder ? file : null;
        }
        stack.push(file);
      } else if (flags.contains(" 2")) {
        while (!stack.isEmpty() && !stack.peek().equals(file)) {
          stack.pop();
        }
      }
      if (root != null && !stack.isEmpty()) {
        from.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(root);
      }
    }
    return from;
  }

  /** The named headers: the files the includer itself includes. */
  static Set<String> namedFiles(Map<String, Set<String>> includedFrom) {
    Set<String> named = new LinkedHashSet<>();
    includedFrom.forEach(
        (file, roots) -> {
          if (roots.contains(file)) {
            named.add(file);
          }
        });
    return named;
  }

  /**
   * Whether {@code --types} may pick a type declared in {@code file}, a header that was not named
   * (the named ones are always): any header outside {@code /usr/}; under it, one that is not the C
   * library's or the compiler's ({@link #isCLibrary}) reached through a named header that is not
   * either (a named {@code stdint.h}, which Xen's headers need first, brings nothing to pick). A
   * header under a system include directory that is not the C library's ({@code linux/kvm.h}) is
   * the platform's interface, and so are the interface headers it includes ({@code asm/kvm.h}); the
   * C library's headers it includes ({@code linux/input.h}'s {@code sys/time.h}, which brings
   * glibc's {@code fd_set} and {@code pthread_mutex_t}) are not: their types come only where a type
   * picked needs them, as without {@code --types}.
   */
  static boolean pickable(String file, Set<String> namedThrough) {
    if (!file.startsWith("/usr/")) {
      return true;
    }
    return !isCLibrary(file) && namedThrough.stream().anyMatch(named -> !isCLibrary(named));
  }

  /**
   * The C library's own subdirectories of a system include directory (glibc's, musl's a subset):
   * {@code sys/time.h}, {@code bits/pthreadtypes.h}, {@code netinet/in.h}...
   */
  private static final Set<String> C_LIBRARY_DIRS =
      Set.of(
          "arpa",
          "bits",
          "finclude",
          "gnu",
          "net",
          "netash",
          "netatalk",
          "netax25",
          "neteconet",
          "netinet",
          "netipx",
          "netiucv",
          "netpacket",
          "netrom",
          "netrose",
          "nfs",
          "protocols",
          "rpc",
          "scsi",
          "sys");

  /**
   * A header of the C library or the compiler, not an interface to mirror: one under {@code /usr/}
   * directly in a system include directory ({@code /usr/include/stdint.h}, {@code
   * /usr/include/x86_64-linux-gnu/...}'s or a cross compiler's {@code
   * /usr/aarch64-linux-gnu/include/...}'s top level), in the C library's subdirectories of one
   * ({@code sys/}, {@code bits/}, {@code netinet/}...), or in the compiler's ({@code
   * /usr/lib/gcc/.../stddef.h}).
   */
  static boolean isCLibrary(String file) {
    if (!file.startsWith("/usr/")) {
      return false;
    }
    if (file.startsWith("/usr/lib/gcc")) {
      return true;
    }
    int include = file.indexOf("/include/");
    if (include < 0) {
      return false;
    }
    String name = file.substring(include + "/include/".length());
    int slash = name.indexOf('/');
    if (slash >= 0 && name.substring(0, slash).contains("-linux-")) {
      name = name.substring(slash + 1); // the multiarch directory, /usr/include/x86_64-linux-gnu
      slash = name.indexOf('/');
    }
    return slash < 0 || C_LIBRARY_DIRS.contains(name.substring(0, slash));
  }

  /**
   * The C types asked for, by key ({@code struct foo}, {@code union bar}, or the typedef of a
   * tagless one), in header and line order over the ABIs; {@code where} gets each one's location.
   */
  static List<String> roots(
      Map<String, Declarations> decls,
      Map<String, Map<String, Set<String>>> includedFrom,
      Pattern types,
      Map<String, Location> where) {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, Declarations> e : decls.entrySet()) {
      Declarations d = e.getValue();
      Map<String, Set<String>> from = includedFrom.get(e.getKey());
      Set<String> named = namedFiles(from);
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
                : types.matcher((String) c[1]).matches()
                    && (named.contains(at.file())
                        || pickable(at.file(), from.getOrDefault(at.file(), Set.of())));
        if (wanted) {
          keys.add((String) c[0]);
          where.putIfAbsent((String) c[0], at);
        }
      }
    }
    return new ArrayList<>(keys);
  }
}
