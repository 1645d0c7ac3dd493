package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import javax.lang.model.element.Name;
import org.abiguard.processor.guard.facts.Fact;

/** Where {@code break}, {@code continue} and {@code yield} go. */
final class Target {
  final Tree tree;
  final Name label;
  final boolean loop;
  final boolean switchExpression;
  State breaks;
  State continues;
  Fact yielded;

  Target(Tree tree, Name label, boolean loop, boolean switchExpression) {
    this.tree = tree;
    this.label = label;
    this.loop = loop;
    this.switchExpression = switchExpression;
  }

  /** The states that {@code break} and {@code continue} came here with. */
  record Jumps(State breaks, State continues) {}

  /** Takes the jumps collected so far and starts collecting afresh from {@code from}. */
  Jumps replaceJumps(Jumps from) {
    Jumps taken = new Jumps(breaks, continues);
    breaks = from.breaks();
    continues = from.continues();
    return taken;
  }
}
