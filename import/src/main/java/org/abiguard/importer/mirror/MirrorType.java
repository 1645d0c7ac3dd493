package org.abiguard.importer.mirror;

import java.util.List;
import java.util.Set;
import org.abiguard.importer.c.Location;

/**
 * A mirror to write: one C struct or union as a Java class.
 *
 * @param key the C type it mirrors ({@code struct foo}, {@code union bar}, or a typedef name)
 * @param union whether it is an {@code @AbiUnion}
 * @param cName the C name for the annotation ({@code null} for an anonymous nested type)
 * @param typedef whether {@code cName} is a typedef name
 * @param javaName the simple Java name
 * @param pack the packing (0 natural)
 * @param align the type's {@code @AbiAlign} (0 none)
 * @param bigEndian whether C stores its integers big-endian ({@code order = Endian.BIG}: GCC's
 *     {@code scalar_storage_order("big-endian")}, as each member's compiler says)
 * @param members the members in order
 * @param nested the nested mirrors of anonymous member types
 * @param dependencies the keys of the other mirrors it uses
 * @param location where C declares it (not compared between ABIs)
 */
public record MirrorType(
    String key,
    boolean union,
    String cName,
    boolean typedef,
    String javaName,
    int pack,
    int align,
    boolean bigEndian,
    List<MirrorMember> members,
    List<MirrorType> nested,
    Set<String> dependencies,
    Location location) {

  /** The same declaration on another ABI: equal except for where the headers declare it. */
  public boolean sameAs(MirrorType o) {
    if (!(key.equals(o.key)
        && union == o.union
        && java.util.Objects.equals(cName, o.cName)
        && typedef == o.typedef
        && javaName.equals(o.javaName)
        && pack == o.pack
        && align == o.align
        && bigEndian == o.bigEndian
        && dependencies.equals(o.dependencies)
        && members.size() == o.members.size()
        && nested.size() == o.nested.size())) {
      return false;
    }
    for (int i = 0; i < members.size(); i++) {
      if (!members.get(i).sameAs(o.members.get(i))) {
        return false;
      }
    }
    for (int i = 0; i < nested.size(); i++) {
      if (!nested.get(i).sameAs(o.nested.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The C spelling of the type: {@code struct foo}, or the typedef name. */
  public String cSpelling() {
    return typedef ? cName : (union ? "union " : "struct ") + cName;
  }
}
