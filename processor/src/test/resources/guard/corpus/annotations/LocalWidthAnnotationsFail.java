package corpus.annotations;

import org.abiguard.AbiWidth;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

class Locals {
  interface ByteOp {
    int apply(byte b);
  }

  static int run(int v) {
    @U8 double ratio = 0.5;
//  ^[abiguard:annotation] local 'ratio' of type double cannot hold @U8 (u8), which is an integer; declare it byte (raw bits), short, char, int or long
    @AbiWidth(12) int twelve = 1;
//  ^[abiguard:annotation] @AbiWidth declares 12 bits on local 'twelve', which is no C integer width; use 8, 16, 32 or 64
    @U32 short small = 2;
//  ^[abiguard:annotation] local 'small' of type short is narrower than @U32 (u32); declare it int (raw bits) or long
    @U16 @U32 long both = 3;
//       ^[abiguard:annotation] local 'both' declares its C type twice, with @U16 and @U32; keep exactly one of them
    @U16 String name = "x";
//  ^[abiguard:annotation] local 'name' of type String cannot hold @U16 (u16), which is an integer
    ByteOp f = (@U16 byte b) -> b;
//              ^[abiguard:annotation] lambda parameter 'b' of type byte is narrower than @U16 (u16); declare it short (raw bits), char, int or long
    Object o = new Object() {
      @AbiWidth(7) int seven;
//    ^[abiguard:annotation] @AbiWidth declares 7 bits on field seven of an anonymous class, which is no C integer width; use 8, 16, 32 or 64
    };
    @U16 int fine = v & 0xFFFF;
    return fine + twelve + small + (int) both + name.length() + f.apply((byte) 1) + (int) ratio + o.hashCode();
  }
}
