package org.abiguard.importer.c;

import java.util.List;

/**
 * A struct or union definition.
 *
 * @param union whether it is a union
 * @param tag its tag, or {@code null}
 * @param members its members in order
 * @param packed {@code __attribute__((packed))} on the type
 * @param pragmaPack the {@code #pragma pack} value in force at the definition (0: none)
 * @param aligned {@code __attribute__((aligned(N)))} on the type: N's expression, or {@code null}
 * @param storageOrder the scalar storage order written for it ({@code
 *     __attribute__((scalar_storage_order("big-endian")))}, or the {@code #pragma
 *     scalar_storage_order} in force at the definition): {@code big-endian} or {@code
 *     little-endian}; {@code null} for the target's own
 * @param location where the definition starts
 */
public record RecordDef(
    boolean union,
    String tag,
    List<Member> members,
    boolean packed,
    int pragmaPack,
    String aligned,
    String storageOrder,
    Location location) {

  /**
   * A member.
   *
   * @param name its name; {@code null} for an anonymous struct/union member or an unnamed bit-field
   * @param type its type
   * @param bits the bit-field width expression, or {@code null}
   * @param aligned {@code __attribute__((aligned(N)))} on the member: N's expression, or {@code
   *     null}
   * @param packed {@code __attribute__((packed))} on the member
   * @param location its line
   */
  public record Member(
      String name, CType type, String bits, String aligned, boolean packed, Location location) {}

  public String keyword() {
    return union ? "union" : "struct";
  }
}
