package org.abiguard.processor.manifest;

import org.jspecify.annotations.Nullable;

/**
 * One difference between a baseline manifest and the current one, on one ABI: what the comparison
 * ({@link ManifestComparison}) finds, before anyone words or reports it.
 *
 * @param type the type's Java name (the baseline's, or the current one's for an added type)
 * @param cType the type's C name
 * @param member the member's C name, or null for a change of the type itself
 * @param memberJava the member's Java name in the current build (the baseline's for a removed
 *     member), or null with {@code member}
 * @param abi the ABI the change was seen on, or null for a change that does not depend on it (byte
 *     order, a removed or added type)
 * @param aspect what changed
 * @param part null for the member itself, {@code "element"} for the element of an array member
 * @param was the old value as text, or null where there is none (an addition)
 * @param now the new value as text, or null where there is none (a removal)
 */
public record LayoutChange(
    String type,
    String cType,
    @Nullable String member,
    @Nullable String memberJava,
    @Nullable String abi,
    Aspect aspect,
    @Nullable String part,
    @Nullable String was,
    @Nullable String now,
    String kind) {

  /** A change of a struct (the kind most changes are of). */
  public LayoutChange(
      String type,
      String cType,
      @Nullable String member,
      @Nullable String memberJava,
      @Nullable String abi,
      Aspect aspect,
      @Nullable String part,
      @Nullable String was,
      @Nullable String now) {
    this(type, cType, member, memberJava, abi, aspect, part, was, now, "struct");
  }

  /** How messages name the type: {@code struct xen_add_to_physmap}, {@code union evtchn_op_u}. */
  public String cTypeName() {
    return kind + " " + cType;
  }

  /** Whether code and data built against the baseline still match: additions only. */
  public boolean compatible() {
    return aspect.compatible;
  }

  /** {@code moved from offset 4 to 8}, {@code element changed from unsigned to signed}. */
  public String describe() {
    String text = aspect.describe(was, now);
    return part == null ? text : part + " " + text;
  }

  /** What can change; each with its wording and whether it keeps the baseline's layouts valid. */
  public enum Aspect {
    /** A type or member of the baseline is gone. */
    REMOVED(false, "was removed"),
    /** A type or member that the baseline does not have; a member: {@code now} is its offset. */
    ADDED(true) {
      @Override
      String describe(@Nullable String was, @Nullable String now) {
        return now == null ? "was added" : "was added at offset " + now;
      }
    },
    /** The type's byte order ({@code little}, {@code big}). */
    BYTE_ORDER(false, "changed byte order from {was} to {now}"),
    /** The type's size in bytes. */
    TYPE_SIZE(false) {
      @Override
      String describe(@Nullable String was, @Nullable String now) {
        return (Integer.parseInt(now) > Integer.parseInt(was) ? "grew" : "shrank")
            + " from "
            + was
            + " to "
            + now
            + " bytes";
      }
    },
    /** The type's alignment in bytes. */
    TYPE_ALIGN(false, "changed alignment from {was} to {now}"),
    /**
     * The type's mirror has another Java name than in the baseline ({@code was}), for the ABIs of
     * its layouts: a class renamed or moved, or a type that one mirror served for every ABI and
     * mirrors per group of ABIs serve now (or the other way round). Its layouts are compared with
     * the baseline's of the same C type on the same ABIs.
     */
    MIRRORED_BY(true, "is no longer mirrored by {was}"),
    /**
     * A member renamed in C ({@code now} its new name): gone under its old name, and a new member
     * has its offset, size, alignment, kind and signedness. The bytes are the same, so data built
     * against the baseline still matches; C code that names the member must be changed, which its
     * compiler reports.
     */
    RENAMED(true, "was renamed to {now}, at the same offset with the same type"),
    /** A layout for an ABI the baseline does not have: nothing to compare it with. */
    ABI_ADDED(true, "gained a layout"),
    /**
     * The baseline's layout for an ABI this build no longer writes: code built for that ABI against
     * the baseline has no marshaller, codec or layout to use any more.
     */
    ABI_NOT_BUILT(false, "has no layout any more"),
    /** A member's offset in bytes. */
    OFFSET(false, "moved from offset {was} to {now}"),
    /** A member's kind ({@code int}, {@code pointer}, {@code struct}, {@code array}). */
    KIND(false, "changed kind from {was} to {now}"),
    /** A member's size in bytes. */
    SIZE(false, "resized from {was} to {now} bytes"),
    /** A member's alignment in bytes. */
    ALIGN(false, "re-aligned from {was} to {now}"),
    /** The Java name of a nested struct member's type. */
    STRUCT_TYPE(false, "changed type from struct {was} to {now}"),
    /** An array member's length. */
    LENGTH(false, "changed length from {was} to {now}"),
    /** An array member's C dimensions ({@code [3][2]}, {@code [][3]}). */
    DIMS(false, "changed dimensions from {was} to {now}"),
    /** An integer's or pointer's signedness ({@code signed}, {@code unsigned}). */
    SIGNEDNESS(false, "changed from {was} to {now}"),
    /** The type's kind ({@code struct}, {@code union}). */
    TYPE_KIND(false, "changed from a {was} to a {now}"),
    /** The type's {@code pack} (0 natural, 1 packed, N {@code #pragma pack}). */
    PACK(false, "changed pack from {was} to {now}"),
    /** A bit-field's first bit from the start of its type. */
    BIT_OFFSET(false, "moved from bit {was} to {now}"),
    /** A bit-field's number of bits. */
    BIT_SIZE(false, "changed from {was} to {now} bits"),
    /** Whether an array member is a flexible array ({@code T name[]}). */
    FLEXIBLE(false, "changed from {was} to {now}");

    private final boolean compatible;

    /**
     * The wording, {@code {was}} and {@code {now}} standing for the two values; null: overridden.
     */
    private final @Nullable String wording;

    Aspect(boolean compatible) {
      this(compatible, null);
    }

    Aspect(boolean compatible, @Nullable String wording) {
      this.compatible = compatible;
      this.wording = wording;
    }

    String describe(@Nullable String was, @Nullable String now) {
      if (wording == null) {
        throw new IllegalStateException(name() + " words its changes itself");
      }
      return wording.replace("{was}", String.valueOf(was)).replace("{now}", String.valueOf(now));
    }
  }
}
