package corpus.sources;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.abiguard.AbiWidth;
import org.abiguard.U16;

@AbiWidth(16)
@Retention(RetentionPolicy.CLASS)
@interface DomId {}

/** A typedef of a typedef: still u16. */
@DomId
@Retention(RetentionPolicy.CLASS)
@interface BackendId {}

class Backends {
  static void attach(@U16 int domid) {}

  static void attachBackend(@BackendId int backend) {
    attach(backend);
  }
}
