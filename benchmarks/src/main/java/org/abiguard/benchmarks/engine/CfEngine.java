package org.abiguard.benchmarks.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.Declarations;
import org.abiguard.processor.guard.RelevanceScan;
import org.checkerframework.shaded.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.shaded.dataflow.cfg.UnderlyingAST;
import org.checkerframework.shaded.dataflow.cfg.builder.CFGBuilder;

/**
 * The Checker Framework prototype of the flow guard's core, as a javac {@code TaskListener} on
 * {@code ANALYZE} (like abiguard's guard): for each method of the class and its member classes
 * that the pre-scan marks relevant (or that declares a result width), it builds the CF
 * control-flow graph ({@link CFGBuilder}), runs {@link IntervalAnalysis} over it, and does the
 * same for each lambda and each local or anonymous class in the body. CFG construction and the
 * fixpoint are timed separately in thread CPU time. Field initializers and initializer blocks
 * are not analysed.
 */
final class CfEngine implements TaskListener {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ProcessingEnvironment env;
  private final Trees trees;
  private final Declarations declarations;
  private final Widths widths;
  private final IntervalTransfer transfer;
  private final boolean everyMethod;
  private final EngineStats stats;
  private final Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param everyMethod analyse every method with a body, not only the relevant ones (the corpus
   *     check, which looks for CFG failures everywhere)
   */
  CfEngine(ProcessingEnvironment env, Findings findings, EngineStats stats, boolean everyMethod) {
    this.env = env;
    this.trees = Trees.instance(env);
    this.declarations = new Declarations(env.getTypeUtils(), trees);
    this.widths = new Widths(declarations);
    this.transfer = new IntervalTransfer(widths, trees.getSourcePositions(), findings);
    this.stats = stats;
    this.everyMethod = everyMethod;
  }

  @Override
  public void finished(TaskEvent e) {
    if (e.getKind() != TaskEvent.Kind.ANALYZE || e.getTypeElement() == null || e.getCompilationUnit() == null) {
      return;
    }
    TreePath path = trees.getPath(e.getTypeElement());
    if (path == null || !(path.getLeaf() instanceof ClassTree)) {
      return;
    }
    transfer.setUnit(e.getCompilationUnit());
    analyseClass(path);
  }

  private void analyseClass(TreePath classPath) {
    Element type = trees.getElement(classPath);
    if (type != null && !done.add(type)) {
      return;
    }
    ClassTree ct = (ClassTree) classPath.getLeaf();
    for (Tree member : ct.getMembers()) {
      TreePath mp = new TreePath(classPath, member);
      if (member instanceof MethodTree mt && mt.getBody() != null) {
        if (everyMethod || widths.width(trees.getElement(mp)) != null
            || RelevanceScan.mentionsWidths(trees, declarations, new TreePath(mp, mt.getBody()))) {
          analyseMethod(mp, ct, mt);
        }
      } else if (member instanceof ClassTree) {
        analyseClass(mp);
      }
    }
  }

  private void analyseMethod(TreePath methodPath, ClassTree ct, MethodTree mt) {
    String what = ct.getSimpleName() + "." + mt.getName();
    ControlFlowGraph cfg = build(new TreePath(methodPath, mt.getBody()), new UnderlyingAST.CFGMethod(mt, ct), what);
    if (cfg == null) {
      return;
    }
    stats.methods++;
    transfer.setInitialStore(null);
    IntervalAnalysis analysis = analyse(cfg, what);
    analyseNested(methodPath.getCompilationUnit(), cfg, analysis, ct, mt, what);
  }

  /**
   * The lambdas and the local and anonymous classes a CFG declares. A lambda is analysed on its
   * own CFG, starting from what the enclosing code knew about locals where the lambda is
   * created; lambdas inside it in turn.
   */
  private void analyseNested(CompilationUnitTree unit, ControlFlowGraph cfg, IntervalAnalysis analysis, ClassTree ct,
      MethodTree mt, String what) {
    for (LambdaExpressionTree lambda : cfg.getDeclaredLambdas()) {
      TreePath lp = trees.getPath(unit, lambda);
      if (lp == null) {
        continue;
      }
      String lambdaWhat = "a lambda in " + what;
      ControlFlowGraph lcfg = build(new TreePath(lp, lambda.getBody()), new UnderlyingAST.CFGLambda(lambda, ct, mt),
          lambdaWhat);
      if (lcfg == null) {
        continue;
      }
      stats.lambdas++;
      transfer.setInitialStore(capturedLocals(analysis, lambda));
      IntervalAnalysis inner = analyse(lcfg, lambdaWhat);
      analyseNested(unit, lcfg, inner, ct, mt, lambdaWhat);
    }
    for (ClassTree local : cfg.getDeclaredClasses()) {
      TreePath cp = trees.getPath(unit, local);
      if (cp != null) {
        analyseClass(cp);
      }
    }
  }

  /** The locals' intervals before the lambda is created (fields may change before it runs: not kept). */
  private IntervalStore capturedLocals(IntervalAnalysis analysis, LambdaExpressionTree lambda) {
    if (analysis == null) {
      return null;
    }
    long t0 = THREADS.getCurrentThreadCpuTime();
    try {
      IntervalStore before = analysis.getResult().getStoreBefore(lambda);
      if (before == null) {
        return null;
      }
      IntervalStore locals = before.copy();
      locals.forgetFields();
      return locals;
    } catch (RuntimeException e) {
      return null;
    } finally {
      stats.fixpointNanos += THREADS.getCurrentThreadCpuTime() - t0;
    }
  }

  private ControlFlowGraph build(TreePath bodyPath, UnderlyingAST ast, String what) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    try {
      return CFGBuilder.build(bodyPath, ast, false, false, env);
    } catch (RuntimeException | LinkageError | StackOverflowError ex) {
      stats.fail(true, what, ex);
      return null;
    } finally {
      stats.cfgNanos += THREADS.getCurrentThreadCpuTime() - t0;
    }
  }

  private IntervalAnalysis analyse(ControlFlowGraph cfg, String what) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    try {
      IntervalAnalysis analysis = new IntervalAnalysis(transfer);
      analysis.performAnalysis(cfg);
      return analysis;
    } catch (RuntimeException | LinkageError | StackOverflowError ex) {
      stats.fail(false, what, ex);
      return null;
    } finally {
      stats.fixpointNanos += THREADS.getCurrentThreadCpuTime() - t0;
    }
  }
}
