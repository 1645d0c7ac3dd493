package corpus.refinement;

import org.abiguard.U16;
import org.abiguard.U32;

class Reservation {
  @U32 long extentOrder;

  static void allocOrder(@U16 int order) {}

  int populate() {
    if (extentOrder > 0xFFFF) {
      return -22;
    }
    allocOrder((int) extentOrder);
    allocOrder((int) this.extentOrder);
    return 0;
  }
}
