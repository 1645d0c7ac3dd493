package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * The sources of other top-level classes of the compilation, parsed again so that the guard can
 * follow their helpers. javac attributes, flows and lowers one top-level class after another: when
 * a class is analysed, another's trees are either not typed yet or already lowered. Its source
 * file, parsed again by a javac task of its own (parsing only, nothing entered), gives trees as
 * written that nothing changes later; {@link ParsedSource} resolves their names through the
 * compilation's elements. Each file is parsed at most once per compilation, and only when the guard
 * meets a call to a method of one of its classes that could be a helper.
 */
public final class ParsedSources {
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final SourceVersion source;

  /** Per source file of the compilation, parsed again (empty when that failed). */
  private final Map<JavaFileObject, Optional<ParsedSource>> byFile = new java.util.HashMap<>();

  /**
   * The source file of each top-level class javac has analysed: once a class is lowered and
   * written, javac no longer finds its trees from its element. (Such a class's file is parsed at
   * the first call of one of its methods that could be a helper; a class not analysed yet is parsed
   * only if javac's tree of the method has a body. A {@code void} method is parsed for as a
   * validator may be one: {@link HelperBodies} follows it when its statements throw or call.)
   */
  private final Map<TypeElement, JavaFileObject> files = new java.util.HashMap<>();

  /** Per unit parsed again, what resolves its names. */
  private final IdentityHashMap<CompilationUnitTree, ParsedSource> parsed = new IdentityHashMap<>();

  /** The members of the classes the sources' names resolve in, shared by every source. */
  private final ParsedSource.Members members;

  private @Nullable JavaCompiler compiler;

  /**
   * One file manager for every parse (parsing reads only the file it is given, and opens no class
   * path): made once, not once per file.
   */
  private javax.tools.@Nullable StandardJavaFileManager fileManager;

