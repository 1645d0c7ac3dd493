package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Calls, instance creations and method references: each value passed is checked against its
 * parameter, and a call's result is the fact its method declares (or, for the methods {@link
 * KnownMethods} understands, computes).
 */
final class Calls {
  private final Parts parts;

  /** The last call evaluated, and the values passed to it. */
  private @Nullable MethodInvocationTree lastCall;

  private List<@Nullable Fact> lastArguments = List.of();

  Calls(Parts parts) {
    this.parts = parts;
  }

  /** The values passed to {@code call}, if it is the last call evaluated; else null. */
  @Nullable List<@Nullable Fact> argumentsOf(MethodInvocationTree call) {
    return call == lastCall ? lastArguments : null;
  }

  /**
   * {@code size.ordinal()} of an enum constant {@code size} is known to hold, from the source: its
   * place among its enum's constants.
   */
  private @Nullable Fact ordinal(TreePath path) {
    TreePath receiver = EnumFields.ordinalReceiver(parts.context, path);
    if (receiver == null
        || !parts.frame.reachable()
        || !(ConstantChoices.of(parts.context, parts.frame.state, receiver)
            instanceof VariableElement constant)) {
      return null;
    }
    BigInteger value = EnumFields.ordinal(parts.context, constant);
    return value == null
        ? null
        : Fact.plain(
            Range.point(value),
            Text.of(() -> constant.getSimpleName() + ".ordinal() (" + value + ")"));
  }

  /**
   * {@code n.intValue()} (or a sibling, of type {@code to}) of a {@code Number} local holding a
   * box: each kind of box it may be converted as Java converts it; one of a plain value makes the
   * result partly plain.
   */
  private static @Nullable Fact numberConversion(Boxes.Held held, JavaKind to) {
    Fact result = null;
    boolean plainToo = false;
    for (Map.Entry<JavaKind, @Nullable Fact> entry : held.byKind().entrySet()) {
      Fact converted = Arith.convert(entry.getValue(), entry.getKey(), to);
      if (converted == null) {
        plainToo = true;
      } else {
        result = result == null ? converted : Fact.join(result, converted);
      }
    }
    return result == null ? null : result.partialIf(plainToo);
  }

