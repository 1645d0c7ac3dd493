package corpus.sources;

// ALSO STRICT

import com.google.common.primitives.Chars;
import com.google.common.primitives.Shorts;
import com.google.common.primitives.UnsignedBytes;
import com.google.common.primitives.UnsignedInts;
import org.abiguard.AbiStruct;
import org.abiguard.S16;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U64;
import org.abiguard.U8;

@AbiStruct(name = "cast_request")
class CastRequest {
  @U32 public long space;
  @U64 public long gpfn;
}

// Guava's checked casts throw unless the value fits their result type: the result fits it, and so
// does the argument once the call returns
class GuavaCheckedCasts {
  static void charResult(CastRequest r) {
    useU16(Chars.checkedCast(r.space));
  }

  static void charLocal(CastRequest r) {
    char c = Chars.checkedCast(r.gpfn);
    useU16(c);
  }

  static void argumentAfterTheCall(CastRequest r) {
    Chars.checkedCast(r.space);
    useU16((int) r.space);
  }

  static void unsignedByteMasked(CastRequest r) {
    useU8(UnsignedBytes.checkedCast(r.space) & 0xFF);
  }

  static void unsignedIntBits(CastRequest r) {
    useRawU32(UnsignedInts.checkedCast(r.gpfn));
  }

  // a u32 is never negative: what fits a short of it is 0..0x7FFF
  static void shortOfAnUnsignedValue(CastRequest r) {
    useS16(Shorts.checkedCast(r.space));
    useU16(Shorts.checkedCast(r.space));
  }

  static void useU8(@U8 int v) {}

  static void useU16(@U16 int v) {}

  static void useS16(@S16 int v) {}

  static void useRawU32(@U32 int v) {}
}
