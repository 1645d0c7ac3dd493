package org.abiguard.processor.guard.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  public State() {
    this.facts = new HashMap<>();
  }

  private State(Map<AccessPath, Fact> facts) {
    this.facts = new HashMap<>(facts);
  }

  public State copy() {
    return new State(facts);
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
    if (!a.facts.keySet().equals(b.facts.keySet())) {
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
