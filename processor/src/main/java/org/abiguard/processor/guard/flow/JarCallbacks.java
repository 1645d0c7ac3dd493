package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
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
 * action.accept}, {@code executor.execute(task)} runs {@code task.run()}. It may do the same on the
 * objects each of those holds, as far as its type tells ({@link #held}): {@code
 * String.valueOf(ops)}, for a {@code List<Op>}, runs each {@code Op}'s {@code toString()}. Each is
 * a {@link Call} on the object, as if the caller made it there:
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
  private final Overriders overriders;

  /** Whether a top-level class comes from a jar or class file rather than a source. */
  private final Predicate<TypeElement> fromClassFile;

  /** Per top-level class asked about, whether it comes from a jar or class file. */
  private final Map<TypeElement, Boolean> classFile = new HashMap<>();

  /** Per class of an object, the methods a jar's code may run on it. */
  private final Map<TypeElement, List<ExecutableElement>> runnable = new HashMap<>();

  /**
   * Per class, used without type arguments, the classes of the objects it holds ({@link #held}).
   */
  private final Map<TypeElement, Set<TypeElement>> heldByClass = new HashMap<>();

  private @Nullable TypeElement objectClass;

  /**
   * Per class, the compilation's named classes that extend it and have code a jar's may run that
   * the class does not show ({@link #jarSubclasses}), as {@link Overriders} knew them at {@link
   * #generation}.
   */
  private final Map<TypeElement, List<TypeElement>> jarSubclasses = new HashMap<>();

  private int generation = -1;

  JarCallbacks(
      Types types, Elements elements, Overriders overriders, Predicate<TypeElement> fromClassFile) {
    this.types = types;
    this.elements = elements;
    this.overriders = overriders;
    this.fromClassFile = fromClassFile;
  }

  /**
   * The calls {@code call}, a call or object creation of {@code callee}, may make on the objects it
   * is handed, and on the objects they hold, when {@code callee} is from a jar or class file; none
   * for a method of the compilation, whose body tells what it runs.
   */
  List<Call> runBy(TreePath call, ExecutableElement callee, Call.Names names) {
    if (!fromAJar(callee) || runsNothing(callee)) {
      return List.of();
    }
    Handed handed = new Handed(names);
    TypeMirror object = Call.objectTypeOf(call, callee, names, types);
    if (object != null) {
      handed.add(object, Call.receiver(call)); // a null receiver: this
    }
    for (ExpressionTree argument : arguments(call.getLeaf())) {
      Tree bare = Nodes.bare(argument);
      if (bare instanceof LambdaExpressionTree || bare instanceof MemberReferenceTree) {
        continue; // read where it is written
      }
      TreePath at = new TreePath(call, argument);
      TypeMirror type = names.type(at);
      if (type != null) {
        handed.add(type, at);
      }
    }
    return handed.calls;
  }

  /**
   * The calls a method from a jar or class file may make on an object of type {@code type} that it
   * runs on or is handed, and on the objects it holds, where no tree holds the object ({@link
   * ImplicitCalls}).
   */
  List<Call> onObject(TypeMirror type, Call.Names names) {
    Handed handed = new Handed(names);
    handed.add(type, null);
    return handed.calls;
  }

  /**
   * The calls of one jar's call on the objects handed to it, each class's once: on each object, and
   * on each object it holds ({@link #held}).
   */
  private final class Handed {
    private final Call.Names names;
    private final Set<TypeElement> done = new HashSet<>();
    final List<Call> calls = new ArrayList<>();

    Handed(Call.Names names) {
      this.names = names;
    }

    /** Adds the calls on an object of type {@code type}, held at {@code at} (null: no tree). */
    void add(TypeMirror type, @Nullable TreePath at) {
      TypeElement object = Call.classOf(type);
      if (object != null) {
        add(object, at);
      }
      for (TypeElement each : held(type)) {
        add(each, null);
      }
    }

    /**
     * Adds the calls on an object of class {@code type}, and on one of each class of the
     * compilation that extends it whose code a jar's may run beyond what {@code type} shows ({@link
     * #jarSubclasses}).
     */
    private void add(TypeElement type, @Nullable TreePath at) {
      if (done.add(type)) {
        addCalls(type, at, names, calls);
        for (TypeElement subclass : jarSubclasses(type)) {
          if (done.add(subclass)) {
            addCalls(subclass, null, names, calls);
          }
        }
      }
    }
  }

  /**
   * The compilation's named classes that extend or implement {@code type} and whose objects a jar's
   * code may run more of than {@code type} shows, whatever type they are reached as:
   *
   * <ul>
   *   <li>one that extends a class from a jar or class file other than {@code Object}, {@code Enum}
   *       and {@code Record} ({@code class Ops extends AbstractList<Op>}): its inherited methods
   *       are that class's code, which may call any of its overrides; {@code
   *       String.valueOf(object)}, for an {@code Object} that is such an {@code Ops}, runs {@code
   *       AbstractCollection.toString}, which runs its {@code size()};
   *   <li>one that implements an interface from a jar or class file that {@code type} is not, with
   *       a method to call: a jar's code may test the object's class and call it ({@code
   *       Arrays.sort} of an {@code Object[]} runs each element's {@code compareTo}, a {@code
   *       Collection} reached as an {@code Iterable} may have its {@code size()} called).
   * </ul>
   */
  private List<TypeElement> jarSubclasses(TypeElement type) {
    if (generation != overriders.generation()) {
      generation = overriders.generation(); // classes met since: found again
      jarSubclasses.clear();
    }
    List<TypeElement> found = jarSubclasses.get(type);
    if (found == null) {
      List<TypeElement> out = new ArrayList<>();
      for (TypeElement subclass : overriders.subclassesOf(type)) {
        if (extendsAJarClass(subclass) || implementsAnotherJarInterface(subclass, type)) {
          out.add(subclass);
        }
      }
      found = List.copyOf(out);
      jarSubclasses.put(type, found);
    }
    return found;
  }

  /**
   * Whether {@code type} extends, directly or not, a class from a jar or class file whose code may
   * run its overrides: any but {@code Object}, {@code Enum} and {@code Record}.
   */
  private boolean extendsAJarClass(TypeElement type) {
    for (TypeElement superclass = Overriders.superclassOf(type);
        superclass != null;
        superclass = Overriders.superclassOf(superclass)) {
      if (ofAClassFile(superclass)) {
        return !runsNoMethodOfItsSubclasses(superclass);
      }
    }
    return false;
  }

  /**
   * Whether {@code type} implements, directly or not, an interface from a jar or class file that
   * {@code of} is not, and that declares a method a class may implement.
   */
  private boolean implementsAnotherJarInterface(TypeElement type, TypeElement of) {
    Set<TypeElement> supertypes;
    try {
      supertypes = Overriders.supertypes(type, types);
    } catch (RuntimeException e) {
      return false; // a class javac cannot complete: it reports its own error
    }
    for (TypeElement supertype : supertypes) {
      if (supertype.getKind() == ElementKind.INTERFACE
          && ofAClassFile(supertype)
          && !types.isSubtype(types.erasure(of.asType()), types.erasure(supertype.asType()))
          && declaresAnInstanceMethod(supertype)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresAnInstanceMethod(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.STATIC)
          && !method.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the calls a jar's code may make on an object of {@code type}, held at {@code at}. */
  private void addCalls(TypeElement type, @Nullable TreePath at, Call.Names names, List<Call> out) {
    for (ExecutableElement method : runnableOn(type)) {
      out.add(callOn(at, type, method, names));
    }
  }

  /**
   * The classes of the objects that an object of type {@code type} holds, as far as its type tells:
   * the elements of an array, and the objects each type argument of its type and of the types it
   * extends stands for ({@code List<Op>}'s and {@code Optional<Op>}'s {@code Op}, a {@code Map<K,
   * V>}'s keys and values, the {@code Op} of a class that extends {@code ArrayList<Op>}), each with
   * the objects it holds in turn. A type variable or wildcard stands for objects of its bound's
   * class ({@code ?} and {@code ? super Op}: {@code Object}), and a raw type ({@code List}) holds
   * objects of any class. A jar's code may reach each: {@code list.toString()} runs each element's
   * {@code toString()}, {@code Collections.sort(list)} its {@code compareTo}. A {@code Class<Op>}
   * holds no {@code Op}.
   */
  private Set<TypeElement> held(TypeMirror type) {
    if (type instanceof DeclaredType declared
        && declared.getTypeArguments().isEmpty()
        && declared.asElement() instanceof TypeElement element) {
      return heldByClass.computeIfAbsent(element, e -> heldBy(e.asType())); // no arguments
    }
    return heldBy(type);
  }

  private Set<TypeElement> heldBy(TypeMirror type) {
    Set<TypeElement> out = new LinkedHashSet<>();
    try {
      collect(type, false, out, new HashSet<>());
    } catch (RuntimeException e) {
      // a type javac cannot complete (a compile error of its own): nothing more is known of it
    }
    return Set.copyOf(out);
  }

  /**
   * Adds to {@code out} the classes of the objects an object of {@code type} holds, and, where
   * {@code itself}, the object's own class ({@code type} is then what a type argument or an array
   * component stands for).
   */
  private void collect(TypeMirror type, boolean itself, Set<TypeElement> out, Set<String> seen) {
    switch (type.getKind()) {
      case ARRAY -> collect(((ArrayType) type).getComponentType(), true, out, seen);
      case TYPEVAR -> collect(((TypeVariable) type).getUpperBound(), itself, out, seen);
      case INTERSECTION -> {
        for (TypeMirror bound : ((IntersectionType) type).getBounds()) {
          collect(bound, itself, out, seen);
        }
      }
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        collect(bound != null ? bound : object().asType(), itself, out, seen);
      }
      case DECLARED -> {
        if (itself && ((DeclaredType) type).asElement() instanceof TypeElement element) {
          out.add(element);
        }
        Deque<TypeMirror> work = new ArrayDeque<>(List.of(type));
        while (!work.isEmpty()) {
          TypeMirror next = work.pop();
          if (!(next instanceof DeclaredType declared)
              || !seen.add(next.toString())
              || names(declared, "java.lang.Class")) {
            continue; // a Class<Op> holds no Op
          }
          List<? extends TypeMirror> arguments = declared.getTypeArguments();
          if (arguments.isEmpty()
              && declared.asElement() instanceof TypeElement generic
              && !generic.getTypeParameters().isEmpty()) {
            out.add(object()); // a raw type: objects of any class
          }
          for (TypeMirror argument : arguments) {
            collect(argument, true, out, seen);
          }
          work.addAll(types.directSupertypes(next)); // with the type arguments put in
        }
      }
      default -> {}
    }
  }

  private static boolean names(DeclaredType type, String qualifiedName) {
    return type.asElement() instanceof TypeElement element
        && element.getQualifiedName().contentEquals(qualifiedName);
  }

  private TypeElement object() {
    TypeElement found = objectClass;
    if (found == null) {
      found = elements.getTypeElement("java.lang.Object");
      if (found == null) {
        throw new IllegalStateException("java.lang.Object is not on the class path");
      }
      objectClass = found;
    }
    return found;
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
   * Whether {@code callee}, from a jar, runs no method of the objects it is handed: a constructor
   * of {@code Object}, {@code Enum} or {@code Record}, which every class, enum and record calls and
   * which is handed nothing a class of the compilation implements, and a final method of {@code
   * Object} ({@code getClass()}, {@code notify()}, {@code wait()}), the JVM's own code.
   */
  static boolean runsNothing(ExecutableElement callee) {
    if (!(callee.getEnclosingElement() instanceof TypeElement type)) {
      return false;
    }
    return callee.getKind() == ElementKind.CONSTRUCTOR
        ? runsNoMethodOfItsSubclasses(type)
        : callee.getModifiers().contains(Modifier.FINAL)
            && type.getQualifiedName().contentEquals("java.lang.Object");
  }

  /**
   * {@code Object}, {@code Enum} and {@code Record}: classes every class, enum or record extends,
   * whose constructors run no method of the new object, and whose methods' runs of a subclass's
   * methods ({@code Object.toString} calls {@code hashCode()}) the calls on an object of any class
   * already hold.
   */
  private static boolean runsNoMethodOfItsSubclasses(TypeElement type) {
    return type.getQualifiedName().contentEquals("java.lang.Object")
        || type.getQualifiedName().contentEquals("java.lang.Enum")
        || type.getQualifiedName().contentEquals("java.lang.Record");
  }
}
