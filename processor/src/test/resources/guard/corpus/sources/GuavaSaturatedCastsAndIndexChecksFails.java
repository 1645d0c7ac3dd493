package corpus.sources;

// ALSO STRICT

import com.google.common.base.Preconditions;
import com.google.common.primitives.Chars;
import com.google.common.primitives.Ints;
import com.google.common.primitives.Shorts;
import org.abiguard.AbiStruct;
import org.abiguard.S32;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "unsaturated_request")
class UnsaturatedRequest {
  @U32 public long space;
  @S32 public int delta;
}

// a saturated cast bounds its result to its own type, and proves nothing of its argument; a
// position index may equal the size
class GuavaSaturatedCastsAndIndexChecksTooWide {
  static void shortOfASignedValue(UnsaturatedRequest r) {
    useU16(Shorts.saturatedCast(r.delta));
    //                         ^[abiguard:sign] result of Shorts.saturatedCast(...) (s16) can reach parameter 'v' of useU16 (u16): negative values -0x8000..-0x1 would become huge u16 values
  }

  static void intOfAU32(UnsaturatedRequest r) {
    useU16(Ints.saturatedCast(r.space));
    //                       ^[abiguard:narrowing] result of Ints.saturatedCast(...) (s32) can reach parameter 'v' of useU16 (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  static void argumentAfterTheCall(UnsaturatedRequest r) {
    Chars.saturatedCast(r.space);
    useU16((int) r.space);
    //     ^[abiguard:narrowing] field UnsaturatedRequest.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static void positionIndexEqualToTheSize(UnsaturatedRequest r) {
    int slot = (int) (r.space & 0x7FFFFFFF);
    Preconditions.checkPositionIndex(slot, 0x10000);
    useU16(slot);
    //     ^[abiguard:narrowing] expression `r.space & 0x7FFFFFFF` can reach parameter 'v' of useU16 (u16): values 0x10000 would be truncated
  }

  static void useU16(@U16 int v) {}
}
