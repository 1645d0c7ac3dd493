package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as the Java mirror of a C union: its fields (or record components), in
 * declaration order, are the union's members, every one at offset 0. The union's size is its
 * largest member rounded up to its largest member alignment.
 *
 * <p>C:
 *
 * <pre>{@code
 * union evtchn_op_u {
 *     struct evtchn_alloc_unbound alloc_unbound;
 *     struct evtchn_send send;
 * };
 * }</pre>
 *
 * Java:
 *
 * <pre>{@code
 * @AbiUnion(name = "evtchn_op_u")
 * public class EvtchnOpU {
 *     @AbiName("alloc_unbound") EvtchnAllocUnbound allocUnbound;
 *     EvtchnSend send;
 * }
 * }</pre>
 *
 * <p>A union's marshaller reads and writes one member at a time: see the generated {@code
 * FooMarshaller} and the README for how the member is chosen.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AbiUnion {
  /**
   * The C name: {@code union name}, or with {@link #typedef()} the typedef name. Empty means the
   * Java simple name.
   */
  String name() default "";

  /** The byte order of the union's members. */
  Endian order() default Endian.LITTLE;

  /** When true, {@link #name()} names a typedef ({@code typedef union {...} name;}). */
  boolean typedef() default false;

  /** Packing, as {@link AbiStruct#pack()}: 0 natural, 1 packed, 2/4/8/16 {@code #pragma pack}. */
  int pack() default 0;

  /**
   * When true, C declares this union inline without a tag, as the type of a member ({@code union {
   * ... } u;}) or of an anonymous member: no C code can name it on its own, so {@code
   * abi-asserts.h} and {@code abi-check.c} check it through the members that hold it ({@code
   * offsetof(struct xen_domctl, u.createdomain)}) instead of by {@link #name()}. Types used as
   * {@link AbiAnonymous} members are untagged whatever this says.
   */
  boolean untagged() default false;

  /**
   * When true, the C names of this union and of its members may be identifiers that C reserves for
   * the implementation: those starting with {@code __} or with {@code _} and a capital letter, and
   * for the union's own name any starting with {@code _}. The headers of an operating system or a
   * hypervisor are the implementation and declare such names: Linux's {@code struct
   * __kernel_timespec}, Xen's {@code __pad} and {@code __spacer}. A mirror of those says so here;
   * without it such a name is an error, since a program's own declarations may not use them. C
   * keywords and what is no C identifier stay errors either way.
   */
  boolean reservedNames() default false;

  /**
   * When true, the union is GNU C's empty union, {@code union u {};}: no members, {@code sizeof} 0
   * (see {@link AbiStruct#empty()}). A mirror with no members is an error without it, and a mirror
   * that says so and has members is an error too.
   */
  boolean empty() default false;

  /**
   * The ABIs this mirror is for, by their names in {@code -Aabiguard.abis} ({@code "x86_64"},
   * {@code "i386"}, {@code "aarch64"}); empty, the default, means every ABI of the build. C headers
   * declare some types differently per architecture (Xen's {@code vcpu_guest_context}, Linux's
   * {@code struct stat}): each declaration gets a mirror of its own, for the ABIs that declare it
   * so, and may share its C name with the mirrors of the other ABIs. The marshaller has the code,
   * the layout, the manifest entries and the C assertions of these ABIs only, those of the first
   * one that {@code -Aabiguard.abis} names on the marshaller itself. A mirror that nests it must be
   * for none of the other ABIs.
   */
  String[] abis() default {};
}
