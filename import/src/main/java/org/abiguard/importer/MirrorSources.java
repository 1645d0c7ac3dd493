package org.abiguard.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.abiguard.importer.mirror.JavaWriter;
import org.abiguard.importer.mirror.MirrorType;
import org.abiguard.importer.mirror.TypedefAnnotation;

/**
 * Writes placed mirrors as source files, each in its group's package, with the typedef annotations
 * they use: a group's own where its typedef has another width than every ABI gives it, else the one
 * every ABI shares, in the import's package.
 */
final class MirrorSources {
  private final AbiGroup everyAbi;
  private final Headers headers;

  /**
   * @param everyAbi the group of every ABI, whose package holds the shared mirrors and typedef
   *     annotations
   */
  MirrorSources(AbiGroup everyAbi, Headers headers) {
    this.everyAbi = everyAbi;
    this.headers = headers;
  }

  /** Writes the mirrors and the typedef annotations they use under {@code root}. */
  List<Path> write(Path root, Map<String, Placed> mirrors) throws IOException {
    List<Path> files = new ArrayList<>();
    Map<String, TypedefAnnotation> annotations = new TreeMap<>();
    for (Placed p : mirrors.values()) {
      Map<String, TypedefAnnotation> typedefs = typedefsUsed(p);
      annotations.putAll(typedefs);
      Set<String> imports = new TreeSet<>();
      for (String need : p.needs()) {
        Placed other = mirrors.get(need);
        if (other != null && !other.group().pkg().equals(p.group().pkg())) {
          imports.add(other.qualifiedName());
        }
      }
      for (String annotation : typedefs.keySet()) {
        if (!packageOf(annotation).equals(p.group().pkg())) {
          imports.add(annotation);
        }
      }
      files.add(
          write(
              root,
              p.qualifiedName(),
              JavaWriter.mirror(
                  p.type(),
                  p.group().pkg(),
                  p.group().abis(),
                  p.group().saysAbis(),
                  List.copyOf(imports),
                  headers::javadocWhere,
                  headers::sourceLine)));
    }
    for (Map.Entry<String, TypedefAnnotation> e : annotations.entrySet()) {
      files.add(
          write(
              root,
              e.getKey(),
              JavaWriter.typedefAnnotation(
                  e.getValue(), packageOf(e.getKey()), headers::javadocWhere)));
    }
    return files;
  }

  /**
   * The typedef annotations {@code p} uses, by qualified name: its group's, or the one every ABI
   * shares when that one means the same.
   */
  Map<String, TypedefAnnotation> typedefsUsed(Placed p) {
    Map<String, TypedefAnnotation> used = new LinkedHashMap<>();
    Map<String, TypedefAnnotation> shared = everyAbi.mapper().typedefAnnotations();
    for (TypedefAnnotation ta : p.group().mapper().typedefAnnotations().values()) {
      if (uses(p.type(), "@" + ta.javaName())) {
        TypedefAnnotation common = shared.get(ta.cName());
        boolean same = common != null && common.meta().equals(ta.meta());
        used.put(
            (same ? everyAbi.pkg() : p.group().pkg()) + "." + ta.javaName(), same ? common : ta);
      }
    }
    return used;
  }

  /** The source file of a top-level type, relative to the source root. */
  static Path sourcePath(String qualifiedName) {
    return Path.of(qualifiedName.replace('.', '/') + ".java");
  }

  private static Path write(Path root, String qualifiedName, String source) throws IOException {
    Path f = root.resolve(sourcePath(qualifiedName).toString());
    Files.createDirectories(f.getParent());
    Files.writeString(f, source);
    return f;
  }

  private static String packageOf(String qualifiedName) {
    return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
  }

  private static boolean uses(MirrorType t, String annotation) {
    return t.members().stream().anyMatch(m -> m.annotations().contains(annotation))
        || t.nested().stream().anyMatch(n -> uses(n, annotation));
  }
}
