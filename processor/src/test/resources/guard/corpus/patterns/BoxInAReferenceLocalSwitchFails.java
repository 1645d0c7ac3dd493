package corpus.patterns;

// JAVA: 21

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "boxed_switch_op")
final class BoxedSwitchOp {
  @U32 int space;
}

class BoxedSwitch {
  static void addOne(@U16 int space) {}

  // a switch over a box kept in an Object binds the value in the case of its own box
  static void switchPattern(BoxedSwitchOp op) {
    Object o = op.space;
    switch (o) {
      case Long wide -> addOne((int) (long) wide);
      case Integer space when space > 0xFF -> addOne(space);
      //                                             ^[abiguard:narrowing] field BoxedSwitchOp.space (u32) can reach parameter 'space' of addOne (u16)
      case Integer space -> addOne(space & 0xFF);
      default -> {}
    }
  }
}
