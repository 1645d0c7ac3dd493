package corpus.sign;

import org.abiguard.U16;
import org.abiguard.U64;
import org.abiguard.U8;

/**
 * The raw u32 bits of type << 24 widened to a long: Java sign-extends the upper half into
 * negative values, which a u64 sees as huge ones; and they do not fit a u16 at all.
 */
class Tags {
  static void wrmsr(@U64 long value) {}

  static void id(@U16 int id) {}

  static void widened(@U8 int type) {
    long wide = type << 24;
    wrmsr(wide);
    //    ^[abiguard:sign] expression `type << 24` can reach parameter 'value' of wrmsr (u64) through Java's sign-extending widening: raw u32 values 0x80000000..0xFFFFFFFF arrive as -0x80000000..-0x1
    id(type << 24);
    //      ^[abiguard:narrowing] expression `type << 24` can reach parameter 'id' of id (u16): values 0x10000..0xFF000000 would be truncated
  }
}
