/**
 * The flow guard: fails compilation where an integer value can pass from a wider source into a
 * narrower sink, the bug class of Xen 4.4-rc2's {@code xenmem_add_to_physmap_one(..., uint16_t
 * space, ...)}.
 *
 * <p>Data flows one way: javac's attributed trees → {@link org.abiguard.processor.guard.facts
 * facts} (value ranges, with how the Java value holds them) → {@link
 * org.abiguard.processor.guard.sinks sink checks} → diagnostics through the shared {@code
 * Reporter}.
 *
 * <ul>
 *   <li>{@link org.abiguard.processor.guard.FlowGuard} attaches a {@code TaskListener} to the
 *       running javac task ({@code ANALYZE}, per class), unwrapping build-tool wrappers.
 *   <li>{@code ClassAnalyzer} runs the override check and, for each method that mentions a declared
 *       width ({@code RelevanceScan}), the {@link org.abiguard.processor.guard.flow.Interpreter}: a
 *       hand-written abstract interpreter over the trees with interval facts per local variable and
 *       access path.
 *   <li>{@link org.abiguard.processor.guard.flow.Declarations} reads widths (source and class
 *       files, typedefs) and names sources and sinks for messages.
 * </ul>
 *
 * <p>Why hand-written rather than the Checker Framework's {@code dataflow-shaded}: the processor
 * jar must be self-contained, and shading the framework adds megabytes and ties the processor to
 * the javac internals that framework version was built against (it uses {@code com.sun.tools.javac}
 * directly and must be opened on 16+), while this guard needs only the exported {@code
 * com.sun.source} API and works unchanged on javac 17 to 25. Its facts are one small lattice
 * (intervals over 65-bit integers plus raw-bits form) for which a direct interpreter over
 * structured Java is simpler than a CFG: loops iterate to a fixpoint with widening to the declared
 * range, and methods that mention no width are skipped after one tree walk.
 */
package org.abiguard.processor.guard;
