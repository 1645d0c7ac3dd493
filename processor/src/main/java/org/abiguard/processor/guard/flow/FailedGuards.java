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
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.TypeMirror;
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
 * case's one pattern matches; never for a case labelled {@code null}. Its guard is then evaluated
 * again, its pattern bound to the same value, and its false outcome kept: what it proves of other
 * variables stays, and what it proves of its own bindings passes to the names the later pattern and
 * the selector give the same values ({@code a.space()} of an earlier {@code a} is {@code space} of
 * a later {@code R(var d, var space)}, and {@code op.space()} of a selector {@code op}). That
 * evaluation reports nothing: the guard was checked where it is written.
 */
final class FailedGuards {
  /**
   * How many earlier guards, at most, are evaluated again for one case. Skipping one only keeps
   * what it would have proved from the case.
   */
  static final int EARLIER_GUARDS = 8;

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
    TreePath later = onePattern(switchPath, cases.get(index));
    TypeMirror selectorType = parts.context.typeOf(selector);
    TypeMirror laterType = later == null ? null : typeOf(later);
    List<Target> targets = null; // the names the later case gives the tested value's parts
    int evaluated = 0;
    // the nearest earlier cases first, at most EARLIER_GUARDS of them: a switch of n guarded cases
    // costs at most n times that many evaluations, not n squared
    for (int j = index - 1; j >= 0 && evaluated < EARLIER_GUARDS && narrowed.reachable(); j--) {
      CaseTree earlier = cases.get(j);
      Tree guard = Patterns.guard(earlier);
      TreePath pattern = onePattern(switchPath, earlier);
      if (guard == null || pattern == null) {
        continue;
      }
      if (total(pattern, selectorType) || total(pattern, laterType)) {
        if (targets == null) {
          targets = targets(later, selector, selectorType);
        }
        TreePath guardPath = new TreePath(new TreePath(switchPath, earlier), guard);
        narrowed = failed(pattern, guardPath, targets, selector, selected, narrowed);
        evaluated++;
      }
    }
    return narrowed;
  }

  /** The state after the earlier pattern matched and its guard did not hold. */
  private State failed(
      TreePath pattern,
      TreePath guard,
      List<Target> targets,
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
    List<Target> earlier = new ArrayList<>();
    places(pattern, List.of(), null, earlier);
    for (Target binding : earlier) {
      move(out, binding, targets);
      out.kill((Element) binding.root().get(0));
    }
    return out;
  }

  /** The later pattern's bindings and the selector's own path, as names of the tested value. */
  private List<Target> targets(
      @Nullable TreePath later, TreePath selector, @Nullable TypeMirror selectorType) {
    List<Target> targets = new ArrayList<>();
    if (later != null) {
      places(later, List.of(), null, targets);
    }
    AccessPath selectorAccess = parts.paths.of(selector);
    if (selectorAccess != null && selectorType != null) {
      targets.add(new Target(selectorAccess.chain(), List.of(), selectorType, null));
    }
    return targets;
  }

  /**
   * A name for a value in the value the switch tests: a path ({@code root}: a binding, or the
   * selector's own path) at {@code steps} from the tested value (a record component's field or
   * accessor per step, as {@link AccessPaths#componentStep} names it), declared of {@code type};
   * {@code component} is the type of the record component it binds, null for the whole value.
   */
  private record Target(
      List<Object> root, List<Object> steps, TypeMirror type, @Nullable TypeMirror component) {}

  /**
   * Copies what {@code state} knows of the paths from an earlier binding to the same values named
   * from the targets: {@code a.space} of an earlier {@code a} is {@code space} of a later {@code
   * R(var d, var space)}, and the selector's {@code op.space}. A binding's own value (or its box)
   * moves only to a name of the same type that takes no conversion.
   */
  private void move(State state, Target earlier, List<Target> targets) {
    Map<AccessPath, @Nullable Fact> moved = new HashMap<>();
    for (Map.Entry<AccessPath, @Nullable Fact> entry : state.entries()) {
      List<Object> chain = entry.getKey().chain();
      if (chain.get(0) != earlier.root().get(0)) {
        continue;
      }
      boolean box = entry.getKey().boxKind() != null;
      boolean own = chain.size() == 1 || box;
      List<Object> steps = new ArrayList<>(earlier.steps());
      if (!own) {
        steps.addAll(chain.subList(1, chain.size()));
      }
      for (Target target : targets) {
        int at = target.steps().size();
        if (steps.size() < at || !steps.subList(0, at).equals(target.steps())) {
          continue;
        }
        if (own && !ownValueMoves(earlier, target, steps.size() == at, box)) {
          continue; // another type's value, or a box named by a field: not the same value
        }
        List<Object> renamed = new ArrayList<>(target.root());
        renamed.addAll(steps.subList(at, steps.size()));
        if (box) {
          renamed.add(chain.get(1));
        }
        moved.put(new AccessPath(List.copyOf(renamed)), entry.getValue());
      }
    }
    moved.forEach(
        (path, fact) -> {
          if (narrower(state, path, fact)) {
            state.put(path, fact);
          }
        });
  }

  /**
   * Whether an earlier binding's own value (or its box) may be named from {@code target}: by the
   * target itself ({@code sameName}) when it is of the same type, a box only by a local; or through
   * the target's component steps when the binding took its component's value with no conversion.
   */
  private boolean ownValueMoves(Target earlier, Target target, boolean sameName, boolean box) {
    Types types = parts.context.types;
    if (sameName) {
      return types.isSameType(earlier.type(), target.type()) && (!box || target.root().size() == 1);
    }
    return !box
        && earlier.component() != null
        && types.isSameType(earlier.type(), earlier.component());
  }

  /**
   * Whether {@code fact} says more of the path than the state does: the path is not tracked yet, or
   * its values are a strict part of the state's. Both hold of the same value (each guard that
   * failed proved one), so the narrower one is kept, whichever guard proved it.
   */
  private static boolean narrower(State state, AccessPath path, @Nullable Fact fact) {
    if (!state.tracks(path)) {
      return true;
    }
    Fact known = state.fact(path);
    return known != null
        && fact != null
        && known.range().contains(fact.range())
        && !known.range().equals(fact.range());
  }

  /**
   * Adds a target per variable the pattern binds, at {@code steps} from the tested value; {@code
   * component} is the declared type of the record component the pattern stands for (null at the
   * top).
   */
  private void places(
      TreePath pattern, List<Object> steps, @Nullable TypeMirror component, List<Target> out) {
    if (pattern.getLeaf() instanceof BindingPatternTree binding) {
      Element variable = parts.context.elementOf(new TreePath(pattern, binding.getVariable()));
      if (variable != null) {
        out.add(new Target(List.of(variable), steps, variable.asType(), component));
      }
      return;
    }
    List<Tree> nested = Patterns.nested(pattern.getLeaf());
    List<RecordComponentElement> components = Patterns.components(parts, pattern);
    if (nested == null || components == null) {
      return;
    }
    for (int i = 0; i < nested.size() && i < components.size(); i++) {
      ExecutableElement accessor = components.get(i).getAccessor();
      if (accessor == null) {
        continue;
      }
      List<Object> deeper = new ArrayList<>(steps);
      deeper.add(parts.paths.componentStep(accessor));
      places(
          new TreePath(pattern, nested.get(i)),
          List.copyOf(deeper),
          components.get(i).asType(),
          out);
    }
  }

  /** Whether a case is labelled {@code null} ({@code case null}, {@code case null, default}). */
  private static boolean takesNull(CaseTree caseTree) {
    return caseTree.getExpressions().stream()
        .anyMatch(expression -> expression.getKind() == Tree.Kind.NULL_LITERAL);
  }

  /**
   * The path of a case's one label when it is a pattern ({@code case R(var x) when ...}), else
   * null.
   */
  private static @Nullable TreePath onePattern(TreePath switchPath, CaseTree caseTree) {
    List<? extends Tree> labels = Patterns.labels(caseTree);
    Tree pattern = labels.size() == 1 ? Patterns.pattern(labels.get(0)) : null;
    return pattern == null
        ? null
        : new TreePath(new TreePath(new TreePath(switchPath, caseTree), labels.get(0)), pattern);
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
    List<RecordComponentElement> components = Patterns.components(parts, pattern);
    if (nested == null || components == null || components.size() != nested.size()) {
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
}
