package org.abiguard.processor.model;

/**
 * One member of a struct.
 *
 * @param javaName the Java field or record component name
 * @param cName the C member name ({@code @AbiName}, else the Java name)
 * @param type its C type
 * @param alignAtLeast {@code @AbiAlign} on the member, or 0
 */
public record FieldModel(String javaName, String cName, MemberType type, int alignAtLeast) {}
