package org.abiguard.importer.mirror;

import java.util.List;
import org.abiguard.importer.c.Location;

/**
 * A field of a mirror.
 *
 * @param cName the C member name ({@code null} for an anonymous member)
 * @param javaName the Java field name
 * @param annotations the annotations, as source ({@code @U16}, {@code @AbiArray(16)})
 * @param javaType the Java type, as source ({@code long}, {@code byte[]}, {@code XenPfn})
 * @param initializer the field's initializer as source, or {@code null}
 * @param cDeclaration the C declaration, for the Javadoc
 * @param location the member's line (not compared between ABIs)
 */
public record MirrorMember(
    String cName,
    String javaName,
    List<String> annotations,
    String javaType,
    String initializer,
    String cDeclaration,
    Location location) {

  boolean sameAs(MirrorMember o) {
    return java.util.Objects.equals(cName, o.cName)
        && javaName.equals(o.javaName)
        && annotations.equals(o.annotations)
        && javaType.equals(o.javaType)
        && java.util.Objects.equals(initializer, o.initializer);
  }

  /** What differs from the same member on another ABI, for the report. */
  String describe() {
    return String.join(" ", annotations)
        + " "
        + javaType
        + " "
        + javaName
        + " (C: "
        + cDeclaration
        + ")";
  }
}
