package corpus.sources;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.abiguard.AbiWidth;

/** Typedefs: {@code typedef uint16_t domid_t;} and {@code typedef uint32_t grant_ref_t;}. */
@AbiWidth(16)
@Retention(RetentionPolicy.CLASS)
@interface DomId {}

@AbiWidth(32)
@Retention(RetentionPolicy.CLASS)
@interface GrantRef {}

class GrantTable {
  static void setOwner(@DomId int domid) {}

  static void transfer(@GrantRef int ref, @DomId int domid) {
    setOwner(domid);
    setOwner(ref);
    //       ^[abiguard:narrowing] parameter 'ref' of transfer (u32) can reach parameter 'domid' of setOwner (u16)
  }
}
