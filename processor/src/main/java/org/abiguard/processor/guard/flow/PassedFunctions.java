package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a method or constructor from a jar or class file may run of the objects passed to it: the
 * function of each functional interface from a jar or class file that an argument's type is or
 * implements ({@code Runnable.run}, {@code Consumer.accept}, {@code Comparator.compare}), which the
 * jar's code knows and may call ({@code List.of(op).forEach(action)}, {@code
 * executor.execute(task)}, {@code new Thread(task)}). Each is a {@link Call} on the argument, as if
 * the caller made it there:
 *
 * <ul>
 *   <li>an argument whose type is a functional interface may be any function of it: an
 *       implementation in a class, an anonymous class, a lambda or a method reference ({@link
 *       OtherClassFunctions}); or, a local that only ever holds the lambda it is declared with,
 *       that lambda alone;
 *   <li>an argument of a class, or of an interface that is no function ({@code List}, whose {@code
 *       Iterable.iterator} a jar may call), is an object of that class or of a subclass: its
 *       implementation of the function, or an override of it, and never a lambda.
 * </ul>
 *
 * A lambda or method reference written as the argument is read where it is written, not here. A
 * function of an interface of the compilation that extends none from a jar is not among them: a
 * jar's code cannot name it. A final class from a jar or class file ({@code String}, {@code
 * Integer}) runs no code of the compilation, and is skipped.
 */
final class PassedFunctions {
  private final Types types;
  private final Elements elements;

  /** Whether a top-level class comes from a jar or class file rather than a source. */
  private final Predicate<TypeElement> fromClassFile;

  /** Per top-level class asked about, whether it comes from a jar or class file. */
  private final Map<TypeElement, Boolean> classFile = new HashMap<>();

  /** Per class of an argument, the methods a jar's code may run on an object of it. */
  private final Map<TypeElement, List<ExecutableElement>> runnable = new HashMap<>();

  PassedFunctions(Types types, Elements elements, Predicate<TypeElement> fromClassFile) {
    this.types = types;
    this.elements = elements;
    this.fromClassFile = fromClassFile;
  }

  /**
   * The calls {@code call}, a call or object creation of {@code callee}, may make on its arguments
   * when {@code callee} is from a jar or class file; none for a method of the compilation, whose
   * body tells what it runs.
   */
  List<Call> runBy(TreePath call, ExecutableElement callee, Call.Names names) {
    List<? extends ExpressionTree> arguments = arguments(call.getLeaf());
    if (arguments.isEmpty() || !fromAJar(callee)) {
      return List.of();
    }
    List<Call> out = new ArrayList<>();
    for (ExpressionTree argument : arguments) {
      Tree bare = Nodes.bare(argument);
      if (bare instanceof LambdaExpressionTree || bare instanceof MemberReferenceTree) {
        continue; // read where it is written
      }
      TreePath at = new TreePath(call, argument);
      TypeElement type = Call.classOf(names.type(at));
      if (type == null) {
        continue;
      }
      for (ExecutableElement method : runnableOn(type)) {
        out.add(callOn(at, type, method, names));
      }
    }
    return out;
  }

  /**
   * The call of {@code method} on the argument at {@code at}, of class {@code type}: on a local
   * that only holds its lambda, that lambda; on an object of a final class, its own method; else
   * the method, or an override in a subclass of {@code type}.
   */
  private static Call callOn(
      TreePath at, TypeElement type, ExecutableElement method, Call.Names names) {
    if (Call.runsAFunction(method) && names.holdsOnlyItsLambda(at)) {
      return new Call(method, null, true);
    }
    return type.getModifiers().contains(Modifier.FINAL)
        ? Call.exact(method)
        : new Call(method, type, false);
  }

  private static List<? extends ExpressionTree> arguments(Tree call) {
    if (call instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    if (call instanceof NewClassTree creation) {
      return creation.getArguments();
    }
    return List.of();
  }

  /** Whether {@code method} is of a class from a jar or class file. */
  private boolean fromAJar(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement type && ofAClassFile(type);
  }

  /** Whether {@code type} (its top-level class) comes from a jar or class file. */
  private boolean ofAClassFile(TypeElement type) {
    TypeElement top = HelperBodies.outermost(type);
    return classFile.computeIfAbsent(top == null ? type : top, fromClassFile::test);
  }

  /**
   * The methods a jar's code may run on an object of {@code type}: for each functional interface
   * from a jar that it is or implements, the method of {@code type} that implements the function
   * (the function itself where {@code type} has none, an interface). None for a final class from a
   * jar, which runs no code of the compilation.
   */
  private List<ExecutableElement> runnableOn(TypeElement type) {
    return runnable.computeIfAbsent(type, this::find);
  }

  private List<ExecutableElement> find(TypeElement type) {
    if (type.getModifiers().contains(Modifier.FINAL) && ofAClassFile(type)) {
      return List.of();
    }
    List<ExecutableElement> members;
    try {
      members = ElementFilter.methodsIn(elements.getAllMembers(type));
    } catch (RuntimeException e) {
      return List.of(); // a class javac cannot complete: it reports its own error
    }
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement function : functions(type)) {
      out.add(implementation(function, type, members));
    }
    return List.copyOf(out);
  }

  /**
   * The function of each functional interface from a jar or class file that {@code type} is or
   * implements, directly or not.
   */
  private List<ExecutableElement> functions(TypeElement type) {
    Set<TypeElement> all = new LinkedHashSet<>(List.of(type));
    all.addAll(Overriders.supertypes(type, types));
    List<ExecutableElement> out = new ArrayList<>();
    for (TypeElement supertype : all) {
      if (supertype.getKind() == ElementKind.INTERFACE && ofAClassFile(supertype)) {
        for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
          if (Call.runsAFunction(method)) {
            out.add(method);
          }
        }
      }
    }
    return out;
  }

  /** The method of {@code type} that implements {@code function}, or {@code function}. */
  private ExecutableElement implementation(
      ExecutableElement function, TypeElement type, List<ExecutableElement> members) {
    ExecutableElement found = function;
    for (ExecutableElement member : members) {
      if (!member.equals(function)
          && member.getSimpleName().equals(function.getSimpleName())
          && elements.overrides(member, function, type)
          && (found == function || !member.getModifiers().contains(Modifier.ABSTRACT))) {
        found = member; // the concrete one, where an abstract one redeclares it too
      }
    }
    return found;
  }
}
