package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Calls to <em>helpers</em>, followed into the helper: a method that no subclass can override
 * (static, private or final, or of a final class or a record) whose body is one {@code return} of
 * an expression that writes nothing, or a small block of statements that writes only its own locals
 * and parameters ({@link HelperBodies}).
 *
 * <ul>
 *   <li>A helper's result, when it declares no width, is its expression's value for the values
 *       passed: {@code spaceOf(xatp)} returning {@code x.space} is a {@code u32}, and {@code
 *       low16(v)} returning {@code (int) (v & 0xFFFF)} is 0..0xFFFF. A helper of statements returns
 *       the join of the values of its {@code return}s, each in the state that reaches it.
 *   <li>A {@code boolean} helper tested in a condition is the check it returns, of what was passed:
 *       after {@code if (!fitsU16(e.len)) return ...;}, {@code e.len} is 0..0xFFFF, as after the
 *       comparison written out. A helper of statements is true where one of its {@code return}s is
 *       true in the state that reaches it: after {@code if (v < 0) return false; return v <=
 *       0xFFFF;} returns true, {@code v} is 0..0xFFFF.
 *   <li>A call of a helper of statements returns only where they reach a {@code return} or their
 *       end, not a {@code throw}: what they prove there of what was passed holds after it ({@link
 *       #validated}), whatever the call's value.
 * </ul>
 *
 * The expression or statements are followed in a context of their own, whose findings are not
 * reported: the helper's own analysis reports what it does with its parameters' declared values.
 * Helpers are followed into helpers, but not into one already being followed, nor more than {@link
 * #DEPTH} deep.
 */
final class Helpers {
  /** How many helpers deep a call is followed. */
  static final int DEPTH = 8;

  /**
   * How many times, in the analysis of one method, helpers' statements are run (once per call
   * followed, and per round of a loop around it). Beyond it a helper of statements is not followed,
   * as if it were no helper: helpers of statements that call each other in loops would otherwise
   * take time exponential in their depth.
   */
  static final int STATEMENT_RUNS = 400;

  private final Parts parts;

  Helpers(Parts parts) {
    this.parts = parts;
  }

  /**
   * The result of a call to a helper that declares no width: the value of its expression for the
   * values passed ({@code arguments}, in order), of the call's type {@code kind}. Null when the
   * call is not one to follow.
   */
  @Nullable Followed result(
      TreePath path,
      MethodInvocationTree call,
      ExecutableElement method,
      List<@Nullable Fact> arguments,
      JavaKind kind) {
    if (parts.declarations.readFact(method) != null
        || kind != parts.declarations.kindOf(method.getReturnType())) {
      return null;
    }
    Entry entry = enter(path, call, method, arguments);
    if (entry == null) {
      return null;
    }
    State before = parts.frame.state;
    State start = entry.parts().frame.state.copy();
    Ran ran = entry.value(kind);
    Fact converted = ran.value();
    State exits = ran.exits();
    if (exits != null) {
      // the call returns only where its statements do: what they proved there holds after it
      parts.frame.state = returned(path, before, exits, start, entry);
      resultCodes(call, before, ran, exits, entry);
    }
    Fact result =
        converted == null
            ? null
            : converted.withOrigin(Text.of(() -> returnedBy(converted.origin(), method)));
    return new Followed(
        result == null && parts.context.strict
            ? parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()")
            : result);
  }

  /**
   * The source of a helper's result, for messages: where its value comes from, returned by the
   * helper the caller called (not by the helpers that one called in turn).
   */
  private static String returnedBy(CharSequence origin, ExecutableElement method) {
    String source = origin.toString();
    int inner = source.indexOf(RETURNED_BY);
    return (inner >= 0 ? source.substring(0, inner) : source)
        + RETURNED_BY
        + method.getSimpleName()
        + "()";
  }

  private static final String RETURNED_BY = " returned by ";

  /** The value of a call followed into its helper: null for a plain value. */
  record Followed(@Nullable Fact value) {}

  /** The last call whose helper returns result codes ({@link #resultCodes}), and their flag. */
  private @Nullable MethodInvocationTree codesCall;

  private State.@Nullable Flag codes;

  /**
   * A helper that returns zero on some ways through and other values on others, a result code
   * ({@code if (op.space > 0xFFFF) return -EINVAL; return 0;}): what its statements proved where
   * they return zero and where they return something else, beyond what they proved wherever they
   * return, kept as a flag ({@link State.Flag}: true for zero) for a comparison of the value with a
   * constant ({@link Conditions}), directly or through the local it is stored in ({@code int rc =
   * check(op); if (rc != 0) return rc;}).
   */
  private void resultCodes(
      MethodInvocationTree call, State before, Ran ran, State exits, Entry entry) {
    forgetCodes();
    if (!parts.frame.reachable() || !ran.zero().reachable() || !ran.nonZero().reachable()) {
      return;
    }
    State.Flag flag =
        new State.Flag(
            provedBack(before, ran.zero(), exits, entry),
            provedBack(before, ran.nonZero(), exits, entry));
    if (flag.informative()) {
      codesCall = call;
      codes = flag;
    }
  }

  /**
   * The flag of result codes of {@code call}, if it is the last call evaluated and its helper
   * returns them ({@link #resultCodes}); else null.
   */
  State.@Nullable Flag codes(MethodInvocationTree call) {
    return call == codesCall ? codes : null;
  }

  /** Forgets the last result codes: another call is being evaluated. */
  void forgetCodes() {
    codesCall = null;
    codes = null;
  }

  /**
   * The call of a {@code boolean} helper being evaluated as a condition ({@link #outcomes}), whose
   * outcomes already hold what it proves when it returns.
   */
  private @Nullable MethodInvocationTree condition;

  /**
   * After a call of a helper of statements whose value is not followed (a {@code void} method, one
   * whose result declares a width or is not an integer, a {@code boolean} not used as a condition):
   * the call returns only where the statements reach a {@code return} or their end, not a {@code
   * throw}, so what they prove there of the values passed holds after it. After {@code
   * requireU16(op.space)}, whose body throws when {@code v > 0xFFFF}, {@code op.space} is
   * 0..0xFFFF; after a call that always throws nothing is reachable.
   */
  void validated(
      TreePath path,
      MethodInvocationTree call,
      ExecutableElement method,
      List<@Nullable Fact> arguments) {
    if (call == condition
        || !parts.frame.reachable()
        || !HelperBodies.of(parts.context, method)
            .map(HelperBodies.Body::statements)
            .orElse(false)) {
      return;
    }
    Entry entry = enter(path, call, method, arguments);
    if (entry == null) {
      return;
    }
    State before = parts.frame.state;
    State start = entry.parts().frame.state.copy();
    parts.frame.state = returned(path, before, entry.exits(), start, entry);
  }

  /**
   * The caller's state after the call at {@code path} returned, from {@code before}, when the
   * helper's statements, started in {@code start}, returned in {@code exits}. A call that cannot
   * return ends the path only as a statement of its own ({@code reject("space");}): within an
   * expression the rest of the expression is evaluated from {@code before}, which holds for every
   * path that goes on.
   */
  private State returned(TreePath path, State before, State exits, State start, Entry entry) {
    if (!exits.reachable()
        && !(path.getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
      return before;
    }
    return outcome(before, exits, start, entry);
  }

  /**
   * The states after a call of a {@code boolean} helper used as a condition, when it returns true
   * and when it returns false: what its expression proves, as a condition, of its parameters and
   * receiver is proved of the values passed. Null when the call is not one to follow (nothing is
   * evaluated then).
   */
  @Nullable Branches outcomes(TreePath path, MethodInvocationTree call) {
    if (!(parts.context.elementOf(path) instanceof ExecutableElement method)
        || method.getReturnType().getKind() != TypeKind.BOOLEAN
        || HelperBodies.of(parts.context, method).isEmpty()) {
      return null;
    }
    MethodInvocationTree outer = condition;
    condition = call;
    try {
      parts.expressions.evaluate(path);
    } finally {
      condition = outer;
    }
    List<@Nullable Fact> arguments = parts.calls.argumentsOf(call);
    State before = parts.frame.state;
    Entry entry = arguments == null ? null : enter(path, call, method, arguments);
    if (entry == null || !before.reachable()) {
      return new Branches(before, before.copy());
    }
    Branches inner = entry.outcomes();
    State either = State.join(inner.whenTrue(), inner.whenFalse());
    return new Branches(
        outcome(before, inner.whenTrue(), either, entry),
        outcome(before, inner.whenFalse(), either, entry));
  }

  /**
   * The caller's state when the helper's expression has the outcome {@code inner}: what it proved
   * beyond {@code either} (the state after both outcomes, or the one its body started from), of
   * paths the caller can name.
   */
  private State outcome(State before, State inner, State either, Entry entry) {
    if (!inner.reachable()) {
      return State.UNREACHABLE;
    }
    return Conditions.withFlag(before.copy(), provedBack(before, inner, either, entry));
  }

  /**
   * What the helper's state {@code inner} proved beyond {@code either}, of paths the caller can
   * name, by the caller's names for them ({@code before} is the caller's state at the call).
   */
  private Map<AccessPath, Fact> provedBack(State before, State inner, State either, Entry entry) {
    Map<AccessPath, Fact> proved = new HashMap<>();
    for (Map.Entry<AccessPath, Fact> fact : Conditions.proved(inner, either).entrySet()) {
      Translated back = entry.back(fact.getKey());
      if (back == null) {
        continue;
      }
      Fact value = fact.getValue();
      if (back.argument() != null && value.floating() == null) {
        // a value passed to a parameter of another type (an int to a long) keeps its Java value:
        // what the check proved of that value restricts the caller's own fact of it
        JavaKind kind = parts.values.kind(back.argument());
        Fact own =
            kind == null
                ? null
                : parts.conditions.operandFact(before, back.path(), back.argument(), kind);
        value = own == null || own.floating() != null ? null : own.restrictJava(value.javaRange());
      }
      if (value != null) {
        proved.merge(back.path(), value, Helpers::both);
      }
    }
    return proved;
  }

  /**
   * What two facts the helper proved of one value of the caller's, under two names ({@code p} and
   * {@code y.s16} after {@code check(x.s16, x)}), say together: each holds, so the value lies in
   * both ranges. The result does not depend on which came first (the helper's paths are met in no
   * fixed order): it keeps the narrower fact (the lower, then by origin, where they are as wide),
   * restricted to the other's values, and the narrower alone where they share no value.
   */
  static Fact both(Fact a, Fact b) {
    Range ra = a.javaRange();
    Range rb = b.javaRange();
    int wider = ra.hi().subtract(ra.lo()).compareTo(rb.hi().subtract(rb.lo()));
    if (wider == 0) {
      wider = ra.lo().compareTo(rb.lo());
    }
    if (wider == 0) {
      wider = a.origin().toString().compareTo(b.origin().toString());
    }
    Fact narrower = wider <= 0 ? a : b;
    Fact other = wider <= 0 ? b : a;
    Fact met = narrower.restrictJava(other.javaRange());
    return met != null ? met : narrower;
  }

  /**
   * The parts that follow a helper's expression for this call, their state holding the values
   * passed to its parameters and what the caller knows of the fields it may read; null when the
   * call is not one to follow.
   */
  private @Nullable Entry enter(
      TreePath path,
      MethodInvocationTree call,
      ExecutableElement method,
      List<@Nullable Fact> arguments) {
    Optional<HelperBodies.Body> body = HelperBodies.of(parts.context, method);
    if (body.isEmpty()
        || parts.context.following.size() >= DEPTH
        || parts.context.following.contains(method)
        || arguments.size() != method.getParameters().size()
        || !parts.frame.reachable()
        || (body.get().statements() && ++parts.context.statementRuns[0] > STATEMENT_RUNS)) {
      return null;
    }
    Entered entered = enter(path, call, call.getArguments(), method, arguments, Set.of());
    Parts inner =
        new Parts(
            parts.context.following(method, body.get().path().getCompilationUnit()),
            entered.state(),
            null);
    return new Entry(inner, body.get(), entered.aliases(), entered.passed());
  }

  /**
   * How a method's body starts for a call: {@code state} holds the values passed to its parameters
   * (none for those in {@code withheld}) and what the caller knows of the fields it may read, by
   * the helper's names for them; {@code aliases} are the caller's paths its parameters and receiver
   * are, and {@code passed} the argument each such parameter was passed.
   */
  record Entered(State state, Map<Object, AccessPath> aliases, Map<Object, TreePath> passed) {}

  /**
   * The start of {@code method}'s body for a call at {@code path} with {@code argumentTrees} worth
   * {@code arguments}; {@code call} is a method invocation, whose receiver the body's {@code this}
   * is, or null for a constructor's.
   */
  Entered enter(
      TreePath path,
      @Nullable MethodInvocationTree call,
      List<? extends ExpressionTree> argumentTrees,
      ExecutableElement method,
      List<@Nullable Fact> arguments,
      Set<Integer> withheld) {
    AccessPath receiver =
        call != null && !method.getModifiers().contains(Modifier.STATIC)
            ? parts.paths.receiverOf(path, call, method)
            : null;
    // each parameter names the path the caller passed, where the types agree or widen integers
    Map<Object, AccessPath> aliases = new HashMap<>();
    Map<Object, TreePath> passed = new HashMap<>();
    State state = parts.context.emptyState();
    for (int i = 0; i < arguments.size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      TreePath argumentPath = new TreePath(path, argumentTrees.get(i));
      JavaKind from = parts.values.kind(argumentPath);
      JavaKind to = parts.declarations.kindOf(parameter.asType());
      AccessPath alias = parts.paths.of(argumentPath);
      boolean holder = Boxes.holder(parameter.asType());
      if (alias != null
          && (from == to || (from != null && to != null && widens(from, to)))
          && !(holder && withheld.contains(i))) {
        // (an Object parameter given a local that holds a box holds it too, unless withheld)
        aliases.put(parameter, alias);
        passed.put(parameter, argumentPath);
      }
      Object constant = ConstantChoices.of(parts.context, parts.frame.state, argumentPath);
      if (constant != null) {
        state.constant(parameter, constant); // a test of it takes the branch the constant chooses
      }
      if (Constants.other(parts.context, argumentPath) instanceof Boolean passedFlag) {
        // true or false passed: a test of the parameter takes only that branch
        state.flag(
            parameter,
            passedFlag ? new State.Flag(Map.of(), null) : new State.Flag(null, Map.of()));
      }
      if (to != null) {
        state.put(
            AccessPath.of(parameter),
            from == null || withheld.contains(i)
                ? null
                : Arith.convert(arguments.get(i), from, to));
      } else if (holder && (from != null || alias == null)) {
        // a number, or a box made where it is passed ((Object) op.space, c ? op.space : "none"),
        // passed to an Object parameter: the parameter holds the box
        Boxes.Held box = parts.assignments.box(argumentPath, arguments.get(i));
        parts.assignments.holdIn(state, parameter, withheld.contains(i) ? box.plain() : box);
      }
    }
    if (receiver != null) {
      aliases.put(AccessPath.THIS, receiver);
    }
    for (Map.Entry<AccessPath, @Nullable Fact> known : parts.frame.state.entries()) {
      for (AccessPath inHelper : into(known.getKey(), aliases)) {
        if (!state.tracks(inHelper)) {
          state.put(inHelper, known.getValue());
        }
      }
    }
    return new Entered(state, aliases, passed);
  }

  /**
   * What the caller's {@code path} is called in the helper: a static field by its name, a path from
   * a value passed (or the receiver) from the parameter (or {@code this}), by each parameter it
   * goes on from ({@code x.in.len} is {@code y.in.len} and {@code z.len} in {@code h(x, x.in)});
   * none for the caller's own variables, which the helper cannot name.
   */
  private static List<AccessPath> into(AccessPath path, Map<Object, AccessPath> aliases) {
    if (path.ofStaticField()) {
      return List.of(path);
    }
    List<AccessPath> names = new ArrayList<>(1);
    for (Map.Entry<Object, AccessPath> alias : aliases.entrySet()) {
      if (path.extendsPath(alias.getValue())) {
        names.add(
            path.replacingPrefix(alias.getValue().chain().size(), AccessPath.of(alias.getKey())));
      }
    }
    return names;
  }

  /**
   * Whether a value of {@code from} passed to a parameter of {@code to} is widened, keeping its
   * value (the only other conversion a call makes of an integer).
   */
  private static boolean widens(JavaKind from, JavaKind to) {
    return to.bits() > from.bits() && to != JavaKind.CHAR;
  }

  /**
   * What running a helper for its value gave: the value, and the join of the states its statements
   * return in (null for a helper of one expression, which proves nothing of its own when it
   * returns).
   */
  private record Ran(@Nullable Fact value, @Nullable State exits, State zero, State nonZero) {}

  /** A path of the helper's, named as the caller names it. */
  private record Translated(AccessPath path, @Nullable TreePath argument) {}

  /**
   * The parts following a helper's expression or statements for one call, and which of the caller's
   * paths its parameters and receiver are ({@code aliases}, by parameter element or {@link
   * AccessPath#THIS}), with the argument each parameter was passed ({@code passed}).
   */
  private record Entry(
      Parts parts,
      HelperBodies.Body body,
      Map<Object, AccessPath> aliases,
      Map<Object, TreePath> passed) {
    /**
     * The helper's value, of {@code kind}: its expression's, or the join of what its statements
     * return (null, a plain value, when none returns), with the states they return in.
     */
    Ran value(JavaKind kind) {
      if (!body.statements()) {
        return new Ran(
            Arith.convert(
                parts.expressions.evaluate(body.path()), parts.values.kind(body.path()), kind),
            null,
            State.UNREACHABLE,
            State.UNREACHABLE);
      }
      Fact[] joined = {null};
      boolean[] any = {false};
      // the states it returns zero in, and something else in (a plain value may be either)
      State[] zero = {State.UNREACHABLE, State.UNREACHABLE};
      State exits =
          run(
              expression -> {
                Fact value = parts.expressions.evaluate(expression);
                if (parts.frame.reachable()) {
                  Fact converted = Arith.convert(value, parts.values.kind(expression), kind);
                  joined[0] = any[0] ? Fact.join(joined[0], converted) : converted;
                  any[0] = true;
                  Boolean isZero =
                      converted == null ? null : Conditions.zeroAmong(converted.javaRange());
                  if (!Boolean.FALSE.equals(isZero)) {
                    zero[0] = State.join(zero[0], parts.frame.state);
                  }
                  if (!Boolean.TRUE.equals(isZero)) {
                    zero[1] = State.join(zero[1], parts.frame.state);
                  }
                }
              });
      return new Ran(joined[0], exits, zero[0], zero[1]);
    }

    /** The join of the states the helper's statements return in, whatever they return. */
    State exits() {
      return run(parts.expressions::evaluate);
    }

    /**
     * Runs the helper's statements, giving each expression returned to {@code returned}: the join
     * of the states they return in (at a {@code return}, once its expression is evaluated, or at
     * their end), {@link State#UNREACHABLE} when every way through throws.
     */
    private State run(java.util.function.Consumer<TreePath> returned) {
      State[] exits = {State.UNREACHABLE};
      parts.frame.returns =
          expression -> {
            if (expression != null) {
              returned.accept(expression);
            }
            exits[0] = State.join(exits[0], parts.frame.state);
          };
      parts.statements.execute(body.path());
      return State.join(exits[0], parts.frame.state);
    }

    /**
     * The helper's states when it returns true and when it returns false: its expression's, as a
     * condition, or the joins of its statements' returned conditions.
     */
    Branches outcomes() {
      if (!body.statements()) {
        return parts.conditions.evaluate(body.path());
      }
      State[] joined = {State.UNREACHABLE, State.UNREACHABLE};
      parts.frame.returns =
          expression -> {
            if (expression == null) {
              return; // a boolean method's returns have values
            }
            Branches returned = parts.conditions.evaluate(expression);
            joined[0] = State.join(joined[0], returned.whenTrue());
            joined[1] = State.join(joined[1], returned.whenFalse());
          };
      parts.statements.execute(body.path());
      return new Branches(joined[0], joined[1]);
    }

    /**
     * The caller's name for a path of the helper; for a parameter itself, with the argument passed,
     * whose type may differ. Null when the caller has none, or the path starts at a parameter the
     * helper writes.
     */
    @Nullable Translated back(AccessPath path) {
      if (path.ofStaticField()) {
        return new Translated(path, null);
      }
      Object root = path.chain().get(0);
      AccessPath alias = aliases.get(root);
      if (alias == null || body.writtenParameters().contains(root)) {
        return null; // a parameter the helper wrote no longer holds what was passed
      }
      return new Translated(
          path.replacingPrefix(1, alias), path.chain().size() == 1 ? passed.get(root) : null);
    }
  }
}
