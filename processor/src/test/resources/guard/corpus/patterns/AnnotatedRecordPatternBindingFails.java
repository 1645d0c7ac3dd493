package corpus.patterns;

// JAVA: 21

import org.abiguard.U16;
import org.abiguard.U32;

record AddSpace(@U32 long space) {}

// a record pattern's binding that declares a width of its own is a sink for the component
class AddSpaces {
  static int narrower(Object o) {
    if (o instanceof AddSpace(@U16 long s)) {
    //                        ^[abiguard:narrowing] record component AddSpace.space (u32) can reach local 's' (u16): values 0x10000..0xFFFFFFFF would be truncated
      return (int) s;
    }
    return 0;
  }

  static long same(Object o) {
    if (o instanceof AddSpace(@U32 long s)) {
      return s;
    }
    return 0;
  }
}
