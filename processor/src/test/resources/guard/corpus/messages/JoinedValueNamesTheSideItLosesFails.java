package corpus.messages;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;
import org.abiguard.U8;

@AbiStruct(name = "joined_op")
final class JoinedOp {
  @U16 int idx;
  @U32 int space;
  @U8 int order;
}

class Joined {
  static void useU16(@U16 int v) {}

  static void useU8(@U8 int v) {}

  // -1 is the one value a u16 parameter cannot take: the constant is named, not the field
  static void sentinel(JoinedOp op, boolean found) {
    int idx = found ? op.idx : -1;
    useU16(idx);
    //     ^[abiguard:sign] constant -0x1 can reach parameter 'v' of useU16 (u16): negative values -0x1 would become huge u16 values
  }

  static void sentinelOnABranch(JoinedOp op, boolean found) {
    int idx = -1;
    if (found) {
      idx = op.idx;
    }
    useU16(idx);
    //     ^[abiguard:sign] constant -0x1 can reach parameter 'v' of useU16 (u16): negative values -0x1 would become huge u16 values
  }

  // a value beside a constant the sink takes: the value is named
  static void valueBesideAConstant(JoinedOp op, boolean empty) {
    int next = empty ? 0 : op.order + 1;
    useU8(next);
    //    ^[abiguard:narrowing] expression `op.order + 1` can reach parameter 'v' of useU8 (u8): values 0x100 would be truncated
  }

  // both sides lose values: the wider, the field, is named
  static void bothLose(JoinedOp op, boolean found) {
    int space = found ? op.space : -1;
    useU16(space);
    //     ^[abiguard:narrowing] field JoinedOp.space (u32) can reach parameter 'v' of useU16 (u16)
  }

  // a check since the join leaves other values: the joined value's name, as before
  static void checkedSince(JoinedOp op, boolean found) {
    int idx = found ? op.space : -1;
    if (idx > 0xFFFF) {
      return;
    }
    useU16(idx);
    //     ^[abiguard:sign] field JoinedOp.space (u32) can reach parameter 'v' of useU16 (u16)
  }
}
