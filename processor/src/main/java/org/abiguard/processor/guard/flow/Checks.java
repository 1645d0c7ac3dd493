package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import java.util.List;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.guard.sinks.SinkChecker;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/** Holds each value that reaches a sink in reachable code to the sink, and records the findings. */
final class Checks {
  private final Context context;
  private final Frame frame;
  private final JavaValues values;
  private final AccessPaths paths;

  Checks(Context context, Frame frame, JavaValues values, AccessPaths paths) {
    this.context = context;
    this.frame = frame;
    this.values = values;
    this.paths = paths;
  }

  /**
   * Checks a value against a sink and records a finding when values can be lost. The value of a
   * conditional or switch expression is checked arm by arm, each where it is written.
   */
  void check(@Nullable Sink sink, @Nullable Fact value, @Nullable JavaKind from, TreePath at) {
    List<Context.Arm> arms = armsOf(at);
    if (sink != null && value != null && frame.reachable() && arms != null) {
      // each arm's value is of the type of the expression it is an arm of
      JavaKind armKind = values.kind(AccessPaths.skipParentheses(at));
      for (Context.Arm arm : arms) {
        check(sink, arm.value(), armKind != null ? armKind : from, arm.at());
      }
      return;
    }
    if (sink != null && value != null && frame.reachable()) {
      record(sink, Arith.convert(value, from, sink.kind()), at, subjectOf(at), null, List.of());
    }
  }

  /**
   * Whether a check of the expression would test a new value, not the one passed: a call that no
   * access path names (a record's accessor or a helper returning a field does), which computes its
   * value again.
   */
  private boolean recomputed(TreePath expression) {
    return expression.getLeaf() instanceof com.sun.source.tree.MethodInvocationTree
        && paths.of(expression) == null;
  }

  /** Checks a value whose source text (for the suggested fix) is {@code text}. */
  void check(
      @Nullable Sink sink,
      @Nullable Fact value,
      @Nullable JavaKind from,
      TreePath at,
      @Nullable CharSequence text) {
    if (sink != null && value != null && frame.reachable()) {
      record(
          sink,
          Arith.convert(value, from, sink.kind()),
          at,
          new Subject(text, null, false),
          null,
          List.of());
    }
  }

  /**
   * Records, at {@code at} (the value passed), a finding of a method the value was passed into: it
   * reached {@code sink} there ({@code found}, in that method's own terms). {@code text} is the
   * value's text to suggest a check of, or null when a check of it would not be one of what reached
   * the sink (the method computed something else from it); {@code fix} the further fix, in the
   * method; {@code through} the methods it was passed into, outermost first.
   */
  void passedIn(
      Context.Pending found,
      Sink sink,
      TreePath at,
      @Nullable TreePath text,
      String fix,
      List<javax.lang.model.element.ExecutableElement> through) {
    if (frame.reachable()) {
      record(sink, found.value(), at, text == null ? Subject.NONE : subjectOf(text), fix, through);
    }
  }

  /**
   * What a suggested check tests: the value's source text, its Java type where known (for the fixes
   * that call a method on it), and whether a check of that text would compute it again ({@code
   * recomputed}: the suggested check is then of a local holding it).
   */
  private record Subject(@Nullable CharSequence text, @Nullable JavaKind kind, boolean recomputed) {
    static final Subject NONE = new Subject(null, null, false);
  }

  /** The subject of a suggested check of {@code expression}, casts and parentheses stripped. */
  private Subject subjectOf(TreePath expression) {
    TreePath checked = stripCasts(expression);
    return checked == null
        ? Subject.NONE
        : new Subject(
            Text.of(() -> context.text(checked.getLeaf())),
            values.kind(checked),
            recomputed(checked));
  }

  /**
   * Holds {@code arriving}, the value as the sink receives it, to the sink and records the finding
   * at {@code at}, with the further {@code fix} (if any) after the sink's own, and the methods it
   * was passed {@code through}.
   */
  private void record(
      Sink sink,
      @Nullable Fact arriving,
      TreePath at,
      Subject subject,
      @Nullable String fix,
      List<javax.lang.model.element.ExecutableElement> through) {
    SinkChecker.Finding finding =
        SinkChecker.check(arriving, sink, subject.text(), subject.kind(), subject.recomputed());
    if (finding == null || arriving == null) {
      return;
    }
    context.add(
        at,
        sink,
        arriving,
        fix == null
            ? finding
            : new SinkChecker.Finding(finding.kind(), finding.message() + "\n  - " + fix),
        through);
  }

  /**
   * The arms of a conditional or switch expression {@code at} is (parentheses aside), as last
   * evaluated; null for any other expression, or one whose arms were not all recorded.
   */
  private @Nullable List<Context.Arm> armsOf(TreePath at) {
    Tree bare = AccessPaths.skipParentheses(at).getLeaf();
    if (!(bare instanceof com.sun.source.tree.ConditionalExpressionTree)
        && !(bare instanceof com.sun.source.tree.SwitchExpressionTree)) {
      return null;
    }
    List<Context.Arm> arms = context.arms.get(bare);
    return arms == null || arms.isEmpty() ? null : arms;
  }

  /**
   * The tree whose text a suggested check repeats: casts, parentheses and chained assignments
   * stripped (a check of a {@code float} or {@code double} narrows it as well). Null for an integer
   * cast from a reference: a check of that operand would prove nothing about the integer, so no
   * check is suggested.
   */
  private @Nullable TreePath stripCasts(TreePath at) {
    TreePath path = at;
    while (true) {
      Tree tree = path.getLeaf();
      if (tree instanceof ParenthesizedTree parenthesized) {
        path = new TreePath(path, parenthesized.getExpression());
      } else if (tree instanceof TypeCastTree cast) {
        TreePath operand = new TreePath(path, cast.getExpression());
        if (values.kind(operand) == null && values.floating(operand) == null) {
          return null;
        }
        path = operand;
      } else if (tree instanceof com.sun.source.tree.AssignmentTree assignment) {
        path = new TreePath(path, assignment.getExpression());
      } else {
        return path;
      }
    }
  }
}
