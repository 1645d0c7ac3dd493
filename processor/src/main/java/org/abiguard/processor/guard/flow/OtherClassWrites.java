package org.abiguard.processor.guard.flow;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The fields a method or constructor of another top-level class of the compilation may write when
 * called, read from its source parsed again ({@link ParsedSources}): so that a call of one between
 * a check of a field and its use forgets the check ({@code if (op.size > MAX) return;
 * Ops.reset(op); use(op.size);}), as a call of the class analysed's own methods does ({@link
 * WrittenFields}). Shared by the whole compilation: what a body writes does not depend on the class
 * that calls it.
 *
 * <p>A body writes each field an assignment, compound assignment, {@code ++} or {@code --} in it
 * writes (its lambdas and local and anonymous classes included), except a field of an object the
 * body created itself, in a local it never assigns again ({@code Req value = new Req(); value.size
 * = size;}: the generated marshallers' {@code read}), and, in a constructor, the new object's own
 * fields: no caller holds those objects. A write whose field the parsed source does not resolve (a
 * receiver of a generic type) counts by the field's name: it forgets every field of that name.
 *
 * <p>A body runs each method and constructor it calls, and each a method reference in it names, in
 * turn followed: the one the parsed source resolves, else every one of its name and argument count
 * in the class it is looked up in; and, where the call dispatches on its receiver's class ({@link
 * Call}), each override of it in the compilation's named classes that it may run instead ({@link
 * Overriders}): {@code step.apply(op)} runs a {@code ResetStep.apply} written in another file. The
 * same holds for a call made in the class analysed, of its own method or another's, and for the
 * calls the bodies of the class analysed make in turn ({@link WrittenFields}). A call may also run
 * code that nothing in it names: anonymous classes' methods, lambdas and method references of the
 * compilation ({@link OtherClassFunctions}), and, for a method from a jar or class file, what the
 * objects handed to it implement of the methods the jar's code may call ({@link JarCallbacks}). Not
 * followed, and taken to write nothing: the body of a method from a jar or class file, and a call
 * whose class is not known (a receiver of a type the parsed source does not give). A body the guard
 * fails to read, and a call that reaches more than {@link #MAX_BODIES} bodies, may write any field.
 */
public final class OtherClassWrites {
  /**
   * How many bodies a call is followed through; past that, it is taken to write any field (a limit
   * real code does not meet, which keeps one call from parsing a whole code base).
   */
  static final int MAX_BODIES = 400;

  /** What one body writes itself, and what it may run. */
  private record Body(Set<Element> fields, Set<String> names, Set<Call> runs, boolean any) {}

  private static final Body NONE = new Body(Set.of(), Set.of(), Set.of(), false);

  /** A body the guard failed to read: it may write any field. */
  private static final Body ANY = new Body(Set.of(), Set.of(), Set.of(), true);

  /**
   * What a call may write, through every body it reaches: fields, fields by name, or ({@code any})
   * any field at all.
   */
  record Writes(Set<Element> fields, Set<String> names, boolean any) {
    static final Writes NOTHING = new Writes(Set.of(), Set.of(), false);

    boolean none() {
      return !any && fields.isEmpty() && names.isEmpty();
    }

    boolean writes(Element field) {
      return any || fields.contains(field) || names.contains(field.getSimpleName().toString());
    }

    Writes and(Writes other) {
      if (other.none()) {
        return this;
      }
      if (none()) {
        return other;
      }
      Set<Element> allFields = new LinkedHashSet<>(fields);
      allFields.addAll(other.fields);
      Set<String> allNames = new LinkedHashSet<>(names);
      allNames.addAll(other.names);
      return new Writes(Set.copyOf(allFields), Set.copyOf(allNames), any || other.any);
    }
  }

  private final ParsedSources parsed;
  private final Overriders overriders;
  private final OtherClassFunctions functions;
  private final JarCallbacks callbacks;
  private final ImplicitCalls implicit;
  private final Types types;

  /**
   * What each body writes and runs: of a method or constructor, by its element, or of code no
   * element names ({@link OtherClassFunctions.Code}).
   */
  private final Map<Object, Body> bodies = new HashMap<>();

  /**
   * What running each body reaches; depends on the overrides and functions known ({@link
   * #generation}).
   */
  private final Map<Object, Writes> reached = new HashMap<>();

  /**
   * What each call made in the class analysed ({@link #startsOf}) may run outside it, as it was
   * first found there.
   */
  private final Map<Call, List<Object>> starts = new HashMap<>();

  /**
   * What each set of calls the bodies of the class analysed reach ({@link WrittenFields}) may write
   * outside that class: by identity, as those sets are made once and kept while it is analysed.
   */
  private final IdentityHashMap<Collection<Call>, Writes> outside = new IdentityHashMap<>();

  /** The top-level class whose calls {@link #outside} and {@link #starts} hold. */
  private @Nullable TypeElement outsideOf;

  /**
   * The generation of {@link Overriders} that {@link #reached}, {@link #starts} and {@link
   * #outside} hold.
   */
  private int generation;

  /**
   * What other classes of the compilation write, read from {@code parsed}; {@code generated} tells
   * the classes abiguard generated, whose sources have no anonymous class or lambda.
   */
  public OtherClassWrites(
      ParsedSources parsed,
      Overriders overriders,
      Types types,
      Elements elements,
      Predicate<TypeElement> generated) {
    this.parsed = parsed;
    this.overriders = overriders;
    this.functions = new OtherClassFunctions(parsed, overriders, types, generated);
    this.callbacks = new JarCallbacks(types, elements, overriders, parsed::fromClassFile);
    this.implicit = new ImplicitCalls(elements, types, callbacks);
    this.types = types;
  }

  /** What a method from a jar may run of the objects a call passes to it. */
  JarCallbacks callbacks() {
    return callbacks;
  }

  /** The calls code makes without naming them (a concatenation's {@code toString()}). */
  ImplicitCalls implicitCalls() {
    return implicit;
  }

  /**
   * Forgets, in {@code state}, the facts of each field {@code call}, made in a class of the
   * top-level class {@code analysed}, may write outside it: in the method it names, when that is of
   * another class, in the overrides of it in other classes that it may run instead, and in the code
   * it may run without naming it ({@link OtherClassFunctions}). What a call may run is looked for,
   * and its bodies read, at the first call made where a field's fact is held (a state that depends
   * on no field has nothing to forget); a body known to write nothing costs nothing more.
   */
  void forget(State state, Call call, TypeElement analysed) {
    current(analysed);
    Set<Element> held = null;
    List<Object> known = starts.get(call);
    if (known == null) {
      if (!mayRunOutside(call, analysed)) {
        return;
      }
      held = state.fieldsDependedOn();
      if (held.isEmpty()) {
        return; // what the call runs is looked for only where there is something to forget
      }
      known = startsOf(call, analysed);
    }
    for (Object start : known) {
      Writes writes = reached.get(start);
      if (writes != null && writes.none()) {
        continue;
      }
      if (held == null) {
        held = state.fieldsDependedOn();
        if (held.isEmpty()) {
          return;
        }
      }
      kill(state, held, writes != null ? writes : of(start));
    }
  }

  /**
   * Forgets, in {@code state}, what {@code calls}, the calls the bodies of the class analysed that
   * a call runs make in turn, may write outside that class ({@code private void helper(Op op) {
   * Ops.reset(op); }}). {@code calls} is a set {@link WrittenFields} made once and keeps.
   */
  void forget(State state, Collection<Call> calls, TypeElement analysed) {
    if (calls.isEmpty()) {
      return;
    }
    current(analysed);
    Writes known = outside.get(calls);
    if (known != null && known.none()) {
      return;
    }
    Set<Element> held = state.fieldsDependedOn();
    if (held.isEmpty()) {
      return;
    }
    if (known == null) {
      known = Writes.NOTHING;
      for (Call call : calls) {
        for (Object start : startsOf(call, analysed)) {
          known = known.and(of(start));
        }
      }
      outside.put(calls, known);
    }
    kill(state, held, known);
  }

  private static void kill(State state, Set<Element> held, Writes writes) {
    for (Element field : held) {
      if (writes.writes(field)) {
        state.kill(field);
      }
    }
  }

  /**
   * Drops what was found from overrides known before classes met since, and, for another class
   * analysed, what was found for the calls of the one before.
   */
  private void current(TypeElement analysed) {
    if (generation != overriders.generation()) {
      generation = overriders.generation();
      reached.clear();
      outside.clear();
      starts.clear();
    }
    if (!analysed.equals(outsideOf)) {
      outside.clear(); // the calls of the class analysed before, which nothing uses any more
      starts.clear();
      outsideOf = analysed;
    }
  }

  /** Whether {@code call}, made in {@code analysed}, may run code outside it at all. */
  private static boolean mayRunOutside(Call call, TypeElement analysed) {
    return call.dispatch() != null
        || ofAnotherClass(call.method(), analysed)
        || Call.runsAFunction(call.method());
  }

  /**
   * The bodies {@code call}, made in {@code analysed}, may run outside it (found once per class
   * analysed): the method it names, when of another class; the overrides of it in other classes it
   * may run instead; and the code of the compilation it may run without naming it ({@link
   * OtherClassFunctions}).
   */
  private List<Object> startsOf(Call call, TypeElement analysed) {
    List<Object> known = starts.get(call);
    if (known == null) {
      known = find(call, analysed);
      starts.put(call, known);
    }
    return known;
  }

  private List<Object> find(Call call, TypeElement analysed) {
    List<Object> out = new ArrayList<>();
    if (ofAnotherClass(call.method(), analysed)) {
      out.add(call.method());
    }
    for (ExecutableElement override : overriders.of(call)) {
      if (ofAnotherClass(override, analysed)) {
        out.add(override);
      }
    }
    if (mayRunOutside(call, analysed)) {
      for (Object code : functions.mayRun(call)) {
        if (!(code instanceof ExecutableElement method) || ofAnotherClass(method, analysed)) {
          out.add(code);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * What running {@code start}, a method's or constructor's body or code no element names, may
   * write, through the bodies it reaches: the methods its calls name, the overrides of those a call
   * may run instead, and the code a call may run without naming it.
   */
  Writes of(Object start) {
    Writes known = reached.get(start);
    if (known != null) {
      return known;
    }
    Set<Element> fields = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    Deque<Object> work = new ArrayDeque<>(List.of(start));
    Set<Object> seen = new HashSet<>(work);
    boolean any = false;
    while (!work.isEmpty()) {
      if (seen.size() > MAX_BODIES) {
        any = true;
        break;
      }
      Body body = body(work.pop());
      any |= body.any();
      fields.addAll(body.fields());
      names.addAll(body.names());
      for (Call next : body.runs()) {
        List<Object> runs = new ArrayList<>();
        runs.add(next.method());
        runs.addAll(overriders.of(next));
        runs.addAll(functions.mayRun(next));
        for (Object run : runs) {
          if (seen.add(run)) {
            work.push(run);
          }
        }
      }
    }
    Writes result = new Writes(Set.copyOf(fields), Set.copyOf(names), any);
    reached.put(start, result);
    return result;
  }

  private Body body(Object start) {
    Body known = bodies.get(start);
    if (known == null) {
      known = read(start);
      bodies.put(start, known);
    }
    return known;
  }

  /** What a body writes and runs, from its source parsed again. */
  private Body read(Object start) {
    try {
      if (start instanceof OtherClassFunctions.Code code) {
        return new BodyReader(code.source(), null, types, callbacks, implicit).read(code.body());
      }
      return readSource((ExecutableElement) start);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return ANY; // not known: the check is forgotten rather than kept unproved
    }
  }

  private Body readSource(ExecutableElement method) {
    TypeElement top = HelperBodies.outermost(method);
    if (top != null
        && method.getKind() == ElementKind.CONSTRUCTOR
        && method.getEnclosingElement() instanceof TypeElement type) {
      Body constructor = readConstructor(method, type, top);
      if (constructor != null) {
        return constructor;
      }
    }
    TreePath declaration = top == null ? null : parsed.declaration(method, top);
    if (declaration == null
        || !(declaration.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null) {
      return NONE; // from a jar or class file, abstract, or a source that does not parse
    }
    ParsedSource source = parsed.of(declaration.getCompilationUnit());
    if (source == null) {
      return NONE;
    }
    return new BodyReader(source, method, types, callbacks, implicit)
        .read(new TreePath(declaration, tree.getBody()));
  }

  /**
   * What a constructor of {@code type}, a class of the top-level class {@code top}, runs: its body,
   * where written (none for the default constructor), after its class's instance initializers,
   * unless it begins with {@code this(...)} ({@link InstanceInitializers}); and, where it begins
   * with neither {@code this(...)} nor {@code super(...)}, the superclass's constructor that takes
   * no argument, which javac calls there. Null where the class has no source parsed here.
   */
  private @Nullable Body readConstructor(
      ExecutableElement constructor, TypeElement type, TypeElement top) {
    TreePath classPath = parsed.declaration(type, top);
    ParsedSource source = classPath == null ? null : parsed.of(classPath.getCompilationUnit());
    if (classPath == null || source == null) {
      return null;
    }
    TreePath declaration = source.declaration(constructor);
    MethodTree tree =
        declaration != null && declaration.getLeaf() instanceof MethodTree method ? method : null;
    List<TreePath> code = new ArrayList<>();
    if (tree == null || !InstanceInitializers.delegates(tree)) {
      code.addAll(InstanceInitializers.of(classPath, source::element));
    }
    if (declaration != null && tree != null && tree.getBody() != null) {
      code.add(new TreePath(declaration, tree.getBody()));
    }
    BodyReader reader = new BodyReader(source, constructor, types, callbacks, implicit);
    if (tree == null || !InstanceInitializers.callsAConstructor(tree)) {
      ExecutableElement implicitSuper = InstanceInitializers.superConstructor(type);
      if (implicitSuper != null) {
        reader.runsAlso(Call.exact(implicitSuper));
        if (callbacks.fromAJar(implicitSuper) && !JarCallbacks.runsNothing(implicitSuper)) {
          reader.runsAlso(
              callbacks.onObject(type.asType(), reader)); // a jar superclass's constructor
        }
      }
    }
    return reader.read(code);
  }

  /** One walk of a body parsed again, resolving what it writes and runs as its source does. */
  private static final class BodyReader extends BodyWalk implements Call.Names {
    private final ParsedSource source;

    /** The method or constructor read; null for code no element names. */
    private final @Nullable ExecutableElement method;

    private final Types types;
    private final JarCallbacks callbacks;
    private final ImplicitCalls implicit;
    private final Set<Call> runs = new LinkedHashSet<>();

    BodyReader(
        ParsedSource source,
        @Nullable ExecutableElement method,
        Types types,
        JarCallbacks callbacks,
        ImplicitCalls implicit) {
      this.source = source;
      this.method = method;
      this.types = types;
      this.callbacks = callbacks;
      this.implicit = implicit;
    }

    Body read(TreePath body) {
      return read(List.of(body));
    }

    /** What the code of {@code bodies}, run one after the other, writes and runs. */
    Body read(List<TreePath> bodies) {
      for (TreePath body : bodies) {
        scan(body, null);
      }
      Set<Element> fields = new LinkedHashSet<>();
      Set<String> names = new LinkedHashSet<>();
      for (TreePath target : targets) {
        written(target, fields, names);
      }
      return new Body(Set.copyOf(fields), Set.copyOf(names), Set.copyOf(runs), false);
    }

    /**
     * Notes a call the code read runs that no tree of it makes ({@code super()} that javac adds).
     */
    void runsAlso(Call call) {
      runs.add(call);
    }

    void runsAlso(List<Call> calls) {
      runs.addAll(calls);
    }

    @Override
    public @Nullable Element element(TreePath path) {
      return source.element(path);
    }

    @Override
    public @Nullable TypeMirror type(TreePath path) {
      return source.type(path);
    }

    @Override
    public List<TypeElement> enclosingClasses(TreePath path) {
      return source.enclosingClasses(path);
    }

    @Override
    public boolean holdsOnlyItsLambda(TreePath receiver) {
      // parsed again, a local of a class type has no element: it is known by its name
      return LocalLambdas.holdsOnlyItsLambda(receiver, LocalLambdas::name);
    }

    @Override
    void runs(TreePath call) {
      for (ExecutableElement target : source.mayRun(call)) {
        runs.add(Call.at(call, target, this, types));
        runs.addAll(callbacks.runBy(call, target, this)); // what a jar's method runs of its objects
      }
      runs.addAll(implicit.at(call, this)); // toString() of a concatenation, close() of a resource
    }

    /** Adds the field a write to {@code target} writes, or its name when it does not resolve. */
    private void written(TreePath target, Set<Element> fields, Set<String> names) {
      Element field = source.fieldOfThis(target);
      if (field == null) {
        field = source.element(target);
      }
      if (field == null) {
        if (target.getLeaf() instanceof MemberSelectTree select) {
          names.add(select.getIdentifier().toString()); // a receiver of a type not known
        }
        return; // a local the source does not resolve, or an array element
      }
      if (field.getKind() == ElementKind.FIELD
          && reachesCaller(
              target,
              field,
              method != null && method.getKind() == ElementKind.CONSTRUCTOR
                  ? method.getEnclosingElement()
                  : null)) {
        fields.add(field); // not a local or parameter, and an object the caller may hold
      }
    }
  }

  /** Whether {@code method} is of a top-level class other than {@code analysed}. */
  static boolean ofAnotherClass(ExecutableElement method, TypeElement analysed) {
    TypeElement top = HelperBodies.outermost(method);
    return top != null && !top.equals(analysed);
  }
}
