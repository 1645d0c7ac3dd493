package corpus.sign;

import org.abiguard.U16;

class Domains {
  static final int DOMID_SELF_JAVA = -1;

  static void pause(@U16 int domid) {}

  static void pauseSelf() {
    pause(0x7FF0);
    pause(DOMID_SELF_JAVA);
    //    ^[abiguard:sign] constant DOMID_SELF_JAVA = -0x1 can reach parameter 'domid' of pause (u16): negative values -0x1 would become huge u16 values
  }
}
