package org.abiguard.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.Problem;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.StructReading;

/**
 * Checks what a struct nests, transitively: a struct that contains itself (a nesting cycle), a
 * nested struct with errors of its own, and a nested struct that is not known yet (it waits for a
 * later round, and so does the nesting struct). Verdicts are kept for this round.
 */
final class NestingCheck {
  /**
   * @param pending some nested struct is not known yet: try again in a later round
   * @param problems the struct's nesting problems, each on the member that nests
   */
  record Verdict(boolean pending, List<Problem> problems) {
    static final Verdict OK = new Verdict(false, List.of());
    static final Verdict PENDING = new Verdict(true, List.of());

    boolean ok() {
      return !pending && problems.isEmpty();
    }
  }

  private final StructRegistry registry;
  private final MirrorAbis abis;
  private final boolean foreignMemory;
  private final Map<String, Verdict> verdicts = new HashMap<>();

  /**
   * @param abis the ABIs each mirror is for: a nested type must be for all of its nester's, and its
   *     compiled marshaller (from a class file) must have them
   * @param foreignMemory whether marshallers get {@code MemorySegment} methods (source level 22+),
   *     which a nested struct's compiled marshaller must then have too
   */
  NestingCheck(StructRegistry registry, MirrorAbis abis, boolean foreignMemory) {
    this.registry = registry;
    this.abis = abis;
    this.foreignMemory = foreignMemory;
  }

  /**
   * The verdict on a struct that read without problems of its own. The structs it nests are judged
   * first, deepest first, from an explicit work list: no nesting depth can exhaust the Java stack.
   */
  Verdict check(StructReading struct) {
    Verdict known = verdicts.get(struct.javaName());
    if (known != null) {
      return known;
    }
    for (StructReading nested : nestedDeepestFirst(struct)) {
      if (!verdicts.containsKey(nested.javaName())) {
        verdicts.put(nested.javaName(), checkOne(nested));
      }
    }
    Verdict verdict = checkOne(struct);
    verdicts.put(struct.javaName(), verdict);
    return verdict;
  }

