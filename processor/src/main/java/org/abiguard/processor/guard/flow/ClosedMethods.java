package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.PassedIn;
import org.jspecify.annotations.Nullable;

/**
 * The private methods of one top-level class whose every call the guard sees, and what their
 * callers know at those calls: the facts of the fields they pass through an object ({@code
 * doAdd(op)} after {@code if (op.space > 0xFFFF) return -EINVAL;}), through the receiver, and of
 * static fields. A private method can be called only from its top-level class, so where no method
 * reference names it, its calls are exactly the invocations in that class's trees. Such a method (a
 * <em>closed</em> one) is analysed after every body that calls it, starting from the join of what
 * those calls passed in, so that a check in a caller counts in the method it calls, as it would if
 * the method's body were written in its place.
 *
 * <p>The method's parameters keep their declared facts, to which each call is held; in strict mode
 * one of a primitive type that declares no width, otherwise any value of its type, holds what the
 * calls pass (in lenient mode such a parameter is a plain value, which {@link Forwarding} follows
 * in from each call).
 *
 * <p>The bodies the guard analyses on their own (<em>roots</em>) are the methods of the top-level
 * class and its member classes, and the initializers of each such class; a call in a lambda or in a
 * local or anonymous class belongs to the root it is written in, whose analysis follows it. A
 * method is closed only when it has at least one call, no method reference names it, it is not
 * varargs, nothing outside the class calls it (serialization's {@code readObject} and its kin, a
 * method annotated for a framework), and it does not call itself through closed methods (a cycle's
 * calls depend on its own start). Its start is used only when every root that calls it was analysed
 * without a failure: for a data model after the first, the root's analysis for that model, or the
 * first model's when the root read no width that depends on the ABI. Where no call was reachable,
 * the method starts from its declared facts, as any other method does.
 */
public final class ClosedMethods {
  /** Each closed method, with the roots its calls are in. */
  private final Map<ExecutableElement, Set<Tree>> callers;

  /**
   * The trees of the closed methods, in an order in which every caller comes before its callees.
   */
  private final List<Tree> order;

  /** The closed methods by their trees. */
  private final IdentityHashMap<Tree, ExecutableElement> byTree;

  /** The roots that call a closed method. */
  private final Set<Tree> calling = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Per data model, per root analysed to its end, what each call in it passed to each closed
   * method, by call in the order met.
   */
  private final Map<Integer, Map<Tree, Map<ExecutableElement, Map<Tree, Passed>>>> finished =
      new HashMap<>();

  /** How each root is named where a message says which call passed a value in. */
  private final IdentityHashMap<Tree, String> rootNames;

  /**
   * The roots that read no width that depends on the ABI: their first model's calls hold for all.
   */
  private final Set<Tree> independent = Collections.newSetFromMap(new IdentityHashMap<>());

  private @Nullable Tree root;
  private int model;
  private Map<ExecutableElement, Map<Tree, Passed>> recording = new HashMap<>();

  /**
   * What one call passed in ({@code state}, joined over each time the analysis met the call), and
   * where it is ({@code the call of one in unchecked (line 22)}).
   */
  private record Passed(String where, State state) {}

  private ClosedMethods(
      Map<ExecutableElement, Set<Tree>> callers,
      List<Tree> order,
      IdentityHashMap<Tree, ExecutableElement> byTree,
      IdentityHashMap<Tree, String> rootNames) {
    this.callers = callers;
    this.order = order;
    this.byTree = byTree;
    this.rootNames = rootNames;
    callers.values().forEach(calling::addAll);
  }

  /**
   * The closed methods of the top-level class at {@code topLevel}, found by one walk of its trees.
   */
  public static ClosedMethods of(Trees trees, TreePath topLevel) {
    Walk walk = new Walk(trees, topLevel);
    walk.classBody((ClassTree) topLevel.getLeaf());
    Map<ExecutableElement, Set<Tree>> callers = new LinkedHashMap<>();
    for (Map.Entry<ExecutableElement, Set<Tree>> entry : walk.calls.entrySet()) {
      ExecutableElement method = entry.getKey();
      if (walk.declared.containsKey(method) && !walk.referenced.contains(method)) {
        callers.put(method, entry.getValue());
      }
    }
    // a method whose calls depend, through closed methods, on its own start is not closed
    IdentityHashMap<Tree, ExecutableElement> byTree = new IdentityHashMap<>();
    callers.keySet().forEach(method -> byTree.put(walk.declared.get(method), method));
    callers.keySet().removeIf(method -> inCycle(method, callers, walk.declared, byTree));
    byTree.values().removeIf(method -> !callers.containsKey(method));
    List<Tree> order = ordered(callers, byTree).stream().map(walk.declared::get).toList();
    return new ClosedMethods(callers, order, byTree, walk.rootNames);
  }

