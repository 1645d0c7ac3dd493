package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import org.abiguard.processor.guard.facts.Fact;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code when} guard of an earlier case proves in a later case of a pattern switch: a
 * value that reaches the later case and would have matched the earlier case's pattern did not pass
 * its guard.
 *
 * <pre>{@code
 * case AddToPhysmap a when a.space() > 0xFFFF -> -EINVAL;
 * case AddToPhysmap a -> addOne((int) a.space());   // a.space() <= 0xFFFF here
 * }</pre>
 *
 * An earlier case counts when its one pattern matches every value of the selector's type (so every
 * later case, {@code default} included, comes after its guard failed), or every value the later
 * case's one pattern matches. Its guard is then evaluated again, its pattern bound to the same
 * value, and its false outcome kept: what it proves of other variables stays, and what it proves of
 * its own bindings passes to the later pattern's bindings where the two patterns have one shape
 * ({@code a} for {@code a}, {@code s} for {@code s} in {@code R(var s, var i)}). That evaluation
 * reports nothing: the guard was checked where it is written.
 */
final class FailedGuards {
  private final Parts parts;

  FailedGuards(Parts parts) {
    this.parts = parts;
  }

  /**
   * Narrows {@code state}, where case {@code index} of {@code cases} has just bound its patterns,
   * by the failed guards of the earlier cases that cover it; returns the state to go on from.
   */
  State narrow(
      TreePath switchPath,
      List<? extends CaseTree> cases,
      int index,
      TreePath selector,
      @Nullable Fact selected,
      State state) {
    State narrowed = state;
    if (takesNull(cases.get(index))) {
      return narrowed; // null reaches it without testing any pattern
    }
    Tree later = onePattern(cases.get(index));
    TypeMirror selectorType = parts.context.typeOf(selector);
    for (int j = 0; j < index && narrowed.reachable(); j++) {
      CaseTree earlier = cases.get(j);
      Tree guard = Patterns.guard(earlier);
      Tree pattern = onePattern(earlier);
      if (guard == null || pattern == null) {
        continue;
      }
      TreePath casePath = new TreePath(switchPath, earlier);
      TreePath patternPath = new TreePath(casePath, pattern);
      boolean covers =
          (selectorType != null && total(patternPath, selectorType))
              || (later != null && total(patternPath, typeOf(new TreePath(switchPath, later))));
      if (covers) {
        TreePath laterPath =
            later == null ? null : new TreePath(new TreePath(switchPath, cases.get(index)), later);
        narrowed =
            failed(
                patternPath,
                new TreePath(casePath, guard),
                laterPath,
                selector,
                selected,
                narrowed);
      }
    }
    return narrowed;
  }

  /** The state after the earlier pattern matched and its guard did not hold. */
  private State failed(
      TreePath pattern,
      TreePath guard,
      @Nullable TreePath later,
      TreePath selector,
      @Nullable Fact selected,
      State state) {
    Map<Object, Context.Pending> findings = parts.context.findings();
    parts.frame.state = state.copy();
    Patterns.bind(parts, pattern, selector, selected, parts.values.kind(selector));
    State out = parts.conditions.evaluate(guard).whenFalse();
    parts.context.restoreFindings(findings);
    if (!out.reachable()) {
      return out; // the guard always holds where the pattern matches: no value gets here
    }
    Map<Element, Element> renamed = later == null ? Map.of() : sameBindings(pattern, later);
    AccessPath selectorAccess = parts.paths.of(selector);
    for (Element earlier : bindings(pattern)) {
      Element now = renamed.get(earlier);
      if (now != null) {
        move(out, earlier, AccessPath.of(now));
      }
      if (selectorAccess != null && pattern.getLeaf() instanceof BindingPatternTree) {
        // a binding of the whole value is the selector: what the guard proved of one, of the other
        move(out, earlier, selectorAccess);
      }
      out.kill(earlier);
    }
    return out;
  }

  /**
   * Copies what the state knows of paths from {@code variable} to the same paths from {@code to}.
   */
  private static void move(State state, Element variable, AccessPath to) {
    Map<AccessPath, @Nullable Fact> moved = new HashMap<>();
    for (Map.Entry<AccessPath, @Nullable Fact> entry : state.entries()) {
      AccessPath path = entry.getKey();
      // a box path names a local's box, which only a local can hold
      if (path.chain().get(0) == variable && (path.boxKind() == null || to.chain().size() == 1)) {
        moved.put(path.replacingPrefix(1, to), entry.getValue());
      }
    }
    moved.forEach(state::put);
  }

