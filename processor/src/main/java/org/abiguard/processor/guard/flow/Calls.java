package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Calls, instance creations and method references: each value passed is checked against its
 * parameter, and a call's result is the fact its method declares (or, for the methods {@link
 * KnownMethods} understands, computes).
 */
final class Calls {
  private final Interpreter interpreter;
  private final Context context;
  private final Declarations declarations;
  private final Frame frame;
  private final AccessPaths paths;
  private final JavaValues values;
  private final Checks checks;

  Calls(Interpreter interpreter) {
    this.interpreter = interpreter;
    this.context = interpreter.context;
    this.declarations = context.declarations;
    this.frame = interpreter.frame;
    this.paths = interpreter.paths;
    this.values = interpreter.values;
    this.checks = interpreter.checks;
  }

  @Nullable Fact invoke(TreePath path, MethodInvocationTree call) {
    TreePath select = new TreePath(path, call.getMethodSelect());
    Element element = context.trees.getElement(path);
    boolean unboxing =
        element instanceof ExecutableElement candidate && Boxes.isUnboxing(candidate);
    Fact receiver = null;
    TreePath receiverPath = null;
    if (call.getMethodSelect() instanceof MemberSelectTree memberSelect) {
      receiverPath = new TreePath(select, memberSelect.getExpression());
      if (unboxing) {
        receiver = interpreter.expressions.evaluate(receiverPath);
      } else {
        interpreter.expressions.evaluateReceiver(receiverPath);
      }
    }
    List<@Nullable Fact> arguments =
        arguments(
            path, call.getArguments(), element instanceof ExecutableElement method ? method : null);
    JavaKind kind = values.kind(path);
    if (!(element instanceof ExecutableElement method) || kind == null || !frame.reachable()) {
      return null;
    }
    if (unboxing && receiverPath != null) {
      // x.intValue() is the value of x, as implicit unboxing is
      Fact unboxed = Arith.convert(receiver, values.kind(receiverPath), kind);
      return unboxed != null
          ? unboxed
          : values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    if (Boxes.isValueOf(method) && arguments.size() == 1) {
      // Integer.valueOf(x) is the value of x, as implicit boxing is
      Fact boxed =
          Arith.convert(
              arguments.get(0), values.kind(new TreePath(path, call.getArguments().get(0))), kind);
      return boxed != null
          ? boxed
          : values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    if (KnownMethods.known(method)) {
      List<@Nullable Fact> converted = new ArrayList<>();
      for (int i = 0; i < arguments.size() && i < method.getParameters().size(); i++) {
        converted.add(
            Arith.convert(
                arguments.get(i),
                values.kind(new TreePath(path, call.getArguments().get(i))),
                declarations.kindOf(method.getParameters().get(i).asType())));
      }
      return KnownMethods.apply(method, converted, kind);
    }
    AccessPath accessor = paths.of(path);
    if (accessor != null && frame.state.tracks(accessor)) {
      // a record component read through its accessor, refined by a check on the same accessor
      Fact tracked = frame.state.fact(accessor);
      return tracked != null || !context.strict
          ? tracked
          : values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    Fact declared = declarations.readFact(method);
    return declared != null
        ? declared
        : values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
  }

  void newClass(TreePath path, NewClassTree creation) {
    if (creation.getEnclosingExpression() != null) {
      interpreter.expressions.evaluate(new TreePath(path, creation.getEnclosingExpression()));
    }
    Element element = context.trees.getElement(path);
    ExecutableElement constructor = element instanceof ExecutableElement method ? method : null;
    if (constructor != null && creation.getClassBody() != null) {
      constructor = Lookup.superConstructor(context.types, constructor);
    }
    arguments(path, creation.getArguments(), constructor);
    if (creation.getClassBody() != null && frame.reachable()) {
      interpreter.analyseLocalClass(new TreePath(path, creation.getClassBody()));
    }
  }

  /** Evaluates arguments in order and checks each against its parameter. */
  private List<@Nullable Fact> arguments(
      TreePath call, List<? extends ExpressionTree> arguments, @Nullable ExecutableElement method) {
    List<@Nullable Fact> facts = new ArrayList<>();
    List<TreePath> argumentPaths = new ArrayList<>();
    int parameters = method == null ? -1 : method.getParameters().size();
    for (ExpressionTree argument : arguments) {
      TreePath argumentPath = new TreePath(call, argument);
      argumentPaths.add(argumentPath);
      if (method != null
          && method.isVarArgs()
          && arguments.size() == parameters
          && argumentPaths.size() == parameters
          && context.trees.getTypeMirror(argumentPath) instanceof ArrayType) {
        // a varargs method called with an explicit array: its elements are the varargs values
        interpreter.expressions.elementsOf(
            declarations.parameterSink(method, parameters - 1, true), argumentPath);
      }
      facts.add(interpreter.expressions.evaluate(argumentPath));
    }
    if (method == null || !frame.reachable()) {
      return facts;
    }
    Spread spread =
        Spread.of(method, arguments.size(), i -> context.trees.getTypeMirror(argumentPaths.get(i)));
    for (int i = 0; i < arguments.size(); i++) {
      if (spread.parameter(i) >= method.getParameters().size()) {
        break;
      }
      checks.check(
          declarations.parameterSink(method, spread.parameter(i), spread.element(i)),
          facts.get(i),
          values.kind(argumentPaths.get(i)),
          argumentPaths.get(i));
    }
    return facts;
  }

  void methodReference(TreePath path, MemberReferenceTree reference) {
    boolean typeQualifier =
        !interpreter.expressions.evaluateReceiver(
            new TreePath(path, reference.getQualifierExpression()));
    Element element = context.trees.getElement(path);
    ExecutableElement functional =
        Lookup.functionalMethod(context.elements, context.trees.getTypeMirror(path));
    if (!(element instanceof ExecutableElement method) || functional == null) {
      return;
    }
    int offset =
        typeQualifier
                && !method.getModifiers().contains(Modifier.STATIC)
                && method.getKind() == ElementKind.METHOD
            ? 1
            : 0;
    int passed = functional.getParameters().size() - offset;
    // a varargs method adapted to the functional interface takes its trailing parameters as the
    // elements of the varargs array
    Spread spread =
        Spread.of(method, passed, j -> functional.getParameters().get(j + offset).asType());
    for (int j = 0; j < (spread.varargs() ? passed : method.getParameters().size()); j++) {
      int i = j + offset;
      if (i >= functional.getParameters().size()) {
        break;
      }
      VariableElement functionalParameter = functional.getParameters().get(i);
      JavaKind passedKind = declarations.kindOf(functionalParameter.asType());
      Fact passedValue = declarations.readFact(functionalParameter);
      if (passedValue == null && passedKind != null) {
        passedValue =
            values.plain(
                passedKind,
                () ->
                    "parameter "
                        + declarations.paramName(functional, i)
                        + " of "
                        + functional.getSimpleName());
      }
      Sink sink = declarations.parameterSink(method, spread.parameter(j), spread.element(j));
      if (sink != null) {
        sink =
            new Sink(
                sink.width(),
                sink.kind(),
                sink.description() + " through method reference " + context.text(reference),
                sink.noun());
      }
      checks.check(sink, passedValue, passedKind, path);
    }
    Sink returnSink = declarations.returnSink(functional);
    if (returnSink != null) {
      Fact result = declarations.readFact(method);
      JavaKind resultKind = declarations.kindOf(method.getReturnType());
      if (result == null && resultKind != null) {
        result = values.plain(resultKind, () -> "result of " + method.getSimpleName() + "()");
      }
      checks.check(returnSink, result, resultKind, path);
    }
  }

  /**
   * How the values passed to a method meet its parameters: one by one, or, for a varargs method
   * called with its trailing values spread out, those values as elements of the last parameter.
   */
  private record Spread(int parameters, boolean varargs) {
    /** For {@code count} values, the type of the {@code i}th given by {@code type}. */
    static Spread of(ExecutableElement method, int count, IntFunction<TypeMirror> type) {
      int n = method.getParameters().size();
      return new Spread(
          n, method.isVarArgs() && (count != n || !(type.apply(n - 1) instanceof ArrayType)));
    }

    /** The parameter the {@code i}th value is passed to. */
    int parameter(int i) {
      return varargs ? Math.min(i, parameters - 1) : i;
    }

    /** Whether the {@code i}th value is an element of the varargs array. */
    boolean element(int i) {
      return varargs && i >= parameters - 1;
    }
  }
}