  private static boolean inCycle(
      ExecutableElement start,
      Map<ExecutableElement, Set<Tree>> callers,
      Map<ExecutableElement, Tree> declared,
      Map<Tree, ExecutableElement> byTree) {
    // walk from the method to its callers' callers...: a cycle comes back to its own tree
    Deque<ExecutableElement> work = new ArrayDeque<>(List.of(start));
    Set<ExecutableElement> seen = new HashSet<>();
    while (!work.isEmpty()) {
      for (Tree root : callers.getOrDefault(work.pop(), Set.of())) {
        if (root == declared.get(start)) {
          return true;
        }
        ExecutableElement caller = byTree.get(root);
        if (caller != null && seen.add(caller)) {
          work.push(caller);
        }
      }
    }
    return false;
  }

  /** Callers first (Kahn's order over the closed methods, which form no cycle). */
  private static List<ExecutableElement> ordered(
      Map<ExecutableElement, Set<Tree>> callers, Map<Tree, ExecutableElement> byTree) {
    Map<ExecutableElement, Integer> waiting = new LinkedHashMap<>();
    Map<ExecutableElement, List<ExecutableElement>> callees = new HashMap<>();
    for (Map.Entry<ExecutableElement, Set<Tree>> entry : callers.entrySet()) {
      int closedCallers = 0;
      for (Tree root : entry.getValue()) {
        ExecutableElement caller = byTree.get(root);
        if (caller != null) {
          closedCallers++;
          callees.computeIfAbsent(caller, c -> new ArrayList<>()).add(entry.getKey());
        }
      }
      waiting.put(entry.getKey(), closedCallers);
    }
    List<ExecutableElement> order = new ArrayList<>();
    Deque<ExecutableElement> ready = new ArrayDeque<>();
    waiting.forEach(
        (method, count) -> {
          if (count == 0) {
            ready.add(method);
          }
        });
    while (!ready.isEmpty()) {
      ExecutableElement next = ready.poll();
      order.add(next);
      for (ExecutableElement callee : callees.getOrDefault(next, List.of())) {
        if (waiting.merge(callee, -1, Integer::sum) == 0) {
          ready.add(callee);
        }
      }
    }
    return List.copyOf(order);
  }

  /** Whether the method tree is a closed method's, analysed after its callers. */
  public boolean deferred(Tree method) {
    return byTree.containsKey(method);
  }

  /** The trees of the closed methods, callers first. */
  public List<Tree> order() {
    return order;
  }

  /** The roots with calls of {@code method}, a closed one. */
  private Set<Tree> callersOf(ExecutableElement method) {
    return callers.getOrDefault(method, Set.of());
  }

  /** Whether some closed method is called in the root. */
  public boolean calls(Tree root) {
    return calling.contains(root);
  }

  /** The analysis of a root starts, for the data model {@code model} (0 for the first). */
  public void begin(Tree root, int model) {
    this.root = root;
    this.model = model;
    this.recording = new HashMap<>();
  }

  /**
   * The analysis that {@link #begin} started ended: its calls count when it did not fail, for every
   * model when it is the first's and read no width that depends on the ABI.
   */
  public void end(boolean analysed, boolean abiDependent) {
    Tree ended = root;
    root = null;
    if (ended == null || !analysed) {
      return;
    }
    finished.computeIfAbsent(model, m -> new IdentityHashMap<>()).put(ended, recording);
    if (model == 0 && !abiDependent) {
      independent.add(ended);
    }
  }

  /**
   * A call of {@code method} in the root being analysed: what the caller knows there of the paths
   * the method can name, as it names them. Calls followed inside a helper's or a forwarded body are
   * not the method's own calls (that body's own analysis sees its own).
   */
  void record(
      Parts parts,
      TreePath path,
      MethodInvocationTree call,
      ExecutableElement method,
      List<@Nullable Fact> arguments) {
    if (root == null
        || !parts.context.following.isEmpty()
        || !callers.containsKey(method)
        || !parts.frame.reachable()) {
      return;
    }
    State passed = parts.context.emptyState(); // where nothing is known: the declared facts
    if (arguments.size() == method.getParameters().size()) {
      Helpers.Entered entered =
          parts.helpers.enter(path, call, call.getArguments(), method, arguments, Set.of());
      for (Map.Entry<AccessPath, @Nullable Fact> known : entered.state().entries()) {
        if (passedIn(parts, known.getKey(), method)) {
          passed.put(known.getKey(), named(parts, method, known.getKey(), known.getValue()));
        }
      }
    }
    Map<Tree, Passed> calls = recording.computeIfAbsent(method, m -> new LinkedHashMap<>());
    Passed before = calls.get(call);
    calls.put(
        call,
        before == null
            ? new Passed(where(parts, path, method), passed)
            : new Passed(before.where(), State.join(before.state(), passed)));
  }

