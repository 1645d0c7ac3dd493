package corpus.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.abiguard.U16;
import org.abiguard.U32;

class Loader {
  static void setLength(@U16 int len) {}

  static void load(@U32 int total) throws IOException {
    try (InputStream in = new ByteArrayInputStream(new byte[0])) {
      setLength(total);
      //        ^[abiguard:narrowing] parameter 'total' of load (u32) can reach parameter 'len' of setLength (u16)
      in.read();
    }
  }
}
