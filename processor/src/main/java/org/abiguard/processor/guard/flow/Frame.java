package org.abiguard.processor.guard.flow;

import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.Deque;
import org.abiguard.processor.guard.sinks.Sink;
import org.jspecify.annotations.Nullable;

/**
 * The mutable part of the analysis of one body (a method, lambda or initializers): the state at the
 * current program point, where its values are returned to, and the states that exceptions and
 * returns take out of the enclosing {@code try} statements.
 */
final class Frame {
  /** The facts at the current program point; {@link State#UNREACHABLE} where none reaches it. */
  State state;

  /** The sink of the body's {@code return} values, or null when the result declares no width. */
  final @Nullable Sink returnSink;

  /**
   * What takes the body's returned expressions instead of {@link #returnSink}, when the body is a
   * helper's followed from a call ({@link Helpers}); null otherwise.
   */
  @Nullable Returns returns;

  /** Takes a helper's {@code return}s, each from the state where it is reached. */
  @FunctionalInterface
  interface Returns {
    /**
     * Evaluates {@code expression}, returned from the current state; null for a {@code return}
     * without a value.
     */
    void returned(@Nullable TreePath expression);
  }

  /**
   * Per enclosing try (and its catch blocks), innermost first: the states an exception may leave it
   * with.
   */
  private final Deque<State> exceptionStates = new ArrayDeque<>();

  /** Per enclosing try with a finally block, innermost first: the states its returns leave with. */
  private final Deque<State> returnStates = new ArrayDeque<>();

  Frame(State initial, @Nullable Sink returnSink) {
    this.state = initial;
    this.returnSink = returnSink;
  }

  /** Whether the current program point is reachable. */
  boolean reachable() {
    return state.reachable();
  }

  /**
   * Enters a try (or its catch blocks) that exceptions may leave from {@code entry} or later
   * states.
   */
  void enterExceptions(State entry) {
    exceptionStates.push(entry);
  }

  /**
   * Leaves the innermost try (or catch blocks): the join of the states an exception may leave it
   * with.
   */
  State leaveExceptions() {
    return exceptionStates.pop();
  }

  /** Records the current state as one an exception inside a {@code try} may leave from. */
  void noteUpdate() {
    if (reachable()) {
      noteThrown(state);
    }
  }

  /** Records a state an exception may leave the innermost try with, if there is one. */
  void noteThrown(State thrown) {
    if (!exceptionStates.isEmpty()) {
      exceptionStates.push(State.join(exceptionStates.pop(), thrown));
    }
  }

  /**
   * Enters a try with a finally block: its returns are collected to run the finally block on them.
   */
  void enterReturns() {
    returnStates.push(State.UNREACHABLE);
  }

  /**
   * Leaves the innermost try with a finally block: the join of the states its returns left with.
   */
  State leaveReturns() {
    return returnStates.pop();
  }

  /** Records a state a {@code return} leaves with, if it goes through a finally block. */
  void noteReturned(State returned) {
    if (!returnStates.isEmpty()) {
      returnStates.push(State.join(returnStates.pop(), returned));
    }
  }
}
