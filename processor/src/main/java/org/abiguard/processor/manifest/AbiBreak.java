package org.abiguard.processor.manifest;

import org.jspecify.annotations.Nullable;

/**
 * One incompatible change against the baseline manifest.
 *
 * @param structJavaName the struct's canonical Java name
 * @param fieldJavaName the changed member's Java name, or null when the struct itself changed (or
 *     the member was removed, which is reported on the struct)
 * @param message the text after {@code [abiguard:abi-break]}
 */
public record AbiBreak(String structJavaName, @Nullable String fieldJavaName, String message) {}
