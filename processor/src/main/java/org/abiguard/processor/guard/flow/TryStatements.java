package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code try} statements: a catch block starts from every state the try block could throw from; a
 * finally block runs on each way out of the try (normal completion, an exception, a jump, a
 * return), from that way's own state. A try-with-resources statement closes its resources on each
 * way out of its try block, before any catch or finally block: what {@code close()} may write is
 * forgotten on every way out ({@link ImplicitCalls}), as a finally block would be run.
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
    boolean closes = !tryTree.getResources().isEmpty();
    boolean onEachWayOut = finallyBlock != null || closes;
    // break, continue, yield and return leave the try through its finally block: collect the
    // states they jump with apart from those of earlier jumps, to run the finally block on them
    List<Target> enclosing = onEachWayOut ? parts.jumps.enclosing() : List.of();
    List<Target.Jumps> earlier = new ArrayList<>();
    for (Target target : enclosing) {
      earlier.add(target.replaceJumps(Target.Jumps.NONE));
    }
    if (onEachWayOut) {
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
    if (!onEachWayOut) {
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
    WayOut wayOut = new WayOut(path, closes, finallyBlock);
    parts.frame.noteThrown(wayOut.from(escaping));
    for (int i = 0; i < enclosing.size(); i++) {
      Target target = enclosing.get(i);
      target.breaks = State.join(target.breaks, wayOut.from(leaving.get(i).breaks()));
      target.continues = State.join(target.continues, wayOut.from(leaving.get(i).continues()));
    }
    State returning = wayOut.from(returned);
    if (returning.reachable()) {
      parts.frame.noteReturned(returning);
    }
    parts.frame.state = wayOut.from(normal);
  }

  /**
   * What runs on each way out of a try statement: its resources' {@code close()} (forgotten on the
   * ways out of a catch block too, after close() has run there: more than needed, never less), then
   * its finally block.
   */
  private final class WayOut {
    private final TreePath tryPath;
    private final boolean closes;
    private final @Nullable TreePath finallyBlock;

    WayOut(TreePath tryPath, boolean closes, @Nullable TreePath finallyBlock) {
      this.tryPath = tryPath;
      this.closes = closes;
      this.finallyBlock = finallyBlock;
    }

    /** The state after the way out run from {@code from}; unreachable when {@code from} is. */
    State from(State from) {
      if (!from.reachable()) {
        return State.UNREACHABLE;
      }
      parts.frame.state = from.copy();
      if (closes) {
        parts.expressions.forgetImplicitCalls(tryPath);
      }
      if (finallyBlock != null && parts.frame.reachable()) {
        execute(finallyBlock);
      }
      return parts.frame.state;
    }
  }

  private void execute(TreePath path) {
    parts.statements.execute(path);
  }
}
