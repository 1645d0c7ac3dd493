package org.abiguard.processor.testing;

import static org.abiguard.processor.testing.StructBuilder.array;
import static org.abiguard.processor.testing.StructBuilder.nativeLong;
import static org.abiguard.processor.testing.StructBuilder.pointer;
import static org.abiguard.processor.testing.StructBuilder.s16;
import static org.abiguard.processor.testing.StructBuilder.s32;
import static org.abiguard.processor.testing.StructBuilder.s64;
import static org.abiguard.processor.testing.StructBuilder.s8;
import static org.abiguard.processor.testing.StructBuilder.signedNativeLong;
import static org.abiguard.processor.testing.StructBuilder.struct;
import static org.abiguard.processor.testing.StructBuilder.u16;
import static org.abiguard.processor.testing.StructBuilder.u32;
import static org.abiguard.processor.testing.StructBuilder.u64;
import static org.abiguard.processor.testing.StructBuilder.u8;

import java.util.List;
import java.util.function.Function;
import org.abiguard.processor.model.StructModel;

/**
 * One struct per layout rule (padding, tail padding, 8-byte integers, {@code @AbiAlign} on members,
 * arrays and structs, {@code @NativeLong}, {@code @Pointer}, arrays of scalars and of structs,
 * nesting, typedef names, signed members), mirrored in the test resource {@code c-proofs/rules.h},
 * so that real C compilers check the layout engine rule by rule.
 */
public final class RuleStructs {
  private RuleStructs() {}

  public static final StructModel PADDING =
      struct("rules.Padding", "rules_padding")
          .field("a", u8())
          .field("b", u32())
          .field("c", u16())
          .field("d", u64())
          .field("e", u8())
          .build();

  public static final StructModel ALIGNED_MEMBER =
      struct("rules.AlignedMember", "rules_aligned_member")
          .field("a", u32())
          .aligned("b", u64(), 8)
          .field("c", u8())
          .build();

  public static final StructModel LONGS =
      struct("rules.Longs", "rules_longs")
          .field("a", u16())
          .field("n", nativeLong())
          .field("s", signedNativeLong())
          .field("p", pointer())
          .field("z", u8())
          .build();

  public static final StructModel INNER =
      struct("rules.Inner", "rules_inner").field("a", u8()).field("b", u64()).build();

  public static final StructModel NESTED =
      struct("rules.Nested", "rules_nested")
          .field("x", u16())
          .field("in", struct("rules.Inner"))
          .field("y", u8())
          .build();

  public static final StructModel ARRAYS =
      struct("rules.Arrays", "rules_arrays")
          .field("tag", u8())
          .field("v", array(3, u16()))
          .field("w", array(2, u64()))
          .field("ins", array(2, struct("rules.Inner")))
          .field("ptrs", array(3, pointer()))
          .field("longs", array(2, nativeLong()))
          .field("t", u8())
          .build();

  public static final StructModel ALIGNED_STRUCT =
      struct("rules.AlignedStruct", "rules_aligned_struct").align(16).field("a", u32()).build();

  public static final StructModel HOLDER =
      struct("rules.Holder", "rules_holder")
          .field("c", u8())
          .field("s", struct("rules.AlignedStruct"))
          .field("d", u8())
          .build();

  public static final StructModel SIGNED =
      struct("rules.Signed", "rules_signed_t")
          .typedef()
          .field("a", s8())
          .field("b", s16())
          .field("c", s32())
          .field("d", s64())
          .field("e", s8())
          .build();

  public static final StructModel ALIGNED_ARRAY =
      struct("rules.AlignedArray", "rules_aligned_array")
          .field("a", u8())
          .field("javaName", "b", array(4, u8()), 8)
          .build();

  public static final List<StructModel> ALL =
      List.of(
          PADDING,
          ALIGNED_MEMBER,
          LONGS,
          INNER,
          NESTED,
          ARRAYS,
          ALIGNED_STRUCT,
          HOLDER,
          SIGNED,
          ALIGNED_ARRAY);

  public static Function<String, StructModel> lookup() {
    return StructBuilder.lookup(ALL);
  }

  /** The resource holding the C declarations. */
  public static final String HEADER = "c-proofs/rules.h";
}
