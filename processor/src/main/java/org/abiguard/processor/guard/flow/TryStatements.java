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
  private final Interpreter interpreter;
  private final Frame frame;
  private final Jumps jumps;

  TryStatements(Interpreter interpreter) {
    this.interpreter = interpreter;
    this.frame = interpreter.frame;
    this.jumps = interpreter.jumps;
  }

  void tryStatement(TreePath path, TryTree tryTree) {
    for (Tree resource : tryTree.getResources()) {
      TreePath resourcePath = new TreePath(path, resource);
      if (resource instanceof VariableTree) {
        execute(resourcePath);
      } else {
        interpreter.expressions.evaluate(resourcePath);
      }
    }
    if (!frame.reachable()) {
      return;
    }
    TreePath finallyBlock =
        tryTree.getFinallyBlock() == null ? null : new TreePath(path, tryTree.getFinallyBlock());
    // break, continue, yield and return leave the try through its finally block: collect the
    // states they jump with apart from those of earlier jumps, to run the finally block on them
    List<Target> enclosing = finallyBlock == null ? List.of() : jumps.enclosing();
    List<Target.Jumps> earlier = new ArrayList<>();
    for (Target target : enclosing) {
      earlier.add(target.replaceJumps(Target.Jumps.NONE));
    }
    if (finallyBlock != null) {
      frame.enterReturns();
    }

    State before = frame.state.copy();
    frame.enterExceptions(before);
    execute(new TreePath(path, tryTree.getBlock()));
    State normal = frame.state;
    State thrown = State.join(frame.leaveExceptions(), normal);
    State caught = State.UNREACHABLE;
    if (!tryTree.getCatches().isEmpty()) {
      frame.enterExceptions(thrown);
      for (CatchTree catchTree : tryTree.getCatches()) {
        frame.state = thrown.copy();
        execute(new TreePath(new TreePath(path, catchTree), catchTree.getBlock()));
        normal = State.join(normal, frame.state);
      }
      caught = frame.leaveExceptions();
    }
    State escaping = State.join(thrown, caught);
    if (finallyBlock == null) {
      frame.noteThrown(escaping);
      frame.state = normal;
      return;
    }
    // take the jumps and returns out of the try before the finally block runs: jumps inside the
    // finally block itself go straight to their targets
    State returned = frame.leaveReturns();
    List<Target.Jumps> leaving = new ArrayList<>();
    for (int i = 0; i < enclosing.size(); i++) {
      leaving.add(enclosing.get(i).replaceJumps(earlier.get(i)));
    }
    // each way out runs the finally block from its own state: an exception (which goes on to an
    // enclosing try), each jump, a return, and the normal completion that continues after it
    frame.noteThrown(afterFinally(finallyBlock, escaping));
    for (int i = 0; i < enclosing.size(); i++) {
      Target target = enclosing.get(i);
      target.breaks =
          State.join(target.breaks, afterFinally(finallyBlock, leaving.get(i).breaks()));
      target.continues =
          State.join(target.continues, afterFinally(finallyBlock, leaving.get(i).continues()));
    }
    State returning = afterFinally(finallyBlock, returned);
    if (returning.reachable()) {
      frame.noteReturned(returning);
    }
    frame.state = afterFinally(finallyBlock, normal);
  }

  /** The state after the finally block run from {@code from}; unreachable when {@code from} is. */
  private State afterFinally(TreePath finallyBlock, State from) {
    if (!from.reachable()) {
      return State.UNREACHABLE;
    }
    frame.state = from.copy();
    execute(finallyBlock);
    return frame.state;
  }

  private void execute(TreePath path) {
    interpreter.statements.execute(path);
  }
}
