package corpus.sources;

// ALSO STRICT

import com.google.common.base.Preconditions;
import com.google.common.primitives.Chars;
import com.google.common.primitives.Shorts;
import com.google.common.primitives.UnsignedBytes;
import com.google.common.primitives.UnsignedInts;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

@AbiStruct(name = "saturated_request")
class SaturatedRequest {
  @U32 public long space;
  @U64 public long gpfn;
}

// a saturated cast returns the nearest value its type holds; Guava's index checks return only
// for an index within the size (checkElementIndex) or up to it (checkPositionIndex)
class GuavaSaturatedCastsAndIndexChecks {
  static void charOfAU64(SaturatedRequest r) {
    useU16(Chars.saturatedCast(r.gpfn));
  }

  // a u32 saturated into a short is 0..0x7FFF
  static void shortOfAU32(SaturatedRequest r) {
    useU16(Shorts.saturatedCast(r.space));
  }

  static void unsignedByteMasked(SaturatedRequest r) {
    useU8(UnsignedBytes.saturatedCast(r.space) & 0xFF);
  }

  static void unsignedIntBits(SaturatedRequest r) {
    useRawU32(UnsignedInts.saturatedCast(r.gpfn));
  }

  static void elementIndex(SaturatedRequest r) {
    int slot = Preconditions.checkElementIndex((int) (r.space & 0x7FFFFFFF), 0x10000);
    useU16(slot);
  }

  static void positionIndexOfALocal(SaturatedRequest r) {
    int slot = (int) (r.space & 0x7FFFFFFF);
    Preconditions.checkPositionIndex(slot, 0xFFFF, "slot");
    useU16(slot);
  }

  static void useU8(@U8 int v) {}

  static void useU16(@U16 int v) {}

  static void useRawU32(@U32 int v) {}
}
