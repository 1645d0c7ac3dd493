package corpus.control;

import java.util.List;
import org.abiguard.U16;

class Queue {
  static void put(@U16 int v) {}

  static void drain(List<Integer> values) {
    for (Integer v : values) {
      put(v);
    }
    put(values.get(0));
  }
}