  /** Where a call is, for messages: {@code the call of one in unchecked (line 22)}. */
  private String where(Parts parts, TreePath path, ExecutableElement method) {
    String in = root == null ? null : rootNames.get(root);
    return "the call of "
        + method.getSimpleName()
        + (in == null ? "" : " in " + in)
        + " ("
        + parts.context.place(path)
        + ")";
  }

  /**
   * A fact passed in, named as the method's own read names the field ({@code field Map.space
   * (u32)}), not by what the caller computed it from, which the method cannot see; where the calls
   * pass less than the field declares, said to be what they pass, whose values a message then gives
   * ({@code field Map.space (u32) as the calls of addOne pass it}); a parameter as what its calls
   * pass.
   */
  private static @Nullable Fact named(
      Parts parts, ExecutableElement method, AccessPath path, @Nullable Fact fact) {
    Element variable = path.last();
    if (fact == null || variable == null) {
      return fact;
    }
    if (path.chain().size() == 1 && variable.getKind() == ElementKind.PARAMETER) {
      return fact.withOrigin(parts.declarations.describe(variable) + " as its calls pass it");
    }
    Fact declared = parts.declarations.readFact(variable);
    if (declared == null) {
      return fact;
    }
    // the field's own name where the calls pass what it declares, as a read of it would say
    return fact.range().equals(declared.range())
        ? fact.withOrigin(declared.origin())
        : fact.withOrigin(
            declared.origin() + " as the calls of " + method.getSimpleName() + " pass it");
  }

  /**
   * Whether the method's start takes the caller's fact of a path: a field reached through a
   * parameter of a class type or the receiver, or a static field; and, in strict mode, a parameter
   * of a primitive type that declares no width, which is otherwise any value of its type (in
   * lenient mode it is a plain value, which each call follows in with what it passes). A parameter
   * that declares a width keeps its declared fact, to which each call is held.
   */
  private static boolean passedIn(Parts parts, AccessPath path, ExecutableElement method) {
    if (path.ofStaticField()) {
      return true;
    }
    List<Object> chain = path.chain();
    Object root = chain.get(0);
    if (chain.size() == 1) {
      return parts.context.strict
          && root instanceof VariableElement parameter
          && method.getParameters().contains(parameter)
          && parameter.asType().getKind().isPrimitive()
          && parts.declarations.readFact(parameter) == null;
    }
    if (!(chain.get(1) instanceof VariableElement)) {
      return false;
    }
    return root == AccessPath.THIS
        || (root instanceof VariableElement parameter
            && method.getParameters().contains(parameter)
            && !parameter.asType().getKind().isPrimitive());
  }

  /**
   * Whether the analysis of a closed method depends on the ABI through its start: some root that
   * calls it read a width that depends on the ABI (or is itself such a method), so what it passes
   * in differs per data model, and the method is analysed for each, as one that reads such a width
   * itself is. False for any other tree.
   */
  public boolean startDependsOnAbi(Tree methodTree) {
    ExecutableElement method = byTree.get(methodTree);
    return method != null
        && callersOf(method).stream().anyMatch(caller -> !independent.contains(caller));
  }

  /**
   * The start of {@code method}'s analysis for the data model of {@code context}, the {@code
   * model}th: the join of what its calls passed in; null when a root that calls it was not analysed
   * to its end for that model, or no call was reachable. A fact some call passed keeps every call
   * with its values ({@link PassedIn}), so that a finding can name the calls that bring the values
   * it reports; where the join is the declared fact again (one call checks, another does not), that
   * fact is held as such a join too.
   */
  public @Nullable State entry(Tree methodTree, int model, Context context) {
    ExecutableElement method = byTree.get(methodTree);
    if (method == null) {
      return null;
    }
    List<Passed> calls = new ArrayList<>();
    for (Tree caller : callersOf(method)) {
      Map<ExecutableElement, Map<Tree, Passed>> inCaller =
          finished.getOrDefault(model, Map.of()).get(caller);
      if (inCaller == null && independent.contains(caller)) {
        inCaller = finished.getOrDefault(0, Map.of()).get(caller);
      }
      if (inCaller == null) {
        return null;
      }
      calls.addAll(inCaller.getOrDefault(method, Map.of()).values());
    }
    State joined = State.UNREACHABLE;
    for (Passed call : calls) {
      joined = State.join(joined, call.state());
    }
    if (!joined.reachable()) {
      return null;
    }
    Set<AccessPath> passed = new LinkedHashSet<>();
    calls.forEach(call -> call.state().entries().forEach(known -> passed.add(known.getKey())));
    for (AccessPath path : passed) {
      Fact declared = path.last() == null ? null : context.declarations.readFact(path.last());
      Fact fact = joined.tracks(path) ? joined.fact(path) : declared;
      if (fact == null || (!joined.tracks(path) && !sameAsDeclared(path, calls, declared))) {
        continue;
      }
      List<PassedIn.Call> each = new ArrayList<>();
      for (Passed call : calls) {
        Fact one = call.state().tracks(path) ? call.state().fact(path) : declared;
        each.add(new PassedIn.Call(call.where(), one == null ? null : one.range()));
      }
      joined.put(path, PassedIn.of(fact, each));
    }
    return joined;
  }

