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
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.ClosedMethods;
import org.abiguard.processor.guard.flow.Context;
import org.abiguard.processor.guard.flow.Declarations;
import org.abiguard.processor.guard.flow.Interpreter;
import org.abiguard.processor.guard.flow.OtherClassWrites;
import org.abiguard.processor.guard.flow.Overriders;
import org.abiguard.processor.guard.flow.ParsedSources;
import org.abiguard.processor.guard.flow.State;
import org.abiguard.processor.guard.flow.WrittenFields;
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

  /** The compilation's classes, and the overrides a call may run. */
  private final Overriders overriders;

  /** What the methods of other classes of the compilation write, read from those sources. */
  private final OtherClassWrites otherWrites;

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
      SourceVersion source,
      Collection<? extends TypeElement> roots) {
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
    this.overriders = new Overriders(types, elements, roots);
    this.otherWrites =
        new OtherClassWrites(parsed, overriders, types, elements, GeneratedMarshallers::isOne);
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
      overriders.analysed(type);
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
      // a top-level class holds every call of its private methods (a member class on its own
      // does not: the rest of its top-level class is not analysed with it)
      ClosedMethods closed =
          path.getParentPath().getLeaf() instanceof CompilationUnitTree
              ? ClosedMethods.of(trees, path)
              : null;
      WrittenFields written = WrittenFields.of(trees, types, elements, path, top, otherWrites);
      for (Declarations model : models) {
        Context context =
            new Context(
                trees, types, elements, model, strict, path.getCompilationUnit(), top, parsed);
        if (closed != null) {
          context.closedMethods(closed);
        }
        context.writtenFields(written);
        context.otherClassWrites(otherWrites);
        contexts.add(context);
      }
      IdentityHashMap<Tree, Deferred> deferred = new IdentityHashMap<>();
      analyseClass(contexts, path, closed, deferred);
      if (closed != null) {
        for (Tree method : closed.order()) {
          Deferred later = deferred.get(method);
          if (later != null) {
            analyseClosed(contexts, closed, later);
          }
        }
      }
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

  /** A closed method, analysed after the bodies that call it: where it is, and what to call it. */
  private record Deferred(TreePath path, String what) {}

  /**
   * A closed method ({@link ClosedMethods}), from what its callers passed in for each data model
   * (from its declared facts where that is not known).
   */
  private void analyseClosed(List<Context> contexts, ClosedMethods closed, Deferred method) {
    perModel(
        contexts,
        method.path(),
        closed,
        method.what(),
        (modelContext, model) -> {
          observer.beforeMethod(((MethodTree) method.path().getLeaf()).getName().toString());
          State entry = closed.entry(method.path().getLeaf(), model, modelContext);
          if (entry == null) {
            Interpreter.analyseMethod(modelContext, method.path(), null);
          } else {
            Interpreter.analyseMethodFrom(modelContext, method.path(), entry);
          }
        });
  }

  private void analyseClass(
      List<Context> contexts,
      TreePath classPath,
      @Nullable ClosedMethods closed,
      IdentityHashMap<Tree, Deferred> deferred) {
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
    // the initializers are analysed when they mention a width, or call a closed method
    boolean initializers = closed != null && closed.calls(classTree);
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
          closed,
          "the initializers of class " + owner,
          (modelContext, model) -> Interpreter.analyseInitializers(modelContext, classPath, null));
    }
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (member instanceof MethodTree method) {
        if (method.getBody() != null
            && ((closed != null && closed.calls(method))
                || declarations.width(trees.getElement(memberPath)) != null
                || RelevanceScan.mentionsWidths(
                    trees, declarations, new TreePath(memberPath, method.getBody())))) {
          String what = describe(method) + " of " + owner;
          if (closed != null && closed.deferred(method)) {
            deferred.put(method, new Deferred(memberPath, what));
            continue;
          }
          perModel(
              contexts,
              memberPath,
              closed,
              what,
              (modelContext, model) -> {
                observer.beforeMethod(method.getName().toString());
                Interpreter.analyseMethod(modelContext, memberPath, null);
              });
        }
      } else if (member instanceof ClassTree) {
        analyseClass(contexts, memberPath, closed, deferred);
      }
    }
  }

  /**
   * Runs an analysis for the primary data model and, when it read a width that depends on the ABI,
   * for the others too; a place already reported for an earlier data model is not reported again.
   */
  private void perModel(
      List<Context> contexts,
      TreePath at,
      @Nullable ClosedMethods closed,
      String what,
      BiConsumer<Context, Integer> analysis) {
    Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < contexts.size(); i++) {
      Context context = contexts.get(i);
      Declarations model = models.get(i);
      model.takeAbiDependentRead();
      Set<Tree> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
      earlier.addAll(reported);
      boolean[] dependent = {false};
      int index = i;
      if (closed != null) {
        closed.begin(at.getLeaf(), i);
      }
      boolean analysed =
          guarded(
              context,
              at,
              what,
              () -> {
                analysis.accept(context, index);
                dependent[0] =
                    model.takeAbiDependentRead()
                        || (closed != null && closed.startDependsOnAbi(at.getLeaf()));
              },
              pending -> {
                Tree leaf = pending.path().getLeaf();
                if (earlier.contains(leaf)) {
                  return false;
                }
                reported.add(leaf);
                return true;
              });
      if (closed != null) {
        closed.end(analysed, dependent[0]);
      }
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
