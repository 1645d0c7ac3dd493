package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The fields each method and constructor of the class analysed may write when called, directly or
 * through the methods and constructors of that class it calls: so that a call of one forgets what
 * the caller had checked of those fields ({@code if (op.size > MAX) return; advance(op);
 * use(op.size);} where {@code advance} writes {@code op.size}), where a check would otherwise
 * survive the call. A field is forgotten wherever its object is: a write of {@code other.size} in
 * the method forgets {@code op.size} too.
 *
 * <p>Only bodies in the class analysed (its member, local and anonymous classes, and lambdas in it,
 * included) are read: a method of another class, or of a jar, is taken not to write what its caller
 * checked, as before. A constructor's writes of the new object's own fields ({@code this.size =
 * size}) write no object its caller holds, and do not count.
 */
public final class WrittenFields {
  /** What each body writes itself, and the bodies of the class it calls. */
  private record Body(Set<Element> writes, Set<ExecutableElement> calls) {}

  private final Map<ExecutableElement, Body> bodies;
  private final Map<ExecutableElement, Set<Element>> reached = new HashMap<>();

  private WrittenFields(Map<ExecutableElement, Body> bodies) {
    this.bodies = bodies;
  }

  /** The bodies of the class at {@code classPath}, read by one walk of its trees. */
  public static WrittenFields of(Trees trees, TreePath classPath) {
    Map<ExecutableElement, Body> bodies = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (elementOf(trees, classPath, method) instanceof ExecutableElement executable
            && method.getBody() != null) {
          bodies.put(executable, read(trees, classPath, executable, method));
        }
        return super.visitMethod(method, null);
      }
    }.scan(classPath.getLeaf(), null);
    return new WrittenFields(bodies);
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
    Set<Element> writes = new LinkedHashSet<>();
    Deque<ExecutableElement> work = new ArrayDeque<>();
    Set<ExecutableElement> seen = new HashSet<>();
    work.push(method);
    seen.add(method);
    while (!work.isEmpty()) {
      Body body = bodies.get(work.pop());
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
    Set<Element> result = Set.copyOf(writes);
    reached.put(method, result);
    return result;
  }

  /** Forgets, in {@code state}, what a call of {@code method} may have changed. */
  void forget(State state, ExecutableElement method) {
    if (!state.reachable()) {
      return;
    }
    for (Element field : of(method)) {
      state.kill(field);
    }
  }

  private static Body read(
      Trees trees, TreePath classPath, ExecutableElement executable, MethodTree method) {
    boolean constructor = executable.getKind() == ElementKind.CONSTRUCTOR;
    Element owner = executable.getEnclosingElement();
    Set<Element> writes = new HashSet<>();
    Set<ExecutableElement> calls = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        written(assignment.getVariable());
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        written(assignment.getVariable());
        return super.visitCompoundAssignment(assignment, null);
      }

      @Override
      public Void visitUnary(UnaryTree unary, Void unused) {
        switch (unary.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              written(unary.getExpression());
          default -> {}
        }
        return super.visitUnary(unary, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (elementOf(trees, classPath, call) instanceof ExecutableElement callee) {
          calls.add(callee);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree creation, Void unused) {
        if (elementOf(trees, classPath, creation) instanceof ExecutableElement callee) {
          calls.add(callee);
        }
        return super.visitNewClass(creation, null);
      }

      private void written(ExpressionTree target) {
        Element field = elementOf(trees, classPath, target);
        if (field == null || !field.getKind().isField()) {
          return;
        }
        if (constructor
            && ownField(target)
            && Objects.equals(owner, field.getEnclosingElement())
            && !field.getModifiers().contains(Modifier.STATIC)) {
          return; // the new object's own field: no object the caller holds
        }
        writes.add(field);
      }

      private boolean ownField(ExpressionTree target) {
        return target instanceof IdentifierTree
            || (target instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree receiver
                && receiver.getName().contentEquals("this"));
      }
    }.scan(method.getBody(), null);
    return new Body(writes, calls);
  }

  private static @Nullable Element elementOf(Trees trees, TreePath classPath, Tree tree) {
    try {
      return trees.getElement(new TreePath(classPath, tree));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
