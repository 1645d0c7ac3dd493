package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code try} statements: a catch block starts from every state the try block could throw
 * from; a finally block runs on each way out of the try (normal completion, an exception, a
 * jump, a return), from that way's own state.
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
    if (frame.state == null) {
      return;
    }
    TreePath finallyBlock = tryTree.getFinallyBlock() == null ? null : new TreePath(path, tryTree.getFinallyBlock());
    // break, continue, yield and return leave the try through its finally block: collect the
    // states they jump with apart from those of earlier jumps, to run the finally block on them
    List<Target> enclosing = finallyBlock == null ? List.of() : jumps.enclosing();
    List<Target.Jumps> earlier = new ArrayList<>();
    for (Target target : enclosing) {
      earlier.add(target.replaceJumps(new Target.Jumps(null, null)));
    }
    if (finallyBlock != null) {
      frame.returnStates.push(new State[1]);
    }

    State before = frame.state.copy();
    frame.exceptionStates.push(new State[] {before});
    execute(new TreePath(path, tryTree.getBlock()));
    State normal = frame.state;
    State thrown = State.join(frame.exceptionStates.pop()[0], normal);
    State caught = null;
    if (!tryTree.getCatches().isEmpty()) {
      frame.exceptionStates.push(new State[] {thrown});
      for (CatchTree catchTree : tryTree.getCatches()) {
        frame.state = thrown.copy();
        execute(new TreePath(new TreePath(path, catchTree), catchTree.getBlock()));
        normal = State.join(normal, frame.state);
      }
      caught = frame.exceptionStates.pop()[0];
    }
    State escaping = State.join(thrown, caught);
    if (finallyBlock == null) {
      propagateThrown(escaping);
      frame.state = normal;
      return;
    }
    // take the jumps and returns out of the try before the finally block runs: jumps inside the
    // finally block itself go straight to their targets
    State returned = frame.returnStates.pop()[0];
    List<Target.Jumps> leaving = new ArrayList<>();
    for (int i = 0; i < enclosing.size(); i++) {
      leaving.add(enclosing.get(i).replaceJumps(earlier.get(i)));
    }
    // each way out runs the finally block from its own state: an exception (which goes on to an
    // enclosing try), each jump, a return, and the normal completion that continues after it
    propagateThrown(afterFinally(finallyBlock, escaping));
    for (int i = 0; i < enclosing.size(); i++) {
      Target target = enclosing.get(i);
      target.breaks = State.join(target.breaks, afterFinally(finallyBlock, leaving.get(i).breaks()));
      target.continues = State.join(target.continues, afterFinally(finallyBlock, leaving.get(i).continues()));
    }
    State returning = afterFinally(finallyBlock, returned);
    if (returning != null && !frame.returnStates.isEmpty()) {
      frame.returnStates.peek()[0] = State.join(frame.returnStates.peek()[0], returning);
    }
    frame.state = afterFinally(finallyBlock, normal);
  }

  /** The state after the finally block run from {@code from}; null when {@code from} is. */
  private State afterFinally(TreePath finallyBlock, State from) {
    if (from == null) {
      return null;
    }
    frame.state = from.copy();
    execute(finallyBlock);
    return frame.state;
  }

  /** Hands the state an exception may leave a try with to the enclosing try, if any. */
  private void propagateThrown(State escaping) {
    if (!frame.exceptionStates.isEmpty()) {
      frame.exceptionStates.peek()[0] = State.join(frame.exceptionStates.peek()[0], escaping);
    }
  }

  private void execute(TreePath path) {
    interpreter.statements.execute(path);
  }
}
