package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * Patterns: a binding of the whole tested value ({@code o instanceof @U16 Integer port}) holds that
 * value, and a width it declares is a sink for it; each variable a record pattern binds ({@code o
 * instanceof XenAddToPhysmap(var domid, var size, long space)}, {@code case XenAddToPhysmap(var d,
 * var s, var space) when space <= 0xFFFF ->}) reads a record component, so it starts with that
 * component's width.
 *
 * <p>Record patterns (Java 21) and case guards are newer than the {@code com.sun.source} API of
 * Java 17 that abiguard compiles against, so their trees are reached by kind name and through the
 * exported interfaces' methods looked up at run time; under javac 17 there are none.
 */
final class Patterns {
  private static final String DECONSTRUCTION_PATTERN = "DECONSTRUCTION_PATTERN";
  private static final @Nullable Method NESTED_PATTERNS =
      method("com.sun.source.tree.DeconstructionPatternTree", "getNestedPatterns");
  private static final @Nullable Method CASE_LABELS =
      method("com.sun.source.tree.CaseTree", "getLabels");
  private static final @Nullable Method CASE_GUARD =
      method("com.sun.source.tree.CaseTree", "getGuard");
  private static final @Nullable Method LABEL_PATTERN =
      method("com.sun.source.tree.PatternCaseLabelTree", "getPattern");

  private Patterns() {}

