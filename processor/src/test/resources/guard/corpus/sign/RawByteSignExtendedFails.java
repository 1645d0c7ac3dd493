package corpus.sign;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U8;

@AbiStruct(name = "blkif_request")
class BlkifRequest {
  @U8 byte operation;
  @U8 byte nrSegments;
}

class Blkback {
  static void countSegments(@U16 int n) {}

  static void handle(BlkifRequest req) {
    countSegments(req.nrSegments);
    //               ^[abiguard:sign] field BlkifRequest.nrSegments (u8) can reach parameter 'n' of countSegments (u16) through Java's sign-extending widening: raw u8 values 0x80..0xFF arrive as -0x80..-0x1
    countSegments(Byte.toUnsignedInt(req.nrSegments));
    countSegments(req.operation & 0xFF);
  }
}
