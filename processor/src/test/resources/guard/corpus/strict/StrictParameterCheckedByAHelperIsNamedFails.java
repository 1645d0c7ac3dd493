package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

// a plain parameter a helper checked only in part: the message names it as its own evaluation
// does ("parameter 'm' of ..."), not by the text of the argument ("m")

final class HelperCheckedParameters {
  static void addOne(@U16 int v) {}

  private static boolean nonNegative(int v) {
    return v >= 0;
  }

  private static void requireNonNegative(int v) {
    if (v < 0) {
      throw new IllegalArgumentException();
    }
  }

  static void byPredicate(int m) {
    if (!nonNegative(m)) {
      return;
    }
    addOne(m);
    //     ^[abiguard:narrowing] parameter 'm' of byPredicate (s32) can reach parameter 'v' of addOne (u16): values 0x10000..0x7FFFFFFF would be truncated
  }

  static void byValidator(int n) {
    requireNonNegative(n);
    addOne(n);
    //     ^[abiguard:narrowing] parameter 'n' of byValidator (s32) can reach parameter 'v' of addOne (u16): values 0x10000..0x7FFFFFFF would be truncated
  }
}
