package org.abiguard.processor.layout;

import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * Where one member lies on one ABI.
 *
 * @param field the member
 * @param offset {@code offsetof(type, member)} in bytes
 * @param size {@code sizeof} the member (the whole array for arrays)
 * @param align the member's alignment
 * @param elementSize for an array, {@code sizeof} one element; otherwise equal to {@code size}
 * @param elementAlign for an array, the alignment of one element; otherwise equal to {@code align}
 * @param width the C integer width on this ABI of the member (or array element) when it is an
 *     integer or pointer ({@code @NativeLong} and {@code @Pointer} resolved, pointers unsigned);
 *     null for nested structs and arrays of structs
 */
public record FieldLayout(
    FieldModel field, int offset, int size, int align, int elementSize, int elementAlign, @Nullable Width width) {}
