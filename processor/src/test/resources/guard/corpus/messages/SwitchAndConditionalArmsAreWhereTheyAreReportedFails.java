package corpus.messages;

// JAVA: 21

import org.abiguard.U16;
import org.abiguard.U32;

class SpaceArms {
  @U32 long space;

  // a value a switch expression or a conditional gives a sink is reported at the arm that
  // does not fit, not at the switch or the condition
  static @U16 int pick(int k, SpaceArms s) {
    return switch (k) {
      case 0 -> 0;
      case 1 -> 0xFFFF;
      default -> (int) s.space;
      //         ^[abiguard:narrowing] field SpaceArms.space (u32) can reach return value of pick (u16): values 0x10000..0xFFFFFFFF would be truncated
    };
  }

  static @U16 int either(boolean c, SpaceArms s) {
    return c ? 0 : (int) s.space;
    //             ^[abiguard:narrowing] field SpaceArms.space (u32) can reach return value of either (u16): values 0x10000..0xFFFFFFFF would be truncated
  }

  static @U16 int nested(int k, SpaceArms s, boolean c) {
    return switch (k) {
      case 0 -> {
        yield c ? 1 : (int) s.space;
        //            ^[abiguard:narrowing] field SpaceArms.space (u32) can reach return value of nested (u16): values 0x10000..0xFFFFFFFF would be truncated
      }
      default -> 2;
    };
  }
}
