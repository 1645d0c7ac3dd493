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
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * What a method or constructor from a jar or class file may run of the objects handed to it: its
 * arguments, the object it is called on ({@code ops.contains(x)}, {@code isEmpty()} on {@code
 * this}), and the new object a class's {@code super(...)} makes. The jar's code may call, on each,
 * any method that a type of the object from a jar or class file declares, and so run the object's
 * implementation of it: {@code String.valueOf(tracer)} runs {@code tracer.toString()}, {@code new
 * ArrayList<>(ops)} and {@code ops.contains(x)} run {@code ops.size()}, {@code super(from)} in a
 * subclass of {@code HashSet} runs its {@code add}, {@code List.of(op).forEach(action)} runs {@code
 * action.accept}, {@code executor.execute(task)} runs {@code task.run()}. Each is a {@link Call} on
 * the object, as if the caller made it there:
 *
 * <ul>
 *   <li>on an object whose type is a functional interface, its function may be any function of it:
 *       an implementation in a class, an anonymous class, a lambda or a method reference ({@link
 *       OtherClassFunctions}); or, a local that only ever holds the lambda it is declared with,
 *       that lambda alone;
 *   <li>on an object of a class, or of an interface that is no function ({@code List}), a method
 *       runs the class's implementation of it, or an override of that in a subclass, and never a
 *       lambda; on an object of a final class, only the class's own.
 * </ul>
 *
 * A lambda or method reference written as the argument is read where it is written, not here. A
 * method of a type of the compilation that overrides none from a jar is not among them: a jar's
 * code cannot name it ({@code Objects.requireNonNull(step)} runs nothing of {@code step}). A final
 * class from a jar or class file ({@code String}, {@code Integer}) runs no code of the compilation,
 * and is skipped.
 */
final class JarCallbacks {
  private final Types types;
  private final Elements elements;

  /** Whether a top-level class comes from a jar or class file rather than a source. */
  private final Predicate<TypeElement> fromClassFile;

  /** Per top-level class asked about, whether it comes from a jar or class file. */
  private final Map<TypeElement, Boolean> classFile = new HashMap<>();

  /** Per class of an object, the methods a jar's code may run on it. */
  private final Map<TypeElement, List<ExecutableElement>> runnable = new HashMap<>();

  JarCallbacks(Types types, Elements elements, Predicate<TypeElement> fromClassFile) {
    this.types = types;
    this.elements = elements;
    this.fromClassFile = fromClassFile;
  }

  /**
   * The calls {@code call}, a call or object creation of {@code callee}, may make on the objects it
   * is handed when {@code callee} is from a jar or class file; none for a method of the
   * compilation, whose body tells what it runs.
   */
  List<Call> runBy(TreePath call, ExecutableElement callee, Call.Names names) {
    if (!fromAJar(callee)) {
      return List.of();
    }
    List<Call> out = new ArrayList<>();
    TypeElement object = Call.objectOf(call, callee, names, types);
    if (object != null && !runsNothing(callee)) {
      addCalls(object, Call.receiver(call), names, out); // a null receiver: this
    }
    for (ExpressionTree argument : arguments(call.getLeaf())) {
      Tree bare = Nodes.bare(argument);
      if (bare instanceof LambdaExpressionTree || bare instanceof MemberReferenceTree) {
        continue; // read where it is written
      }
      TreePath at = new TreePath(call, argument);
      TypeElement type = Call.classOf(names.type(at));
      if (type != null) {
        addCalls(type, at, names, out);
      }
    }
    return out;
  }

  /**
   * The calls a method from a jar or class file may make on an object of class {@code type} that it
   * runs on or is handed, where no tree holds the object ({@link ImplicitCalls}).
   */
  List<Call> onObject(TypeElement type, Call.Names names) {
    List<Call> out = new ArrayList<>();
    addCalls(type, null, names, out);
    return out;
  }

  /** Adds the calls a jar's code may make on an object of {@code type}, held at {@code at}. */
  private void addCalls(TypeElement type, @Nullable TreePath at, Call.Names names, List<Call> out) {
    for (ExecutableElement method : runnableOn(type)) {
      out.add(callOn(at, type, method, names));
    }
  }

  /**
   * The call of {@code method} on an object of class {@code type}, the argument or receiver at
   * {@code at} (null for {@code this}): on a local that only holds its lambda, that lambda; on an
   * object of a final class, its own method; else the method, or an override in a subclass of
   * {@code type}.
   */
  private static Call callOn(
      @Nullable TreePath at, TypeElement type, ExecutableElement method, Call.Names names) {
    if (at != null && Call.runsAFunction(method) && names.holdsOnlyItsLambda(at)) {
      return new Call(method, null, true);
    }
    return Call.on(type, method);
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
  boolean fromAJar(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement type && ofAClassFile(type);
  }

  /** Whether {@code type} (its top-level class) comes from a jar or class file. */
  private boolean ofAClassFile(TypeElement type) {
    TypeElement top = HelperBodies.outermost(type);
    return classFile.computeIfAbsent(top == null ? type : top, fromClassFile::test);
  }

  /**
   * The methods a jar's code may run on an object of {@code type}: for each method a type from a
   * jar or class file that {@code type} is or extends declares, and that a subclass may override
   * (an instance method, neither private nor final), the method of {@code type} that implements it
   * (itself where {@code type} has none). None for a final class from a jar, which runs no code of
   * the compilation.
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
    Set<ExecutableElement> out = new LinkedHashSet<>();
    for (ExecutableElement declared : jarDeclared(type)) {
      out.add(implementation(declared, type, members));
    }
    return List.copyOf(out);
  }

  /**
   * The methods a subclass may override that the types from a jar or class file that {@code type}
   * is or extends, directly or not, declare: {@code Object}'s among them.
   */
  private List<ExecutableElement> jarDeclared(TypeElement type) {
    Set<TypeElement> all = new LinkedHashSet<>(List.of(type));
    all.addAll(Overriders.supertypes(type, types));
    List<ExecutableElement> out = new ArrayList<>();
    for (TypeElement supertype : all) {
      if (ofAClassFile(supertype)) {
        for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
          Set<Modifier> modifiers = method.getModifiers();
          if (!modifiers.contains(Modifier.STATIC)
              && !modifiers.contains(Modifier.PRIVATE)
              && !modifiers.contains(Modifier.FINAL)) {
            out.add(method);
          }
        }
      }
    }
    return out;
  }

  /** The method of {@code type} that implements {@code declared}, or {@code declared}. */
  private ExecutableElement implementation(
      ExecutableElement declared, TypeElement type, List<ExecutableElement> members) {
    ExecutableElement found = declared;
    for (ExecutableElement member : members) {
      if (!member.equals(declared)
          && member.getSimpleName().equals(declared.getSimpleName())
          && elements.overrides(member, declared, type)
          && (found == declared || !member.getModifiers().contains(Modifier.ABSTRACT))) {
        found = member; // the concrete one, where an abstract one redeclares it too
      }
    }
    return found;
  }

  /**
   * Whether {@code constructor} is one that runs no method of the new object: {@code Object}'s,
   * {@code Enum}'s or {@code Record}'s, which every class, enum and record calls.
   */
  static boolean runsNothing(ExecutableElement constructor) {
    return constructor.getEnclosingElement() instanceof TypeElement type
        && (type.getQualifiedName().contentEquals("java.lang.Object")
            || type.getQualifiedName().contentEquals("java.lang.Enum")
            || type.getQualifiedName().contentEquals("java.lang.Record"));
  }
}
