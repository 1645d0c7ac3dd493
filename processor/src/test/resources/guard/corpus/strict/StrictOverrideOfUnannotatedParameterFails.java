package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

interface Sink {
  void put(int value);
}

class NarrowSink implements Sink {
  @Override
  public void put(@U16 int value) {}
  //                       ^[abiguard:narrowing] parameter 'value' of put (u16) overrides parameter 'value' of Sink.put (s32)
}
