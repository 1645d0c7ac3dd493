package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.U16;

interface Port {
  @U16
  int port();
}

// an explicit accessor returns its component, with its width; an implementation of Port returns
// Port's width, which its callers may rely on
record Endpoint(@U16 int port) {
  public int port() {
    return port;
  }
}

record Listener(@U16 int port) implements Port {}

class CheckedPort implements Port {
  private final int value;

  CheckedPort(@U16 int value) {
    this.value = value;
  }

  @Override
  public int port() {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalStateException();
    }
    return value;
  }
}

class Endpoints {
  static void bind(@U16 int port) {}

  static void run(Endpoint e, Port p) {
    bind(e.port());
    bind(p.port());
  }
}
