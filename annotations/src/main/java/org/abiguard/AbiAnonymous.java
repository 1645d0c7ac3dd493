package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A C11 anonymous struct or union member: the member's type is an {@link AbiStruct} or {@link
 * AbiUnion} type, laid out inline, and in C its members are named as members of the enclosing type.
 *
 * <pre>{@code
 * // C: struct s { uint32_t kind; union { uint32_t a; uint64_t b; }; };
 * @AbiStruct(name = "s") class S {
 *     @U32 long kind;
 *     @AbiAnonymous SU u;     // SU is an @AbiUnion with members a and b
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AbiAnonymous {}
