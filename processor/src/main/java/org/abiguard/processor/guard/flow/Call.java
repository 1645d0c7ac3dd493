package org.abiguard.processor.guard.flow;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * What a call, object creation or method reference may run: the method or constructor it names,
 * and, where the call dispatches on its receiver's class ({@code step.apply(op)}, {@code hook(op)}
 * on {@code this}), the class of the receiver ({@code dispatch}), whose subclasses' overrides of
 * the method may run instead ({@link Overriders}). {@code dispatch} is null for a call that runs
 * only what it names: a constructor, a static, private or final method, a method of a final class,
 * or {@code super.m()}. {@code ownLambda} marks a call of a functional interface's method on a
 * local that holds only the lambda it is declared with: it runs that lambda of the class the call
 * is in, and none of another class.
 */
record Call(ExecutableElement method, @Nullable TypeElement dispatch, boolean ownLambda) {

  /** A call that runs {@code method} and nothing else. */
  static Call exact(ExecutableElement method) {
    return new Call(method, null, false);
  }

  /** How the trees of a body name things: javac's own, or a source parsed again's. */
  interface Names {
    /** The element a tree names, or null. */
    @Nullable Element element(TreePath path);

    /** The type of an expression, or null when not known. */
    @Nullable TypeMirror type(TreePath path);

    /** The classes a tree is in, the innermost first. */
    List<TypeElement> enclosingClasses(TreePath path);

    /**
     * Whether {@code receiver} is a local variable that only ever holds the lambda it is declared
     * with ({@code IntSupplier next = () -> ...;}, never assigned again): a call of its function
     * runs that lambda, and no other code of the compilation. False when not known.
     */
    default boolean holdsOnlyItsLambda(TreePath receiver) {
      return false;
    }

    /** How javac's attributed trees of the class analysed name things. */
    static Names of(Trees trees) {
      return new JavacNames(trees);
    }
  }

  /**
   * What {@code site}, a call or method reference that resolves to {@code method}, may run: where
   * it dispatches, on the class of its receiver as far as it is known (its static type, the class
   * the call is written in for a call on {@code this}), else on the class that declares the method.
   */
  static Call at(TreePath site, ExecutableElement method, Names names, Types types) {
    if (!(method.getEnclosingElement() instanceof TypeElement declaring)
        || !dispatches(method, declaring)) {
      return exact(method);
    }
    TreePath receiver = receiver(site);
    if (receiver != null && runsAFunction(method) && names.holdsOnlyItsLambda(receiver)) {
      return new Call(method, null, true); // the lambda of the class the local holds
    }
    TypeElement from;
    if (receiver == null) {
      from = enclosingSubclass(site, declaring, names, types); // a call on this
    } else if (isSuper(receiver.getLeaf())) {
      return exact(method);
    } else if (names.element(receiver) instanceof TypeElement named) {
      from = named; // Type::method
    } else {
      TypeElement typed = classOf(names.type(receiver));
      from = typed != null && subclass(typed, declaring, types) ? typed : declaring;
    }
    return on(from, method);
  }

  /**
   * A call of {@code method} on an object of class {@code type}: on a final class, the method
   * alone; else the method, or an override of it in a subclass of {@code type}.
   */
  static Call on(TypeElement type, ExecutableElement method) {
    return type.getModifiers().contains(Modifier.FINAL)
        ? exact(method)
        : new Call(method, type, false);
  }

  /**
   * The class of the object {@code site}, a call that resolves to {@code method}, runs it on, as
   * far as it is known: for an instance method, its receiver's static type, or, called on {@code
   * this} or {@code super}, the class the call is written in that inherits it; for {@code
   * super(...)}, the class whose constructor makes the call. Null for a static method, an object
   * creation (whose object is of the class it names, or of an anonymous class) or a type not known.
   */
  static @Nullable TypeElement objectOf(
      TreePath site, ExecutableElement method, Names names, Types types) {
    return classOf(objectTypeOf(site, method, names, types));
  }

  /**
   * The type of the object {@link #objectOf} gives the class of: the receiver's static type, with
   * its type arguments ({@code List<Op>}), or the class's own type for {@code this} and {@code
   * super}.
   */
  static @Nullable TypeMirror objectTypeOf(
      TreePath site, ExecutableElement method, Names names, Types types) {
    if (!(site.getLeaf() instanceof MethodInvocationTree)
        || method.getModifiers().contains(Modifier.STATIC)
        || !(method.getEnclosingElement() instanceof TypeElement declaring)) {
      return null;
    }
    TreePath receiver = receiver(site);
    if (receiver == null || isSuper(receiver.getLeaf())) {
      // this, super.m(), super(...)
      return enclosingSubclass(site, declaring, names, types).asType();
    }
    return names.element(receiver) instanceof TypeElement ? null : names.type(receiver);
  }

  /** Whether a call of {@code method} may run an override of it. */
  private static boolean dispatches(ExecutableElement method, TypeElement declaring) {
    return method.getKind() == ElementKind.METHOD
        && !method.getModifiers().contains(Modifier.STATIC)
        && !method.getModifiers().contains(Modifier.PRIVATE)
        && !method.getModifiers().contains(Modifier.FINAL)
        && !declaring.getModifiers().contains(Modifier.FINAL);
  }

  /** The receiver of a call or method reference, as a path; null for an unqualified call. */
  static @Nullable TreePath receiver(TreePath site) {
    if (site.getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select) {
      return new TreePath(new TreePath(site, select), select.getExpression());
    }
    if (site.getLeaf() instanceof MemberReferenceTree reference) {
      return new TreePath(site, reference.getQualifierExpression());
    }
    return null;
  }

  /** {@code super}, or {@code Outer.super}, {@code Interface.super}. */
  private static boolean isSuper(com.sun.source.tree.Tree receiver) {
    return (receiver instanceof IdentifierTree named && named.getName().contentEquals("super"))
        || (receiver instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("super"));
  }

  /** The innermost class around {@code site} that inherits {@code declaring}'s method. */
  private static TypeElement enclosingSubclass(
      TreePath site, TypeElement declaring, Names names, Types types) {
    for (TypeElement type : names.enclosingClasses(site)) {
      if (subclass(type, declaring, types)) {
        return type;
      }
    }
    return declaring;
  }

  private static boolean subclass(TypeElement type, TypeElement of, Types types) {
    return types.isSubtype(types.erasure(type.asType()), types.erasure(of.asType()));
  }

  /** The class of a receiver's type (a type variable's bound's); null when it has none. */
  static @Nullable TypeElement classOf(@Nullable TypeMirror type) {
    if (type instanceof TypeVariable variable) {
      return classOf(variable.getUpperBound());
    }
    return type != null && type.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) type).asElement()
        : null;
  }

  /**
   * Whether {@code method} is the abstract method of a functional interface, which runs whatever
   * lambda or method reference the object is: the one abstract method its interface declares
   * besides those of {@code Object} it declares again ({@code Comparator.equals}).
   */
  static boolean runsAFunction(ExecutableElement method) {
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
}
