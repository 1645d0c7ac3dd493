package org.abiguard.benchmarks.engine;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import org.checkerframework.shaded.dataflow.analysis.Store;
import org.checkerframework.shaded.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.shaded.dataflow.expression.JavaExpression;

/**
 * What the prototype knows at a program point: an interval for locals (keyed by their element)
 * and for field access paths {@code receiver.field} whose receiver is a local, {@code this} or
 * a class ({@link FieldPath}). A key that is absent means "what the declaration says".
 */
final class IntervalStore implements Store<IntervalStore> {
  /** A field read through a stable receiver: a local's element, {@code "this"}, or null for a static field. */
  record FieldPath(Object receiver, Element field) {}

  private final Map<Object, Interval> values;

  IntervalStore() {
    this.values = new HashMap<>();
  }

  private IntervalStore(Map<Object, Interval> values) {
    this.values = values;
  }

  Interval get(Object key) {
    return values.get(key);
  }

  /** Records a value; no fact removes the key. */
  void put(Object key, Interval value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  /** Forgets every field path (a call or an unknown write may change any field). */
  void forgetFields() {
    values.keySet().removeIf(k -> k instanceof FieldPath);
  }

  /** Forgets the paths of one field (a write to it through any receiver). */
  void forgetField(Element field) {
    for (Iterator<Object> it = values.keySet().iterator(); it.hasNext(); ) {
      if (it.next() instanceof FieldPath p && p.field().equals(field)) {
        it.remove();
      }
    }
  }

  @Override
  public IntervalStore copy() {
    return new IntervalStore(new HashMap<>(values));
  }

  @Override
  public IntervalStore leastUpperBound(IntervalStore other) {
    return join(other, false);
  }

  @Override
  public IntervalStore widenedUpperBound(IntervalStore previous) {
    return join(previous, true);
  }

  private IntervalStore join(IntervalStore other, boolean widen) {
    Map<Object, Interval> joined = new HashMap<>();
    for (Map.Entry<Object, Interval> e : values.entrySet()) {
      Interval o = other.values.get(e.getKey());
      if (o != null) {
        joined.put(e.getKey(), widen ? o.widen(e.getValue()) : e.getValue().leastUpperBound(o));
      }
    }
    return new IntervalStore(joined);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, IntervalStore, ?> viz) {
    return toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalStore s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
