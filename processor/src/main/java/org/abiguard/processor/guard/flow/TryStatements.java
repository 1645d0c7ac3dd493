package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code try} statements: a catch block starts from every state the try block could throw from; a
 * finally block runs on each way out of the try (normal completion, an exception, a jump, a
 * return), from that way's own state.
 */
final class TryStatements {
  private final Parts parts;

  TryStatements(Parts parts) {
    this.parts = parts;
  }

  void tryStatement(TreePath path, TryTree tryTree) {
    for (Tree resource : tryTree.getResources()) {
      TreePath resourcePath = new TreePath(path, resource);
      if (resource instanceof VariableTree) {
        execute(resourcePath);
      } else {
        parts.expressions.evaluate(resourcePath);
      }
    }
    if (!parts.frame.reachable()) {
      return;
    }
    TreePath finallyBlock =
        tryTree.getFinallyBlock() == null ? null : new TreePath(path, tryTree.getFinallyBlock());
    // break, continue, yield and return leave the try through its finally block: collect the
    // states they jump with apart from those of earlier jumps, to run the finally block on them
    List<Target> enclosing = finallyBlock == null ? List.of() : parts.jumps.enclosing();
    List<Target.Jumps> earlier = new ArrayList<>();
    for (Target target : enclosing) {
      earlier.add(target.replaceJumps(Target.Jumps.NONE));
    }
    if (finallyBlock != null) {
      parts.frame.enterReturns();
    }

    State before = parts.frame.state.copy();
    parts.frame.enterExceptions(before);
    execute(new TreePath(path, tryTree.getBlock()));
    State normal = parts.frame.state;
    State thrown = State.join(parts.frame.leaveExceptions(), normal);
    State caught = State.UNREACHABLE;
    if (!tryTree.getCatches().isEmpty()) {
      parts.frame.enterExceptions(thrown);
      for (CatchTree catchTree : tryTree.getCatches()) {
        parts.frame.state = thrown.copy();
        execute(new TreePath(new TreePath(path, catchTree), catchTree.getBlock()));
        normal = State.join(normal, parts.frame.state);
      }
      caught = parts.frame.leaveExceptions();
    }
    State escaping = State.join(thrown, caught);
    if (finallyBlock == null) {
      parts.frame.noteThrown(escaping);
      parts.frame.state = normal;
      return;
    }
    // take the jumps and returns out of the try before the finally block runs: jumps inside the
    // finally block itself go straight to their targets
    State returned = parts.frame.leaveReturns();
    List<Target.Jumps> leaving = new ArrayList<>();
    for (int i = 0; i < enclosing.size(); i++) {
      leaving.add(enclosing.get(i).replaceJumps(earlier.get(i)));
    }
    // each way out runs the finally block from its own state: an exception (which goes on to an
    // enclosing try), each jump, a return, and the normal completion that continues after it
    parts.frame.noteThrown(afterFinally(finallyBlock, escaping));
    for (int i = 0; i < enclosing.size(); i++) {
      Target target = enclosing.get(i);
      target.breaks =
          State.join(target.breaks, afterFinally(finallyBlock, leaving.get(i).breaks()));
      target.continues =
          State.join(target.continues, afterFinally(finallyBlock, leaving.get(i).continues()));
    }
    State returning = afterFinally(finallyBlock, returned);
    if (returning.reachable()) {
      parts.frame.noteReturned(returning);
    }
    parts.frame.state = afterFinally(finallyBlock, normal);
  }

  /** The state after the finally block run from {@code from}; unreachable when {@code from} is. */
  private State afterFinally(TreePath finallyBlock, State from) {
    if (!from.reachable()) {
      return State.UNREACHABLE;
    }
    parts.frame.state = from.copy();
    execute(finallyBlock);
    return parts.frame.state;
  }

  private void execute(TreePath path) {
    parts.statements.execute(path);
  }
}
