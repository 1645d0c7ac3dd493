package canary;

import org.abiguard.U16;
import org.abiguard.U32;

/** The one narrowing in this build: proof that the flow guard ran over the real code beside it. */
public class Canary {
  @U32 public long space;

  static void take(@U16 int space) {}

  void call() {
    take((int) space);
  }
}
