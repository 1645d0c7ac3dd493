package org.abiguard.processor.guard.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.abiguard.processor.guard.facts.Fact;

/**
 * The facts known at one program point, per access path. A path without an entry has its
 * declared fact (a parameter's or field's width); an entry with a null fact is a value known to
 * carry no fact (a plain Java value in lenient mode). The unreachable state is a null
 * {@code State}.
 */
public final class State {
  private final Map<AccessPath, Fact> facts;
  /** Relations a range check proved: {@code [a, b]} means {@code a <= b}. */
  private final Set<List<AccessPath>> atMost;

  public State() {
    this.facts = new HashMap<>();
    this.atMost = new HashSet<>();
  }

  private State(Map<AccessPath, Fact> facts, Set<List<AccessPath>> atMost) {
    this.facts = new HashMap<>(facts);
    this.atMost = new HashSet<>(atMost);
  }

  public State copy() {
    return new State(facts, atMost);
  }

  /** Records that {@code a <= b} holds here. */
  public void atMost(AccessPath a, AccessPath b) {
    atMost.add(List.of(a, b));
  }

  /** Whether a check proved {@code a <= b} and neither was written since. */
  public boolean isAtMost(AccessPath a, AccessPath b) {
    return atMost.contains(List.of(a, b));
  }

  /**
   * What a lambda or a local or anonymous class may rely on: the facts of local variables
   * (captured ones are effectively final, so their facts hold whenever the code runs), not of
   * fields, which may change before it runs.
   */
  public State capturedLocals() {
    State out = new State();
    for (Map.Entry<AccessPath, Fact> e : facts.entrySet()) {
      List<Object> chain = e.getKey().chain();
      if (chain.size() == 1 && chain.get(0) instanceof Element v && v.getKind() != ElementKind.FIELD) {
        out.facts.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  public boolean has(AccessPath p) {
    return facts.containsKey(p);
  }

  /** The entry for the path (null also when there is none: ask {@link #has} first). */
  public Fact get(AccessPath p) {
    return facts.get(p);
  }

  public void put(AccessPath p, Fact f) {
    facts.put(p, f);
  }

  /** Forgets every path whose value a write to {@code e} may change. */
  public void kill(Element e) {
    facts.keySet().removeIf(p -> p.dependsOn(e));
    atMost.removeIf(pair -> pair.get(0).dependsOn(e) || pair.get(1).dependsOn(e));
  }

  /** The paths with an entry. */
  Iterable<Map.Entry<AccessPath, Fact>> entries() {
    return facts.entrySet();
  }

  /** The state after either of two branches; null is unreachable. */
  public static State join(State a, State b) {
    if (a == null) {
      return b == null ? null : b.copy();
    }
    if (b == null) {
      return a.copy();
    }
    State out = new State();
    out.atMost.addAll(a.atMost);
    out.atMost.retainAll(b.atMost);
    for (Map.Entry<AccessPath, Fact> e : a.facts.entrySet()) {
      if (b.facts.containsKey(e.getKey())) {
        out.facts.put(e.getKey(), Fact.join(e.getValue(), b.facts.get(e.getKey())));
      }
      // a path known on one side only keeps its declared fact, the widest one
    }
    return out;
  }

  /** Same paths with the same values (origins aside). */
  public static boolean same(State a, State b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (!a.facts.keySet().equals(b.facts.keySet()) || !a.atMost.equals(b.atMost)) {
      return false;
    }
    for (Map.Entry<AccessPath, Fact> e : a.facts.entrySet()) {
      Fact x = e.getValue();
      Fact y = b.facts.get(e.getKey());
      if (x == null ? y != null : !x.sameValues(y)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return Objects.toString(facts);
  }
}
