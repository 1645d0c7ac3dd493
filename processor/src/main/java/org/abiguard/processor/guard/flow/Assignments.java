package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Writes to variables, fields and array elements ({@code =}, {@code +=} ..., {@code ++}): each
 * written value is checked against the target's width, and the target's path then holds it.
 */
final class Assignments {
  private final Interpreter interpreter;
  private final Context context;
  private final Declarations declarations;
  private final Frame frame;
  private final AccessPaths paths;
  private final JavaValues values;
  private final Checks checks;

  Assignments(Interpreter interpreter) {
    this.interpreter = interpreter;
    this.context = interpreter.context;
    this.declarations = context.declarations;
    this.frame = interpreter.frame;
    this.paths = interpreter.paths;
    this.values = interpreter.values;
    this.checks = interpreter.checks;
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
      Element arrayElement = interpreter.expressions.arrayOf(array);
      checks.check(declarations.arrayElementSink(arrayElement), written, values.kind(value), value);
      return written;
    }
    if (targetTree instanceof MemberSelectTree select) {
      interpreter.expressions.evaluateReceiver(new TreePath(bareTarget, select.getExpression()));
    }
    Element variable = context.trees.getElement(bareTarget);
    interpreter.expressions.elementsOf(declarations.arrayElementSink(variable), value);
    Fact written = evaluate(value);
    if (!frame.reachable()) {
      return null;
    }
    interpreter.expressions.noteAlias(variable, value);
    checks.check(declarations.variableSink(variable), written, values.kind(value), value);
    return store(target, variable, Arith.convert(written, values.kind(value), values.kind(target)));
  }

  @Nullable Fact compound(TreePath path, CompoundAssignmentTree assignment) {
    TreePath target = new TreePath(path, assignment.getVariable());
    TreePath value = new TreePath(path, assignment.getExpression());
    Fact old = evaluate(target);
    Fact operand = evaluate(value);
    JavaKind targetKind = values.kind(target);
    if (!frame.reachable() || targetKind == null) {
      return null;
    }
    Tree.Kind operator = Operators.binaryOf(assignment.getKind());
    Text text =
        Text.of(
            () ->
                context.text(assignment.getVariable())
                    + " "
                    + Operators.operator(operator)
                    + " "
                    + context.text(assignment.getExpression()));
    Fact result =
        Operators.update(
            operator,
            old,
            targetKind,
            operand,
            values.kind(value),
            Text.of(() -> "expression `" + text + "`"));
    return writeBack(path, target, result, text);
  }

  @Nullable Fact incrementOrDecrement(TreePath path, UnaryTree unary) {
    TreePath target = new TreePath(path, unary.getExpression());
    Fact old = evaluate(target);
    JavaKind targetKind = values.kind(target);
    if (!frame.reachable() || targetKind == null) {
      return null;
    }
    boolean increment =
        unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.PREFIX_INCREMENT;
    Fact one = Fact.plain(Range.point(BigInteger.ONE), "constant 0x1");
    Text text = Text.of(() -> context.text(unary.getExpression()) + (increment ? " + 1" : " - 1"));
    Fact result =
        Operators.update(
            increment ? Tree.Kind.PLUS : Tree.Kind.MINUS,
            old,
            targetKind,
            one,
            JavaKind.INT,
            Text.of(() -> "expression `" + text + "`"));
    Fact stored = writeBack(path, target, result, text);
    boolean postfix =
        unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    return postfix ? old : stored;
  }

  private @Nullable Fact writeBack(
      TreePath path, TreePath target, @Nullable Fact result, CharSequence text) {
    TreePath bareTarget = AccessPaths.skipParentheses(target);
    if (bareTarget.getLeaf() instanceof ArrayAccessTree access) {
      Element arrayElement =
          interpreter.expressions.arrayOf(new TreePath(bareTarget, access.getExpression()));
      checks.check(
          declarations.arrayElementSink(arrayElement), result, values.kind(target), path, text);
      return result;
    }
    Element variable = context.trees.getElement(bareTarget);
    checks.check(declarations.variableSink(variable), result, values.kind(target), path, text);
    return store(target, variable, result);
  }

  /** Writes a fact to a variable or field: paths through it are forgotten, its own is set. */
  private @Nullable Fact store(TreePath target, @Nullable Element variable, @Nullable Fact value) {
    if (variable == null) {
      return value;
    }
    frame.state.kill(variable);
    Fact stored = values.stored(variable, value);
    AccessPath access = paths.of(target);
    if (access != null && values.kind(target) != null) {
      frame.state.put(access, stored);
    }
    frame.noteUpdate();
    return stored;
  }

  private @Nullable Fact evaluate(TreePath path) {
    return interpreter.expressions.evaluate(path);
  }
}
