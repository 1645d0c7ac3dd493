/**
 * The flow guard's abstract interpreter over javac's attributed trees: the {@link
 * org.abiguard.processor.guard.flow.Interpreter} analyses each body with its own {@code Parts}
 * (statements, loops, switches, try statements, expressions, calls, assignments, conditions), which
 * share one {@code Frame} holding the {@link org.abiguard.processor.guard.flow.State} at the
 * current program point. A call of one of the class's one-expression helpers is followed into the
 * helper by parts of its own, whose findings are not reported ({@code Helpers}).
 *
 * <p>Null-marked: a value that may be absent is {@code @Nullable}. The unreachable state is {@link
 * org.abiguard.processor.guard.flow.State#UNREACHABLE}, never null; a {@code @Nullable Fact} that
 * is null means nothing is known about the value.
 */
@NullMarked
package org.abiguard.processor.guard.flow;

import org.jspecify.annotations.NullMarked;
