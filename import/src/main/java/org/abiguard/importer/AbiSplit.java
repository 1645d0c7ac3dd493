package org.abiguard.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abiguard.importer.cc.Toolchain;
import org.abiguard.importer.mirror.Mapper;
import org.abiguard.importer.mirror.MirrorType;

/**
 * {@code --split-abis}: mirrors the types that not every ABI declares alike once per group of ABIs
 * that do, each group in a package of its own under the import's package, named after its ABIs
 * ({@code org.example.xen.x86_64_i386}).
 *
 * <p>Each ABI alone first tells which of those types it can mirror. The ABIs then join groups in
 * their order: an ABI joins the first group with which it mirrors every such type that each of them
 * mirrors alone, and lacks none that one of them has. A group maps those types with the group's
 * values (a typedef's width is the group's), and with them what they need that every ABI does not
 * share; they nest the shared mirrors.
 */
final class AbiSplit {
  /**
   * What the split mirrors.
   *
   * @param groups the groups, in the order of their first ABI; none when what is left out fails for
   *     a reason that no group of ABIs removes
   * @param placed the groups' mirrors, by id ({@code struct foo (x86_64, i386)})
   * @param leftOut by id, the types a group declares but cannot mirror while another group can
   * @param mirroredKeys the C types with a mirror in some group
   */
  record Result(
      List<AbiGroup> groups,
      Map<String, Placed> placed,
      Map<String, TypeClosure.Failed> leftOut,
      Set<String> mirroredKeys) {}

  private final String pkg;
  private final List<String> abis;
  private final TypeClosure closure;

  AbiSplit(String pkg, List<String> abis, TypeClosure closure) {
    this.pkg = pkg;
    this.abis = abis;
    this.closure = closure;
  }

  /**
   * Splits {@code rest}, the types without a mirror for every ABI, given the C types that have one
   * ({@code shared}) and the mapper of every ABI (whose Java names the groups' mirrors take).
   */
  Result split(List<String> rest, Set<String> shared, Mapper everyAbi)
      throws Toolchain.CompilerFailure {
    Result none = new Result(List.of(), Map.of(), Map.of(), Set.of());
    if (rest.isEmpty() || abis.size() < 2) {
      return none;
    }
    Map<String, Set<String>> alone = new LinkedHashMap<>();
    Map<List<String>, TypeClosure.Result> mappings = new LinkedHashMap<>();
    for (String abi : abis) {
      TypeClosure.Result m = closure.mapFor(List.of(abi), rest, everyAbi);
      Set<String> mirrorable = new LinkedHashSet<>(m.mirrors().keySet());
      mirrorable.retainAll(rest);
      alone.put(abi, mirrorable);
      mappings.put(List.of(abi), m);
    }
    List<List<String>> partition = partition(rest, alone, mappings, everyAbi);
    if (partition.size() == 1) {
      return none; // what is left out fails on each ABI alone too
    }
    List<AbiGroup> groups = new ArrayList<>();
    Map<String, Placed> placed = new LinkedHashMap<>();
    Set<String> mirroredKeys = new LinkedHashSet<>();
    for (List<String> group : partition) {
      TypeClosure.Result m = mappings.get(group);
      AbiGroup g = new AbiGroup(group, pkg + "." + String.join("_", group), m.mapper(), true);
      groups.add(g);
      // the types no mirror of every ABI stands for: those declared differently, and what they
      // need that the import of every ABI never reached (a type only one declaration uses)
      Set<String> own = new LinkedHashSet<>(m.mirrors().keySet());
      own.removeAll(shared);
      for (String key : own) {
        MirrorType t = m.mirrors().get(key);
        Set<String> needs = new LinkedHashSet<>();
        for (String dep : t.dependencies()) {
          needs.add(own.contains(dep) ? id(dep, group) : dep);
        }
        placed.put(id(key, group), new Placed(id(key, group), g, t, needs));
        mirroredKeys.add(key);
      }
    }
    Map<String, TypeClosure.Failed> leftOut = new LinkedHashMap<>();
    for (AbiGroup g : groups) {
      TypeClosure.Result m = mappings.get(g.abis());
      for (String key : rest) {
        boolean declared = g.abis().stream().anyMatch(a -> m.mapper().definition(a, key) != null);
        TypeClosure.Failed why = m.failed().get(key);
        if (mirroredKeys.contains(key) && declared && why != null) {
          leftOut.put(id(key, g.abis()), why);
        }
      }
    }
    return new Result(groups, placed, leftOut, mirroredKeys);
  }

  /**
   * The groups of ABIs, each ABI in the first group it declares every type in {@code rest} with.
   */
  private List<List<String>> partition(
      List<String> rest,
      Map<String, Set<String>> alone,
      Map<List<String>, TypeClosure.Result> mappings,
      Mapper everyAbi)
      throws Toolchain.CompilerFailure {
    List<List<String>> partition = new ArrayList<>();
    for (String abi : abis) {
      boolean joined = false;
      for (int g = 0; g < partition.size() && !joined; g++) {
        List<String> candidate = new ArrayList<>(partition.get(g));
        candidate.add(abi);
        Set<String> each = new LinkedHashSet<>(rest);
        Set<String> some = new LinkedHashSet<>();
        for (String a : candidate) {
          each.retainAll(alone.get(a));
          some.addAll(alone.get(a));
        }
        if (!each.equals(some)) {
          continue; // one of them has a type another lacks
        }
        TypeClosure.Result m = closure.mapFor(candidate, rest, everyAbi);
        if (m.mirrors().keySet().containsAll(each)) {
          partition.set(g, List.copyOf(candidate));
          mappings.put(partition.get(g), m);
          joined = true;
        }
      }
      if (!joined) {
        partition.add(List.of(abi));
      }
    }
    return partition;
  }

  /** The id of the mirror of {@code key} for a group of ABIs: {@code struct foo (x86_64, i386)}. */
  static String id(String key, List<String> abis) {
    return key + " (" + String.join(", ", abis) + ")";
  }
}