  /** Whether a case is labelled {@code null} ({@code case null}, {@code case null, default}). */
  private static boolean takesNull(CaseTree caseTree) {
    return caseTree.getExpressions().stream()
        .anyMatch(expression -> expression.getKind() == Tree.Kind.NULL_LITERAL);
  }

  /** A case's one label when it is a pattern ({@code case R(var x) when ...}), else null. */
  private static @Nullable Tree onePattern(CaseTree caseTree) {
    List<? extends Tree> labels = Patterns.labels(caseTree);
    return labels.size() == 1 ? Patterns.pattern(labels.get(0)) : null;
  }

  /**
   * Whether the pattern matches every value of {@code type} but null: a type pattern of a
   * supertype, or a record pattern of a supertype whose nested patterns each match every value of
   * their component's type.
   */
  private boolean total(TreePath pattern, @Nullable TypeMirror type) {
    Types types = parts.context.types;
    TypeMirror own = typeOf(pattern);
    if (type == null || own == null || !types.isSubtype(types.erasure(type), types.erasure(own))) {
      return false;
    }
    if (pattern.getLeaf() instanceof BindingPatternTree) {
      return true;
    }
    List<Tree> nested = Patterns.nested(pattern.getLeaf());
    if (nested == null
        || !(own instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement record)) {
      return false;
    }
    List<RecordComponentElement> components =
        ElementFilter.recordComponentsIn(record.getEnclosedElements());
    if (components.size() != nested.size()) {
      return false;
    }
    for (int i = 0; i < nested.size(); i++) {
      if (!total(new TreePath(pattern, nested.get(i)), components.get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  /** The type a pattern tests: its binding's declared type, or its record's. */
  private @Nullable TypeMirror typeOf(TreePath pattern) {
    if (pattern.getLeaf() instanceof BindingPatternTree binding) {
      Element variable = parts.context.elementOf(new TreePath(pattern, binding.getVariable()));
      return variable == null ? null : variable.asType();
    }
    return Patterns.nested(pattern.getLeaf()) == null ? null : parts.context.typeOf(pattern);
  }

  /** The variables a pattern binds, in order. */
  private List<Element> bindings(TreePath pattern) {
    List<Element> out = new ArrayList<>();
    if (pattern.getLeaf() instanceof BindingPatternTree binding) {
      Element variable = parts.context.elementOf(new TreePath(pattern, binding.getVariable()));
      if (variable != null) {
        out.add(variable);
      }
      return out;
    }
    List<Tree> nested = Patterns.nested(pattern.getLeaf());
    if (nested != null) {
      for (Tree one : nested) {
        out.addAll(bindings(new TreePath(pattern, one)));
      }
    }
    return out;
  }

  /**
   * Each binding of {@code earlier} to the binding at the same place in {@code later}, when the two
   * patterns have one shape (the same types, record by record); empty otherwise.
   */
  private Map<Element, Element> sameBindings(TreePath earlier, TreePath later) {
    Map<Element, Element> out = new HashMap<>();
    return sameShape(earlier, later, out) ? out : Map.of();
  }

  private boolean sameShape(TreePath earlier, TreePath later, Map<Element, Element> out) {
    TypeMirror a = typeOf(earlier);
    TypeMirror b = typeOf(later);
    if (a == null || b == null || !parts.context.types.isSameType(a, b)) {
      return false;
    }
    boolean bindsA = earlier.getLeaf() instanceof BindingPatternTree;
    if (bindsA != later.getLeaf() instanceof BindingPatternTree) {
      return false;
    }
    if (bindsA) {
      List<Element> from = bindings(earlier);
      List<Element> to = bindings(later);
      if (from.size() == 1 && to.size() == 1) {
        out.put(from.get(0), to.get(0));
      }
      return true;
    }
    List<Tree> nestedA = Patterns.nested(earlier.getLeaf());
    List<Tree> nestedB = Patterns.nested(later.getLeaf());
    if (nestedA == null || nestedB == null || nestedA.size() != nestedB.size()) {
      return false;
    }
    for (int i = 0; i < nestedA.size(); i++) {
      if (!sameShape(
          new TreePath(earlier, nestedA.get(i)), new TreePath(later, nestedB.get(i)), out)) {
        return false;
      }
    }
    return true;
  }
}
