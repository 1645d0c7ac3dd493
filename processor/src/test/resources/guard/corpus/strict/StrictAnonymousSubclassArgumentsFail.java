package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;
import org.abiguard.U32;

abstract class PortSink {
  PortSink(@U16 int port) {}

  abstract void go();
}

// an anonymous subclass's arguments are held to the superclass constructor's parameters where it
// is created; the constructor javac writes for it passes them on and is not a second sink
class PortSinks {
  @U16 int dom;
  @U32 int wide;

  PortSink fits() {
    return new PortSink(dom) {
      @Override
      void go() {}
    };
  }

  PortSink tooWide() {
    return new PortSink(wide) {
    //                  ^[abiguard:narrowing] field PortSinks.wide (u32) can reach parameter 'port' of constructor PortSink (u16): values 0x10000..0xFFFFFFFF would be truncated
      @Override
      void go() {}
    };
  }
}
