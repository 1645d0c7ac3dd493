/**
 * The flow guard's abstract interpreter over javac's attributed trees: one {@link
 * org.abiguard.processor.guard.flow.Interpreter} per body, whose parts (statements, loops,
 * switches, try statements, expressions, calls, assignments, conditions) share one {@code Frame}
 * holding the {@link org.abiguard.processor.guard.flow.State} at the current program point.
 *
 * <p>Null-marked: a value that may be absent is {@code @Nullable}. The unreachable state is {@link
 * org.abiguard.processor.guard.flow.State#UNREACHABLE}, never null; a {@code @Nullable Fact} that
 * is null means nothing is known about the value.
 */
@NullMarked
package org.abiguard.processor.guard.flow;

import org.jspecify.annotations.NullMarked;
