package corpus.control;

import org.abiguard.U16;

class Checksum {
  static int sum(@U16 int... chunks) {
    @U16 int total = 0;
    for (int chunk : chunks) {
      total += chunk & 0xFF;
      //    ^[abiguard:narrowing] expression `total + chunk & 0xFF` can reach local 'total' (u16): values 0x10000..0x100FE would be truncated
    }
    return total;
  }
}
