package org.abiguard.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.StructModel;

/**
 * The ABIs each mirror is for: those of {@code -Aabiguard.abis} that its {@code abis = {...}}
 * names, in the option's order, or all of them when it names none. A C header that declares a type
 * differently per architecture gets a mirror per declaration, each for its own ABIs.
 */
final class MirrorAbis {
  private final List<TargetAbi> build;

  /**
   * @param build the ABIs of {@code -Aabiguard.abis}, the primary one first
   */
  MirrorAbis(List<TargetAbi> build) {
    this.build = List.copyOf(build);
  }

  /** The ABIs the mirror is generated for, the build's order kept (its primary one first). */
  List<TargetAbi> of(StructModel model) {
    if (model.abis().isEmpty()) {
      return build;
    }
    return build.stream().filter(abi -> model.abis().contains(abi.manifestName())).toList();
  }

  /**
   * What is wrong with the mirror's {@code abis}: a name abiguard does not know, or, when every
   * name is known, none of them in {@code -Aabiguard.abis}, so that there would be nothing to
   * generate.
   */
  Optional<String> problem(StructModel model, String typeName) {
    if (model.abis().isEmpty()) {
      return Optional.empty();
    }
    for (String name : model.abis()) {
      if (TargetAbi.byName(name).isEmpty()) {
        return Optional.of(
            "abis names \""
                + name
                + "\" on "
                + typeName
                + ", which is no ABI abiguard knows; use x86_64, i386 or aarch64");
      }
    }
    if (of(model).isEmpty()) {
      return Optional.of(
          typeName
              + " is for "
              + String.join(", ", model.abis())
              + " only, and this build generates "
              + TargetAbi.named(build)
              + " (-Aabiguard.abis): there is nothing to generate; add one of its ABIs to"
              + " -Aabiguard.abis, or leave the mirror out of this build");
    }
    return Optional.empty();
  }

  /** Whether two mirrors are for a common ABI (then they may not share a C name). */
  boolean overlap(StructModel a, StructModel b) {
    List<TargetAbi> theirs = of(b);
    return of(a).stream().anyMatch(theirs::contains);
  }

  /**
   * The ABIs of {@code outer} that {@code nested} is not for: a mirror nests only types that are
   * for every one of its own ABIs.
   */
  List<TargetAbi> missing(StructModel outer, StructModel nested) {
    List<TargetAbi> missing = new ArrayList<>(of(outer));
    missing.removeAll(of(nested));
    return missing;
  }
}
