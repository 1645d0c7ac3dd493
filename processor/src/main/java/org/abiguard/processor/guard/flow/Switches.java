package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.List;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.jspecify.annotations.Nullable;

/**
 * Switch statements and expressions: each case starts from the state before the switch with the
 * selector narrowed to the case's constants (and its patterns bound, the earlier cases' guards
 * failed where their patterns cover it, its own guard holding); a switch expression's value is the
 * join of what its cases yield.
 */
final class Switches {
  private final Parts parts;

  private final FailedGuards failedGuards;

  Switches(Parts parts) {
    this.parts = parts;
    this.failedGuards = new FailedGuards(parts);
  }

  void switchStatement(TreePath path, SwitchTree switchTree) {
    TreePath selector = new TreePath(path, switchTree.getExpression());
    Fact selected = parts.expressions.evaluate(selector);
    if (!parts.frame.reachable()) {
      return;
    }
    Target target = parts.jumps.push(switchTree, false);
    State after = cases(path, switchTree.getCases(), selector, selected, target);
    parts.jumps.pop();
    parts.frame.state = State.join(after, target.breaks);
  }

  /** A switch expression: runs its cases, the value is the join of what they yield. */
  @Nullable Fact switchExpression(TreePath path, SwitchExpressionTree switchTree) {
    TreePath selector = new TreePath(path, switchTree.getExpression());
    Fact selected = parts.expressions.evaluate(selector);
    if (!parts.frame.reachable()) {
      return null;
    }
    Target target = parts.jumps.push(switchTree, false);
    parts.context.arms.put(switchTree, new java.util.ArrayList<>());
    cases(path, switchTree.getCases(), selector, selected, target);
    parts.jumps.pop();
    parts.frame.state = target.breaks;
    return target.yielded;
  }

