package org.abiguard.importer.c;

/**
 * {@code typedef type name;}
 *
 * @param aligned {@code __attribute__((aligned(N)))} on the typedef: N's expression, or {@code
 *     null}
 */
public record Typedef(String name, CType type, String aligned, Location location) {}
