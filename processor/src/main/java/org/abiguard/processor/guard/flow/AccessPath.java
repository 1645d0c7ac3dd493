package org.abiguard.processor.guard.flow;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * A value the dataflow tracks: a local variable or parameter, or a chain of field reads from
 * one ({@code xatp.space}, {@code this.hdr.len}), or a static field. Elements compare by
 * identity (javac's symbols), {@link #THIS} stands for the receiver.
 */
public record AccessPath(List<Object> chain) {
  /** The receiver of the method being analysed. */
  public static final Object THIS = new Object() {
    @Override
    public String toString() {
      return "this";
    }
  };

  public static AccessPath of(Object root) {
    return new AccessPath(List.of(root));
  }

  /** This path followed by a field. */
  public AccessPath then(Element field) {
    List<Object> c = new ArrayList<>(chain.size() + 1);
    c.addAll(chain);
    c.add(field);
    return new AccessPath(List.copyOf(c));
  }

  /** The variable or field the path ends in. */
  public @Nullable Element last() {
    Object o = chain.get(chain.size() - 1);
    return o instanceof Element e ? e : null;
  }

  /** Whether a write to {@code e} may change this path's value or meaning. */
  public boolean dependsOn(Element e) {
    return chain.contains(e);
  }
}
