package corpus.sources;

import org.abiguard.U16;

class Console {
  static int lastWritten;

  static void write(@U16 int length) {}

  static int measure(String s) {
    return s.length();
  }

  static void print(String s, int extra) {
    write(s.length());
    write(measure(s));
    write(extra);
    write(lastWritten + extra);
  }
}
