package org.abiguard.processor.guard.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The named classes and interfaces of the compilation (its root classes, the top-level classes
 * javac analyses, and their member classes), and which of their methods a call that dispatches may
 * run instead of the one it names: each method with a body, of a subclass of the receiver's class
 * or of a class that subclass extends, that overrides it there ({@code step.apply(op)} runs {@code
 * ResetStep.apply}, written in another file). Local and anonymous classes are not among them: they
 * are not members of any class.
 *
 * <p>The index of subclasses is built at the first call that dispatches, when javac analyses
 * classes and every round of processing is over, so every root class is in it; a top-level class
 * javac analyses that is not a root (one compiled from the source path) is added when it is met.
 */
public final class Overriders {
  private final Types types;
  private final Elements elements;

  /** The root classes of the compilation: a live view, complete once processing is over. */
  private final Collection<? extends TypeElement> roots;

  /** The top-level classes javac has analysed. */
  private final Set<TypeElement> analysed = new HashSet<>();

  /** Per class, the compilation's classes that are subclasses of it; null until first needed. */
  private @Nullable Map<TypeElement, List<TypeElement>> subclasses;

  /** The classes the index holds. */
  private Set<TypeElement> indexed = Set.of();

  private final Map<Call, List<ExecutableElement>> known = new HashMap<>();

  /** Counts the times the index was built again, which makes what was found from it stale. */
  private int generation;

  public Overriders(Types types, Elements elements, Collection<? extends TypeElement> roots) {
    this.types = types;
    this.elements = elements;
    this.roots = roots;
  }

  /** Notes a top-level class javac has analysed (a class compiled from the source path is none). */
  public void analysed(TypeElement top) {
    if (analysed.add(top) && subclasses != null && !indexed.contains(top)) {
      subclasses = null;
      known.clear();
      generation++;
    }
  }

  /** The top-level classes of the compilation: its root classes and those javac analysed. */
  Set<TypeElement> topLevel() {
    Set<TypeElement> tops = new LinkedHashSet<>(roots);
    tops.addAll(analysed);
    return tops;
  }

  /** Changes when classes met since make earlier answers stale. */
  int generation() {
    return generation;
  }

  /**
   * The methods of the compilation's classes that {@code call} may run instead of the one it names;
   * none for a call that does not dispatch.
   */
  List<ExecutableElement> of(Call call) {
    if (call.dispatch() == null) {
      return List.of();
    }
    List<ExecutableElement> found = known.get(call);
    if (found == null) {
      found = find(call.method(), call.dispatch());
      known.put(call, found);
    }
    return found;
  }

  /** The compilation's named classes that extend or implement {@code type}, directly or not. */
  List<TypeElement> subclassesOf(TypeElement type) {
    return index().getOrDefault(type, List.of());
  }

  private List<ExecutableElement> find(ExecutableElement method, TypeElement from) {
    Set<ExecutableElement> found = new LinkedHashSet<>();
    for (TypeElement subclass : index().getOrDefault(from, List.of())) {
      // the subclass's own methods, and those it inherits from the classes it extends
      for (TypeElement type = subclass;
          type != null && indexed.contains(type);
          type = superclassOf(type)) {
        for (ExecutableElement candidate : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (!candidate.equals(method)
              && candidate.getSimpleName().equals(method.getSimpleName())
              && !candidate.getModifiers().contains(Modifier.ABSTRACT)
              && elements.overrides(candidate, method, subclass)) {
            found.add(candidate);
          }
        }
      }
    }
    return List.copyOf(found);
  }

  private Map<TypeElement, List<TypeElement>> index() {
    Map<TypeElement, List<TypeElement>> index = subclasses;
    if (index != null) {
      return index;
    }
    Set<TypeElement> all = new LinkedHashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>(roots);
    work.addAll(analysed);
    while (!work.isEmpty()) {
      TypeElement type = work.pop();
      if (all.add(type)) {
        try {
          work.addAll(ElementFilter.typesIn(type.getEnclosedElements()));
        } catch (RuntimeException e) {
          // a class javac cannot complete (a compile error of its own): it has no members to run
        }
      }
    }
    index = new HashMap<>();
    for (TypeElement type : all) {
      Set<TypeElement> supertypes;
      try {
        supertypes = supertypes(type, types);
      } catch (RuntimeException e) {
        continue; // as above: javac reports the class's own error
      }
      for (TypeElement supertype : supertypes) {
        index.computeIfAbsent(supertype, s -> new ArrayList<>()).add(type);
      }
    }
    indexed = all;
    subclasses = index;
    return index;
  }

  /** Every class and interface {@code type} extends or implements, directly or not. */
  static Set<TypeElement> supertypes(TypeElement type, Types types) {
    Set<TypeElement> out = new LinkedHashSet<>();
    Deque<TypeMirror> work = new ArrayDeque<>(types.directSupertypes(type.asType()));
    while (!work.isEmpty()) {
      TypeMirror next = work.pop();
      if (next instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement supertype
          && out.add(supertype)) {
        work.addAll(types.directSupertypes(next));
      }
    }
    return out;
  }

  /** The class {@code type} extends; null for {@code Object}, an interface, or one not known. */
  static @Nullable TypeElement superclassOf(TypeElement type) {
    Element superclass =
        type.getSuperclass() instanceof DeclaredType declared ? declared.asElement() : null;
    return superclass instanceof TypeElement element ? element : null;
  }
}
