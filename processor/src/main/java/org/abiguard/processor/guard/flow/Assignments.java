package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Writes to variables, fields and array elements ({@code =}, {@code +=} ..., {@code ++}): each
 * written value is checked against the target's width, and the target's path then holds it.
 */
final class Assignments {
  private final Parts parts;

  Assignments(Parts parts) {
    this.parts = parts;
  }

  @Nullable Fact assign(TreePath path, AssignmentTree assignment) {
    TreePath target = new TreePath(path, assignment.getVariable());
    TreePath value = new TreePath(path, assignment.getExpression());
    TreePath bareTarget = AccessPaths.skipParentheses(target);
    Tree targetTree = bareTarget.getLeaf();
    if (targetTree instanceof ArrayAccessTree access) {
      TreePath array = new TreePath(bareTarget, access.getExpression());
      evaluate(array);
      evaluate(new TreePath(bareTarget, access.getIndex()));
      Fact written = evaluate(value);
      Element arrayElement = parts.arrays.arrayOf(array);
      parts.checks.check(
          parts.declarations.arrayElementSink(arrayElement),
          written,
          parts.values.kind(value),
          value);
      parts.arrays.noteElementWrite(array, written, parts.values.kind(value), value);
      parts.arrays.elementWritten(bareTarget, parts.values.convert(written, value, bareTarget));
      return written;
    }
    if (targetTree instanceof MemberSelectTree select) {
      parts.expressions.evaluateReceiver(new TreePath(bareTarget, select.getExpression()));
    }
    Element variable = parts.context.elementOf(bareTarget);
    if (parts.conditions.isFlag(variable, value)) {
      State.Flag flag = parts.conditions.evaluateFlag(value);
      store(target, variable, null);
      if (flag != null && variable != null && parts.frame.reachable()) {
        parts.frame.state.flag(variable, flag);
      }
      return null;
    }
    parts.expressions.elementsOf(parts.declarations.arrayElementSink(variable), value);
    Fact written = evaluate(value);
    if (!parts.frame.reachable()) {
      return null;
    }
    parts.arrays.noteAssigned(variable, value);
    parts.arrays.storeArray(
        parts.declarations.arrayElementSink(variable), variable, value, path, null);
    parts.checks.check(
        parts.declarations.variableSink(variable), written, parts.values.kind(value), value);
    Boxes.Held box = Boxes.holdingLocal(variable) ? box(value, written) : null;
    Fact stored = store(target, variable, parts.values.convert(written, value, target));
    hold(variable, box);
    noteCopy(variable, value);
    noteCodes(variable, value);
    ConstantChoices.note(parts, variable, value);
    return stored;
  }

  /**
   * A local just given a call's result codes ({@code int rc = check(op);}, {@link Helpers#codes})
   * keeps what they proved, for a comparison of it with a constant.
   */
  void noteCodes(@Nullable Element variable, TreePath value) {
    if (variable != null
        && variable.getKind() == ElementKind.LOCAL_VARIABLE
        && parts.frame.reachable()
        && AccessPaths.skipParentheses(value).getLeaf() instanceof MethodInvocationTree call) {
      State.Flag codes = parts.helpers.codes(call);
      if (codes != null) {
        parts.frame.state.flag(variable, codes);
      }
    }
  }

  /**
   * What a local of a reference type that may hold a box ({@code Object}, {@code Number}...) holds
   * once given {@code value}: a number's box ({@code Object o = op.space;}), a box the expression
   * makes or reads ({@link Expressions#held}: {@code (Object) op.space}, {@code c ? op.space :
   * "none"}, {@code Object p = o;}), or for any other value no box the guard knows.
   */
  Boxes.Held box(TreePath value, @Nullable Fact written) {
    JavaKind kind = parts.values.kind(value);
    Boxes.Held held = kind == null ? parts.expressions.held(value, written) : null;
    return held != null ? held : Boxes.Held.of(kind, kind == null ? null : written);
  }

