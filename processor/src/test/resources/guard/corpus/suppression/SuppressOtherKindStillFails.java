package corpus.suppression;

import org.abiguard.U16;
import org.abiguard.U32;

class Legacy {
  static void addOne(@U16 int space) {}

  @SuppressWarnings({"unchecked", "abiguard:sign"})
  static void add(@U32 int space) {
    addOne(space);
    //     ^[abiguard:narrowing] parameter 'space' of add (u32) can reach parameter 'space' of addOne (u16)
  }
}
