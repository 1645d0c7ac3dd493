package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The fields each method and constructor of the class analysed may write when called, directly or
 * through the methods and constructors of that class it calls: so that a call of one forgets what
 * the caller had checked of those fields ({@code if (op.size > MAX) return; advance(op);
 * use(op.size);} where {@code advance} writes {@code op.size}), where a check would otherwise
 * survive the call. A field is forgotten wherever its object is: a write of {@code other.size} in
 * the method forgets {@code op.size} too.
 *
 * <p>A call may also run a method of the class that overrides the one called (a member or anonymous
 * class's implementation of an interface), and code of the class passed around as a function: a
 * lambda or method reference passed to it ({@code raws.forEach(r -> op.size = r)}), and, for a call
 * of a functional interface's method ({@code later.run()}), made there or in a body of the class it
 * runs, any lambda or method reference of the class.
 *
 * <p>Only bodies in the class analysed (its member, local and anonymous classes, and lambdas in it,
 * included) are read here, from javac's trees; a method of another class of the compilation is read
 * from its source parsed again ({@link OtherClassWrites}), as is every one the calls these bodies
 * make may run in other classes: the methods they name there, and overrides there of the methods
 * they name ({@code private void reset(Op op) { Ops.reset(op); }}), and what a method from a jar
 * may run of the objects those calls hand to it ({@link JarCallbacks}). A constructor's writes of
 * the new object's own fields ({@code this.size = size}), and a body's writes of the fields of an
 * object it created in a local it does not assign again ({@link CreatedObjects}), write no object
 * its caller holds, and do not count. A constructor's body includes its class's instance
 * initializers, unless it begins with {@code this(...)} ({@link InstanceInitializers}).
 */
public final class WrittenFields {
  /** What each body writes itself, and what it calls. */
  private record Body(Set<Element> writes, Set<Call> calls) {
    Body and(Body other) {
      Set<Element> allWrites = new HashSet<>(writes);
      allWrites.addAll(other.writes);
      Set<Call> allCalls = new HashSet<>(calls);
      allCalls.addAll(other.calls);
      return new Body(allWrites, allCalls);
    }
  }

  /**
   * What a call reaches in the class: the fields its bodies write, and every call they make, whose
   * bodies in other classes, and overrides there, {@link OtherClassWrites} reads.
   */
  private record Reach(Set<Element> writes, Set<Call> calls) {}

  private final Map<ExecutableElement, Body> bodies;

  /** The class's lambdas, each read as a body of its own. */
  private final IdentityHashMap<Tree, Body> lambdas;

  /** What the class's method references run: the method each names, and its overrides. */
  private final Set<Call> referenced;

  private final Elements elements;
  private final Call.Names names;
  private final Types types;

  /** What the bodies of other classes write, or null where not set up (a test of one class). */
  private final @Nullable OtherClassWrites others;

  /** The top-level class analysed. */
  private final TypeElement analysed;

  private final Map<ExecutableElement, Reach> reached = new HashMap<>();
  private final Map<ExecutableElement, List<ExecutableElement>> overriders = new HashMap<>();
  private final IdentityHashMap<Tree, Reach> lambdaWrites = new IdentityHashMap<>();
  private final Map<ExecutableElement, Boolean> runsAFunction = new HashMap<>();
  private @Nullable Reach functional;

  private WrittenFields(
      Map<ExecutableElement, Body> bodies,
      IdentityHashMap<Tree, Body> lambdas,
      Set<Call> referenced,
      Elements elements,
      Call.Names names,
      Types types,
      @Nullable OtherClassWrites others,
      TypeElement analysed) {
    this.names = names;
    this.types = types;
    this.bodies = bodies;
    this.lambdas = lambdas;
    this.referenced = referenced;
    this.elements = elements;
    this.others = others;
    this.analysed = analysed;
  }

  /**
   * The bodies of the top-level class {@code analysed}, at {@code classPath}, read by one walk of
   * its trees; {@code others}, what the bodies of other classes their calls reach write.
   */
  public static WrittenFields of(
      Trees trees,
      Types types,
      Elements elements,
      TreePath classPath,
      TypeElement analysed,
      @Nullable OtherClassWrites others) {
    Call.Names names = Call.Names.of(trees);
    JarCallbacks callbacks = others == null ? null : others.callbacks();
    ImplicitCalls implicit = others == null ? null : others.implicitCalls();
    Map<ExecutableElement, Body> bodies = new HashMap<>();
    IdentityHashMap<Tree, Body> lambdas = new IdentityHashMap<>();
    Set<Call> referenced = new HashSet<>();
    Map<Element, Body> initializers = new HashMap<>();
    Set<ExecutableElement> delegating = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree type, Void unused) {
        if (elementOf(trees, classPath, type) instanceof TypeElement element) {
          Body all = null;
          TreePath at = new TreePath(classPath, type); // as read() places a body: under the class
          for (TreePath code :
              InstanceInitializers.of(at, path -> elementOf(trees, classPath, path.getLeaf()))) {
            Body part =
                read(trees, classPath, code.getLeaf(), element, names, types, callbacks, implicit);
            all = all == null ? part : all.and(part);
          }
          if (all != null) {
            initializers.put(element, all);
          }
        }
        return super.visitClass(type, null);
      }

      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (elementOf(trees, classPath, method) instanceof ExecutableElement executable
            && method.getBody() != null) {
          boolean constructor = executable.getKind() == ElementKind.CONSTRUCTOR;
          if (constructor && InstanceInitializers.delegates(method)) {
            delegating.add(executable);
          }
          bodies.put(
              executable,
              read(
                  trees,
                  classPath,
                  method.getBody(),
                  constructor ? executable.getEnclosingElement() : null,
                  names,
                  types,
                  callbacks,
                  implicit));
        }
        return super.visitMethod(method, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        lambdas.put(
            lambda,
            read(trees, classPath, lambda.getBody(), null, names, types, callbacks, implicit));
        return super.visitLambdaExpression(lambda, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        if (elementOf(trees, classPath, reference) instanceof ExecutableElement method) {
          referenced.add(Call.at(new TreePath(classPath, reference), method, names, types));
        }
        return super.visitMemberReference(reference, null);
      }
    }.scan(classPath.getLeaf(), null);
    // a constructor runs its class's instance initializers, unless it begins with this(...)
    bodies.replaceAll(
        (method, body) -> {
          Body ran =
              method.getKind() == ElementKind.CONSTRUCTOR && !delegating.contains(method)
                  ? initializers.get(method.getEnclosingElement())
                  : null;
          return ran == null ? body : body.and(ran);
        });
    return new WrittenFields(bodies, lambdas, referenced, elements, names, types, others, analysed);
  }

  /**
   * What a call of {@code method} reaches in the class: the fields its bodies write, and the calls
   * they make; nothing for a method whose body is elsewhere. The call itself is not among them:
   * where it is made, its {@link Call} knows the receiver, and tells what it runs outside the
   * class.
   */
  private Reach of(ExecutableElement method) {
    Reach known = reached.get(method);
    if (known != null) {
      return known;
    }
    Reach result = reach(Set.of(), Set.of(), List.of(method), false);
    reached.put(method, result);
    return result;
  }

  /**
   * The methods of the class that a call of {@code method} may run instead of it: those that
   * override it (a member class's, or an anonymous class's, implementation of an interface).
   */
  private List<ExecutableElement> overriders(ExecutableElement method) {
    List<ExecutableElement> known = overriders.get(method);
    if (known == null) {
      List<ExecutableElement> found = new ArrayList<>();
      for (ExecutableElement candidate : bodies.keySet()) {
        if (candidate != method
            && candidate.getSimpleName().equals(method.getSimpleName())
            && candidate.getEnclosingElement() instanceof TypeElement type
            && elements.overrides(candidate, method, type)) {
          found.add(candidate);
        }
      }
      known = List.copyOf(found);
      overriders.put(method, known);
    }
    return known;
  }

  /**
   * What code of the class that is passed around as a function may reach when it is run: each
   * lambda's body and each method a method reference names, and what they call.
   */
  private Reach functional() {
    Reach known = functional;
    if (known == null) {
      known = reach(Set.of(), Set.of(), List.of(), true);
      functional = known;
    }
    return known;
  }

  /** What {@code start} writes and calls, and the bodies of the class it calls, and theirs. */
  private Reach reach(Body start) {
    return reach(start.writes(), start.calls(), List.of(), false);
  }

  /**
   * {@code writes} and {@code calls}, with what the bodies of the class of {@code methods} write
   * and call, and of those they call in turn; where one of those calls runs a function ({@code
   * later.run()}, or a function a jar's method runs, {@link JarCallbacks}), every lambda and method
   * reference of the class too, any of which it may be; from the start, where {@code functions}
   * says so.
   */
  private Reach reach(
      Set<Element> writtenFirst,
      Set<Call> madeFirst,
      List<ExecutableElement> methods,
      boolean functions) {
    Set<Element> writes = new LinkedHashSet<>(writtenFirst);
    Set<Call> calls = new LinkedHashSet<>();
    Deque<ExecutableElement> work = new ArrayDeque<>();
    Set<ExecutableElement> seen = new HashSet<>();
    for (ExecutableElement method : methods) {
      if (seen.add(method)) {
        work.push(method);
      }
    }
    Deque<Call> made = new ArrayDeque<>(madeFirst);
    boolean functionsIn = functions; // whether the class's lambdas and method references are in
    if (functionsIn) {
      addFunctions(writes, made);
    }
    while (!work.isEmpty() || !made.isEmpty()) {
      if (!made.isEmpty()) {
        Call callee = made.pop();
        calls.add(callee);
        if (seen.add(callee.method())) {
          work.push(callee.method());
        }
        if (!functionsIn
            && !callee.ownLambda() // its lambda is in the body that makes the call
            && runsAFunction.computeIfAbsent(callee.method(), Call::runsAFunction)) {
          functionsIn = true;
          addFunctions(writes, made);
        }
        continue;
      }
      ExecutableElement next = work.pop();
      for (ExecutableElement other : overriders(next)) {
        if (seen.add(other)) {
          work.push(other);
        }
      }
      Body body = bodies.get(next);
      if (body != null) {
        writes.addAll(body.writes());
        made.addAll(body.calls());
      }
    }
    return new Reach(Set.copyOf(writes), Set.copyOf(calls));
  }

  /** Adds what each lambda of the class writes and calls, and the method references' calls. */
  private void addFunctions(Set<Element> writes, Deque<Call> made) {
    for (Body lambda : lambdas.values()) {
      writes.addAll(lambda.writes());
      made.addAll(lambda.calls());
    }
    made.addAll(referenced);
  }

  /**
   * Forgets, in {@code state}, what a call of {@code method} with {@code arguments} may have
   * changed: what the method writes; what a lambda or method reference passed to it writes, which
   * it may run; for a call of a functional interface's method ({@code later.run()}), what any
   * lambda or method reference of the class writes, since it may be the one run; and what the calls
   * all those bodies make in turn may write in other classes ({@link OtherClassWrites}).
   */
  void forget(
      State state,
      ExecutableElement method,
      List<? extends ExpressionTree> arguments,
      Trees trees,
      TreePath call) {
    if (!state.reachable()) {
      return;
    }
    kill(state, of(method));
    for (ExpressionTree argument : arguments) {
      Tree bare = Nodes.bare(argument);
      if (bare instanceof LambdaExpressionTree) {
        Body lambda = lambdas.get(bare);
        if (lambda != null) {
          kill(state, lambdaWrites.computeIfAbsent(bare, l -> reach(lambda)));
        }
      } else if (bare instanceof MemberReferenceTree
          && elementOf(trees, call, bare) instanceof ExecutableElement target) {
        kill(state, of(target));
        if (others != null) {
          // what it names, or an override of that, in another class
          Call reference = Call.at(new TreePath(call, bare), target, names, types);
          others.forget(state, reference, analysed);
        }
      }
    }
    if (runsAFunction.computeIfAbsent(method, Call::runsAFunction)) {
      kill(state, functional());
    }
  }

  private void kill(State state, Reach reach) {
    for (Element field : reach.writes()) {
      state.kill(field);
    }
    if (others != null) {
      others.forget(state, reach.calls(), analysed);
    }
  }

  /**
   * What a body writes and calls; {@code constructorOf}, for a constructor's, the class whose new
   * object's own fields it writes without counting.
   */
  private static Body read(
      Trees trees,
      TreePath classPath,
      Tree code,
      @Nullable Element constructorOf,
      Call.Names names,
      Types types,
      @Nullable JarCallbacks callbacks,
      @Nullable ImplicitCalls implicit) {
    Set<Element> writes = new HashSet<>();
    Set<Call> calls = new HashSet<>();
    BodyWalk walk =
        new BodyWalk() {
          @Override
          @Nullable Element element(TreePath path) {
            return elementOf(trees, classPath, path.getLeaf());
          }

          @Override
          void runs(TreePath call) {
            if (element(call) instanceof ExecutableElement callee) {
              calls.add(Call.at(call, callee, names, types));
              if (callbacks != null) {
                calls.addAll(callbacks.runBy(call, callee, names)); // what a jar's method runs
              }
            }
            if (implicit != null) {
              calls.addAll(implicit.at(call, names)); // toString() of a concatenation, and the like
            }
          }
        };
    walk.scan(new TreePath(classPath, code), null);
    for (TreePath target : walk.targets) {
      Element field = walk.element(target);
      if (field != null
          && field.getKind().isField()
          && walk.reachesCaller(target, field, constructorOf)) {
        writes.add(field);
      }
    }
    return new Body(writes, calls);
  }

  private static @Nullable Element elementOf(Trees trees, TreePath classPath, Tree tree) {
    return Lookup.elementAt(trees, classPath, tree);
  }
}
