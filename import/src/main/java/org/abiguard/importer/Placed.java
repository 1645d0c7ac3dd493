package org.abiguard.importer;

import java.util.Set;
import org.abiguard.importer.mirror.MirrorType;

/**
 * A mirror to prove and write: a C type's mirror in a group's package.
 *
 * @param id the C type ({@code struct foo}), with the group's ABIs for a type split per group of
 *     ABIs ({@code struct foo (aarch64)})
 * @param needs the ids of the other mirrors it uses
 */
record Placed(String id, AbiGroup group, MirrorType type, Set<String> needs) {
  /** The mirror's qualified Java name. */
  String qualifiedName() {
    return group.pkg() + "." + type.javaName();
  }
}
