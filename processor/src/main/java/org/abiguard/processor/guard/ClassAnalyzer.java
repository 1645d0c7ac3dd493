package org.abiguard.processor.guard;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.Context;
import org.abiguard.processor.guard.flow.Declarations;
import org.abiguard.processor.guard.flow.Interpreter;
import org.abiguard.processor.guard.flow.ParsedSources;
import org.jspecify.annotations.Nullable;

/**
 * Analyses one class (and its member classes): the override check, the declarations only the guard
 * sees ({@link LocalDeclarations}), then each method and the initializers that mention a declared
 * width. The guard fails closed: a failure inside the analysis of one method is an error on that
 * method (see {@link Reporter#guardFailure}), never a method that silently goes unchecked; the
 * other methods are still checked. A method that reads a width that depends on the ABI
 * ({@code @NativeLong}, {@code @Pointer}) is analysed once per C data model of the configured ABIs.
 */
final class ClassAnalyzer {
  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final Declarations declarations;

  /** The declarations per C data model of the configured ABIs, the primary ABI's first. */
  private final List<Declarations> models;

  private final LocalDeclarations locals;
  private final Reporter reporter;
  private final boolean strict;
  private final OverrideCheck overrides;
  private final AnalysisObserver observer;

  /** Other classes' sources, parsed again when the guard follows their helpers. */
  private final ParsedSources parsed;

