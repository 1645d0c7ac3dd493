package corpus.sinks;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_domctl_hdr")
class DomctlHeader {
  @U16 char domid;
  @U32 int cmd;
}

class Domctl {
  static void fill(DomctlHeader h, @U16 int domid) {
    h.domid = (char) domid;
    h.domid = (char) h.cmd;
    //        ^[abiguard:narrowing] field DomctlHeader.cmd (u32) can reach field DomctlHeader.domid (u16)
  }
}
