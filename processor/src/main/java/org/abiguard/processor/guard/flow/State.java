package org.abiguard.processor.guard.flow;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.abiguard.processor.guard.facts.Fact;
import org.jspecify.annotations.Nullable;

/**
 * The facts known at one program point, per access path. The lattice has an explicit bottom, {@link
 * #UNREACHABLE}: the state of code that no path reaches (after a {@code return}, in a branch a
 * check rules out), which joins as the identity and holds no facts.
 *
 * <p>A reachable state tracks some paths. A path it does not {@linkplain #tracks track} has its
 * declared fact (a parameter's or field's width), or is a plain value where it declares none; a
 * tracked path has the fact a write or a check gave it, or none ({@code null}): a value known to
 * carry no fact, such as a plain Java value in lenient mode.
 */
public final class State {
  /** The state of unreachable code: the bottom of the lattice. */
  public static final State UNREACHABLE = new State(null, null, null, null, null, null);

  /**
   * Per tracked path, its fact; a null fact is a value known to carry none. Null when unreachable.
   */
  private final @Nullable Map<AccessPath, @Nullable Fact> facts;

  /** Relations a range check proved: {@code [a, b]} means {@code a <= b}. Null when unreachable. */
  private final @Nullable Set<List<AccessPath>> atMost;

  /**
   * Per boolean local holding the outcome of a check ({@code boolean ok = len <= 0xFFFF;}), the
   * facts that check proved on each side; dropped once the local or a path they name is written.
   * Null when unreachable.
   */
  private final @Nullable Map<Element, Flag> flags;

  /**
   * Per local array variable or array parameter, the arrays it may refer to here (see {@link
   * ArrayContents}); a variable without an entry refers to the array it was given on entry, which
   * is itself. Assigning a variable replaces its entry; a join keeps every array either side may
   * refer to. Null when unreachable.
   */
  private final @Nullable Map<Element, Set<Object>> arrays;

  /**
   * Per local or parameter known to hold one enum constant or string here ({@code bySize(v,
   * Size.WORD)} enters {@code bySize} with {@code size} holding {@code WORD}), that constant: its
   * element, or the {@code String}. A test of it against another such constant takes one branch, a
   * switch on it one case ({@link ConstantChoices}). Dropped once the variable is written; a join
   * keeps what both sides agree on. Null when unreachable.
   */
  private final @Nullable Map<Element, Object> constants;

  /**
   * Whether a path this state does not track holds a plain value here: one with no declared width,
   * in lenient mode. A join with a state that tracks such a path keeps that side's fact, marked
   * {@linkplain Fact#partial() partial}, as a join with a plain value does (a parameter given a
   * field's value in one branch holds it after the branches meet). Any other untracked path has its
   * declared fact (in strict mode, a plain one any value of its type), which is no narrower than
   * what a write or a check left on the other side, and the join drops it. Null when unreachable.
   */
  private final @Nullable Predicate<AccessPath> plainWhenUntracked;

  /**
   * What a boolean local's value proved: the narrowed facts of paths when it is true, and when it
   * is false. A null side is a value the local cannot have here ({@code boolean ok = true;} cannot
   * be false until it is written).
   */
  record Flag(@Nullable Map<AccessPath, Fact> whenTrue, @Nullable Map<AccessPath, Fact> whenFalse) {
    /** A local whose value is unknown and proves nothing: what a local without a flag holds. */
    static final Flag UNKNOWN = new Flag(Map.of(), Map.of());

    boolean dependsOn(Element element) {
      return dependsOn(whenTrue, element) || dependsOn(whenFalse, element);
    }

    boolean mentions(AccessPath path) {
      return mentions(whenTrue, path) || mentions(whenFalse, path);
    }

    private static boolean mentions(@Nullable Map<AccessPath, Fact> side, AccessPath path) {
      return side != null && side.keySet().stream().anyMatch(p -> p.mentions(path));
    }

    /** Whether this flag says anything: a side it proves something on, or one it rules out. */
    boolean informative() {
      return whenTrue == null || whenFalse == null || !whenTrue.isEmpty() || !whenFalse.isEmpty();
    }

