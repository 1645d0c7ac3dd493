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
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.Context;
import org.abiguard.processor.guard.flow.Interpreter;

/**
 * Analyses one class (and its member classes): the override check, then each method and the
 * initializers that mention a declared width. A failure inside the analysis of one method
 * becomes one warning for that method; the others are still checked.
 */
final class ClassAnalyzer {
  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final Declarations declarations;
  private final Reporter reporter;
  private final boolean strict;
  private final OverrideCheck overrides;
  private final AnalysisObserver observer;
  /** Classes analysed so far, by symbol (trees are not kept alive after javac is done with them). */
  private final Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());

  ClassAnalyzer(Trees trees, Types types, Elements elements, Declarations declarations, Reporter reporter, boolean strict,
      AnalysisObserver observer) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
    this.declarations = declarations;
    this.reporter = reporter;
    this.strict = strict;
    this.observer = observer;
    this.overrides = new OverrideCheck(trees, types, elements, declarations, reporter, strict);
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
      analyseClass(new Context(trees, types, elements, declarations, strict, path.getCompilationUnit()), path);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // failures inside a method are caught per method; this is the last line of defence
      reporter.warning("the flow guard could not analyse " + type.getQualifiedName() + " (" + e
          + "); it was not checked. Please report this to the abiguard maintainers.");
    }
  }

  private void analyseClass(Context context, TreePath classPath) {
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    Element type = trees.getElement(classPath);
    if (type != null && !done.add(type)) {
      return;
    }
    guarded(context, classPath, "the override check of " + classTree.getSimpleName(), () -> overrides.check(classPath));
    boolean initializers = false;
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (((member instanceof VariableTree field && field.getInitializer() != null) || member instanceof BlockTree)
          && RelevanceScan.mentionsWidths(trees, declarations, memberPath)) {
        initializers = true;
      }
    }
    if (initializers) {
      guarded(context, classPath, "the initializers of " + classTree.getSimpleName(),
          () -> Interpreter.analyseInitializers(context, classPath, null));
    }
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (member instanceof MethodTree method) {
        if (method.getBody() != null && (declarations.width(trees.getElement(memberPath)) != null
            || RelevanceScan.mentionsWidths(trees, declarations, new TreePath(memberPath, method.getBody())))) {
          guarded(context, memberPath, "method " + method.getName(), () -> {
            observer.beforeMethod(method.getName().toString());
            Interpreter.analyseMethod(context, memberPath, null);
          });
        }
      } else if (member instanceof ClassTree) {
        analyseClass(context, memberPath);
      }
    }
  }

  private void guarded(Context context, TreePath at, String what, Runnable analysis) {
    try {
      analysis.run();
      for (Context.Pending pending : context.drain()) {
        reporter.report(pending.finding().kind(), trees, pending.path(), pending.finding().message());
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      context.discard();
      reporter.guardFailure(trees, at, "internal error analysing " + what + ": " + e + " ("
          + what + " not checked; please report this to the abiguard maintainers)");
    }
  }
}
