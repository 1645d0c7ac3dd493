package org.abiguard.processor.guard.flow;

/** The states after a condition, when it holds and when it does not; null is unreachable. */
record Branches(State whenTrue, State whenFalse) {}
