package corpus.sinks;

import org.abiguard.U16;
import org.abiguard.U32;

class Header {
  int domid;

  void setDomid(@U16 int domid) {
    this.domid = domid;
  }
}

interface HeaderSetter {
  void set(Header h, @U32 int value);
}

class Setters {
  static HeaderSetter domid() {
    return Header::setDomid;
    //     ^[abiguard:narrowing] parameter 'value' of set (u32) can reach parameter 'domid' of setDomid (u16) through method reference Header::setDomid
  }
}
