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
 * Checks what a struct nests, transitively: a struct that contains itself (a nesting cycle),
 * a nested struct with errors of its own, and a nested struct that is not known yet (it
 * waits for a later round, and so does the nesting struct). Verdicts are kept for this round.
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
  private final List<TargetAbi> abis;
  private final boolean foreignMemory;
  private final Map<String, Verdict> verdicts = new HashMap<>();

  /**
   * @param abis the ABIs generated: a nested struct's compiled marshaller must have them all
   * @param foreignMemory whether marshallers get {@code MemorySegment} methods (source level 22+),
   *     which a nested struct's compiled marshaller must then have too
   */
  NestingCheck(StructRegistry registry, List<TargetAbi> abis, boolean foreignMemory) {
    this.registry = registry;
    this.abis = List.copyOf(abis);
    this.foreignMemory = foreignMemory;
  }

  /** The verdict on a struct that read without problems of its own. */
  Verdict check(StructReading struct) {
    Verdict known = verdicts.get(struct.javaName());
    if (known != null) {
      return known;
    }
    boolean pending = false;
    List<Problem> problems = new ArrayList<>();
    StructModel model = Objects.requireNonNull(struct.model(), "a valid reading");
    for (int i = 0; i < model.fields().size(); i++) {
      FieldModel field = model.fields().get(i);
      Optional<String> nested = nestedName(field.type());
      if (nested.isEmpty()) {
        continue;
      }
      Optional<List<String>> cycle = pathBack(nested.get(), struct.javaName(), new ArrayList<>());
      if (cycle.isPresent()) {
        problems.add(Problem.on(struct.members().get(i), cycleMessage(struct, field, cycle.get())));
        continue;
      }
      Verdict v = nestedVerdict(struct, i, nested.get());
      pending |= v.pending();
      problems.addAll(v.problems());
    }
    Verdict verdict = problems.isEmpty() ? (pending ? Verdict.PENDING : Verdict.OK) : new Verdict(false, problems);
    if (!verdict.pending()) {
      verdicts.put(struct.javaName(), verdict);
    }
    return verdict;
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
    Verdict inner = nested.get().valid() ? check(nested.get()) : new Verdict(false, ownProblems);
    if (inner.ok() && registry.fromClassFile(nestedName)) {
      Optional<String> gap = registry.marshallerGap(
          Objects.requireNonNull(nested.get().model(), "a valid reading"), abis, foreignMemory);
      if (gap.isPresent()) {
        return new Verdict(false, List.of(
            Problem.on(struct.members().get(member), what + " from the class path, " + gap.get())));
      }
    }
    if (inner.ok() || inner.pending()) {
      return inner;
    }
    List<Problem> problems = new ArrayList<>();
    if (registry.fromClassFile(nestedName)) {
      for (Problem p : inner.problems()) {
        problems.add(Problem.on(struct.members().get(member),
            what + " from the class path, which is no valid @AbiStruct: " + p.message()));
      }
    } else {
      problems.add(Problem.on(struct.members().get(member),
          what + ", which has errors of its own (reported on it); fix them first"));
    }
    return new Verdict(false, problems);
  }

  /**
   * The chain of members from {@code from} back to {@code target}, if {@code from} nests
   * {@code target}; only structs that read correctly are followed.
   */
  private Optional<List<String>> pathBack(String from, String target, List<String> visited) {
    if (from.equals(target)) {
      return Optional.of(new ArrayList<>());
    }
    if (visited.contains(from)) {
      return Optional.empty();
    }
    visited.add(from);
    Optional<StructReading> reading = registry.reading(from);
    if (reading.isEmpty() || !reading.get().valid()) {
      return Optional.empty();
    }
    for (FieldModel f : Objects.requireNonNull(reading.get().model(), "a valid reading").fields()) {
      Optional<String> next = nestedName(f.type());
      if (next.isPresent()) {
        Optional<List<String>> rest = pathBack(next.get(), target, visited);
        if (rest.isPresent()) {
          rest.get().add(0, simpleName(from) + "." + f.javaName());
          return rest;
        }
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
    return "'" + field.javaName() + "' makes struct " + name + " contain itself (" + String.join(" -> ", chain)
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
