package org.abiguard.processor.guard.flow;

import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Name;
import org.jspecify.annotations.Nullable;

/**
 * The statements {@code break}, {@code continue} and {@code yield} can jump to, innermost first.
 */
final class Jumps {
  private final Deque<Target> targets = new ArrayDeque<>();

  /** The label of a labeled loop, until the loop pushes its target. */
  private @Nullable Name pendingLabel;

  /** Gives the next target pushed this label (a labeled loop's). */
  void labelNext(@Nullable Name label) {
    pendingLabel = label;
  }

  /** Starts collecting the jumps to a loop, switch or labeled statement. */
  Target push(Tree tree, boolean loop) {
    Target target = new Target(tree, pendingLabel, loop, tree instanceof SwitchExpressionTree);
    pendingLabel = null;
    targets.push(target);
    return target;
  }

  /** Ends the innermost target. */
  void pop() {
    targets.pop();
  }

  /** The targets around the current statement, innermost first. */
  List<Target> enclosing() {
    return List.copyOf(targets);
  }

  @Nullable Target breakTarget(@Nullable Name label) {
    for (Target target : targets) {
      if (label == null
          ? !target.switchExpression && (target.loop || target.tree instanceof SwitchTree)
          : label.equals(target.label)) {
        return target;
      }
    }
    return null;
  }

  @Nullable Target continueTarget(@Nullable Name label) {
    for (Target target : targets) {
      if (target.loop && (label == null || label.equals(target.label))) {
        return target;
      }
    }
    return null;
  }

  @Nullable Target yieldTarget() {
    for (Target target : targets) {
      if (target.switchExpression) {
        return target;
      }
    }
    return null;
  }
}
