package corpus.sources;

// ALSO STRICT

import com.google.common.primitives.Ints;
import com.google.common.primitives.UnsignedBytes;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

@AbiStruct(name = "wide_cast_request")
class WideCastRequest {
  @U32 public long space;
  @U64 public long gpfn;
}

// a checked cast proves its own type's range, no narrower
class GuavaCheckedCastsTooWide {
  static void intOfAU32(WideCastRequest r) {
    Ints.checkedCast(r.space);
    useU16((int) r.space);
    //     ^[abiguard:narrowing] field WideCastRequest.space (u32) can reach parameter 'v' of useU16 (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  // a u64 above 0x7FFFFFFFFFFFFFFF is a negative long, which an int may hold
  static void intOfAU64(WideCastRequest r) {
    useU16(Ints.checkedCast(r.gpfn));
    //                     ^[abiguard:narrowing] result of Ints.checkedCast(...) (s32) can reach parameter 'v' of useU16 (u16): values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  // the raw bits of a u8 in a byte are negative once widened
  static void unsignedByteUnmasked(WideCastRequest r) {
    useU8(UnsignedBytes.checkedCast(r.space));
    //                             ^[abiguard:sign] result of UnsignedBytes.checkedCast(...) (u8) can reach parameter 'v' of useU8 (u8) through Java's sign-extending widening: raw u8 values 0x80..0xFF arrive as -0x80..-0x1
  }

  static void useU8(@U8 int v) {}

  static void useU16(@U16 int v) {}
}