  /** The valid structs {@code struct} nests, transitively, each after the structs it nests. */
  private List<StructReading> nestedDeepestFirst(StructReading struct) {
    List<StructReading> order = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
    seen.add(struct.javaName());
    stack.push(new Object[] {struct, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      StructReading current = (StructReading) top[0];
      int index = (Integer) top[1];
      List<FieldModel> fields = Objects.requireNonNull(current.model(), "a valid reading").fields();
      if (index >= fields.size()) {
        stack.pop();
        if (!stack.isEmpty()) { // the root, pushed first, is popped last
          order.add(current);
        }
        continue;
      }
      top[1] = index + 1;
      Optional<String> nested = nestedName(fields.get(index).type());
      if (nested.isEmpty() || !seen.add(nested.get())) {
        continue;
      }
      Optional<StructReading> reading = registry.reading(nested.get());
      if (reading.isPresent() && reading.get().valid()) {
        stack.push(new Object[] {reading.get(), 0});
      }
    }
    return order;
  }

  /** The verdict on one struct, the verdicts of the structs it nests being known. */
  private Verdict checkOne(StructReading struct) {
    boolean pending = false;
    List<Problem> problems = new ArrayList<>();
    StructModel model = Objects.requireNonNull(struct.model(), "a valid reading");
    for (int i = 0; i < model.fields().size(); i++) {
      FieldModel field = model.fields().get(i);
      Optional<String> nested = nestedName(field.type());
      if (nested.isEmpty()) {
        continue;
      }
      Optional<List<String>> cycle = pathBack(nested.get(), struct.javaName());
      if (cycle.isPresent()) {
        problems.add(Problem.on(struct.members().get(i), cycleMessage(struct, field, cycle.get())));
        continue;
      }
      Verdict v = nestedVerdict(struct, i, nested.get());
      pending |= v.pending();
      problems.addAll(v.problems());
    }
    return problems.isEmpty()
        ? (pending ? Verdict.PENDING : Verdict.OK)
        : new Verdict(false, problems);
  }

  /** Forgets this round's verdicts: deferred structs are read again in the next one. */
  void nextRound() {
    verdicts.clear();
  }

  private Verdict nestedVerdict(StructReading struct, int member, String nestedName) {
    Optional<StructReading> nested = registry.reading(nestedName);
    if (nested.isEmpty() || nested.get().unresolved()) {
      return Verdict.PENDING;
    }
    String what = "'" + struct.members().get(member).getSimpleName() + "' nests " + nestedName;
    List<Problem> ownProblems = nested.get().valid() ? List.of() : nested.get().problems();
    Verdict inner =
        nested.get().valid()
            ? verdicts.getOrDefault(nestedName, Verdict.PENDING)
            : new Verdict(false, ownProblems);
    if (nested.get().valid() && !verdicts.containsKey(nestedName)) {
      inner =
          checkOne(
              nested
                  .get()); // not reached by nestedDeepestFirst (a cycle elsewhere): judge it alone
    }
    StructModel outer = Objects.requireNonNull(struct.model(), "a valid reading");
    if (inner.ok()) {
      List<TargetAbi> missing =
          abis.missing(outer, Objects.requireNonNull(nested.get().model(), "a valid reading"));
      if (!missing.isEmpty()) {
        return new Verdict(
            false,
            List.of(
                Problem.on(
                    struct.members().get(member),
                    what
                        + ", which is not for "
                        + TargetAbi.named(missing)
                        + " (its abis); "
                        + simpleName(struct.javaName())
                        + " is for "
                        + TargetAbi.named(abis.of(outer))
                        + ": nest a mirror for those ABIs too, or give "
                        + simpleName(struct.javaName())
                        + " the abis of "
                        + simpleName(nestedName))));
      }
    }
    if (inner.ok() && registry.fromClassFile(nestedName)) {
      Optional<String> gap =
          registry.marshallerGap(
              Objects.requireNonNull(nested.get().model(), "a valid reading"),
              abis.of(outer),
              foreignMemory);
      if (gap.isPresent()) {
        return new Verdict(
            false,
            List.of(
                Problem.on(
                    struct.members().get(member), what + " from the class path, " + gap.get())));
      }
    }
    if (inner.ok() || inner.pending()) {
      return inner;
    }
    List<Problem> problems = new ArrayList<>();
    if (registry.fromClassFile(nestedName)) {
      for (Problem p : inner.problems()) {
        problems.add(
            Problem.on(
                struct.members().get(member),
                what + " from the class path, which is no valid @AbiStruct: " + p.message()));
      }
    } else {
      problems.add(
          Problem.on(
              struct.members().get(member),
              what + ", which has errors of its own (reported on it); fix them first"));
    }
    return new Verdict(false, problems);
  }

  /**
   * The chain of members from {@code from} back to {@code target}, if {@code from} nests {@code
   * target}; only structs that read correctly are followed. A breadth-first search with an explicit
   * queue (no recursion), so the chain found is a shortest one.
   */
  private Optional<List<String>> pathBack(String from, String target) {
    if (from.equals(target)) {
      return Optional.of(new ArrayList<>());
    }
    // for each struct reached: the struct and member it was reached from
    Map<String, String[]> cameFrom = new HashMap<>();
    java.util.Deque<String> queue = new java.util.ArrayDeque<>();
    cameFrom.put(from, null);
    queue.add(from);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      Optional<StructReading> reading = registry.reading(current);
      if (reading.isEmpty() || !reading.get().valid()) {
        continue;
      }
      for (FieldModel f :
          Objects.requireNonNull(reading.get().model(), "a valid reading").fields()) {
        Optional<String> next = nestedName(f.type());
        if (next.isEmpty() || cameFrom.containsKey(next.get())) {
          continue;
        }
        cameFrom.put(next.get(), new String[] {current, f.javaName()});
        if (next.get().equals(target)) {
          List<String> chain = new ArrayList<>();
          for (String[] step = cameFrom.get(target); step != null; step = cameFrom.get(step[0])) {
            chain.add(0, simpleName(step[0]) + "." + step[1]);
          }
          return Optional.of(chain);
        }
        queue.add(next.get());
      }
    }
    return Optional.empty();
  }

  private static String cycleMessage(StructReading struct, FieldModel field, List<String> rest) {
    String name = simpleName(struct.javaName());
    List<String> chain = new ArrayList<>();
    chain.add(name + "." + field.javaName());
    chain.addAll(rest);
    chain.add(name);
    return "'"
        + field.javaName()
        + "' makes struct "
        + name
        + " contain itself ("
        + String.join(" -> ", chain)
        + "), which no C struct can; hold the reference as a @Pointer long instead";
  }

  private static String simpleName(String javaName) {
    return javaName.substring(javaName.lastIndexOf('.') + 1);
  }

  /** The struct a member nests, directly or as the element of an array. */
  static Optional<String> nestedName(MemberType type) {
    if (type instanceof MemberType.StructType s) {
      return Optional.of(s.javaName());
    }
    if (type instanceof MemberType.ArrayType a) {
      return nestedName(a.element());
    }
    return Optional.empty();
  }
}
