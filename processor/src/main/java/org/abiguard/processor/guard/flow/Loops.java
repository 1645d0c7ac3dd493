package org.abiguard.processor.guard.flow;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.model.JavaKind;

/**
 * Loops, run to a fixpoint: the head's state is the join of the entry and every back edge, widened
 * ({@link Widening}) after a few rounds so that every path stops moving, however many rounds a
 * value takes to travel around the loop.
 */
final class Loops {
  private static final int WIDEN_AFTER = 2;

  /** A bound far above what widening allows, only there to fail closed on a bug. */
  private static final int ROUND_LIMIT = 10_000;

  private final Parts parts;

  Loops(Parts parts) {
    this.parts = parts;
  }

  void whileLoop(TreePath path, WhileLoopTree loop) {
    Target target = parts.jumps.push(loop, true);
    TreePath condition = new TreePath(path, loop.getCondition());
    runToFixpoint(
        target,
        () -> {
          Branches branches = parts.conditions.evaluate(condition);
          parts.frame.state = branches.whenTrue();
          execute(new TreePath(path, loop.getStatement()));
          State back = State.join(parts.frame.state, target.continues);
          parts.frame.state = branches.whenFalse();
          return back;
        });
  }

  void doWhileLoop(TreePath path, DoWhileLoopTree loop) {
    Target target = parts.jumps.push(loop, true);
    TreePath condition = new TreePath(path, loop.getCondition());
    runToFixpoint(
        target,
        () -> {
          execute(new TreePath(path, loop.getStatement()));
          parts.frame.state = State.join(parts.frame.state, target.continues);
          if (!parts.frame.reachable()) {
            return State.UNREACHABLE;
          }
          Branches branches = parts.conditions.evaluate(condition);
          parts.frame.state = branches.whenFalse();
          return branches.whenTrue();
        });
  }

  void forLoop(TreePath path, ForLoopTree loop) {
    for (StatementTree initializer : loop.getInitializer()) {
      execute(new TreePath(path, initializer));
    }
    if (!parts.frame.reachable()) {
      return;
    }
    Target target = parts.jumps.push(loop, true);
    runToFixpoint(
        target,
        () -> {
          Branches branches =
              loop.getCondition() == null
                  ? new Branches(parts.frame.state, State.UNREACHABLE)
                  : parts.conditions.evaluate(new TreePath(path, loop.getCondition()));
          parts.frame.state = branches.whenTrue();
          execute(new TreePath(path, loop.getStatement()));
          parts.frame.state = State.join(parts.frame.state, target.continues);
          for (ExpressionStatementTree update : loop.getUpdate()) {
            execute(new TreePath(path, update));
          }
          State back = parts.frame.state;
          parts.frame.state = branches.whenFalse();
          return back;
        });
  }

  void enhancedForLoop(TreePath path, EnhancedForLoopTree loop) {
    TreePath expression = new TreePath(path, loop.getExpression());
    parts.expressions.evaluate(expression);
    if (!parts.frame.reachable()) {
      return;
    }
    TreePath variablePath = new TreePath(path, loop.getVariable());
    Element variable = parts.context.elementOf(variablePath);
    Element array = parts.arrays.arrayOf(expression);
    Fact declared = parts.declarations.elementFact(array);
    JavaKind variableKind = variable == null ? null : parts.declarations.kindOf(variable.asType());
    Fact element = declared;
    if (declared == null && variableKind != null && variable != null) {
      Element named = variable;
      element = parts.values.plain(variableKind, () -> parts.declarations.describe(named));
    }
    Fact otherElement =
        Arith.convert(
            element,
            declared != null ? parts.declarations.elementKind(array) : variableKind,
            variableKind);
    Target target = parts.jumps.push(loop, true);
    runToFixpoint(
        target,
        () -> {
          // each round runs iterator() (the first), hasNext() and next() of what it loops over
          parts.expressions.forgetImplicitCalls(path);
          State entry = parts.frame.state.copy();
          if (variable != null && variableKind != null) {
            // a local array tracked one by one: what any element holds at the head of this round,
            // after what the rounds before wrote into it
            LocalArrays.Elements tracked =
                declared == null
                    ? LocalArrays.elements(expression, parts.context, parts.frame.state)
                    : null;
            Fact elementValue =
                tracked != null && (tracked.value() != null || !parts.context.strict)
                    ? Arith.convert(tracked.value(), tracked.kind(), variableKind)
                    : otherElement;
            parts.checks.check(
                parts.declarations.variableSink(variable),
                elementValue,
                variableKind,
                variablePath);
            parts.frame.state.kill(variable);
            parts.frame.state.put(
                AccessPath.of(variable), parts.values.stored(variable, elementValue));
          }
          execute(new TreePath(path, loop.getStatement()));
          State back = State.join(parts.frame.state, target.continues);
          parts.frame.state = entry;
          return back;
        });
  }

  /**
   * Runs a loop to its fixpoint. The body runs from the loop head's state, leaves the state at the
   * loop's normal exit (condition false) in the frame and returns the state that goes back to the
   * head. The head is the join of the entry and every back edge, widened after a few rounds.
   */
  private void runToFixpoint(Target target, Supplier<State> body) {
    State entry = parts.frame.state;
    State head = entry.copy();
    State exit = State.UNREACHABLE;
    Widening widening = new Widening(parts.declarations, parts.context.strict);
    for (int round = 0; ; round++) {
      if (round > ROUND_LIMIT) {
        // widening bounds the rounds by the number of paths; fail closed rather than stop unsound
        throw new IllegalStateException(
            "a loop did not reach its fixpoint in " + ROUND_LIMIT + " rounds");
      }
      target.breaks = State.UNREACHABLE;
      target.continues = State.UNREACHABLE;
      parts.frame.state = head.copy();
      State back = body.get();
      exit = State.join(parts.frame.state, target.breaks);
      State next = State.join(head, State.join(entry, back));
      if (round + 1 >= WIDEN_AFTER) {
        next = widening.widen(head, next);
      }
      if (!next.reachable() || State.same(next, head)) {
        break;
      }
      head = next;
    }
    parts.jumps.pop();
    parts.frame.state = exit;
  }

  private void execute(TreePath path) {
    parts.statements.execute(path);
  }
}
