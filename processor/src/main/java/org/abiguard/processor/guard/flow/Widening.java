package org.abiguard.processor.guard.flow;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Makes a loop reach its fixpoint whatever its depth. A path whose fact still changes after the
 * first rounds has the bounds that moved pushed to its limit (a counter bounded by the loop's
 * condition keeps its lower bound); if it changes again it takes its whole limit and keeps it (the
 * limit is sticky). Each path thus moves at most twice; a boolean local whose flag still changes
 * forgets it for the rest of the loop. The iteration ends after at most about twice as many rounds
 * as the loop has paths and flags.
 *
 * <p>The limit of a path is what its variable can hold: its declared width, or for raw bits the
 * whole unsigned range of their width (so a value passed around a loop keeps its source), or else
 * the range of its Java type. In lenient mode a plain variable that accumulates only constants and
 * plain values becomes a plain Java value (no fact); one that accumulates values derived from ABI
 * declarations ({@link Fact#fromAbi()}) is held to its Java type's range, as in strict mode, and so
 * is a plain one that receives such a value later.
 */
final class Widening {
  private final Declarations declarations;
  private final boolean strict;

  /** Paths whose moving bounds were pushed to their limit once. */
  private final Set<AccessPath> pushed = new HashSet<>();

  /** Paths at their whole limit for good (null: a plain Java value). */
  private final Map<AccessPath, @Nullable Fact> settled = new HashMap<>();

  /** Boolean locals whose flag still changed after the first rounds: unknown for good. */
  private final Set<Element> unsettledFlags = new HashSet<>();

  Widening(Declarations declarations, boolean strict) {
    this.declarations = declarations;
    this.strict = strict;
  }

  /**
   * The next head of the loop: {@code next} with every path that changed since {@code head}
   * widened.
   */
  State widen(State head, State next) {
    if (!head.reachable() || !next.reachable()) {
      return next;
    }
    State out = next.copy();
    for (Element local : next.flagged()) {
      State.Flag now = next.flag(local);
      State.Flag old = head.flag(local);
      if (unsettledFlags.contains(local) || old == null || now == null || !old.sameValues(now)) {
        // what a boolean local proves changes with the rounds: it proves nothing in this loop
        unsettledFlags.add(local);
        out.forgetFlag(local);
      }
    }
    for (Map.Entry<AccessPath, @Nullable Fact> entry : next.entries()) {
      AccessPath path = entry.getKey();
      Fact now = entry.getValue();
      if (settled.containsKey(path)) {
        Fact limit = settled.get(path);
        if (limit == null && now != null && now.fromAbi()) {
          // a plain value that now receives an ABI value: its Java type's range from here on
          limit = settle(path, null, now);
        }
        out.put(path, limit);
        continue;
      }
      if (!head.tracks(path)) {
        continue;
      }
      Fact old = head.fact(path);
      if ((now == null && old == null)
          || (now != null
              && old != null
              && old.range().contains(now.range())
              && old.sameValues(now))) {
        continue;
      }
      Fact limit = limit(path, old, now);
      if (limit == null || now == null || old == null || !pushed.add(path)) {
        out.put(path, settle(path, old, now));
        continue;
      }
      Range base = old.range();
      BigInteger lo =
          now.range().lo().compareTo(base.lo()) < 0
              ? limit.range().lo().min(now.range().lo())
              : base.lo();
      BigInteger hi =
          now.range().hi().compareTo(base.hi()) > 0
              ? limit.range().hi().max(now.range().hi())
              : base.hi();
      out.put(path, now.withRange(new Range(lo, hi)));
    }
    return out;
  }

  /** Puts a path at its whole limit for the rest of the loop; returns the limit. */
  private @Nullable Fact settle(AccessPath path, @Nullable Fact old, @Nullable Fact now) {
    Fact limit = limit(path, old, now);
    Fact value = now != null ? now : old;
    Fact settledFact =
        limit == null || value == null
            ? limit
            : limit.withOrigin(value.origin()).partialIf(value.partial());
    settled.put(path, settledFact);
    return settledFact;
  }

  private @Nullable Fact limit(AccessPath path, @Nullable Fact old, @Nullable Fact now) {
    Fact value = now != null ? now : old;
    if (value == null) {
      return null;
    }
    boolean abi = Fact.fromAbi(now) || Fact.fromAbi(old);
    Floating floating = value.floating();
    if (floating != null) {
      // a float or double: any value of its type, NaN included
      return !strict && !abi ? null : Floats.whole(floating, value.origin(), abi);
    }
    Width raw = value.raw();
    if (raw != null
        && (old == null || raw.equals(old.raw()))
        && (now == null || raw.equals(now.raw()))) {
      // raw bits of a width: every value of that width, still from the same source
      return new Fact(Range.unsigned(raw.bits()), raw, value.origin(), value.signExtended(), abi);
    }
    Element variable = path.last();
    Fact declared = variable == null ? null : declarations.readFact(variable);
    if (declared != null) {
      return declared.withAbi(abi);
    }
    if (!strict && !abi) {
      return null;
    }
    JavaKind own = path.boxKind();
    if (own == null) {
      own = path.elementKind();
    }
    if (own != null) {
      // a box a local holds (AccessPath.box), an element of a local array tracked one by one
      // (AccessPath.element): any value of its kind
      return Fact.plain(Range.of(own), value.origin()).withAbi(abi);
    }
    if (variable == null) {
      return null;
    }
    JavaKind kind = declarations.kindOf(variable.asType());
    return kind == null
        ? null
        : Declarations.javaTypeFact(kind, declarations.describe(variable)).withAbi(abi);
  }
}
