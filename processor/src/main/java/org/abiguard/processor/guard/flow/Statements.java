package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import org.abiguard.processor.guard.facts.Fact;
import org.jspecify.annotations.Nullable;

/**
 * Statements: each transforms the state at its entry into the state after it ({@link
 * State#UNREACHABLE} when it completes abruptly). Jumps hand their state to their {@link Target};
 * loops, switches and try statements are run by the part that does them.
 */
final class Statements {
  private final Parts parts;

  Statements(Parts parts) {
    this.parts = parts;
  }

  void execute(TreePath path) {
    if (!parts.frame.reachable()) {
      return;
    }
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case BLOCK -> {
        for (StatementTree statement : ((BlockTree) tree).getStatements()) {
          execute(new TreePath(path, statement));
        }
      }
      case VARIABLE -> declareLocal(path, (VariableTree) tree);
      case EXPRESSION_STATEMENT ->
          evaluate(new TreePath(path, ((ExpressionStatementTree) tree).getExpression()));
      case IF -> ifStatement(path, (IfTree) tree);
      case WHILE_LOOP -> parts.loops.whileLoop(path, (WhileLoopTree) tree);
      case DO_WHILE_LOOP -> parts.loops.doWhileLoop(path, (DoWhileLoopTree) tree);
      case FOR_LOOP -> parts.loops.forLoop(path, (ForLoopTree) tree);
      case ENHANCED_FOR_LOOP -> parts.loops.enhancedForLoop(path, (EnhancedForLoopTree) tree);
      case LABELED_STATEMENT -> labeled(path, (LabeledStatementTree) tree);
      case SWITCH -> parts.switches.switchStatement(path, (SwitchTree) tree);
      case RETURN -> returnStatement(path, (ReturnTree) tree);
      case THROW -> {
        evaluate(new TreePath(path, ((ThrowTree) tree).getExpression()));
        parts.frame.state = State.UNREACHABLE;
      }
      case BREAK -> {
        Target target = parts.jumps.breakTarget(((BreakTree) tree).getLabel());
        if (target != null) {
          target.breaks = State.join(target.breaks, parts.frame.state);
        }
        parts.frame.state = State.UNREACHABLE;
      }
      case CONTINUE -> {
        Target target = parts.jumps.continueTarget(((ContinueTree) tree).getLabel());
        if (target != null) {
          target.continues = State.join(target.continues, parts.frame.state);
        }
        parts.frame.state = State.UNREACHABLE;
      }
      case YIELD -> yieldStatement(path, (YieldTree) tree);
      case TRY -> parts.tryStatements.tryStatement(path, (TryTree) tree);
      case SYNCHRONIZED -> {
        SynchronizedTree synchronizedTree = (SynchronizedTree) tree;
        evaluate(new TreePath(path, synchronizedTree.getExpression()));
        execute(new TreePath(path, synchronizedTree.getBlock()));
      }
      case CLASS -> Interpreter.analyseLocalClass(parts, path);
      case ASSERT -> {
        State before = parts.frame.state;
        Branches condition =
            parts.conditions.evaluate(new TreePath(path, ((AssertTree) tree).getCondition()));
        parts.frame.state =
            State.join(before, State.join(condition.whenTrue(), condition.whenFalse()));
      }
      default -> {}
    }
  }

  private void declareLocal(TreePath path, VariableTree declaration) {
    Element variable = parts.context.elementOf(path);
    if (variable == null) {
      return;
    }
    AccessPath access = AccessPath.of(variable);
    parts.frame.state.kill(variable);
    if (declaration.getInitializer() == null) {
      return;
    }
    TreePath initializer = new TreePath(path, declaration.getInitializer());
    if (parts.conditions.isFlag(variable, initializer)) {
      State.Flag flag = parts.conditions.evaluateFlag(initializer);
      if (flag != null && parts.frame.reachable()) {
        parts.frame.state.flag(variable, flag);
      }
      return;
    }
    Fact value = evaluate(initializer);
    if (!parts.frame.reachable()) {
      return;
    }
    ConstantChoices.note(parts, variable, initializer);
    parts.arrays.noteAssigned(variable, initializer);
    parts.arrays.created(variable, path, AccessPaths.skipParentheses(initializer));
    parts.checks.check(
        parts.declarations.variableSink(variable),
        value,
        parts.values.kind(initializer),
        initializer);
    if (parts.values.numeric(variable.asType())) {
      parts.frame.state.put(
          access,
          parts.values.stored(
              variable, parts.values.convert(value, initializer, variable.asType())));
      parts.frame.noteUpdate();
      parts.assignments.noteCopy(variable, initializer);
      parts.assignments.noteCodes(variable, initializer);
    } else if (Boxes.holdingLocal(variable)) {
      parts.assignments.hold(variable, parts.assignments.box(initializer, value));
    }
  }

  private void ifStatement(TreePath path, IfTree ifTree) {
    Branches condition = parts.conditions.evaluate(new TreePath(path, ifTree.getCondition()));
    parts.frame.state = condition.whenTrue();
    execute(new TreePath(path, ifTree.getThenStatement()));
    State afterThen = parts.frame.state;
    parts.frame.state = condition.whenFalse();
    if (ifTree.getElseStatement() != null) {
      execute(new TreePath(path, ifTree.getElseStatement()));
    }
    parts.frame.state = State.join(afterThen, parts.frame.state);
  }

  private void returnStatement(TreePath path, ReturnTree returnTree) {
    TreePath expression =
        returnTree.getExpression() == null ? null : new TreePath(path, returnTree.getExpression());
    if (parts.frame.returns != null) {
      parts.frame.returns.returned(expression);
    } else if (expression != null) {
      Fact value = evaluate(expression);
      parts.checks.check(parts.frame.returnSink, value, parts.values.kind(expression), expression);
    }
    parts.frame.noteReturned(parts.frame.state);
    parts.frame.state = State.UNREACHABLE;
  }

  private void yieldStatement(TreePath path, YieldTree yieldTree) {
    TreePath expression = new TreePath(path, yieldTree.getValue());
    Fact value = evaluate(expression);
    Target target = parts.jumps.yieldTarget();
    if (target != null && parts.frame.reachable()) {
      Fact converted = parts.values.convert(value, expression, new TreePath(path, target.tree));
      parts.context.arm(target.tree, expression, converted);
      target.yielded = Fact.join(target.yielded, converted);
      target.breaks = State.join(target.breaks, parts.frame.state);
    }
    parts.frame.state = State.UNREACHABLE;
  }

  private void labeled(TreePath path, LabeledStatementTree labeled) {
    StatementTree body = labeled.getStatement();
    boolean isLoop =
        body instanceof WhileLoopTree
            || body instanceof DoWhileLoopTree
            || body instanceof ForLoopTree
            || body instanceof EnhancedForLoopTree;
    if (isLoop) {
      parts.jumps.labelNext(labeled.getLabel());
      execute(new TreePath(path, body));
      parts.jumps.labelNext(null);
      return;
    }
    parts.jumps.labelNext(labeled.getLabel());
    Target target = parts.jumps.push(labeled, false);
    execute(new TreePath(path, body));
    parts.jumps.pop();
    parts.frame.state = State.join(parts.frame.state, target.breaks);
  }

  private @Nullable Fact evaluate(TreePath path) {
    return parts.expressions.evaluate(path);
  }
}
