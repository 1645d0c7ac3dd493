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

  ClassAnalyzer(Trees trees, Types types, Elements elements, Declarations decls, Reporter reporter, boolean strict) {
    this(trees, types, elements, decls, reporter, strict, (cx, method) -> Interpreter.analyseMethod(cx, method, null));
  }

  ClassAnalyzer(Trees trees, Types types, Elements elements, Declarations decls, Reporter reporter, boolean strict,
      MethodAnalysis methods) {
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
      analyseClass(new Context(trees, types, elements, decls, strict, path.getCompilationUnit()), path);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // failures inside a method are caught per method; this is the last line of defence
      reporter.guardFailure(trees, path, "class " + type.getQualifiedName(), e);
    }
  }

  private void analyseClass(Context cx, TreePath classPath) {
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
      guarded(cx, classPath, "the initializers of class " + owner,
          () -> Interpreter.analyseInitializers(cx, classPath, null));
    }
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if (member instanceof MethodTree mt) {
        if (mt.getBody() != null && (decls.width(trees.getElement(mp)) != null
            || RelevanceScan.mentionsWidths(trees, decls, new TreePath(mp, mt.getBody())))) {
          guarded(cx, mp, describe(mt) + " of " + owner, () -> methods.analyse(cx, mp));
        }
      } else if (member instanceof ClassTree) {
        analyseClass(cx, mp);
      }
    }
  }

  private void guarded(Context cx, TreePath at, String what, Runnable analysis) {
    try {
      analysis.run();
      for (Context.Pending p : cx.drain()) {
        reporter.report(p.finding().kind(), trees, p.path(), p.finding().message());
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      cx.discard();
      reporter.guardFailure(trees, at, what, e);
    }
  }

  private static String describe(MethodTree mt) {
    return mt.getName().contentEquals("<init>") ? "constructor" : "method " + mt.getName();
  }
}
