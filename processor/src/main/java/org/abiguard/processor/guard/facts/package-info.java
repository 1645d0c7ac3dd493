/**
 * What the flow guard knows about a value ({@link org.abiguard.processor.guard.facts.Fact}: a
 * {@link org.abiguard.processor.guard.facts.Range} and how the Java value holds it; for a {@code
 * float} or {@code double}, a range of {@link org.abiguard.processor.guard.facts.Floating} ordinals
 * and whether it may be NaN) and what Java's conversions and operators do to it ({@link
 * org.abiguard.processor.guard.facts.Arith} for integers, {@link
 * org.abiguard.processor.guard.facts.Floats} for floating point).
 *
 * <p>Null-marked: where nothing is known about a value there is no fact, a {@code @Nullable Fact}
 * that is null (a plain Java value in lenient mode).
 */
@NullMarked
package org.abiguard.processor.guard.facts;

import org.jspecify.annotations.NullMarked;