    boolean sameValues(Flag other) {
      return sameFacts(whenTrue, other.whenTrue) && sameFacts(whenFalse, other.whenFalse);
    }

    private static boolean dependsOn(@Nullable Map<AccessPath, Fact> side, Element element) {
      return side != null && side.keySet().stream().anyMatch(path -> path.dependsOn(element));
    }

    private static boolean sameFacts(
        @Nullable Map<AccessPath, Fact> a, @Nullable Map<AccessPath, Fact> b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (Map.Entry<AccessPath, Fact> entry : a.entrySet()) {
        if (!entry.getValue().sameValues(b.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A reachable state that tracks nothing: every path has its declared fact, or is plain where
   * {@code plainWhenUntracked} says so.
   */
  public State(Predicate<AccessPath> plainWhenUntracked) {
    this(
        new HashMap<>(),
        new HashSet<>(),
        new HashMap<>(),
        new HashMap<>(),
        new HashMap<>(),
        plainWhenUntracked);
  }

  /** A reachable state that tracks nothing, where no untracked path is plain (strict mode). */
  public State() {
    this(path -> false);
  }

  private State(
      @Nullable Map<AccessPath, @Nullable Fact> facts,
      @Nullable Set<List<AccessPath>> atMost,
      @Nullable Map<Element, Flag> flags,
      @Nullable Map<Element, Set<Object>> arrays,
      @Nullable Map<Element, Object> constants,
      @Nullable Predicate<AccessPath> plainWhenUntracked) {
    this.facts = facts;
    this.atMost = atMost;
    this.flags = flags;
    this.arrays = arrays;
    this.constants = constants;
    this.plainWhenUntracked = plainWhenUntracked;
  }

  /** Whether some path reaches this program point. */
  public boolean reachable() {
    return this != UNREACHABLE;
  }

  /** A copy to change independently; the unreachable state is its own copy. */
  public State copy() {
    return reachable()
        ? new State(
            new HashMap<>(facts()),
            new HashSet<>(relations()),
            new HashMap<>(flags()),
            new HashMap<>(arrays()),
            new HashMap<>(constants()),
            plainWhenUntracked())
        : UNREACHABLE;
  }

  /** The enum constant (its element) or string a variable is known to hold here, or null. */
  @Nullable Object constant(Element variable) {
    return reachable() ? constants().get(variable) : null;
  }

  /** A variable now holds one enum constant (its element) or string. */
  void constant(Element variable, Object value) {
    constants().put(variable, value);
  }

  /**
   * The arrays an array variable may refer to here: none in unreachable code, the array it was
   * given on entry (itself) until it is assigned.
   */
  Set<Object> arrays(Element variable) {
    if (!reachable()) {
      return Set.of();
    }
    return arrays().getOrDefault(variable, Set.of(variable));
  }

  /** An array variable now refers to one of {@code arrays} (an unmodifiable set). */
  void refer(Element variable, Set<Object> arrays) {
    arrays().put(variable, Set.copyOf(arrays));
  }

  /** Records that {@code a <= b} holds here. */
  public void atMost(AccessPath a, AccessPath b) {
    relations().add(List.of(a, b));
  }

  /** Remembers what the check a boolean local now holds proved on each side. */
  void flag(Element local, Flag flag) {
    flags().put(local, flag);
  }

  /** What the check a boolean local holds proved, if neither it nor those paths were written. */
  @Nullable Flag flag(Element local) {
    return flags().get(local);
  }

  /**
   * The pairs of paths known to hold the same value here (each {@linkplain #isAtMost at most} the
   * other): a local and the path it copied.
   */
  List<List<AccessPath>> copies() {
    List<List<AccessPath>> out = new java.util.ArrayList<>();
    if (reachable()) {
      for (List<AccessPath> pair : relations()) {
        if (relations().contains(List.of(pair.get(1), pair.get(0)))) {
          out.add(pair);
        }
      }
    }
    return out;
  }

  /** Whether a check proved {@code a <= b} and neither was written since. */
  public boolean isAtMost(AccessPath a, AccessPath b) {
    return relations().contains(List.of(a, b));
  }

  /**
   * What a lambda or a local or anonymous class may rely on: the facts of local variables (captured
   * ones are effectively final, so their facts hold whenever the code runs), not of fields, which
   * may change before it runs.
   */
  public State capturedLocals() {
    State out = new State(plainWhenUntracked());
    for (Map.Entry<AccessPath, @Nullable Fact> entry : facts().entrySet()) {
      List<Object> chain = entry.getKey().chain();
      if ((chain.size() == 1 || entry.getKey().boxKind() != null)
          && chain.get(0) instanceof Element variable
          && variable.getKind() != ElementKind.FIELD) {
        // a local, or a box it holds (AccessPath.box)
        out.facts().put(entry.getKey(), entry.getValue());
      }
    }
    out.arrays().putAll(arrays()); // captured array variables are effectively final as well
    out.constants().putAll(constants()); // and so are the variables holding constants
    return out;
  }

  /** Whether the path has an entry here; an untracked path has its declared fact. */
  public boolean tracks(AccessPath path) {
    return facts().containsKey(path);
  }

  /**
   * The fact of a tracked path; null when it is known to carry none.
   *
   * @throws IllegalArgumentException when the path is not tracked (ask {@link #tracks} first)
   */
  public @Nullable Fact fact(AccessPath path) {
    Map<AccessPath, @Nullable Fact> known = facts();
    if (!known.containsKey(path)) {
      throw new IllegalArgumentException("untracked path " + path);
    }
    return known.get(path);
  }

  /** Tracks a path with a fact, or with none ({@code null}). */
  public void put(AccessPath path, @Nullable Fact fact) {
    facts().put(path, fact);
  }

  /** Forgets every path whose value a write to {@code element} may change. */
  public void kill(Element element) {
    facts().keySet().removeIf(path -> path.dependsOn(element));
    relations().removeIf(pair -> pair.get(0).dependsOn(element) || pair.get(1).dependsOn(element));
    flags().remove(element);
    constants().remove(element);
    for (Map.Entry<Element, Flag> entry : List.copyOf(flags().entrySet())) {
      Flag flag = entry.getValue();
      if (flag.dependsOn(element)) {
        // the local's value still proves what it did of the paths the write leaves alone
        Flag left = new Flag(without(flag.whenTrue(), element), without(flag.whenFalse(), element));
        if (left.informative()) {
          flags().put(entry.getKey(), left);
        } else {
          flags().remove(entry.getKey());
        }
      }
    }
  }

  /**
   * The fields this state's facts, relations, flags and constants depend on: those a write may make
   * it forget ({@link #kill}). Empty for the unreachable state.
   */
  public Set<Element> fieldsDependedOn() {
    Set<Element> fields = new LinkedHashSet<>();
    if (!reachable()) {
      return fields;
    }
    facts().keySet().forEach(path -> path.fieldsInto(fields));
    relations().forEach(pair -> pair.forEach(path -> path.fieldsInto(fields)));
    for (Map.Entry<Element, Flag> entry : flags().entrySet()) {
      fieldInto(entry.getKey(), fields);
      Flag flag = entry.getValue();
      for (Map<AccessPath, Fact> side : Arrays.asList(flag.whenTrue(), flag.whenFalse())) {
        if (side != null) {
          side.keySet().forEach(path -> path.fieldsInto(fields));
        }
      }
    }
    constants().keySet().forEach(element -> fieldInto(element, fields));
    return fields;
  }

  private static void fieldInto(Element element, Set<Element> fields) {
    if (element.getKind() == ElementKind.FIELD) {
      fields.add(element);
    }
  }

  /**
   * Forgets one path's fact and what was proved of it (a sum it is part of, a relation, what a
   * boolean local's check proved of it): a write to an element a local array holds ({@link
   * AccessPath#element}), which leaves its other elements alone.
   */
  void forget(AccessPath path) {
    facts().keySet().removeIf(p -> p.mentions(path));
    relations().removeIf(pair -> pair.get(0).mentions(path) || pair.get(1).mentions(path));
    flags().values().removeIf(flag -> flag.mentions(path));
  }

  private static @Nullable Map<AccessPath, Fact> without(
      @Nullable Map<AccessPath, Fact> side, Element element) {
    if (side == null) {
      return null;
    }
    Map<AccessPath, Fact> left = new HashMap<>(side);
    left.keySet().removeIf(path -> path.dependsOn(element));
    return Map.copyOf(left);
  }

  /** The tracked paths and their facts. */
  Iterable<Map.Entry<AccessPath, @Nullable Fact>> entries() {
    return facts().entrySet();
  }

  /**
   * The state after either of two branches: a path known on one side only is untracked, back to its
   * declared fact, unless it is a plain one, which keeps that side's fact marked partial ({@link
   * #plainWhenUntracked}).
   */
  public static State join(State a, State b) {
    if (!a.reachable()) {
      return b.copy();
    }
    if (!b.reachable()) {
      return a.copy();
    }
    State out = new State(a.plainWhenUntracked());
    out.relations().addAll(a.relations());
    out.relations().retainAll(b.relations());
    Set<Object> unknownBoxes = null;
    for (Map.Entry<AccessPath, @Nullable Fact> entry : a.facts().entrySet()) {
      if (b.tracks(entry.getKey())) {
        out.facts().put(entry.getKey(), Fact.join(entry.getValue(), b.fact(entry.getKey())));
      } else {
        unknownBoxes = out.joinOneSided(entry.getKey(), entry.getValue(), unknownBoxes);
      }
    }
    for (Map.Entry<AccessPath, @Nullable Fact> entry : b.facts().entrySet()) {
      if (!a.tracks(entry.getKey())) {
        unknownBoxes = out.joinOneSided(entry.getKey(), entry.getValue(), unknownBoxes);
      }
    }
    if (unknownBoxes != null) {
      Set<Object> holders = unknownBoxes;
      out.facts().keySet().removeIf(p -> p.boxKind() != null && holders.contains(p.chain().get(0)));
    }
    Set<Element> flagged = new HashSet<>(a.flags().keySet());
    flagged.addAll(b.flags().keySet());
    for (Element local : flagged) {
      Flag joined = joinFlags(a, b, local, out);
      if (joined.informative()) {
        out.flags().put(local, joined);
      }
    }
    Set<Element> arrayVariables = new HashSet<>(a.arrays().keySet());
    arrayVariables.addAll(b.arrays().keySet());
    for (Element variable : arrayVariables) {
      Set<Object> either = new HashSet<>(a.arrays(variable));
      either.addAll(b.arrays(variable));
      out.refer(variable, either);
    }
    for (Map.Entry<Element, Object> entry : a.constants().entrySet()) {
      if (entry.getValue().equals(b.constants().get(entry.getKey()))) {
        out.constants().put(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  /**
   * A path one side of a join tracks with {@code fact}: a plain one keeps it as a join with a plain
   * value does; any other keeps its declared fact, the widest one, by staying untracked. A box path
   * that is not kept (strict mode) adds its local to {@code unknownBoxes}, made when needed and
   * returned: a box the other side did not know of may be any box there, so the join forgets all of
   * that local's boxes, since a kind left tracked would read as the only kinds it can be.
   */
  private @Nullable Set<Object> joinOneSided(
      AccessPath path, @Nullable Fact fact, @Nullable Set<Object> unknownBoxes) {
    if (plainWhenUntracked().test(path)) {
      facts().put(path, Fact.join(fact, null));
      return unknownBoxes;
    }
    if (path.boxKind() == null) {
      return unknownBoxes;
    }
    Set<Object> holders = unknownBoxes != null ? unknownBoxes : new HashSet<>();
    holders.add(path.chain().get(0));
    return holders;
  }

  /**
   * What a boolean local proves after two branches meet, whose state is {@code out}: on each side
   * of its value, the join of what each branch knew where the local had that value (its flag's
   * facts over the branch's own), kept where narrower than {@code out}. A branch where the local
   * cannot have that value adds nothing, so {@code ok = false} under a failed check leaves the
   * other branch's facts to {@code ok} being true.
   */
  private static Flag joinFlags(State a, State b, Element local, State out) {
    Flag fa = a.flags().getOrDefault(local, Flag.UNKNOWN);
    Flag fb = b.flags().getOrDefault(local, Flag.UNKNOWN);
    if (fa.sameValues(fb)) {
      return fa;
    }
    return new Flag(
        joinSide(a, fa.whenTrue(), b, fb.whenTrue(), out),
        joinSide(a, fa.whenFalse(), b, fb.whenFalse(), out));
  }

  private static @Nullable Map<AccessPath, Fact> joinSide(
      State a,
      @Nullable Map<AccessPath, Fact> sideA,
      State b,
      @Nullable Map<AccessPath, Fact> sideB,
      State out) {
    if (sideA == null && sideB == null) {
      return null;
    }
    Map<AccessPath, Fact> joined = new HashMap<>();
    Set<AccessPath> paths = new HashSet<>();
    if (sideA != null) {
      paths.addAll(sideA.keySet());
      paths.addAll(a.facts().keySet());
    }
    if (sideB != null) {
      paths.addAll(sideB.keySet());
      paths.addAll(b.facts().keySet());
    }
    for (AccessPath path : paths) {
      Fact fromA = sideA == null ? null : known(a, sideA, path);
      Fact fromB = sideB == null ? null : known(b, sideB, path);
      if ((sideA != null && fromA == null) || (sideB != null && fromB == null)) {
        continue; // a side where the path has its declared fact, or none: nothing narrower
      }
      Fact value = fromA == null ? fromB : fromB == null ? fromA : Fact.join(fromA, fromB);
      Fact now = out.tracks(path) ? out.fact(path) : null;
      if (value != null && (now == null || !value.sameValues(now))) {
        joined.put(path, value);
      }
    }
    return Map.copyOf(joined);
  }

  /** What a branch knows of a path where its flag's side holds: the flag's fact, else its own. */
  private static @Nullable Fact known(State state, Map<AccessPath, Fact> side, AccessPath path) {
    Fact proved = side.get(path);
    if (proved != null) {
      return proved;
    }
    return state.tracks(path) ? state.fact(path) : null;
  }

  /** The boolean locals that keep a flag here. */
  Set<Element> flagged() {
    return reachable() ? Set.copyOf(flags().keySet()) : Set.of();
  }

  /** Forgets what a boolean local's value proved, as if it were unknown. */
  void forgetFlag(Element local) {
    flags().remove(local);
  }

  /** Same paths with the same values (origins aside). */
  public static boolean same(State a, State b) {
    if (!a.reachable() || !b.reachable()) {
      return a == b;
    }
    if (!a.facts().keySet().equals(b.facts().keySet())
        || !a.relations().equals(b.relations())
        || !a.flags().keySet().equals(b.flags().keySet())
        || !a.constants().equals(b.constants())
        || !sameArrays(a, b)) {
      return false;
    }
    for (Map.Entry<Element, Flag> entry : a.flags().entrySet()) {
      if (!entry.getValue().sameValues(Objects.requireNonNull(b.flags().get(entry.getKey())))) {
        return false;
      }
    }
    for (Map.Entry<AccessPath, @Nullable Fact> entry : a.facts().entrySet()) {
      Fact x = entry.getValue();
      Fact y = b.fact(entry.getKey());
      if (x == null ? y != null : !x.sameValues(y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameArrays(State a, State b) {
    Set<Element> variables = new HashSet<>(a.arrays().keySet());
    variables.addAll(b.arrays().keySet());
    for (Element variable : variables) {
      if (!a.arrays(variable).equals(b.arrays(variable))) {
        return false;
      }
    }
    return true;
  }

  private Map<AccessPath, @Nullable Fact> facts() {
    if (facts == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return facts;
  }

  private Map<Element, Flag> flags() {
    if (flags == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return flags;
  }

  private Map<Element, Set<Object>> arrays() {
    if (arrays == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return arrays;
  }

  private Predicate<AccessPath> plainWhenUntracked() {
    if (plainWhenUntracked == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return plainWhenUntracked;
  }

  private Map<Element, Object> constants() {
    if (constants == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return constants;
  }

  private Set<List<AccessPath>> relations() {
    if (atMost == null) {
      throw new IllegalStateException("the unreachable state has no facts");
    }
    return atMost;
  }

  @Override
  public String toString() {
    return reachable() ? Objects.toString(facts) : "unreachable";
  }
}
