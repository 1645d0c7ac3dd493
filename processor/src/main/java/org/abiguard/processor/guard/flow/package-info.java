/**
 * The flow guard's abstract interpreter over javac's attributed trees: the {@link
 * org.abiguard.processor.guard.flow.Interpreter} analyses each body with its own {@code Parts}
 * (statements, loops, switches, try statements, expressions, calls, assignments, conditions), which
 * share one {@code Frame} holding the {@link org.abiguard.processor.guard.flow.State} at the
 * current program point. A call of a helper (one expression, or a few statements) is followed into
 * the helper by parts of its own, whose findings are not reported ({@code Helpers}). Another
 * top-level class's helper is read from its source parsed again ({@link
 * org.abiguard.processor.guard.flow.ParsedSources}), whose names {@code ParsedSource} resolves (its
 * locals as {@code ParsedLocal}s); {@code Context#elementOf} and {@code Context#typeOf} answer for
 * both kinds of tree.
 *
 * <p>Null-marked: a value that may be absent is {@code @Nullable}. The unreachable state is {@link
 * org.abiguard.processor.guard.flow.State#UNREACHABLE}, never null; a {@code @Nullable Fact} that
 * is null means nothing is known about the value.
 */
@NullMarked
package org.abiguard.processor.guard.flow;

import org.jspecify.annotations.NullMarked;
