package corpus.annotations;

import org.abiguard.AbiStruct;

class LocalMirrorWithoutWidths {
  static Object make() {
    @AbiStruct
//  ^[abiguard:annotation] @AbiStruct on local class Empty has no effect
    class Empty {}
    return new Empty();
  }
}
