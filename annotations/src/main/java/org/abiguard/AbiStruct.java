package org.abiguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as the Java mirror of a C struct that crosses an ABI boundary.
 *
 * <p>Its instance fields (or record components), in declaration order, are the struct's members.
 * Every integral member declares its C width with {@link AbiWidth} (or an alias such as {@link
 * U16}, or a typedef annotation); a member whose type is another {@code @AbiStruct} type is a
 * nested struct laid out inline. For each struct the processor generates {@code FooMarshaller} with
 * the exact C layout of every target ABI.
 *
 * <p>C:
 *
 * <pre>{@code
 * struct xen_add_to_physmap {
 *     domid_t domid;
 *     uint16_t size;
 *     unsigned int space;
 *     xen_ulong_t idx;
 *     xen_pfn_t gpfn;
 * };
 * }</pre>
 *
 * Java:
 *
 * <pre>{@code
 * @AbiStruct(name = "xen_add_to_physmap")
 * public class XenAddToPhysmap {
 *     @DomId int domid;
 *     @U16 int size;
 *     @U32 long space;
 *     @XenUlong long idx;
 *     @XenPfn long gpfn;
 * }
 * }</pre>
 *
 * <p>A class needs an accessible no-argument constructor and non-private fields; a record is built
 * through its canonical constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AbiStruct {
  /**
   * The C name: {@code struct name}, or with {@link #typedef()} the typedef name. Empty means the
   * Java simple name.
   */
  String name() default "";

  /** The byte order of the struct's members. */
  Endian order() default Endian.LITTLE;

  /**
   * When true, {@link #name()} names a typedef ({@code typedef struct {...} name;}), so the C
   * assertions write {@code name} rather than {@code struct name}.
   */
  boolean typedef() default false;

  /**
   * Packing: 0 is natural alignment; 1 is {@code __attribute__((packed))} (every member at
   * alignment 1, no padding); 2, 4, 8 or 16 is {@code #pragma pack(N)}: each member aligned to the
   * smaller of its natural alignment and {@code N}. A member's {@link AbiAlign} still applies, as
   * in gcc.
   */
  int pack() default 0;

  /**
   * When true, C declares this struct inline without a tag, as the type of a member ({@code struct
   * { ... } u;}) or of an anonymous member: no C code can name it on its own, so {@code
   * abi-asserts.h} and {@code abi-check.c} check it through the members that hold it ({@code
   * offsetof(struct xen_domctl, u.createdomain)}) instead of by {@link #name()}. Types used as
   * {@link AbiAnonymous} members are untagged whatever this says.
   */
  boolean untagged() default false;

  /**
   * When true, the C names of this struct and of its members may be identifiers that C reserves for
   * the implementation: those starting with {@code __} or with {@code _} and a capital letter, and
   * for the struct's own name any starting with {@code _}. The headers of an operating system or a
   * hypervisor are the implementation and declare such names: Linux's {@code struct
   * __kernel_timespec}, Xen's {@code __pad} and {@code __spacer}. A mirror of those says so here;
   * without it such a name is an error, since a program's own declarations may not use them. C
   * keywords and what is no C identifier stay errors either way.
   */
  boolean reservedNames() default false;

  /**
   * When true, the struct is GNU C's empty struct, {@code struct arch_vcpu_info {};}: no members,
   * {@code sizeof} 0, as Xen declares the architecture placeholders of its Arm, PowerPC and RISC-V
   * interfaces. A mirror with no members is an error without it (a forgotten field is likelier than
   * an empty struct), and a mirror that says so and has members is an error too.
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
