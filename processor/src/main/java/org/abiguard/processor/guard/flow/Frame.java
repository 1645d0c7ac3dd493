package org.abiguard.processor.guard.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import org.abiguard.processor.guard.sinks.Sink;

/**
 * The mutable part of the analysis of one body (a method, lambda or initializers): the state at
 * the current program point, where its values are returned to, and the states that exceptions
 * and returns take out of the enclosing {@code try} statements.
 */
final class Frame {
  /** The facts at the current program point; null where it cannot be reached. */
  State state;
  /** The sink of the body's {@code return} values, or null when the result declares no width. */
  final Sink returnSink;
  /** Per enclosing try (and its catch blocks): the states an exception may leave it with. */
  final Deque<State[]> exceptionStates = new ArrayDeque<>();
  /** Per enclosing try with a finally block: the states its returns leave with. */
  final Deque<State[]> returnStates = new ArrayDeque<>();

  Frame(State initial, Sink returnSink) {
    this.state = initial;
    this.returnSink = returnSink;
  }

  /** Records the current state as one an exception inside a {@code try} may leave from. */
  void noteUpdate() {
    if (!exceptionStates.isEmpty() && state != null) {
      exceptionStates.peek()[0] = State.join(exceptionStates.peek()[0], state);
    }
  }
}
