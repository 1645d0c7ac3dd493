package org.abiguard.processor.guard.flow;

import java.math.BigInteger;
import java.util.Map;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.Declarations;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;

/** Makes loops reach their fixpoint in a few rounds. */
final class Widening {
  private Widening() {}

  /**
   * Widening: a bound that still moves jumps to its limit, the declared width of the variable
   * or the range of its Java type. In lenient mode a plain variable whose bound moves is a
   * plain Java value (no fact) from then on, unless the value it accumulates derives from an
   * ABI declaration ({@link Fact#fromAbi()}): such a sum or product of ABI values can grow to its
   * Java type's range, so that range is its limit, as in strict mode. Everything still moving
   * in the last round jumps straight to its limit.
   */
  static State widen(Declarations declarations, boolean strict, State head, State next, boolean last) {
    State out = next.copy();
    for (Map.Entry<AccessPath, Fact> entry : next.entries()) {
      if (!head.tracks(entry.getKey())) {
        continue;
      }
      Fact old = head.fact(entry.getKey());
      Fact now = entry.getValue();
      if (now == null || (old != null && old.range().contains(now.range()) && old.sameValues(now))) {
        continue;
      }
      Element variable = entry.getKey().last();
      Fact limit = variable == null ? null : declarations.readFact(variable);
      if (limit == null) {
        if (!strict && !now.fromAbi() && !Fact.fromAbi(old)) {
          out.put(entry.getKey(), null);
          continue;
        }
        if (variable != null) {
          JavaKind kind = declarations.kindOf(variable.asType());
          limit = kind == null ? null : Declarations.javaTypeFact(kind, declarations.describe(variable));
        }
      }
      if (limit == null || last) {
        out.put(entry.getKey(), limit == null ? null : limit.withAbi(now.fromAbi() || Fact.fromAbi(old)));
        continue;
      }
      Range base = old == null ? now.range() : old.range();
      BigInteger lo = now.range().lo().compareTo(base.lo()) < 0 ? limit.range().lo().min(now.range().lo()) : base.lo();
      BigInteger hi = now.range().hi().compareTo(base.hi()) > 0 ? limit.range().hi().max(now.range().hi()) : base.hi();
      out.put(entry.getKey(), new Fact(new Range(lo, hi), now.raw(), now.origin(), now.signExtended(), now.fromAbi()));
    }
    return out;
  }
}
