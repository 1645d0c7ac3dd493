package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * In lenient mode, a value with a width passed to a parameter that declares none, followed into the
 * method called ({@link CalledBodies}): in {@code static void forward(long v) { addOne((int) v);
 * }}, {@code v} is a plain value to {@code forward}'s own analysis, which lets it pass, but {@code
 * forward(x.space)} passes a {@code u32} that can reach {@code addOne}'s {@code u16} parameter.
 *
 * <p>The body is run twice for the call: with the values passed, and without those that meet no
 * declared width (as its own analysis has them). What the first run finds and the second does not
 * is what the values passed bring: it is reported where they are passed, naming the sink and where
 * it is in the method. What both find is the method's own analysis' to report. Strict mode has no
 * need of this: there {@code v} is any {@code long}, and its own analysis reports {@code (int) v}.
 */
final class Forwarding {
  /**
   * How many times, in the analysis of one method, bodies are run to follow values passed into
   * them; beyond it, calls are not followed.
   */
  static final int RUNS = 200;

  private final Parts parts;

  Forwarding(Parts parts) {
    this.parts = parts;
  }

  /**
   * Follows the values passed to {@code method} at {@code path} ({@code argumentTrees}, worth
   * {@code arguments}) into its body; {@code call} is the invocation, or null for a constructor's.
   */
  void follow(
      TreePath path,
      @Nullable MethodInvocationTree call,
      List<? extends ExpressionTree> argumentTrees,
      ExecutableElement method,
      List<@Nullable Fact> arguments) {
    if (parts.context.strict
        || !parts.frame.reachable()
        || arguments.size() != method.getParameters().size()
        || argumentTrees.size() != arguments.size()) {
      return;
    }
    Set<Integer> forwarded = new TreeSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (parts.declarations.readFact(parameter) != null) {
        continue;
      }
      if (parts.declarations.kindOf(parameter.asType()) != null
          ? arguments.get(i) != null
          : Boxes.holder(parameter.asType())
              && boxesAValue(path, argumentTrees.get(i), arguments.get(i))) {
        forwarded.add(i);
      }
    }
    if (forwarded.isEmpty()) {
      return;
    }
    Optional<TreePath> body = CalledBodies.of(parts.context, method);
    if (body.isEmpty() || choosesUnseen(path, argumentTrees, method, body.get())) {
      return;
    }
    List<Context.Pending> passedIn =
        run(path, call, argumentTrees, method, arguments, body.get(), Set.of());
    if (passedIn == null || passedIn.isEmpty()) {
      return;
    }
    List<Context.Pending> own =
        run(path, call, argumentTrees, method, arguments, body.get(), forwarded);
    if (own == null) {
      return; // what the method's own analysis finds is not known: nothing to tell apart
    }
    for (Context.Pending found : passedIn) {
      if (own.stream().noneMatch(o -> Context.samePlace(o, found))) {
        report(path, argumentTrees, method, arguments, forwarded, found);
      }
    }
  }

  /**
   * Whether an argument passed to an {@code Object} (or {@code Number}...) parameter is a box with
   * a fact: a number's (worth {@code value}), or a box the guard knows ({@link Assignments#box}).
   */
  private boolean boxesAValue(TreePath path, ExpressionTree argument, @Nullable Fact value) {
    return parts.assignments.box(new TreePath(path, argument), value).byKind().values().stream()
        .anyMatch(Objects::nonNull);
  }

  /**
   * Whether a value passed is an enum constant or a string ({@code write(op.space, Width.WORD)})
   * that the method may choose its path by in a way the guard does not see ({@code width.bytes}
   * where the constructor computes it, {@code width.name().length()}): its body run for the call
   * would take every path, the one the constant chooses among them, and report what only the others
   * do. A constant the method only tests ({@code switch (width)}, {@code width == Width.WORD},
   * {@code name.equals("word")}) chooses the one path the body is run down ({@link
   * ConstantChoices}); integer constants, {@code true}, {@code false} and {@code null} are followed
   * in, and a test of them takes their one branch.
   */
  private boolean choosesUnseen(
      TreePath path,
      List<? extends ExpressionTree> argumentTrees,
      ExecutableElement method,
      TreePath body) {
    for (int i = 0; i < argumentTrees.size(); i++) {
      TreePath argument = new TreePath(path, argumentTrees.get(i));
      Object constant = ConstantChoices.of(parts.context, parts.frame.state, argument);
      if (constant != null
          && !ConstantChoices.nullness(constant)
          && !ConstantChoices.decidedUses(parts.context, body, method.getParameters().get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The findings of {@code method}'s body run for this call, without the values of the parameters
   * in {@code withheld}; null when it is not run (too deep, recursive, or past {@link #RUNS}).
   */
  private @Nullable List<Context.Pending> run(
      TreePath path,
      @Nullable MethodInvocationTree call,
      List<? extends ExpressionTree> argumentTrees,
      ExecutableElement method,
      List<@Nullable Fact> arguments,
      TreePath body,
      Set<Integer> withheld) {
    Context context = parts.context;
    if (context.following.size() >= Helpers.DEPTH
        || context.following.contains(method)
        || ++context.forwardRuns[0] > RUNS) {
      return null;
    }
    Helpers.Entered entered =
        parts.helpers.enter(path, call, argumentTrees, method, arguments, withheld);
    Parts inner =
        new Parts(
            context.following(method, body.getCompilationUnit()),
            entered.state(),
            parts.declarations.returnSink(method));
    inner.statements.execute(body);
    return inner.context.drain();
  }

  /**
   * Reports, where the value was passed, what a value passed brought to a sink in the method: at
   * the argument it came from, or at the call when that cannot be told.
   */
  private void report(
      TreePath path,
      List<? extends ExpressionTree> argumentTrees,
      ExecutableElement method,
      List<@Nullable Fact> arguments,
      Set<Integer> forwarded,
      Context.Pending found) {
    int index = source(arguments, forwarded, found.value());
    String name = Declarations.methodName(method);
    String parameter =
        index < 0 ? null : "parameter " + parts.declarations.paramName(method, index);
    Sink sink =
        found
            .sink()
            .through(
                (found.through().isEmpty() ? " through " : ", through ")
                    + (parameter == null ? name : parameter + " of " + name)
                    + " ("
                    + parts.context.place(found.path())
                    + ")");
    TreePath at = index < 0 ? path : new TreePath(path, argumentTrees.get(index));
    Fact passed = index < 0 ? null : arguments.get(index);
    // a check of the value passed is one of what reached the sink only if the method passed it on
    // as it came, to a parameter (the fix then reads "before the call", the call that passes it)
    boolean asPassed =
        passed != null
            && passed.range().equals(found.value().range())
            && (found.sink().noun().equals("parameter")
                || found.sink().noun().equals("record component"));
    List<ExecutableElement> through = new ArrayList<>();
    through.add(method);
    through.addAll(found.through());
    parts.checks.passedIn(
        found,
        sink,
        at,
        asPassed ? at : null,
        (index >= 0 && Boxes.holder(method.getParameters().get(index).asType())
                ? "or make " + parameter + " of " + name + " an integer"
                : "or declare "
                    + (parameter == null ? "the parameters of " + name : parameter + " of " + name))
            + " with the width "
            + (parameter == null ? "they" : "it")
            + " must have ("
            + annotation(found.sink().width())
            + "): each call is then checked where it passes a value",
        List.copyOf(through));
  }

  /**
   * Which value passed reached the sink: the only one followed, or the one whose source the value
   * that reached it names; -1 when that cannot be told.
   */
  private static int source(List<@Nullable Fact> arguments, Set<Integer> forwarded, Fact reached) {
    if (forwarded.size() == 1) {
      return forwarded.iterator().next();
    }
    String origin = reached.origin().toString();
    for (int i : forwarded) {
      Fact passed = arguments.get(i);
      if (passed != null && passed.origin().toString().equals(origin)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The annotation that declares a width: {@code @U16}; for a bit-field's, the narrowest that holds
   * it (the method's own analysis then holds the parameter to the bit-field).
   */
  private static String annotation(Width width) {
    int bits = 8;
    while (bits < width.bits()) {
      bits *= 2;
    }
    return "@" + (width.signed() ? "S" : "U") + bits;
  }
}
