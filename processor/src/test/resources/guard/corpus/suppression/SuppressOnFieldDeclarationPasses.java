package corpus.suppression;

import org.abiguard.U8;

class Limits {
  @SuppressWarnings("abiguard:narrowing")
  @U8 static int legacyMax = 0x1FF;
}
