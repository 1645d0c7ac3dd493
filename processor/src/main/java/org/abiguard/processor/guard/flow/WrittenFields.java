package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
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
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
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
 * of a functional interface's method ({@code later.run()}), any lambda or method reference of the
 * class.
 *
 * <p>Only bodies in the class analysed (its member, local and anonymous classes, and lambdas in it,
 * included) are read here, from javac's trees; a method of another class of the compilation is read
 * from its source parsed again ({@link OtherClassWrites}). A constructor's writes of the new
 * object's own fields ({@code this.size = size}), and a body's writes of the fields of an object it
 * created in a local it does not assign again ({@link CreatedObjects}), write no object its caller
 * holds, and do not count.
 */
public final class WrittenFields {
  /** What each body writes itself, and the bodies of the class it calls. */
  private record Body(Set<Element> writes, Set<ExecutableElement> calls) {}

  private final Map<ExecutableElement, Body> bodies;

  /** The class's lambdas, each read as a body of its own. */
  private final IdentityHashMap<Tree, Body> lambdas;

  /** The methods and constructors the class's method references name. */
  private final Set<ExecutableElement> referenced;

  private final Elements elements;
  private final Map<ExecutableElement, Set<Element>> reached = new HashMap<>();
  private final Map<ExecutableElement, List<ExecutableElement>> overriders = new HashMap<>();
  private final IdentityHashMap<Tree, Set<Element>> lambdaWrites = new IdentityHashMap<>();
  private final Map<ExecutableElement, Boolean> runsAFunction = new HashMap<>();
  private @Nullable Set<Element> functional;

  private WrittenFields(
      Map<ExecutableElement, Body> bodies,
      IdentityHashMap<Tree, Body> lambdas,
      Set<ExecutableElement> referenced,
      Elements elements) {
    this.bodies = bodies;
    this.lambdas = lambdas;
    this.referenced = referenced;
    this.elements = elements;
  }

  /** The bodies of the class at {@code classPath}, read by one walk of its trees. */
  public static WrittenFields of(Trees trees, Elements elements, TreePath classPath) {
    Map<ExecutableElement, Body> bodies = new HashMap<>();
    IdentityHashMap<Tree, Body> lambdas = new IdentityHashMap<>();
    Set<ExecutableElement> referenced = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (elementOf(trees, classPath, method) instanceof ExecutableElement executable
            && method.getBody() != null) {
          boolean constructor = executable.getKind() == ElementKind.CONSTRUCTOR;
          bodies.put(
              executable,
              read(
                  trees,
                  classPath,
                  method.getBody(),
                  constructor ? executable.getEnclosingElement() : null));
        }
        return super.visitMethod(method, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        lambdas.put(lambda, read(trees, classPath, lambda.getBody(), null));
        return super.visitLambdaExpression(lambda, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        if (elementOf(trees, classPath, reference) instanceof ExecutableElement method) {
          referenced.add(method);
        }
        return super.visitMemberReference(reference, null);
      }
    }.scan(classPath.getLeaf(), null);
    return new WrittenFields(bodies, lambdas, referenced, elements);
  }

  /**
   * The fields a call of {@code method} may write, through the bodies it reaches in the class; none
   * for a method whose body is elsewhere.
   */
  public Set<Element> of(ExecutableElement method) {
    Set<Element> known = reached.get(method);
    if (known != null) {
      return known;
    }
    Set<Element> result = reach(new Body(Set.of(), Set.of(method)));
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
   * The fields code of the class that is passed around as a function may write when it is run: each
   * lambda's body and each method a method reference names, and what they call.
   */
  private Set<Element> functional() {
    Set<Element> known = functional;
    if (known == null) {
      Set<Element> writes = new LinkedHashSet<>();
      lambdas.values().forEach(lambda -> writes.addAll(reach(lambda)));
      referenced.forEach(method -> writes.addAll(of(method)));
      known = Set.copyOf(writes);
      functional = known;
    }
    return known;
  }

  /** What {@code start} writes, and the bodies of the class it calls, and theirs. */
  private Set<Element> reach(Body start) {
    Set<Element> writes = new LinkedHashSet<>(start.writes());
    Deque<ExecutableElement> work = new ArrayDeque<>(start.calls());
    Set<ExecutableElement> seen = new HashSet<>(start.calls());
    while (!work.isEmpty()) {
      ExecutableElement next = work.pop();
      for (ExecutableElement other : overriders(next)) {
        if (seen.add(other)) {
          work.push(other);
        }
      }
      Body body = bodies.get(next);
      if (body == null) {
        continue;
      }
      writes.addAll(body.writes());
      for (ExecutableElement callee : body.calls()) {
        if (seen.add(callee)) {
          work.push(callee);
        }
      }
    }
    return Set.copyOf(writes);
  }

  /**
   * Forgets, in {@code state}, what a call of {@code method} with {@code arguments} may have
   * changed: what the method writes; what a lambda or method reference passed to it writes, which
   * it may run; and, for a call of a functional interface's method ({@code later.run()}), what any
   * lambda or method reference of the class writes, since it may be the one run.
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
      Tree bare = bare(argument);
      if (bare instanceof LambdaExpressionTree) {
        Body lambda = lambdas.get(bare);
        if (lambda != null) {
          kill(state, lambdaWrites.computeIfAbsent(bare, l -> reach(lambda)));
        }
      } else if (bare instanceof MemberReferenceTree
          && elementOf(trees, call, bare) instanceof ExecutableElement target) {
        kill(state, of(target));
      }
    }
    if (runsAFunction.computeIfAbsent(method, WrittenFields::runsAFunction)) {
      kill(state, functional());
    }
  }

  private static void kill(State state, Set<Element> fields) {
    for (Element field : fields) {
      state.kill(field);
    }
  }

  /** An expression without the parentheses and casts around it. */
  private static Tree bare(ExpressionTree expression) {
    ExpressionTree bare = expression;
    while (true) {
      if (bare instanceof ParenthesizedTree parenthesized) {
        bare = parenthesized.getExpression();
      } else if (bare instanceof TypeCastTree cast) {
        bare = cast.getExpression();
      } else {
        return bare;
      }
    }
  }

  /**
   * Whether {@code method} is the abstract method of a functional interface, which runs whatever
   * lambda or method reference the object is: the one abstract method its interface declares
   * besides those of {@code Object} it declares again ({@code Comparator.equals}).
   */
  private static boolean runsAFunction(ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.ABSTRACT)
        || !(method.getEnclosingElement() instanceof TypeElement type)
        || type.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    long abstractMethods =
        type.getEnclosedElements().stream()
            .filter(e -> e.getKind() == ElementKind.METHOD)
            .filter(e -> e.getModifiers().contains(Modifier.ABSTRACT))
            .filter(e -> !Lookup.isObjectMethod((ExecutableElement) e))
            .count();
    return abstractMethods == 1;
  }

  /**
   * What a body writes and calls; {@code constructorOf}, for a constructor's, the class whose new
   * object's own fields it writes without counting.
   */
  private static Body read(
      Trees trees, TreePath classPath, Tree code, @Nullable Element constructorOf) {
    Set<Element> writes = new HashSet<>();
    Set<ExecutableElement> calls = new HashSet<>();
    BodyWalk walk =
        new BodyWalk() {
          @Override
          @Nullable Element element(TreePath path) {
            return elementOf(trees, classPath, path.getLeaf());
          }

          @Override
          void runs(TreePath call) {
            if (element(call) instanceof ExecutableElement callee) {
              calls.add(callee);
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
