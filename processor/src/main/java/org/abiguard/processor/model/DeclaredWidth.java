package org.abiguard.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * The width an element declares through its annotations.
 *
 * @param width the C width; for {@code @NativeLong} the LP64 width (64 bits), for {@code @Pointer}
 *     {@code u64}
 * @param nativeLong declared through {@code @NativeLong} (32 bits on ILP32 ABIs)
 * @param pointer declared through {@code @Pointer}
 * @param annotation the annotation on the element that declared it (the typedef annotation for a
 *     typedef), for placing diagnostics
 * @param via a readable name of the declaration, e.g. {@code @U16} or {@code @DomId (u16)}
 */
public record DeclaredWidth(
    Width width, boolean nativeLong, boolean pointer, AnnotationMirror annotation, String via) {}
