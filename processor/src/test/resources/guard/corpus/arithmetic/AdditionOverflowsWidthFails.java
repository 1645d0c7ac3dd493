package corpus.arithmetic;

import org.abiguard.U16;

class Ring {
  static void setProducer(@U16 int prod) {}

  static void advance(@U16 int prod) {
    setProducer((prod + 1) & 0xFFFF);
    setProducer(prod + 1);
    //               ^[abiguard:narrowing] expression `prod + 1` can reach parameter 'prod' of setProducer (u16): values 0x10000 would be truncated
  }
}
