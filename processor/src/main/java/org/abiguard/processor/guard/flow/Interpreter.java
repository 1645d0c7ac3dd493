package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * The abstract interpreter of one body (a method, a lambda, or a class's initializers) over javac's
 * attributed trees: it keeps a {@link State} of facts per program point in its {@link Frame} and
 * checks every value that reaches a sink. The work is shared among parts with one job each, which
 * {@link Parts} wires together over the one frame; this class starts the analysis of each body.
 *
 * <p>A lambda and each method of a local or anonymous class are bodies of their own, analysed by
 * new parts that start from the facts of the local variables they capture.
 */
public final class Interpreter {
  private Interpreter() {}

  /** Analyses a method: its parameters keep their declared facts. */
  public static void analyseMethod(Context context, TreePath method, @Nullable State captured) {
    MethodTree methodTree = (MethodTree) method.getLeaf();
    State initial = captured == null ? context.emptyState() : captured.copy();
    for (VariableTree parameter : methodTree.getParameters()) {
      Element parameterElement = context.elementOf(new TreePath(method, parameter));
      if (parameterElement != null) {
        initial.kill(parameterElement);
      }
    }
    run(context, method, initial);
  }

  /**
   * Analyses a closed method ({@link ClosedMethods}) from {@code entry}, what its callers pass in:
   * the fields reached through its parameters and receiver hold what the calls knew.
   */
  public static void analyseMethodFrom(Context context, TreePath method, State entry) {
    run(context, method, entry.copy());
  }

  private static void run(Context context, TreePath method, State initial) {
    MethodTree methodTree = (MethodTree) method.getLeaf();
    if (methodTree.getBody() == null) {
      return;
    }
    if (context.following.isEmpty()) {
      context.statementRuns[0] = 0;
      context.forwardRuns[0] = 0;
    }
    Element element = context.elementOf(method);
    Sink returnSink =
        element instanceof ExecutableElement executable
            ? context.declarations.returnSink(executable)
            : null;
    new Parts(context, initial, returnSink)
        .statements.execute(new TreePath(method, methodTree.getBody()));
  }

  /** Analyses the field initializers and initializer blocks of a class. */
  public static void analyseInitializers(
      Context context, TreePath classPath, @Nullable State captured) {
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    if (context.following.isEmpty()) {
      context.statementRuns[0] = 0;
      context.forwardRuns[0] = 0;
    }
    Parts parts =
        new Parts(context, captured == null ? context.emptyState() : captured.copy(), null);
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (member instanceof VariableTree field && field.getInitializer() != null) {
        Element fieldElement = context.elementOf(memberPath);
        TreePath initializer = new TreePath(memberPath, field.getInitializer());
        parts.expressions.elementsOf(
            context.declarations.arrayElementSink(fieldElement), initializer);
        Fact value = parts.expressions.evaluate(initializer);
        parts.checks.check(
            context.declarations.variableSink(fieldElement),
            value,
            parts.values.kind(initializer),
            initializer);
      } else if (member instanceof BlockTree) {
        parts.frame.state = parts.frame.reachable() ? parts.frame.state : context.emptyState();
        parts.statements.execute(memberPath);
      }
    }
  }

  /**
   * The members of a local or anonymous class, with the facts of the locals it captures where the
   * {@code enclosing} body's parts are.
   */
  static void analyseLocalClass(Parts enclosing, TreePath classPath) {
    Context context = enclosing.context;
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    State captured =
        enclosing.frame.reachable() ? enclosing.frame.state.capturedLocals() : context.emptyState();
    analyseInitializers(context, classPath, captured);
    for (Tree member : classTree.getMembers()) {
      TreePath memberPath = new TreePath(classPath, member);
      if (member instanceof MethodTree) {
        if (!anonymousConstructor(context, memberPath)) {
          analyseMethod(context, memberPath, captured);
        }
      } else if (member instanceof ClassTree) {
        analyseLocalClass(enclosing, memberPath);
      }
    }
  }

  /**
   * The constructor javac writes for an anonymous class, which passes its parameters to the
   * superclass's: the creation's arguments are checked against that constructor's parameters where
   * the class is created ({@code new Sink(dom) {...}}), so its own plain parameters are not values
   * to hold to them.
   */
  private static boolean anonymousConstructor(Context context, TreePath memberPath) {
    Element element = context.elementOf(memberPath);
    return element != null
        && element.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
        && element.getEnclosingElement() instanceof javax.lang.model.element.TypeElement type
        && type.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS;
  }

  /**
   * A lambda's body, with the facts of the locals it captures here; its parameters hold their
   * declared widths, or those of the functional interface's parameters. Its body is analysed by
   * parts of its own.
   */
  static void analyseLambda(Parts enclosing, TreePath path, LambdaExpressionTree lambda) {
    Context context = enclosing.context;
    Declarations declarations = enclosing.declarations;
    ExecutableElement functional = Lookup.functionalMethod(context.elements, context.typeOf(path));
    State inner = enclosing.frame.state.capturedLocals();
    for (int i = 0; i < lambda.getParameters().size(); i++) {
      Element parameter = context.elementOf(new TreePath(path, lambda.getParameters().get(i)));
      if (parameter == null) {
        continue;
      }
      inner.kill(parameter);
      Fact value = declarations.readFact(parameter);
      if (value == null && functional != null && i < functional.getParameters().size()) {
        Fact functionalValue = declarations.readFact(functional.getParameters().get(i));
        JavaKind kind = declarations.kindOf(parameter.asType());
        value =
            functionalValue == null
                ? null
                : Arith.convert(
                    functionalValue,
                    declarations.kindOf(functional.getParameters().get(i).asType()),
                    kind);
      }
      if (value != null) {
        inner.put(AccessPath.of(parameter), value);
      }
    }
    Sink returnSink = functional == null ? null : declarations.returnSink(functional);
    Parts body = new Parts(context, inner, returnSink);
    TreePath bodyPath = new TreePath(path, lambda.getBody());
    if (lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
      Fact value = body.expressions.evaluate(bodyPath);
      body.checks.check(returnSink, value, body.values.kind(bodyPath), bodyPath);
    } else {
      body.statements.execute(bodyPath);
    }
  }
}
