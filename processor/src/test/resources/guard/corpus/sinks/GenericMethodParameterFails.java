package corpus.sinks;

import java.util.List;
import org.abiguard.U16;
import org.abiguard.U32;

class Xenstore {
  static <T> void write(T path, List<? extends T> values, @U16 int txId) {}

  static void commit(String path, @U32 int transaction) {
    write(path, List.of("a"), transaction);
    //                        ^[abiguard:narrowing] parameter 'transaction' of commit (u32) can reach parameter 'txId' of write (u16)
  }
}
