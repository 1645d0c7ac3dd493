package org.abiguard.importer.mirror;

import org.abiguard.importer.c.Location;

/**
 * A typedef annotation to write: {@code domid_t} as {@code @DomidT}, meta-annotated with
 * {@code @AbiWidth(16)} (or {@code @NativeLong} for a typedef that is C {@code long} wide on every
 * ABI).
 *
 * @param cName the typedef
 * @param javaName the annotation's simple name
 * @param meta the meta-annotation as source, {@code AbiWidth(16)} or {@code NativeLong}
 * @param perAbi what the typedef is on each ABI, for the Javadoc
 * @param location where the typedef is declared
 */
public record TypedefAnnotation(
    String cName, String javaName, String meta, String perAbi, Location location) {}
