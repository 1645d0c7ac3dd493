package org.abiguard.processor.guard.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * A value the dataflow tracks: a local variable or parameter, or a chain of field reads from one
 * ({@code xatp.space}, {@code this.hdr.len}), or a static field. Elements compare by identity
 * (javac's symbols), {@link #THIS} stands for the receiver.
 */
public record AccessPath(List<Object> chain) {
  /** The receiver of the method being analysed. */
  public static final Object THIS =
      new Object() {
        @Override
        public String toString() {
          return "this";
        }
      };

  public static AccessPath of(Object root) {
    return new AccessPath(List.of(root));
  }

  /**
   * The value {@code a + b} of two tracked values, which a check of the sum ({@code if (used + len
   * > 0x8000) return ...;}) bounds until either is written.
   */
  public static AccessPath sum(AccessPath a, AccessPath b) {
    return of(new Sum(a, b));
  }

  /**
   * The value of a box of {@code kind} that a local of a reference type holds ({@code o} after
   * {@code Object o = op.space;}, of kind {@code int}): tracked for each kind, a box of another
   * kind having none.
   */
  public static AccessPath box(Element local, JavaKind kind) {
    return new AccessPath(List.of(local, kind));
  }

  /** The kind of box this path is the value of ({@link #box}), or null for any other path. */
  public @Nullable JavaKind boxKind() {
    return chain.size() == 2 && chain.get(1) instanceof JavaKind kind ? kind : null;
  }

  /** The root of a {@linkplain #sum sum}'s path. */
  record Sum(AccessPath left, AccessPath right) {}

  /**
   * The element {@code index} of the array a local holds ({@code args[2]} of {@code long[] args =
   * {...}}), tracked as a variable of its own where {@link LocalArrays} says the local's every
   * element is named by a constant index.
   */
  public static AccessPath element(Element local, int index, JavaKind kind) {
    return new AccessPath(List.of(local, new Index(index, kind)));
  }

  /** The step of an {@linkplain #element element} path: which element, of which Java kind. */
  record Index(int index, JavaKind kind) {}

  /** The Java kind of the element this path is ({@link #element}), or null for any other path. */
  public @Nullable JavaKind elementKind() {
    return chain.size() == 2 && chain.get(1) instanceof Index index ? index.kind() : null;
  }

  /** Whether this path is {@code path}, or a sum of values one of which is. */
  public boolean mentions(AccessPath path) {
    return equals(path)
        || (chain.get(0) instanceof Sum sum
            && (sum.left().mentions(path) || sum.right().mentions(path)));
  }

  /** This path followed by a field. */
  public AccessPath then(Element field) {
    List<Object> longer = new ArrayList<>(chain.size() + 1);
    longer.addAll(chain);
    longer.add(field);
    return new AccessPath(List.copyOf(longer));
  }

  /** Whether the path starts at a static field, which names the same value in any code. */
  public boolean ofStaticField() {
    return chain.get(0) instanceof javax.lang.model.element.VariableElement root
        && root.getKind() == javax.lang.model.element.ElementKind.FIELD
        && root.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
  }

  /** Whether this path goes on from {@code prefix} ({@code x.hdr.len} from {@code x.hdr}). */
  public boolean extendsPath(AccessPath prefix) {
    return chain.size() > prefix.chain.size()
        && chain.subList(0, prefix.chain.size()).equals(prefix.chain);
  }

  /**
   * This path with its first {@code length} steps replaced by {@code start}: how another method
   * names it ({@code h.space} in a helper is {@code x.space} in its caller).
   */
  public AccessPath replacingPrefix(int length, AccessPath start) {
    List<Object> renamed = new ArrayList<>(start.chain);
    renamed.addAll(chain.subList(length, chain.size()));
    return new AccessPath(List.copyOf(renamed));
  }

  /** The variable or field the path ends in. */
  public @Nullable Element last() {
    return chain.get(chain.size() - 1) instanceof Element element ? element : null;
  }

  /** Adds the fields this path reads through (those of a sum's values too) to {@code into}. */
  void fieldsInto(Set<Element> into) {
    for (Object step : chain) {
      if (step instanceof Element element && element.getKind() == ElementKind.FIELD) {
        into.add(element);
      } else if (step instanceof Sum sum) {
        sum.left().fieldsInto(into);
        sum.right().fieldsInto(into);
      }
    }
  }

  /** Whether a write to {@code element} may change this path's value or meaning. */
  public boolean dependsOn(Element element) {
    return chain.contains(element)
        || (chain.get(0) instanceof Sum sum
            && (sum.left().dependsOn(element) || sum.right().dependsOn(element)));
  }
}
