package org.abiguard.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.abiguard.importer.c.Location;
import org.abiguard.importer.c.RecordDef;
import org.abiguard.importer.cc.Probes;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.importer.mirror.Mapper;
import org.abiguard.importer.mirror.MirrorType;
import org.abiguard.importer.mirror.Unmirrorable;

/**
 * Maps C types, and every type they need, to mirrors with a {@link Mapper}: first gathering the
 * numbers the mapper asks for and having the compilers evaluate them, then mapping each type on
 * each of the mapper's ABIs, keeping the types that map alike on all of them.
 */
final class TypeClosure {
  /** Why a type has no mirror: the reason, and where C declares what fails. */
  record Failed(String reason, Location at) {}

  /** What a mapper made of some roots: the mirrors, and why the others have none. */
  record Result(Mapper mapper, Map<String, MirrorType> mirrors, Map<String, Failed> failed) {}

  private final List<Toolchain> toolchains;
  private final Probes probes;
  private final Map<String, Location> where;

  /**
   * @param where where C declares each type reached, filled in as types are reached
   */
  TypeClosure(List<Toolchain> toolchains, Probes probes, Map<String, Location> where) {
    this.toolchains = toolchains;
    this.probes = probes;
    this.where = where;
  }

  /** The numbers the compilers evaluate for the mappers. */
  Probes probes() {
    return probes;
  }

  /** Maps the roots with {@code mapper} until every number they need has been evaluated. */
  void collectProbes(Mapper mapper, Collection<String> roots) throws Toolchain.CompilerFailure {
    mapper.collecting = true;
    for (int round = 0; round < 6; round++) {
      map(mapper, roots, null, null);
      if (!probes.pending()) {
        break;
      }
      probes.evaluate(toolchains);
    }
    mapper.collecting = false;
  }

  /**
   * The mirrors of {@code roots} (and what they need) for {@code abis} alone, with the Java names
   * {@code names} gives, and why the others have none (a type that needs one without a mirror has
   * none either); evaluates the numbers they need first.
   */
  Result mapFor(List<String> abis, Collection<String> roots, Mapper names)
      throws Toolchain.CompilerFailure {
    Mapper mapper = new Mapper(abis, names);
    collectProbes(mapper, roots);
    Map<String, MirrorType> mirrors = new LinkedHashMap<>();
    Map<String, Failed> failed = new LinkedHashMap<>();
    map(mapper, roots, mirrors, failed);
    dropDependents(
        mirrors,
        MirrorType::dependencies,
        (key, t, dep) -> {
          Failed why = failed.get(dep);
          failed.put(key, new Failed(needs(dep, why == null ? null : why.reason()), t.location()));
        });
    return new Result(mapper, mirrors, failed);
  }

  /**
   * Maps the roots and what they need on the mapper's ABIs; with {@code mirrors} set, keeps the
   * mirrors that are the same on each of those ABIs and puts why the others are not into {@code
   * failures}. Returns every key reached.
   */
  List<String> map(
      Mapper mapper,
      Collection<String> roots,
      Map<String, MirrorType> mirrors,
      Map<String, Failed> failures) {
    List<String> abis = mapper.abis();
    Set<String> seen = new LinkedHashSet<>(roots);
    Deque<String> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      MirrorType first = null;
      String firstAbi = null;
      for (String abi : abis) {
        RecordDef def = mapper.definition(abi, key);
        if (def != null) {
          where.putIfAbsent(key, def.location());
          break;
        }
      }
      String failure = Portability.declaredAlike(mapper, key, abis);
      Location failureAt = where.get(key);
      for (String abi : failure == null ? abis : List.<String>of()) {
        try {
          MirrorType t = mapper.map(abi, key);
          where.putIfAbsent(key, t.location());
          for (String dep : t.dependencies()) {
            if (seen.add(dep)) {
              queue.add(dep);
            }
          }
          if (first == null) {
            first = t;
            firstAbi = abi;
          } else if (failure == null && !first.sameAs(t)) {
            failure =
                "not portable: declared differently on "
                    + firstAbi
                    + " and "
                    + abi
                    + " ("
                    + Portability.difference(first, t)
                    + "); abiguard mirrors it only where one declaration serves every ABI";
          }
        } catch (Unmirrorable u) {
          if (failure == null) {
            failure =
                (abis.size() > 1 && !u.getMessage().contains(" on " + abi) ? abi + ": " : "")
                    + u.getMessage();
            if (u.location() != null) {
              failureAt = u.location();
            }
          }
        }
      }
      if (mirrors == null) {
        continue;
      }
      if (failure != null) {
        failures.put(key, new Failed(failure, failureAt));
      } else {
        mirrors.put(key, first);
      }
    }
    return new ArrayList<>(seen);
  }

  /** Why a mirror that needs {@code dep} is left out, with why {@code dep} is, if known. */
  static String needs(String dep, String why) {
    return "needs " + dep + ", which is left out" + (why == null ? "" : " (" + why + ")");
  }

  /** What {@link #dropDependents} tells of each entry it removes. */
  interface Dropped<T> {
    void accept(String id, T removed, String needed);
  }

  /**
   * Removes every entry that needs one not in {@code map}, until none does, telling {@code dropped}
   * each entry removed (its id and value) and the id it needed.
   */
  static <T> void dropDependents(
      Map<String, T> map, Function<T, Set<String>> needs, Dropped<T> dropped) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, T> e : new ArrayList<>(map.entrySet())) {
        for (String dep : needs.apply(e.getValue())) {
          if (!map.containsKey(dep)) {
            map.remove(e.getKey());
            dropped.accept(e.getKey(), e.getValue(), dep);
            changed = true;
            break;
          }
        }
      }
    }
  }
}