  @Nullable Fact invoke(TreePath path, MethodInvocationTree call) {
    parts.helpers.forgetCodes(); // what an earlier call (or round of a loop) left is not this one's
    TreePath select = new TreePath(path, call.getMethodSelect());
    Element element = parts.context.elementOf(path);
    boolean unboxing =
        element instanceof ExecutableElement candidate && Boxes.isUnboxing(candidate);
    Fact receiver = null;
    TreePath receiverPath = null;
    Boxes.Held held = null;
    if (call.getMethodSelect() instanceof MemberSelectTree memberSelect) {
      receiverPath = new TreePath(select, memberSelect.getExpression());
      if (unboxing) {
        receiver = parts.expressions.evaluate(receiverPath);
      } else if (element instanceof ExecutableElement candidate
          && Boxes.isNumberConversion(candidate)) {
        held = parts.expressions.held(receiverPath, parts.expressions.evaluate(receiverPath));
      } else {
        parts.expressions.evaluateReceiver(receiverPath);
      }
    }
    List<@Nullable Fact> arguments =
        arguments(
            path, call.getArguments(), element instanceof ExecutableElement method ? method : null);
    lastCall = call;
    lastArguments = arguments;
    ClosedMethods closed = parts.context.closedMethods;
    if (closed != null && element instanceof ExecutableElement method) {
      closed.record(parts, path, call, method, arguments);
    }
    Fact ordinal = ordinal(path);
    if (ordinal != null) {
      return ordinal;
    }
    if (element instanceof ExecutableElement method && parts.frame.reachable()) {
      arrayWrites(method, path, call, arguments);
      parts.forwarding.follow(path, call, call.getArguments(), method, arguments);
    }
    if (element instanceof ExecutableElement method
        && parts.frame.reachable()
        && FloatingMethods.known(method)) {
      Floating type =
          Objects.requireNonNull(
              parts.declarations.floatingOf(method.getParameters().get(0).asType()),
              "a float or double parameter");
      List<@Nullable Fact> converted = new ArrayList<>();
      for (int i = 0; i < arguments.size(); i++) {
        converted.add(
            Floats.convert(
                arguments.get(i),
                parts.values.kind(new TreePath(path, call.getArguments().get(i))),
                type));
      }
      Fact result = FloatingMethods.apply(method, converted, type);
      return result == null ? null : result.from(converted.toArray(new Fact[0]));
    }
    JavaKind kind = parts.values.kind(path);
    if (!(element instanceof ExecutableElement method)
        || kind == null
        || !parts.frame.reachable()) {
      if (element instanceof ExecutableElement method) {
        if (kind == null && parts.frame.reachable() && KnownMethods.known(method)) {
          refineChecked(method, call, path, arguments); // Guava's checkPositionIndexes
        }
        parts.helpers.validated(path, call, method, arguments);
      }
      return null;
    }
    if (held != null) {
      // n.intValue() of a Number holding a box converts its value as Java does
      Fact converted = numberConversion(held, kind);
      return converted != null
          ? converted
          : parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    if (unboxing && receiverPath != null) {
      // x.intValue() is the value of x, as implicit unboxing is
      Fact unboxed = Arith.convert(receiver, parts.values.kind(receiverPath), kind);
      return unboxed != null
          ? unboxed
          : parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    if (Boxes.isValueOf(method) && arguments.size() == 1) {
      // Integer.valueOf(x) is the value of x, as implicit boxing is
      Fact boxed =
          Arith.convert(
              arguments.get(0),
              parts.values.kind(new TreePath(path, call.getArguments().get(0))),
              kind);
      return boxed != null
          ? boxed
          : parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    if (KnownMethods.known(method)) {
      List<@Nullable Fact> converted = new ArrayList<>();
      for (int i = 0; i < arguments.size() && i < method.getParameters().size(); i++) {
        converted.add(
            Arith.convert(
                arguments.get(i),
                parts.values.kind(new TreePath(path, call.getArguments().get(i))),
                parts.declarations.kindOf(method.getParameters().get(i).asType())));
      }
      refineChecked(method, call, path, arguments);
      Fact result = KnownMethods.apply(method, converted, kind);
      // a result computed from an ABI value is one too (for loops that accumulate it), and one
      // computed from a value that may be plain may be anything, unless the method bounds it
      return result == null || KnownMethods.bounding(method)
          ? result
          : result.from(converted.toArray(new Fact[0]));
    }
    AccessPath accessor = parts.paths.of(path);
    if (accessor != null && parts.frame.state.tracks(accessor)) {
      // a record component read through its accessor, refined by a check on the same accessor
      Fact tracked = parts.frame.state.fact(accessor);
      return tracked != null || !parts.context.strict
          ? tracked
          : parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    }
    Helpers.Followed followed = parts.helpers.result(path, call, method, arguments, kind);
    if (followed != null) {
      return followed.value();
    }
    parts.helpers.validated(path, call, method, arguments);
    Fact declared = parts.declarations.readFact(method);
    if (declared != null) {
      return declared;
    }
    Fact plain = parts.values.plain(kind, () -> "result of " + method.getSimpleName() + "()");
    if (plain == null) {
      return null; // lenient mode: a plain value
    }
    Range bounded =
        BoundedResults.of(
            parts.context,
            method,
            receiverPath == null ? null : parts.context.typeOf(receiverPath));
    Fact within = bounded == null ? null : plain.restrictJava(bounded);
    return within != null ? within : plain;
  }

  /**
   * The JDK's writes into an array's elements: {@code Arrays.fill(a, v)} (and {@code a, from, to,
   * v}) stores {@code v} into elements of {@code a}, {@code System.arraycopy(src, i, dest, j, n)}
   * elements of {@code src} into {@code dest}; {@code a.clone()}, {@code Arrays.copyOf(a, n)} and
   * {@code Arrays.copyOfRange(a, i, j)} make an array that holds what {@code a} holds (and zeros).
   * Into an {@code @AbiArray} they are held to its element width, as a store of each element would
   * be; into a plain local array they are remembered, for when it is stored into one.
   */
  private void arrayWrites(
      ExecutableElement method,
      TreePath path,
      MethodInvocationTree call,
      List<@Nullable Fact> arguments) {
    String name = method.getSimpleName().toString();
    int count = call.getArguments().size();
    if (name.equals("clone")
        && count == 0
        && call.getMethodSelect() instanceof MemberSelectTree select
        && parts.context.typeOf(new TreePath(path, select.getExpression()))
            instanceof javax.lang.model.type.ArrayType) {
      parts.arrays.noteCopy(path, new TreePath(path, select.getExpression()));
      return;
    }
    if (!(method.getEnclosingElement() instanceof javax.lang.model.element.TypeElement owner)) {
      return;
    }
    String type = owner.getQualifiedName().toString();
    if (type.equals("java.util.Arrays")
        && ((name.equals("copyOf") && count == 2) || (name.equals("copyOfRange") && count == 3))
        && parts.context.typeOf(new TreePath(path, call.getArguments().get(0)))
            instanceof javax.lang.model.type.ArrayType) {
      parts.arrays.noteCopy(path, new TreePath(path, call.getArguments().get(0)));
    } else if (type.equals("java.util.Arrays")
        && name.equals("fill")
        && (count == 2 || count == 4)
        && arguments.size() == count) {
      TreePath array = new TreePath(path, call.getArguments().get(0));
      TreePath value = new TreePath(path, call.getArguments().get(count - 1));
      Sink sink = parts.declarations.arrayElementSink(parts.arrays.arrayOf(array));
      JavaKind kind = parts.values.kind(value);
      if (sink != null) {
        parts.checks.check(
            sink.through(" through Arrays.fill"), arguments.get(count - 1), kind, value);
      } else {
        parts.arrays.noteElementWrite(array, arguments.get(count - 1), kind, value);
      }
    } else if (type.equals("java.lang.System") && name.equals("arraycopy") && count == 5) {
      TreePath source = new TreePath(path, call.getArguments().get(0));
      TreePath destination = new TreePath(path, call.getArguments().get(2));
      Element field = parts.arrays.arrayOf(destination);
      Sink sink = parts.declarations.arrayElementSink(field);
      if (sink != null) {
        parts.arrays.storeArray(sink, field, source, path, "System.arraycopy");
      } else {
        parts.arrays.noteCopied(destination, source);
      }
    }
  }

  /**
   * After {@code Abi.checkU16(x.space)} returns, {@code x.space} has the width checked (the helper
   * throws otherwise), whether the call is a statement or its result is used; after {@code
   * Objects.checkIndex(i, n)}, {@code i} is in {@code 0..n-1}.
   */
  private void refineChecked(
      ExecutableElement method,
      MethodInvocationTree call,
      TreePath path,
      List<@Nullable Fact> arguments) {
    List<@Nullable Range> passing = KnownMethods.passesEach(method, arguments);
    if (passing == null || !parts.frame.reachable()) {
      return;
    }
    boolean narrowedAny = false;
    for (int i = 0; i < passing.size() && i < arguments.size(); i++) {
      Range passed = passing.get(i);
      Fact argument = arguments.get(i);
      if (passed == null || argument == null) {
        continue;
      }
      AccessPath checked = parts.paths.of(new TreePath(path, call.getArguments().get(i)));
      // the helper sees the Java value: raw bits of the upper half are negative to it
      Fact narrowed = argument.restrictJava(passed);
      if (checked != null && narrowed != null) {
        parts.frame.state.put(checked, narrowed);
        narrowedAny = true;
      }
    }
    if (narrowedAny) {
      parts.frame.state = parts.conditions.withCopies(parts.frame.state);
    }
  }

  void newClass(TreePath path, NewClassTree creation) {
    if (creation.getEnclosingExpression() != null) {
      parts.expressions.evaluate(new TreePath(path, creation.getEnclosingExpression()));
    }
    Element element = parts.context.elementOf(path);
    ExecutableElement constructor = element instanceof ExecutableElement method ? method : null;
    if (constructor != null && creation.getClassBody() != null) {
      constructor = Lookup.superConstructor(parts.context.types, constructor);
    }
    List<@Nullable Fact> arguments = arguments(path, creation.getArguments(), constructor);
    if (constructor != null && parts.frame.reachable()) {
      parts.forwarding.follow(path, null, creation.getArguments(), constructor, arguments);
    }
    if (creation.getClassBody() != null && parts.frame.reachable()) {
      Interpreter.analyseLocalClass(parts, new TreePath(path, creation.getClassBody()));
    }
  }

  /** Evaluates arguments in order and checks each against its parameter. */
  private List<@Nullable Fact> arguments(
      TreePath call, List<? extends ExpressionTree> arguments, @Nullable ExecutableElement method) {
    List<@Nullable Fact> facts = new ArrayList<>();
    List<TreePath> argumentPaths = new ArrayList<>();
    int parameters = method == null ? -1 : method.getParameters().size();
    AssertingCalls.Condition asserted =
        method == null ? null : AssertingCalls.of(method, arguments.size());
    Branches outcomes = null;
    for (ExpressionTree argument : arguments) {
      TreePath argumentPath = new TreePath(call, argument);
      argumentPaths.add(argumentPath);
      if (asserted != null && asserted.argument() == argumentPaths.size() - 1) {
        outcomes = parts.conditions.evaluate(argumentPath);
        parts.frame.state = State.join(outcomes.whenTrue(), outcomes.whenFalse());
        facts.add(null);
        continue;
      }
      Element component =
          method == null || arguments.size() != parameters
              ? null
              : parts.declarations.canonicalComponentElement(method, argumentPaths.size() - 1);
      Sink componentElements = parts.declarations.arrayElementSink(component);
      if (method != null
          && method.isVarArgs()
          && arguments.size() == parameters
          && argumentPaths.size() == parameters
          && parts.context.typeOf(argumentPath) instanceof ArrayType) {
        // a varargs method called with an explicit array: its elements are the varargs values
        parts.expressions.elementsOf(
            parts.declarations.parameterSink(method, parameters - 1, true), argumentPath);
      } else if (componentElements != null) {
        // new S(new int[] {...}) of a record whose component is an array with a width
        parts.expressions.elementsOf(componentElements, argumentPath);
      }
      facts.add(parts.expressions.evaluate(argumentPath));
      if (componentElements != null) {
        parts.arrays.storeArray(componentElements, component, argumentPath, call, null);
      }
    }
    if (outcomes != null && asserted != null && parts.frame.reachable()) {
      // the call returns only when the condition had that value: what follows runs where it had
      // it (checkArgument(len <= 0xFFFF, "len %s", len)), unless a later argument wrote something
      // the condition read, which a write anywhere in them may be
      List<? extends ExpressionTree> later =
          arguments.subList(asserted.argument() + 1, arguments.size());
      boolean writes = false;
      for (ExpressionTree argument : later) {
        writes |=
            Nodes.any(
                new TreePath(call, argument),
                node -> HelperBodies.ASSIGNMENTS.contains(node.getLeaf().getKind()));
      }
      if (!writes) {
        parts.frame.state = asserted.holds() ? outcomes.whenTrue() : outcomes.whenFalse();
      }
    }
    if (method == null || !parts.frame.reachable()) {
      return facts;
    }
    Spread spread =
        Spread.of(method, arguments.size(), i -> parts.context.typeOf(argumentPaths.get(i)));
    for (int i = 0; i < arguments.size(); i++) {
      if (spread.parameter(i) >= method.getParameters().size()) {
        break;
      }
      parts.checks.check(
          parts.declarations.parameterSink(method, spread.parameter(i), spread.element(i)),
          facts.get(i),
          parts.values.kind(argumentPaths.get(i)),
          argumentPaths.get(i));
    }
    return facts;
  }

  void methodReference(TreePath path, MemberReferenceTree reference) {
    boolean typeQualifier =
        !parts.expressions.evaluateReceiver(new TreePath(path, reference.getQualifierExpression()));
    Element element = parts.context.elementOf(path);
    ExecutableElement functional =
        Lookup.functionalMethod(parts.context.elements, parts.context.typeOf(path));
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
      JavaKind passedKind = parts.declarations.kindOf(functionalParameter.asType());
      if (passedKind == null && functionalParameter.asType().getKind() == TypeKind.TYPEVAR) {
        // a generic interface (Consumer<T> given Integers): what arrives has the type of the
        // referenced method's parameter, any value of it in strict mode
        passedKind = parts.declarations.kindOf(parameterType(method, spread, j));
      }
      Fact passedValue = parts.declarations.readFact(functionalParameter);
      if (passedValue == null && passedKind != null) {
        passedValue =
            parts.values.plain(
                passedKind,
                () ->
                    "parameter "
                        + parts.declarations.paramName(functional, i)
                        + " of "
                        + functional.getSimpleName());
      }
      Sink sink = parts.declarations.parameterSink(method, spread.parameter(j), spread.element(j));
      if (sink != null) {
        sink =
            new Sink(
                sink.width(),
                sink.kind(),
                sink.description() + " through method reference " + parts.context.text(reference),
                sink.noun(),
                sink.abiDependent());
      }
      // no check of the reference itself to suggest: the values arrive through the interface
      parts.checks.check(sink, passedValue, passedKind, path, null);
    }
    Sink returnSink = parts.declarations.returnSink(functional);
    if (returnSink != null) {
      Fact result = parts.declarations.readFact(method);
      JavaKind resultKind = parts.declarations.kindOf(method.getReturnType());
      if (result == null && resultKind != null) {
        result = parts.values.plain(resultKind, () -> "result of " + method.getSimpleName() + "()");
      }
      parts.checks.check(returnSink, result, resultKind, path, null);
    }
  }

  /** The type of the parameter (or varargs element) the {@code j}th value is passed to. */
  private static TypeMirror parameterType(ExecutableElement method, Spread spread, int j) {
    TypeMirror type = method.getParameters().get(spread.parameter(j)).asType();
    return spread.element(j) && type instanceof ArrayType array ? array.getComponentType() : type;
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
