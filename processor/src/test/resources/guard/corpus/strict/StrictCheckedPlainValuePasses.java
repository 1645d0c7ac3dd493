package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

class Console {
  static void write(@U16 int length) {}

  static void print(String s) {
    int n = s.length();
    if (n < 0 || n > 0xFFFF) {
      throw new IllegalArgumentException("too long");
    }
    write(n);
  }
}
