package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import java.util.List;
import java.util.Optional;
import org.abiguard.U16;

// a method reference given to a generic interface (Consumer<T>) receives values of the referenced
// method's parameter type: in strict mode any of them
class PortConsumers {
  static void write(@U16 Integer port) {}

  static void writeAll(@U16 int... ports) {}

  static void each(List<Integer> ports) {
    ports.forEach(PortConsumers::write);
    //            ^[abiguard:narrowing] parameter 1 of accept (s32) can reach parameter 'port' of write (u16) through method reference PortConsumers::write: values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  static void present(Optional<Integer> port) {
    port.ifPresent(PortConsumers::writeAll);
    //             ^[abiguard:narrowing] parameter 1 of accept (s32) can reach varargs parameter 'ports' of writeAll (u16) through method reference PortConsumers::writeAll: values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
  }

  static void checked(List<Integer> ports) {
    ports.forEach(
        p -> {
          if (p >= 0 && p <= 0xFFFF) {
            write(p);
          }
        });
  }
}