  public ParsedSources(Trees trees, Elements elements, Types types, SourceVersion source) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.source = source;
    this.members = new ParsedSource.Members(elements);
  }

  /** Notes the source file of a top-level class javac has analysed. */
  public void analysed(TypeElement top, CompilationUnitTree unit) {
    files.put(top, unit.getSourceFile());
  }

  /** The parsed source a unit is, or null for a unit of the compilation itself. */
  @Nullable ParsedSource of(CompilationUnitTree unit) {
    return parsed.isEmpty() ? null : parsed.get(unit);
  }

  /**
   * The declaration of {@code method}, of the top-level class {@code top}, in its source parsed
   * again; null when the class has no source in this compilation, or it does not parse.
   */
  @Nullable TreePath declaration(ExecutableElement method, TypeElement top) {
    if (!files.containsKey(top)) {
      // not analysed yet: javac still has its trees, attributed or not, but not lowered, and a
      // method without a body need not be parsed again to tell it is no helper
      MethodTree tree = trees.getTree(method);
      if (tree == null || tree.getBody() == null) {
        return null;
      }
    }
    ParsedSource source = parsedSourceOf(top);
    return source == null ? null : source.declaration(method);
  }

  /**
   * The declaration of {@code type}, a class in the top-level class {@code top}, in its source
   * parsed again; null when it has no source in this compilation, or it does not parse.
   */
  @Nullable TreePath declaration(TypeElement type, TypeElement top) {
    ParsedSource source = parsedSourceOf(top);
    return source == null ? null : source.classPath(type);
  }

  /**
   * Whether a record accessor of the top-level class {@code top}, another than the one analysed, is
   * the implicit one (no method of its name and no parameters is written in the record), read from
   * the record's source parsed again; null when that source is not at hand.
   */
  @Nullable Boolean implicitAccessor(ExecutableElement accessor, TypeElement top) {
    ParsedSource source = parsedSourceOf(top);
    return source == null ? null : source.declaresNoMethod(accessor);
  }

  /**
   * The source of a top-level class of the compilation, parsed again; null for a class from a jar
   * or class file, or a source that does not parse.
   */
  private @Nullable ParsedSource parsedSourceOf(TypeElement top) {
    JavaFileObject file = fileOf(top);
    return file == null ? null : parsed(file);
  }

  /**
   * The sources of the top-level classes {@code tops}, parsed again, whose text is one {@code
   * worth} accepts (a cheap look at the text, before a file is parsed), each once; not those
   * without a source in this compilation, or whose source does not parse or cannot be read. The
   * files not parsed yet are parsed together, by one javac task.
   */
  List<ParsedSource> parsedAll(Collection<TypeElement> tops, Predicate<CharSequence> worth) {
    List<ParsedSource> out = new ArrayList<>();
    Set<JavaFileObject> toParse = new LinkedHashSet<>();
    for (TypeElement top : tops) {
      JavaFileObject file = fileOf(top);
      if (file == null || toParse.contains(file)) {
        continue;
      }
      Optional<ParsedSource> known = byFile.get(file);
      if (known != null) {
        known.ifPresent(out::add);
        continue;
      }
      try {
        if (worth.test(file.getCharContent(true))) {
          toParse.add(file);
        }
      } catch (java.io.IOException | RuntimeException e) {
        // javac read it too, and reports what it cannot
      }
    }
    Map<JavaFileObject, ParsedSource> fresh = parse(toParse);
    for (JavaFileObject file : toParse) {
      ParsedSource source = fresh.get(file);
      byFile.put(file, Optional.ofNullable(source));
      if (source != null) {
        parsed.put(source.unit, source);
        out.add(source);
      }
    }
    return out;
  }

  /** Whether the top-level class {@code top} comes from a jar or class file, not from a source. */
  boolean fromClassFile(TypeElement top) {
    return fileOf(top) == null;
  }

  /** The source file of a top-level class of the compilation; null for one from a class file. */
  private @Nullable JavaFileObject fileOf(TypeElement top) {
    JavaFileObject file = files.get(top);
    if (file == null) {
      TreePath topPath = trees.getPath(top); // not analysed yet: javac still has its trees
      if (topPath == null) {
        return null;
      }
      file = topPath.getCompilationUnit().getSourceFile();
    }
    return file;
  }

  /** The file parsed again, once; null when it does not parse. */
  private @Nullable ParsedSource parsed(JavaFileObject file) {
    Optional<ParsedSource> source = byFile.get(file);
    if (source == null) {
      source = Optional.ofNullable(parse(file));
      byFile.put(file, source);
      source.ifPresent(s -> parsed.put(s.unit, s));
    }
    return source.orElse(null);
  }

  /**
   * Whether every expression in {@code expression} (a helper's returned expression, or its body of
   * statements), of a source parsed again, has a type and every name in it an element: only then is
   * it followed.
   */
  boolean typed(TreePath expression) {
    ParsedSource source = of(expression.getCompilationUnit());
    return source != null && source.resolvesAll(expression);
  }

  private @Nullable ParsedSource parse(JavaFileObject file) {
    return parse(List.of(file)).get(file);
  }

  /**
   * {@code files} parsed by one javac task (parsing only, nothing entered), each that parses
   * without an error; none when parsing fails as a whole.
   */
  private Map<JavaFileObject, ParsedSource> parse(Collection<JavaFileObject> files) {
    Map<JavaFileObject, ParsedSource> out = new java.util.HashMap<>();
    if (files.isEmpty()) {
      return out;
    }
    try {
      if (compiler == null) {
        compiler = ToolProvider.getSystemJavaCompiler();
      }
      if (compiler == null) {
        return out;
      }
      if (fileManager == null) {
        fileManager = compiler.getStandardFileManager(null, null, null);
      }
      Set<JavaFileObject> failed = new HashSet<>();
      boolean[] failedWhole = {false};
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  fileManager,
                  d -> {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                      if (d.getSource() == null) {
                        failedWhole[0] = true;
                      } else {
                        failed.add(d.getSource());
                      }
                    }
                  },
                  List.of("-proc:none", "-source", release()),
                  null,
                  files);
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      if (failedWhole[0]) {
        return out; // an error of no one file
      }
      for (CompilationUnitTree unit : units) {
        JavaFileObject file = unit.getSourceFile();
        if (files.contains(file) && !failed.contains(file)) {
          out.put(file, new ParsedSource(unit, elements, types, members));
        }
      }
      return out;
    } catch (RuntimeException | LinkageError | java.io.IOException e) {
      return out; // not followed, as a method from a jar is not
    }
  }

  /** The source level to parse at: the compilation's (8 at the least). */
  private String release() {
    String name = source.name(); // RELEASE_17
    int level;
    try {
      level = Integer.parseInt(name.substring(name.indexOf('_') + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      level = 17;
    }
    return Integer.toString(Math.max(8, level));
  }
}
