package org.abiguard.importer;

import java.util.List;
import org.abiguard.importer.mirror.Mapper;

/**
 * The ABIs a package's mirrors are for, and the mapper that made them (whose typedef annotations
 * they use).
 *
 * @param abis the ABIs the mirrors are proven for
 * @param pkg the Java package
 * @param saysAbis whether the mirrors say they are for {@code abis} alone ({@code abis = {...}});
 *     otherwise they are for every ABI of the build
 */
record AbiGroup(List<String> abis, String pkg, Mapper mapper, boolean saysAbis) {}
