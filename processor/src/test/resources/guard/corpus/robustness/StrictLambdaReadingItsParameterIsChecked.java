package corpus.robustness;

// OPTIONS: -Aabiguard.mode=strict

import java.util.List;
import org.abiguard.U16;

class Frames {
  static void put(@U16 int v) {}

  static void drop(List<Integer> frames, @U16 int domid) {
    frames.removeIf(v -> v == 0);
    frames.forEach(v -> put(v));
    //                      ^[abiguard:narrowing] lambda parameter 'v' (s32) can reach parameter 'v' of put (u16)
    put(domid);
  }
}
