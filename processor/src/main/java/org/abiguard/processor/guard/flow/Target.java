package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import javax.lang.model.element.Name;
import org.abiguard.processor.guard.facts.Fact;
import org.jspecify.annotations.Nullable;

/** Where {@code break}, {@code continue} and {@code yield} go, and the states they bring. */
final class Target {
  final Tree tree;
  final @Nullable Name label;
  final boolean loop;
  final boolean switchExpression;

  /**
   * The join of the states {@code break} (or {@code yield}) came here with; unreachable before any.
   */
  State breaks = State.UNREACHABLE;

  /** The join of the states {@code continue} came here with; unreachable before any. */
  State continues = State.UNREACHABLE;

  /** A switch expression's value: the join of what its cases yield; null while nothing is known. */
  @Nullable Fact yielded;

  Target(Tree tree, @Nullable Name label, boolean loop, boolean switchExpression) {
    this.tree = tree;
    this.label = label;
    this.loop = loop;
    this.switchExpression = switchExpression;
  }

  /** The states that break and continue statements came here with. */
  record Jumps(State breaks, State continues) {
    /** No jump yet. */
    static final Jumps NONE = new Jumps(State.UNREACHABLE, State.UNREACHABLE);
  }

  /** Takes the jumps collected so far and starts collecting afresh from {@code from}. */
  Jumps replaceJumps(Jumps from) {
    Jumps taken = new Jumps(breaks, continues);
    breaks = from.breaks();
    continues = from.continues();
    return taken;
  }
}
