package corpus.annotations;

import org.abiguard.AbiStruct;
import org.abiguard.AbiUnion;
import org.abiguard.U16;
import org.abiguard.U32;

class Hypercall {
  static int handle() {
    @AbiStruct(name = "xen_local")
//  ^[abiguard:annotation] @AbiStruct on local class XenLocal has no effect: javac hands local classes to no annotation processor, so abiguard writes no marshaller, manifest entry or C assertion for it; declare XenLocal as a top-level or member class
    class XenLocal {
      @U16 int domid;
    }
    @AbiUnion
//  ^[abiguard:annotation] @AbiUnion on local class Either has no effect
    record Either(@U32 int a, @U16 int b) {}
    return new XenLocal().domid;
  }
}
