package org.abiguard.processor.guard;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.Context;
import org.abiguard.processor.guard.flow.Interpreter;

/**
 * Analyses one class (and its member classes): the override check, then each method and the
 * initializers that mention a declared width. The guard fails closed: a failure inside the
 * analysis of one method is an error on that method (see {@link Reporter#guardFailure}), never a
 * method that silently goes unchecked; the other methods are still checked.
 */
final class ClassAnalyzer {
  /** How one method is analysed: the interpreter, or in tests one that fails on purpose. */
  interface MethodAnalysis {
    void analyse(Context cx, TreePath method);
  }

  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final Declarations decls;
  private final Reporter reporter;
  private final boolean strict;
  private final OverrideCheck overrides;
  private final LocalDeclarations locals;
  /** Classes analysed so far, by symbol (trees are not kept alive after javac is done with them). */
  private final Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());
  private final MethodAnalysis methods;
  /** The declarations per C data model of the configured ABIs, the primary ABI's first. */
  private final List<Declarations> models;

  /**
   * The guard for the data models' declarations: a method that reads a width that depends on the
   * ABI ({@code @NativeLong}, {@code @Pointer}) is analysed once per data model.
   */
  ClassAnalyzer(Trees trees, Types types, Elements elements, List<Declarations> models, Reporter reporter,
      boolean strict) {
    this(trees, types, elements, models, reporter, strict, (cx, method) -> Interpreter.analyseMethod(cx, method, null));
  }

  ClassAnalyzer(Trees trees, Types types, Elements elements, Declarations decls, Reporter reporter, boolean strict,
      MethodAnalysis methods) {
    this(trees, types, elements, List.of(decls), reporter, strict, methods);
  }

  ClassAnalyzer(Trees trees, Types types, Elements elements, List<Declarations> models, Reporter reporter,
      boolean strict, MethodAnalysis methods) {
    Declarations decls = models.get(0);
    this.models = List.copyOf(models);
    this.methods = methods;
    this.trees = trees;
    this.types = types;
    this.elements = elements;
    this.decls = decls;
    this.reporter = reporter;
    this.strict = strict;
    this.overrides = new OverrideCheck(trees, types, elements, decls, reporter, strict);
    this.locals = new LocalDeclarations(trees, decls, reporter);
  }

  /** Analyses a class javac has just finished, unless it was analysed with its enclosing class. */
  void analyse(CompilationUnitTree unit, TypeElement type) {
    TreePath path;
    try {
      path = trees.getPath(type);
    } catch (RuntimeException e) {
      return;
    }
    if (path == null || !(path.getLeaf() instanceof ClassTree) || done.contains(type)
        || GeneratedMarshallers.isOne(type)) {
      return;
    }
    try {
      List<Context> contexts = new ArrayList<>();
      for (Declarations model : models) {
        contexts.add(new Context(trees, types, elements, model, strict, path.getCompilationUnit()));
      }
      analyseClass(contexts, path);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // failures inside a method are caught per method; this is the last line of defence
      reporter.guardFailure(trees, path, "class " + type.getQualifiedName(), e);
    }
  }

  private void analyseClass(List<Context> contexts, TreePath classPath) {
    Context cx = contexts.get(0);
    ClassTree ct = (ClassTree) classPath.getLeaf();
    Element type = trees.getElement(classPath);
    if (type != null && !done.add(type)) {
      return;
    }
    String owner = type instanceof TypeElement te ? te.getQualifiedName().toString() : ct.getSimpleName().toString();
    guarded(cx, classPath, "the override check of class " + owner, () -> overrides.check(classPath));
    guarded(cx, classPath, "the local declarations of class " + owner, () -> locals.check(classPath));
    boolean initializers = false;
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if ((member instanceof VariableTree vt && vt.getInitializer() != null || member instanceof BlockTree)
          && RelevanceScan.mentionsWidths(trees, decls, mp)) {
        initializers = true;
      }
    }
    if (initializers) {
      perModel(contexts, classPath, "the initializers of class " + owner,
          c -> Interpreter.analyseInitializers(c, classPath, null));
    }
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if (member instanceof MethodTree mt) {
        if (mt.getBody() != null && (decls.width(trees.getElement(mp)) != null
            || RelevanceScan.mentionsWidths(trees, decls, new TreePath(mp, mt.getBody())))) {
          perModel(contexts, mp, describe(mt) + " of " + owner, c -> methods.analyse(c, mp));
        }
      } else if (member instanceof ClassTree) {
        analyseClass(contexts, mp);
      }
    }
  }

  private boolean guarded(Context cx, TreePath at, String what, Runnable analysis) {
    return guarded(cx, at, what, analysis, p -> true);
  }

  /** Runs an analysis and reports its findings that pass {@code report}; false when it failed. */
  private boolean guarded(Context cx, TreePath at, String what, Runnable analysis, Predicate<Context.Pending> report) {
    try {
      analysis.run();
      for (Context.Pending p : cx.drain()) {
        if (report.test(p)) {
          reporter.report(p.finding().kind(), trees, p.path(), p.finding().message());
        }
      }
      return true;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      cx.discard();
      reporter.guardFailure(trees, at, what, e);
      return false;
    }
  }

  /**
   * Runs an analysis for the primary data model and, when it read a width that depends on the
   * ABI, for the others too; a place already reported for an earlier data model is not reported
   * again.
   */
  private void perModel(List<Context> contexts, TreePath at, String what, Consumer<Context> analysis) {
    Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < contexts.size(); i++) {
      Context cx = contexts.get(i);
      Declarations model = models.get(i);
      model.takeAbiDependentRead();
      Set<Tree> before = Set.copyOf(reported);
      boolean[] dependent = {false};
      boolean ok = guarded(cx, at, what, () -> {
        analysis.accept(cx);
        dependent[0] = model.takeAbiDependentRead();
      }, p -> {
        Tree leaf = p.path().getLeaf();
        if (before.contains(leaf)) {
          return false;
        }
        reported.add(leaf);
        return true;
      });
      if (!ok || !dependent[0]) {
        return;
      }
    }
  }

  private static String describe(MethodTree mt) {
    return mt.getName().contentEquals("<init>") ? "constructor" : "method " + mt.getName();
  }
}
