package org.abiguard.processor.guard.flow;

import org.abiguard.processor.guard.sinks.Sink;
import org.jspecify.annotations.Nullable;

/**
 * The parts of the analysis of one body (a method, a lambda, or a class's initializers), wired
 * together here and only here over the one {@link Frame}: what they share (the context and its
 * declarations, the frame, the jump targets, access paths, Java values, checks) and each other.
 * Every part takes this one object and asks it for the others, so that none copies them.
 *
 * <ul>
 *   <li>{@link Statements} transform the state; {@link Loops} iterate to a fixpoint with widening,
 *       {@link Switches} run cases, {@link TryStatements} route exceptions, jumps and returns
 *       through finally blocks, {@link Jumps} find where jumps go;
 *   <li>{@link Expressions} yield the fact of each value; {@link Calls} and {@link Assignments}
 *       check what reaches parameters and variables, {@link Helpers} follow calls into the helper
 *       methods (one expression, or a few statements), {@link Forwarding} values passed to
 *       parameters without a width into the method, {@link ArrayContents} what is written into
 *       arrays that may become {@code @AbiArray}s;
 *   <li>{@link Conditions} yield a state per outcome, which is how range checks sharpen the facts
 *       they dominate; {@link AccessPaths} name the values the state tracks;
 *   <li>{@link Checks} holds values to sinks, {@link JavaValues} says what Java types alone say.
 * </ul>
 */
final class Parts {
  final Context context;
  final Declarations declarations;
  final Frame frame;
  final Jumps jumps = new Jumps();
  final AccessPaths paths;
  final JavaValues values;
  final Checks checks;
  final Conditions conditions;
  final Expressions expressions;
  final ArrayContents arrays;
  final Calls calls;
  final Helpers helpers;
  final Forwarding forwarding;
  final Assignments assignments;
  final Statements statements;
  final Loops loops;
  final Switches switches;
  final TryStatements tryStatements;

  /** The parts of a body that starts in {@code initial} and returns its values to the sink. */
  Parts(Context context, State initial, @Nullable Sink returnSink) {
    this.context = context;
    this.declarations = context.declarations;
    this.frame = new Frame(initial, returnSink);
    this.paths = new AccessPaths(context);
    this.values = new JavaValues(context);
    this.checks = new Checks(context, frame, values, paths);
    this.conditions = new Conditions(this);
    this.expressions = new Expressions(this);
    this.arrays = new ArrayContents(this);
    this.calls = new Calls(this);
    this.helpers = new Helpers(this);
    this.forwarding = new Forwarding(this);
    this.assignments = new Assignments(this);
    this.statements = new Statements(this);
    this.loops = new Loops(this);
    this.switches = new Switches(this);
    this.tryStatements = new TryStatements(this);
  }
}