  /**
   * A local or parameter of a reference type that may hold a box, just written, holds {@code box}:
   * the path of each kind of box it may be has the value's fact ({@link AccessPath#box}); the write
   * has forgotten the others, so a box of another kind is not known, as when no box is. Nothing for
   * any other variable.
   */
  void hold(@Nullable Element variable, Boxes.@Nullable Held box) {
    if (box == null
        || variable == null
        || !Boxes.holdingLocal(variable)
        || !parts.frame.reachable()) {
      return;
    }
    holdIn(parts.frame.state, variable, box);
    parts.frame.noteUpdate();
  }

  /**
   * Puts into {@code state} the paths of each kind of box {@code variable} holds ({@code box}): the
   * value's fact, or where none is known a plain value (in strict mode any value of the kind, as
   * for a plain number). Also how a method followed for a call starts with the box an argument
   * passed to its {@code Object} parameter.
   */
  void holdIn(State state, Element variable, Boxes.Held box) {
    for (Map.Entry<JavaKind, @Nullable Fact> entry : box.byKind().entrySet()) {
      Fact fact = entry.getValue();
      state.put(
          AccessPath.box(variable, entry.getKey()),
          fact != null
              ? fact
              : parts.values.plain(entry.getKey(), () -> parts.declarations.describe(variable)));
    }
  }

  /**
   * After a local without a width is given the value of a tracked path ({@code long len = e.len;}),
   * the two hold the same value until either is written: a check of one is a check of the other
   * ({@link Conditions#withCopies}). Kept as two {@linkplain State#atMost relations}, each at most
   * the other.
   */
  void noteCopy(@Nullable Element variable, TreePath value) {
    if (variable == null
        || variable.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
        || !parts.frame.reachable()
        || parts.declarations.variableSink(variable) != null
        || parts.declarations.kindOf(variable.asType()) == null
        || parts.values.kind(value) == null) {
      return;
    }
    AccessPath source = parts.paths.of(value);
    if (source == null
        || source.dependsOn(variable)
        || source.chain().get(0) instanceof AccessPath.Sum) {
      return;
    }
    AccessPath local = AccessPath.of(variable);
    parts.frame.state.atMost(local, source);
    parts.frame.state.atMost(source, local);
  }

  @Nullable Fact compound(TreePath path, CompoundAssignmentTree assignment) {
    TreePath target = new TreePath(path, assignment.getVariable());
    TreePath value = new TreePath(path, assignment.getExpression());
    Tree.Kind kind = assignment.getKind();
    if (kind == Tree.Kind.AND_ASSIGNMENT || kind == Tree.Kind.OR_ASSIGNMENT) {
      Element local = parts.context.elementOf(AccessPaths.skipParentheses(target));
      if (Conditions.isBooleanLocal(local)) {
        // ok &= len <= 0xFFFF: ok now says what it said and what the check proved
        State.Flag flag =
            parts.conditions.flagOf(
                parts.conditions.evaluateBoth(target, value, kind == Tree.Kind.AND_ASSIGNMENT));
        store(target, local, null);
        if (flag != null && local != null && parts.frame.reachable()) {
          parts.frame.state.flag(local, flag);
        }
        return null;
      }
    }
    Fact old = evaluate(target);
    Fact operand = evaluate(value);
    JavaKind targetKind = parts.values.kind(target);
    Floating targetFloating = parts.values.floating(target);
    if (!parts.frame.reachable()) {
      return null;
    }
    if (targetKind == null && targetFloating == null) {
      // ok &= ... changes what a boolean local says
      Element variable = parts.context.elementOf(AccessPaths.skipParentheses(target));
      if (variable != null) {
        parts.frame.state.kill(variable);
      }
      return null;
    }
    Tree.Kind operator = Operators.binaryOf(assignment.getKind());
    Text text =
        Text.of(
            () ->
                parts.context.text(assignment.getVariable())
                    + " "
                    + Operators.operator(operator)
                    + " "
                    + parts.context.text(assignment.getExpression()));
    JavaKind operandKind = parts.values.kind(value);
    Floating operandFloating = parts.values.floating(value);
    Text origin = Text.of(() -> "expression `" + text + "`");
    if (targetKind != null && operandKind != null) {
      Fact updated = Operators.update(operator, old, targetKind, operand, operandKind, origin);
      AccessPath to = parts.paths.of(target);
      AccessPath by = parts.paths.of(value);
      if (operator == Tree.Kind.PLUS && targetKind == operandKind && to != null && by != null) {
        // used += len after a check of used + len
        updated = parts.expressions.checkedSum(AccessPath.sum(to, by), updated);
      }
      return writeBack(path, target, updated, text);
    }
    if (targetFloating == null && operandFloating == null) {
      return null;
    }
    // x op= y is x = (T) (x op y), here in floating point: float or double as promotion decides
    Floating promoted =
        targetFloating == Floating.DOUBLE || operandFloating == Floating.DOUBLE
            ? Floating.DOUBLE
            : Floating.FLOAT;
    Fact result =
        Operators.operateFloating(
            operator,
            Floats.convert(old, targetKind, promoted),
            Floats.convert(operand, operandKind, promoted),
            promoted,
            origin);
    if (targetFloating != null) {
      return writeBack(path, target, Floats.convert(result, null, targetFloating), null);
    }
    // x += 1.5f with a plain float is a plain value of x's type (in strict mode, held to its range)
    Fact integral =
        parts.values.integral(
            result,
            Objects.requireNonNull(targetKind, "an integral target"),
            () -> origin.toString());
    return writeBack(path, target, integral, null);
  }