  /**
   * Binds the variables of the patterns under {@code pattern}, which tests the expression at {@code
   * tested} (of value {@code value}): a binding of the whole tested value ({@code o instanceof @U16
   * Integer i}, {@code case @U16 Integer i}) holds that value and, where it declares a width, is a
   * sink for it; a binding inside a record pattern holds its component's.
   */
  static void bind(
      Parts parts,
      @Nullable TreePath pattern,
      TreePath tested,
      @Nullable Fact value,
      @Nullable JavaKind valueKind) {
    if (pattern == null || !parts.frame.reachable()) {
      return;
    }
    Boxes.Held held = valueKind == null ? parts.expressions.held(tested, value) : null;
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree node, Void unused) {
        TreePath binding = getCurrentPath();
        if (isComponent(binding)) {
          bindComponent(parts, binding);
        } else {
          if (held != null) {
            bindHeld(parts, binding, tested, held);
          } else {
            bindTested(parts, binding, tested, value, valueKind);
          }
        }
        return super.visitBindingPattern(node, null);
      }
    }.scan(pattern, null);
  }

  /**
   * The labels of a case ({@code case A, B}, {@code case R(var x)}); the expressions before Java
   * 21.
   */
  static List<? extends Tree> labels(com.sun.source.tree.CaseTree caseTree) {
    Object labels = invoke(CASE_LABELS, caseTree);
    return labels instanceof List<?> list
        ? list.stream().map(Tree.class::cast).toList()
        : caseTree.getExpressions();
  }

  /**
   * Whether a case is {@code default} alone: no constant, pattern or {@code null} label, no guard.
   */
  static boolean plainDefault(com.sun.source.tree.CaseTree caseTree) {
    return caseTree.getExpressions().isEmpty()
        && guard(caseTree) == null
        && labels(caseTree).stream()
            .allMatch(label -> label.getKind().name().equals("DEFAULT_CASE_LABEL"));
  }

  /** A case's {@code when} guard, or null (always null under javac before 21). */
  static @Nullable Tree guard(com.sun.source.tree.CaseTree caseTree) {
    return invoke(CASE_GUARD, caseTree) instanceof Tree guard ? guard : null;
  }

  /** The pattern of a case label ({@code case R(var x)}), or null for any other label. */
  static @Nullable Tree pattern(Tree label) {
    return invoke(LABEL_PATTERN, label) instanceof Tree pattern ? pattern : null;
  }

  /** The nested patterns of a record pattern, or null for any other tree. */
  static @Nullable List<Tree> nested(Tree pattern) {
    return pattern.getKind().name().equals(DECONSTRUCTION_PATTERN)
            && invoke(NESTED_PATTERNS, pattern) instanceof List<?> nested
        ? nested.stream().map(Tree.class::cast).toList()
        : null;
  }

  /**
   * The components of the record a record pattern deconstructs, in order; null for any other
   * pattern.
   */
  static @Nullable List<RecordComponentElement> components(Parts parts, TreePath pattern) {
    return nested(pattern.getLeaf()) != null
            && parts.context.typeOf(pattern) instanceof DeclaredType declared
            && declared.asElement() instanceof TypeElement record
        ? ElementFilter.recordComponentsIn(record.getEnclosedElements())
        : null;
  }

  private static boolean isComponent(TreePath binding) {
    TreePath parent = binding.getParentPath();
    return parent != null && parent.getLeaf().getKind().name().equals(DECONSTRUCTION_PATTERN);
  }

  /**
   * A binding of the whole tested value: it holds that value (any value of its type in strict mode
   * where the value is not known), and a width it declares is a sink for the value.
   */
  private static void bindTested(
      Parts parts,
      TreePath binding,
      TreePath tested,
      @Nullable Fact value,
      @Nullable JavaKind valueKind) {
    Element variable = variable(parts, binding);
    JavaKind kind = variable == null ? null : parts.declarations.kindOf(variable.asType());
    if (variable == null || kind == null) {
      return;
    }
    Fact arriving =
        value != null ? exact(parts, value, tested, variable, kind) : plain(parts, kind, tested);
    bindValue(parts, binding, variable, arriving, value != null ? valueKind : kind);
  }

  /**
   * What a primitive pattern of another primitive type binds (Java 23's preview, {@code v
   * instanceof int i} with a {@code long v}): only the values that type holds exactly, since the
   * pattern matches no other; any other pattern binds the whole value.
   */
  private static Fact exact(
      Parts parts, Fact value, TreePath tested, Element variable, JavaKind kind) {
    TypeMirror testedType = parts.context.typeOf(tested);
    if (testedType == null
        || !testedType.getKind().isPrimitive()
        || !variable.asType().getKind().isPrimitive()) {
      return value;
    }
    Fact held = value.restrictJava(Range.of(kind));
    return held != null ? held : value;
  }

  /**
   * A binding of a box that a local of a reference type holds ({@code o instanceof Integer i} after
   * {@code Object o = op.space;}): one of a box type holds the value of a box of its own kind (a
   * box of another kind never matches); one of another type that may hold boxes ({@code o
   * instanceof Number n}) holds the same box.
   */
  private static void bindHeld(Parts parts, TreePath binding, TreePath tested, Boxes.Held held) {
    Element variable = variable(parts, binding);
    if (variable == null) {
      return;
    }
    JavaKind kind = parts.declarations.kindOf(variable.asType());
    if (kind == null) {
      parts.assignments.hold(variable, held);
      return;
    }
    Fact value = held.fact(kind);
    bindValue(parts, binding, variable, value != null ? value : plain(parts, kind, tested), kind);
  }

  /** The tested value where nothing is known of it: plain (in strict mode, any of its type). */
  private static @Nullable Fact plain(Parts parts, JavaKind kind, TreePath tested) {
    return parts.values.plain(
        kind, () -> parts.context.text(AccessPaths.skipParentheses(tested).getLeaf()));
  }

  /** The variable a binding pattern declares, or null. */
  private static @Nullable Element variable(Parts parts, TreePath binding) {
    return parts.context.elementOf(
        new TreePath(binding, ((BindingPatternTree) binding.getLeaf()).getVariable()));
  }

  /**
   * The binding's variable now holds {@code value}, of Java type {@code from}, converted to its own
   * type; a width the variable declares ({@code @U16 Integer port}, {@code case Add(@U16 long s)})
   * is a sink for the value.
   */
  private static void bindValue(
      Parts parts,
      TreePath binding,
      Element variable,
      @Nullable Fact value,
      @Nullable JavaKind from) {
    parts.checks.check(parts.declarations.variableSink(variable), value, from, binding, null);
    parts.frame.state.put(
        AccessPath.of(variable),
        parts.values.stored(
            variable, Arith.convert(value, from, parts.declarations.kindOf(variable.asType()))));
  }

  private static void bindComponent(Parts parts, TreePath binding) {
    TreePath parent = binding.getParentPath();
    List<Tree> nested = parent == null ? null : nested(parent.getLeaf());
    List<RecordComponentElement> components = parent == null ? null : components(parts, parent);
    int index = nested == null ? -1 : nested.indexOf(binding.getLeaf());
    if (components == null || index < 0 || index >= components.size()) {
      return;
    }
    ExecutableElement accessor = components.get(index).getAccessor();
    Element variable = variable(parts, binding);
    if (variable != null && parts.declarations.elementWidth(components.get(index)) != null) {
      // case S(long[] a): a is the component's array, whose elements have its width
      parts.arrays.refersTo(variable, components.get(index));
      return;
    }
    Fact declared = accessor == null ? null : parts.declarations.readFact(accessor);
    if (variable == null || declared == null) {
      return;
    }
    bindValue(
        parts, binding, variable, declared, parts.declarations.kindOf(accessor.getReturnType()));
  }

  private static @Nullable Method method(String type, String name) {
    try {
      return Class.forName(type).getMethod(name);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static @Nullable Object invoke(@Nullable Method method, Object on) {
    if (method == null || !method.getDeclaringClass().isInstance(on)) {
      return null;
    }
    try {
      return method.invoke(on);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
