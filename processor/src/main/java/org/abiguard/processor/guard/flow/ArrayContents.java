package org.abiguard.processor.guard.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * What may be written into the arrays of a body that can end up in an {@code @AbiArray}.
 *
 * <p>An array is named by where it comes from: an array creation ({@link NewArrayTree}), an
 * {@code @AbiArray} field or component (its element), a plain array field, or the array a variable
 * was given on entry (the variable's element), and any other expression (a call's result, by its
 * tree). The state says which of these each local array variable and array parameter may refer to
 * at each point ({@link State#arrays}), so that assigning a variable a new array leaves behind what
 * was written into the old one, and two variables that refer to one array share what is written
 * through either. What is written into each array, and the {@code @AbiArray} an array was stored
 * into, are kept for the whole body (an array written at any point may be stored at any other).
 */
final class ArrayContents {
  private final Parts parts;

  ArrayContents(Parts parts) {
    this.parts = parts;
  }

  /** The arrays an array expression may evaluate to here. */
  Set<Object> arraysOf(TreePath arrayExpression) {
    TreePath bare = AccessPaths.skipParentheses(arrayExpression);
    Tree leaf = bare.getLeaf();
    if (leaf instanceof NewArrayTree) {
      return Set.of(leaf);
    }
    if (leaf instanceof ConditionalExpressionTree conditional) {
      Set<Object> either =
          new HashSet<>(arraysOf(new TreePath(bare, conditional.getTrueExpression())));
      either.addAll(arraysOf(new TreePath(bare, conditional.getFalseExpression())));
      return either;
    }
    if (leaf instanceof AssignmentTree assignment) {
      return arraysOf(new TreePath(bare, assignment.getExpression()));
    }
    if (leaf instanceof TypeCastTree cast) {
      return arraysOf(new TreePath(bare, cast.getExpression()));
    }
    if (leaf instanceof LiteralTree literal && literal.getKind() == Tree.Kind.NULL_LITERAL) {
      return Set.of();
    }
    Element element = element(bare);
    if (element != null && parts.declarations.elementWidth(element) != null) {
      return Set.of(element);
    }
    if (element != null && isArrayVariable(element) && leaf instanceof IdentifierTree) {
      return parts.frame.state.arrays(element);
    }
    if (element != null
        && element.getKind() == ElementKind.FIELD
        && element.asType() instanceof ArrayType) {
      return Set.of(element);
    }
    return Set.of(leaf);
  }

  /**
   * The {@code @AbiArray} field or component an array expression is: read directly, or an array
   * that was stored into one or read from one (from then on, for the whole body, so that no store
   * through any variable that refers to it is missed); otherwise the expression's own element.
   */
  @Nullable Element arrayOf(TreePath arrayExpression) {
    Element element = element(AccessPaths.skipParentheses(arrayExpression));
    if (element != null && parts.declarations.elementWidth(element) != null) {
      return element;
    }
    for (Object array : arraysOf(arrayExpression)) {
      Element declared = declaredArray(array);
      Element field = declared != null ? declared : parts.context.arrayStores.get(array);
      if (field != null) {
        return field;
      }
    }
    return element;
  }

  /** The element an expression reads; for a record's accessor, the component it returns. */
  private @Nullable Element element(TreePath expression) {
    Element element = parts.context.elementOf(expression);
    return element == null ? null : parts.declarations.componentOfAccessor(element);
  }

  /** A variable (a record pattern's binding) now refers to the array {@code array} is. */
  void refersTo(Element variable, Element array) {
    if (isArrayVariable(variable) && parts.frame.reachable()) {
      parts.frame.state.refer(variable, Set.of(array));
    }
  }

  /** Remembers a value written into an element of whatever array the expression may be. */
  void noteElementWrite(
      TreePath arrayExpression, @Nullable Fact value, @Nullable JavaKind kind, TreePath at) {
    for (Object array : arraysOf(arrayExpression)) {
      if (declaredArray(array) == null) {
        parts
            .context
            .arrayWrites
            .computeIfAbsent(array, k -> new LinkedHashMap<>())
            .put(at.getLeaf(), new Context.ElementWrite(value, kind, at));
      }
    }
  }

  /**
   * A local array whose elements the state tracks one by one ({@link LocalArrays}) was declared
   * with the array {@code created} makes: each element starts as its initializer, or zero.
   */
  void created(Element local, TreePath declaration, TreePath created) {
    LocalArrays.Tracked tracked = parts.context.localArrays.of(local, declaration, parts.context);
    if (tracked == null
        || !parts.frame.reachable()
        || !(created.getLeaf() instanceof NewArrayTree newArray)) {
      return;
    }
    JavaKind kind = tracked.kind();
    Map<Tree, Context.ElementWrite> writes = parts.context.arrayWrites.get(newArray);
    for (int i = 0; i < tracked.length(); i++) {
      Fact value;
      if (newArray.getInitializers() != null) {
        Context.ElementWrite write =
            writes == null ? null : writes.get(newArray.getInitializers().get(i));
        value = write == null ? null : Arith.convert(write.value(), write.kind(), kind);
      } else {
        value = Fact.plain(Range.point(java.math.BigInteger.ZERO), "constant 0x0");
      }
      parts.frame.state.put(AccessPath.element(local, i, kind), value);
    }
  }

  /**
   * A write of {@code value} (in the element's type) into an element, where {@code target} is one
   * of a local array tracked one by one: that element holds it from now on, and nothing proved of
   * its old value holds.
   */
  void elementWritten(TreePath target, @Nullable Fact value) {
    AccessPath element = parts.paths.of(target);
    if (element == null || element.elementKind() == null || !parts.frame.reachable()) {
      return;
    }
    parts.frame.state.forget(element);
    parts.frame.state.put(element, value);
    parts.frame.noteUpdate();
  }

  /** An array variable was declared with, or assigned, the array {@code value} is. */
  void noteAssigned(@Nullable Element variable, TreePath value) {
    if (variable != null && isArrayVariable(variable) && parts.frame.reachable()) {
      parts.frame.state.refer(variable, arraysOf(value));
    }
  }

  /**
   * {@code System.arraycopy} copied elements of {@code source} into the array {@code destination}
   * is (not an {@code @AbiArray}): it now holds what {@code source} may hold, an
   * {@code @AbiArray}'s declared elements, and for any other array of unknown contents its Java
   * type's values.
   */
  void noteCopied(TreePath destination, TreePath source) {
    Map<Tree, Context.ElementWrite> copied = new LinkedHashMap<>();
    JavaKind kind = elementKind(source);
    for (Object array : arraysOf(source)) {
      Fact declared = declaredElements(array);
      Map<Tree, Context.ElementWrite> writes = parts.context.arrayWrites.get(array);
      if (declared != null) {
        copied.put(source.getLeaf(), new Context.ElementWrite(declared, kind, source, true));
      } else if (writes != null) {
        copied.putAll(writes);
      }
      if (declared == null && !madeHere(array)) {
        Fact plain = parts.values.plain(kind, () -> "element of " + describe(source));
        copied.put(source.getLeaf(), new Context.ElementWrite(plain, kind, source, true));
      }
    }
    for (Object array : arraysOf(destination)) {
      if (declaredArray(array) == null) {
        parts.context.arrayWrites.computeIfAbsent(array, k -> new LinkedHashMap<>()).putAll(copied);
      }
    }
  }

  /**
   * The call at {@code copy} ({@code a.clone()}, {@code Arrays.copyOf(a, n)}) made a new array that
   * holds what {@code source} may hold, and zeros: its contents are known as a created array's are.
   */
  void noteCopy(TreePath copy, TreePath source) {
    parts.context.copies.add(copy.getLeaf());
    noteCopied(copy, source);
  }

  /**
   * An array made here, whose every element is known: created ({@code new int[n]}, an initializer)
   * or copied from another array.
   */
  private boolean madeHere(Object array) {
    return array instanceof NewArrayTree || parts.context.copies.contains(array);
  }

  /**
   * An array stored whole where {@code sink} holds its elements: assigned to an {@code @AbiArray}
   * field ({@code through} null; {@code field} the field) or copied into one ({@code through} names
   * the method). Each array the value may be is held to the sink: an {@code @AbiArray} of another
   * width by its declared elements; any other array by each value written into it, where it was
   * written, the message naming how it reached the field; one of unknown contents (a parameter, a
   * call's result) by its Java type's values, which pass in lenient mode. An array assigned to the
   * field is the field's from then on, so that later writes into it, through any variable, are
   * checked as well.
   */
  void storeArray(
      @Nullable Sink sink,
      @Nullable Element field,
      TreePath value,
      TreePath store,
      @Nullable String through) {
    if (sink == null || !parts.frame.reachable()) {
      return;
    }
    TreePath bare = AccessPaths.skipParentheses(value);
    Sink reached = null;
    for (Object array : arraysOf(bare)) {
      Fact declared = declaredElements(array);
      if (declared != null) {
        if (array != field) {
          parts.checks.check(
              sink.through(through == null ? "" : " through " + through),
              declared,
              parts.declarations.elementKind((Element) array),
              value,
              null);
        }
        continue;
      }
      if (field != null && through == null) {
        parts.context.arrayStores.put(array, field);
      }
      if (array == bare.getLeaf() && array instanceof NewArrayTree && through == null) {
        continue; // its initializers were held to the sink as they were evaluated
      }
      if (reached == null) {
        reached = sink.through(how(bare, store, through, field));
      }
      Map<Tree, Context.ElementWrite> writes = parts.context.arrayWrites.get(array);
      if (writes != null) {
        for (Context.ElementWrite write : List.copyOf(writes.values())) {
          if (write.copied()) {
            parts.checks.check(reached, write.value(), write.kind(), write.at(), null);
          } else {
            parts.checks.check(reached, write.value(), write.kind(), write.at());
          }
        }
      }
      if (!madeHere(array)) {
        JavaKind kind = elementKind(bare);
        parts.checks.check(
            through == null ? sink : sink.through(" through " + through),
            parts.values.plain(kind, () -> "element of " + describe(bare)),
            kind,
            value,
            null);
      }
    }
  }

  /** How an array reached the field, for the message: through what, and where it was stored. */
  private String how(
      TreePath array, TreePath store, @Nullable String through, @Nullable Element field) {
    if (through != null && !(array.getLeaf() instanceof IdentifierTree)) {
      return " through " + through;
    }
    String stored =
        field != null && field.getKind() == ElementKind.RECORD_COMPONENT
            ? "given to the record"
            : "stored into the field";
    return ", through "
        + describe(array)
        + " ("
        + (through == null ? stored : "copied by " + through)
        + " on line "
        + parts.context.line(store.getLeaf())
        + ")";
  }

  /** The array an expression is, for a message: a local array, an array parameter, or its text. */
  private String describe(TreePath array) {
    Element element = parts.context.elementOf(array);
    if (element != null && array.getLeaf() instanceof IdentifierTree) {
      if (element.getKind() == ElementKind.PARAMETER) {
        return "array parameter " + element.getSimpleName();
      }
      if (isArrayVariable(element)) {
        return "local array " + element.getSimpleName();
      }
    }
    return "array " + parts.context.text(array.getLeaf());
  }

  /** An {@code @AbiArray} field or component (an array whose elements declare a width), or null. */
  private @Nullable Element declaredArray(Object array) {
    return array instanceof Element e && parts.declarations.elementWidth(e) != null ? e : null;
  }

  /** The elements of an {@code @AbiArray} field or component with their declared width. */
  private @Nullable Fact declaredElements(Object array) {
    return array instanceof Element element ? parts.declarations.elementFact(element) : null;
  }

  private @Nullable JavaKind elementKind(TreePath array) {
    TypeMirror type = parts.context.typeOf(array);
    return type instanceof ArrayType arrayType
        ? parts.declarations.kindOf(arrayType.getComponentType())
        : null;
  }

  /** A local variable or parameter of an array type without an {@code @AbiArray} width. */
  private boolean isArrayVariable(@Nullable Element element) {
    return element != null
        && element.asType() instanceof ArrayType
        && parts.declarations.elementWidth(element) == null
        && switch (element.getKind()) {
          case LOCAL_VARIABLE,
              PARAMETER,
              EXCEPTION_PARAMETER,
              RESOURCE_VARIABLE,
              BINDING_VARIABLE ->
              true;
          default -> false;
        };
  }
}