  @Nullable Fact incrementOrDecrement(TreePath path, UnaryTree unary) {
    TreePath target = new TreePath(path, unary.getExpression());
    Fact old = evaluate(target);
    JavaKind targetKind = parts.values.kind(target);
    Floating targetFloating = parts.values.floating(target);
    if (!parts.frame.reachable() || (targetKind == null && targetFloating == null)) {
      return null;
    }
    boolean increment =
        unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.PREFIX_INCREMENT;
    Fact one = Fact.plain(Range.point(BigInteger.ONE), "constant 0x1");
    Text text =
        Text.of(() -> parts.context.text(unary.getExpression()) + (increment ? " + 1" : " - 1"));
    Tree.Kind operator = increment ? Tree.Kind.PLUS : Tree.Kind.MINUS;
    Text origin = Text.of(() -> "expression `" + text + "`");
    Fact result;
    if (targetFloating != null) {
      result =
          Operators.operateFloating(
              operator,
              old,
              Floats.convert(one, JavaKind.INT, targetFloating),
              targetFloating,
              origin);
    } else {
      result =
          Operators.update(
              operator,
              old,
              Objects.requireNonNull(targetKind, "an integral target"),
              one,
              JavaKind.INT,
              origin);
    }
    Fact stored = writeBack(path, target, result, text);
    boolean postfix =
        unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    return postfix ? old : stored;
  }

  private @Nullable Fact writeBack(
      TreePath path, TreePath target, @Nullable Fact result, @Nullable CharSequence text) {
    TreePath bareTarget = AccessPaths.skipParentheses(target);
    if (bareTarget.getLeaf() instanceof ArrayAccessTree access) {
      TreePath array = new TreePath(bareTarget, access.getExpression());
      Element arrayElement = parts.arrays.arrayOf(array);
      parts.checks.check(
          parts.declarations.arrayElementSink(arrayElement),
          result,
          parts.values.kind(target),
          path,
          text);
      parts.arrays.noteElementWrite(array, result, parts.values.kind(target), path);
      parts.arrays.elementWritten(bareTarget, result);
      return result;
    }
    Element variable = parts.context.elementOf(bareTarget);
    parts.checks.check(
        parts.declarations.variableSink(variable), result, parts.values.kind(target), path, text);
    return store(target, variable, result);
  }

  /**
   * Writes a fact to a variable or field: paths through it are forgotten, its own is set. Where no
   * path goes on (its value was a call that cannot return: {@code ok &= never(x)}), nothing is.
   */
  private @Nullable Fact store(TreePath target, @Nullable Element variable, @Nullable Fact value) {
    if (variable == null || !parts.frame.reachable()) {
      return value;
    }
    parts.frame.state.kill(variable);
    Fact stored = parts.values.stored(variable, value);
    AccessPath access = parts.paths.of(target);
    if (access != null
        && (parts.values.kind(target) != null || parts.values.floating(target) != null)) {
      parts.frame.state.put(access, stored);
    }
    parts.frame.noteUpdate();
    return stored;
  }

  private @Nullable Fact evaluate(TreePath path) {
    return parts.expressions.evaluate(path);
  }
}