  /**
   * Whether a path that the join of the calls no longer tracks (a call passed its declared fact,
   * another a narrower one) holds its declared fact {@code declared}: every call passed values of
   * it.
   */
  private static boolean sameAsDeclared(
      AccessPath path, List<Passed> calls, @Nullable Fact declared) {
    if (declared == null) {
      return false;
    }
    for (Passed call : calls) {
      Fact one = call.state().tracks(path) ? call.state().fact(path) : declared;
      if (one == null
          || !Objects.equals(one.raw(), declared.raw())
          || one.floating() != null
          || declared.floating() != null
          || !declared.range().contains(one.range())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The walk: the private methods declared in the top-level class and its member classes, the roots
   * their calls are in, and the methods method references name.
   */
  private static final class Walk extends TreeScanner<Void, Void> {
    private final Trees trees;
    private final TreePath top;
    final Map<ExecutableElement, Tree> declared = new HashMap<>();
    final Map<ExecutableElement, Set<Tree>> calls = new LinkedHashMap<>();
    final Set<ExecutableElement> referenced = new HashSet<>();
    final IdentityHashMap<Tree, String> rootNames = new IdentityHashMap<>();
    private @Nullable Tree root;

    Walk(Trees trees, TreePath top) {
      this.trees = trees;
      this.top = top;
    }

    /** The members of a top-level or member class, each a root (its initializers one together). */
    void classBody(ClassTree type) {
      for (Tree member : type.getMembers()) {
        if (member instanceof ClassTree nested) {
          classBody(nested);
        } else if (member instanceof MethodTree method) {
          Element element = elementOf(method);
          if (element instanceof ExecutableElement executable
              && element.getKind() == ElementKind.METHOD
              && element.getModifiers().contains(Modifier.PRIVATE)
              && !executable.isVarArgs()
              && method.getBody() != null
              && !calledFromOutside(executable)
              && element.getEnclosingElement() instanceof TypeElement owner
              && owner.getNestingKind() != NestingKind.LOCAL
              && owner.getNestingKind() != NestingKind.ANONYMOUS) {
            declared.put(executable, method);
          }
          root = method;
          rootNames.put(
              method,
              method.getName().contentEquals("<init>")
                  ? "a constructor of " + type.getSimpleName()
                  : method.getName().toString());
          scan(member, null);
        } else if (member instanceof VariableTree || member instanceof BlockTree) {
          root = type;
          rootNames.put(type, "an initializer of " + type.getSimpleName());
          scan(member, null);
        }
      }
    }

    /**
     * Whether something other than the class's code may call the private method: serialization's
     * hooks ({@code readObject}...), which the JVM calls with whatever the stream held, and a
     * method annotated for a framework ({@code @PostConstruct}, a JPA callback...), which calls it
     * through reflection; annotations of {@code java.lang} ({@code @SuppressWarnings}) call
     * nothing.
     */
    private static boolean calledFromOutside(ExecutableElement method) {
      return SERIALIZATION.contains(method.getSimpleName().toString())
          || method.getAnnotationMirrors().stream()
              .anyMatch(
                  a ->
                      !(a.getAnnotationType().asElement() instanceof TypeElement type
                          && type.getQualifiedName().toString().startsWith("java.lang.")));
    }

    private static final Set<String> SERIALIZATION =
        Set.of("readObject", "readObjectNoData", "writeObject", "readResolve", "writeReplace");

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      if (elementOf(call) instanceof ExecutableElement method
          && method.getModifiers().contains(Modifier.PRIVATE)
          && root != null) {
        calls.computeIfAbsent(method, m -> new LinkedHashSet<>()).add(root);
      }
      return super.visitMethodInvocation(call, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
      if (elementOf(reference) instanceof ExecutableElement method) {
        referenced.add(method);
      }
      return super.visitMemberReference(reference, null);
    }

    private @Nullable Element elementOf(Tree tree) {
      return Lookup.elementAt(trees, top, tree);
    }
  }
}