  /**
   * Classes analysed so far, by symbol (trees are not kept alive after javac is done with them).
   */
  private final Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());

  ClassAnalyzer(
      Trees trees,
      Types types,
      Elements elements,
      List<Declarations> models,
      Reporter reporter,
      boolean strict,
      AnalysisObserver observer,
      SourceVersion source) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
    this.models = List.copyOf(models);
    this.declarations = models.get(0);
    this.locals = new LocalDeclarations(trees, declarations, reporter);
    this.reporter = reporter;
    this.strict = strict;
    this.observer = observer;
    this.parsed = new ParsedSources(trees, elements, types, source);
    this.overrides = new OverrideCheck(trees, declarations, reporter, strict);
  }

  /** Analyses a class javac has just finished, unless it was analysed with its enclosing class. */
  void analyse(CompilationUnitTree unit, TypeElement type) {
    if (done.contains(type)) {
      return; // a member class, analysed (or found irrelevant) with its enclosing class
    }
    TreePath path;
    try {
      path = pathOf(unit, type);
    } catch (RuntimeException e) {
      return;
    }
    if (path == null || !(path.getLeaf() instanceof ClassTree)) {
      return;
    }
    if (path.getParentPath().getLeaf() instanceof CompilationUnitTree) {
      parsed.analysed(type, unit);
    }
    try {
      if (!RelevanceScan.mentionsWidths(trees, declarations, path)) {
        // the cheap pre-check: nothing in the class (its member classes included) has or meets a
        // declared width, so there is nothing to check and nothing to set up
        markDone(path);
        return;
      }
      if (GeneratedMarshallers.isOne(type)) {
        return; // it mentions widths, and checks every one of them by construction
      }
      TypeElement top = outermost(type);
      List<Context> contexts = new ArrayList<>();
      for (Declarations model : models) {
        contexts.add(
            new Context(
                trees, types, elements, model, strict, path.getCompilationUnit(), top, parsed));
      }
      analyseClass(contexts, path);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // failures inside a method are caught per method; this is the last line of defence
      reporter.guardFailure(trees, path, "class " + type.getQualifiedName(), e);
    }
  }

  /**
   * The path of a class javac has just analysed: one of the unit's top-level classes (found without
   * a walk of the unit), else, for another class, javac's own search.
   */
  private @Nullable TreePath pathOf(CompilationUnitTree unit, TypeElement type) {
    TreePath unitPath = new TreePath(unit);
    for (Tree decl : unit.getTypeDecls()) {
      if (decl instanceof ClassTree) {
        TreePath candidate = new TreePath(unitPath, decl);
        if (trees.getElement(candidate) == type) {
          return candidate;
        }
      }
    }
    return trees.getPath(type);
  }

  /** The top-level class a class is, or is declared in. */
  private static TypeElement outermost(TypeElement type) {
    TypeElement top = type;
    for (Element e = type.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement outer) {
        top = outer;
      }
    }
    return top;
  }

  /** Marks a class and its member classes analysed, so that their own events skip them. */
  private void markDone(TreePath classPath) {
    Element type = trees.getElement(classPath);
    if (type != null) {
      done.add(type);
    }
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (member instanceof ClassTree) {
        markDone(new TreePath(classPath, member));
      }
    }
  }

  private void analyseClass(List<Context> contexts, TreePath classPath) {
    Context context = contexts.get(0);
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    Element type = trees.getElement(classPath);
    if (type != null && !done.add(type)) {
      return;
    }
    String owner =
        type instanceof TypeElement named
            ? named.getQualifiedName().toString()
            : classTree.getSimpleName().toString();
    guarded(
        context,
        classPath,
        "the override check of class " + owner,
        () -> overrides.check(classPath));
    guarded(
        context,
        classPath,
        "the local declarations of class " + owner,
        () -> locals.check(classPath));
    boolean initializers = false;
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (((member instanceof VariableTree field && field.getInitializer() != null)
              || member instanceof BlockTree)
          && RelevanceScan.mentionsWidths(trees, declarations, memberPath)) {
        initializers = true;
      }
    }
    if (initializers) {
      perModel(
          contexts,
          classPath,
          "the initializers of class " + owner,
          modelContext -> Interpreter.analyseInitializers(modelContext, classPath, null));
    }
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (member instanceof MethodTree method) {
        if (method.getBody() != null
            && (declarations.width(trees.getElement(memberPath)) != null
                || RelevanceScan.mentionsWidths(
                    trees, declarations, new TreePath(memberPath, method.getBody())))) {
          perModel(
              contexts,
              memberPath,
              describe(method) + " of " + owner,
              modelContext -> {
                observer.beforeMethod(method.getName().toString());
                Interpreter.analyseMethod(modelContext, memberPath, null);
              });
        }
      } else if (member instanceof ClassTree) {
        analyseClass(contexts, memberPath);
      }
    }
  }

  /**
   * Runs an analysis for the primary data model and, when it read a width that depends on the ABI,
   * for the others too; a place already reported for an earlier data model is not reported again.
   */
  private void perModel(
      List<Context> contexts, TreePath at, String what, Consumer<Context> analysis) {
    Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < contexts.size(); i++) {
      Context context = contexts.get(i);
      Declarations model = models.get(i);
      model.takeAbiDependentRead();
      Set<Tree> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
      earlier.addAll(reported);
      boolean[] dependent = {false};
      boolean analysed =
          guarded(
              context,
              at,
              what,
              () -> {
                analysis.accept(context);
                dependent[0] = model.takeAbiDependentRead();
              },
              pending -> {
                Tree leaf = pending.path().getLeaf();
                if (earlier.contains(leaf)) {
                  return false;
                }
                reported.add(leaf);
                return true;
              });
      if (!analysed || !dependent[0]) {
        return;
      }
    }
  }

  private boolean guarded(Context context, TreePath at, String what, Runnable analysis) {
    return guarded(context, at, what, analysis, pending -> true);
  }

  /** Runs an analysis and reports its findings that pass {@code report}; false when it failed. */
  private boolean guarded(
      Context context,
      TreePath at,
      String what,
      Runnable analysis,
      Predicate<Context.Pending> report) {
    try {
      analysis.run();
      for (Context.Pending pending : context.drain()) {
        // a value passed into a method is silenced there too, as the method's own findings are
        if (report.test(pending)
            && pending.through().stream()
                .noneMatch(method -> reporter.isSuppressed(pending.finding().kind(), method))) {
          reporter.report(
              pending.finding().kind(), trees, pending.path(), pending.finding().message());
        }
      }
      return true;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      context.discard();
      reporter.guardFailure(trees, at, what, e);
      return false;
    }
  }

  private static String describe(MethodTree method) {
    return method.getName().contentEquals("<init>") ? "constructor" : "method " + method.getName();
  }
}