  /**
   * Runs the cases of a switch; returns the state after the last case falls out of the switch
   * (joined with the state where no case matched when there is no default). For a switch
   * expression, the value of each arrow expression is joined into the target's yield.
   */
  private State cases(
      TreePath path,
      List<? extends CaseTree> cases,
      TreePath selector,
      @Nullable Fact selected,
      Target target) {
    State before = parts.frame.state;
    AccessPath selectorAccess = parts.paths.of(selector);
    State fallthrough = State.UNREACHABLE;
    State out = State.UNREACHABLE;
    boolean hasDefault = false;
    // a selector known to hold one enum constant or string chooses its case (ConstantChoices)
    Object constant = ConstantChoices.of(parts.context, before, selector);
    boolean[] chosen =
        constant == null ? null : ConstantChoices.chosenCases(parts.context, path, cases, constant);
    boolean labelled = labelled(cases, path, selected);
    // a selector that is a result code (switch (rc) { case 0: ...; default: return rc; })
    State.Flag codes = parts.conditions.codesOf(selector, before);
    boolean zeroLabelled = codes != null && zeroLabelled(path, cases);
    for (int index = 0; index < cases.size(); index++) {
      CaseTree caseTree = cases.get(index);
      TreePath casePath = new TreePath(path, caseTree);
      Range labels = constantLabels(casePath, caseTree);
      if (caseTree.getExpressions().isEmpty() || labels == null) {
        hasDefault |= caseTree.getExpressions().isEmpty();
      }
      State entry = before.copy();
      if (chosen != null && !chosen[index]) {
        entry = State.UNREACHABLE;
      } else if (labelled && Patterns.plainDefault(caseTree)) {
        entry = State.UNREACHABLE; // the selector's one value has its own case
      } else if (labels != null
          && selected != null
          && selected.floating() == null
          && selected.restrictJava(labels) == null) {
        // no value the selector can have here is one of the case's labels: it is never chosen
        entry = State.UNREACHABLE;
      } else if (labels != null && selectorAccess != null && selected != null) {
        Fact refined = selected.restrictJava(labels);
        entry.put(selectorAccess, refined == null ? selected : refined);
      } else if (labels != null && selected != null) {
        castOperand(entry, selector, selected, labels);
      }
      if (codes != null && entry.reachable()) {
        // a case of zero alone has the code zero; one of other codes, or the default beside a
        // case of zero, has it not zero
        Boolean zero =
            caseTree.getExpressions().isEmpty()
                ? (zeroLabelled ? Boolean.FALSE : null)
                : labels == null ? null : Conditions.zeroAmong(labels);
        entry = Conditions.withCode(entry, codes, zero);
      }
      entry = patternEntry(path, cases, index, entry, selector, selected);
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        parts.frame.state = entry;
        Tree body = caseTree.getBody();
        TreePath bodyPath = new TreePath(casePath, body);
        if (body instanceof ExpressionTree) {
          Fact value = parts.expressions.evaluate(bodyPath);
          if (target.switchExpression && parts.frame.reachable()) {
            Fact converted = parts.values.convert(value, bodyPath, path);
            parts.context.arm(target.tree, bodyPath, converted);
            target.yielded = Fact.join(target.yielded, converted);
            target.breaks = State.join(target.breaks, parts.frame.state);
          }
          if (!target.switchExpression) {
            out = State.join(out, parts.frame.state);
          }
        } else {
          parts.statements.execute(bodyPath);
          if (!target.switchExpression) {
            out = State.join(out, parts.frame.state);
          }
        }
        parts.frame.state = State.UNREACHABLE;
      } else {
        parts.frame.state = State.join(fallthrough, entry);
        for (StatementTree statement : caseTree.getStatements()) {
          parts.statements.execute(new TreePath(casePath, statement));
        }
        fallthrough = parts.frame.state;
      }
    }
    out = State.join(out, fallthrough);
    if (!hasDefault && !labelled && (chosen == null || !anyChosen(chosen))) {
      out = State.join(out, before);
    }
    return out;
  }

  /**
   * Whether the selector has one value, known exactly, and a case is labelled with it: then {@code
   * default} is never chosen.
   */
  private boolean labelled(List<? extends CaseTree> cases, TreePath path, @Nullable Fact selected) {
    if (selected == null
        || selected.floating() != null
        || selected.truncated()
        || !selected.javaRange().isPoint()) {
      return false;
    }
    BigInteger value = selected.javaRange().lo();
    for (CaseTree caseTree : cases) {
      TreePath casePath = new TreePath(path, caseTree);
      for (ExpressionTree expression : caseTree.getExpressions()) {
        if (value.equals(Constants.constant(parts.context, new TreePath(casePath, expression)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyChosen(boolean[] chosen) {
    for (boolean one : chosen) {
      if (one) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code switch ((int) x.space)} on a value the cast keeps whole (a {@code u32} in a {@code long}
   * cast to {@code int}: raw bits of the same values): a case's labels are the operand's values, as
   * they would be for {@code switch (x.space)}.
   */
  private void castOperand(State entry, TreePath selector, Fact selected, Range labels) {
    TreePath bare = AccessPaths.skipParentheses(selector);
    if (selected.truncated() || !(bare.getLeaf() instanceof TypeCastTree cast)) {
      return;
    }
    TreePath operand = new TreePath(bare, cast.getExpression());
    AccessPath access = parts.paths.of(operand);
    Fact value = access == null ? null : parts.conditions.knownFact(entry, access, operand);
    Fact refined = selected.restrictJava(labels);
    if (access == null
        || value == null
        || refined == null
        || value.raw() != null
        || value.partial()
        || !value.range().contains(refined.range())) {
      return;
    }
    entry.put(access, value.withRange(refined.range()));
  }

  /** Whether a case of the switch at {@code path} has the label zero. */
  private boolean zeroLabelled(TreePath path, List<? extends CaseTree> cases) {
    for (CaseTree caseTree : cases) {
      TreePath casePath = new TreePath(path, caseTree);
      for (ExpressionTree expression : caseTree.getExpressions()) {
        BigInteger value = Constants.constant(parts.context, new TreePath(casePath, expression));
        if (value != null && value.signum() == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The hull of a case's constant labels, or null (default, patterns, enums). */
  private @Nullable Range constantLabels(TreePath casePath, CaseTree caseTree) {
    Range labels = null;
    for (ExpressionTree expression : caseTree.getExpressions()) {
      BigInteger value = Constants.constant(parts.context, new TreePath(casePath, expression));
      if (value == null) {
        return null;
      }
      labels = labels == null ? Range.point(value) : labels.hull(Range.point(value));
    }
    return labels;
  }

  /**
   * The state in which a case's body starts: the variables its patterns bind hold the selector's
   * value or their components' widths, the guards of earlier cases that would have matched its
   * values did not hold ({@link FailedGuards}), and its own {@code when} guard (checked for sinks
   * itself) holds.
   */
  private State patternEntry(
      TreePath path,
      List<? extends CaseTree> cases,
      int index,
      State entry,
      TreePath selector,
      @Nullable Fact selected) {
    CaseTree caseTree = cases.get(index);
    TreePath casePath = new TreePath(path, caseTree);
    parts.frame.state = entry;
    for (Tree label : Patterns.labels(caseTree)) {
      Patterns.bind(
          parts, new TreePath(casePath, label), selector, selected, parts.values.kind(selector));
    }
    if (parts.frame.reachable()) {
      parts.frame.state =
          failedGuards.narrow(path, cases, index, selector, selected, parts.frame.state);
    }
    Tree guard = Patterns.guard(caseTree);
    return guard == null
        ? parts.frame.state
        : parts.conditions.evaluate(new TreePath(casePath, guard)).whenTrue();
  }
}
