package corpus.sinks;

import java.util.Arrays;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "frame_list")
class FrameList {
  @U16 @AbiArray(4) public int[] frames;
  @U32 @AbiArray(4) public int[] wide;
}

class FrameWrites {
  static void fill(FrameList e, @U32 long gpfn) {
    Arrays.fill(e.frames, (int) gpfn);
    //                    ^[abiguard:narrowing] parameter 'gpfn' of fill (u32) can reach element of field FrameList.frames (u16) through Arrays.fill: values 0x10000..0xFFFFFFFF would be truncated
    Arrays.fill(e.frames, 1, 3, (int) gpfn);
    //                          ^[abiguard:narrowing] parameter 'gpfn' of fill (u32) can reach element of field FrameList.frames (u16) through Arrays.fill: values 0x10000..0xFFFFFFFF would be truncated
  }

  static void copy(FrameList e, FrameList other) {
    System.arraycopy(new int[] {0x10000}, 0, e.frames, 0, 1);
    //                          ^[abiguard:narrowing] constant 0x10000 can reach element of field FrameList.frames (u16) through System.arraycopy: values 0x10000 would be truncated
    System.arraycopy(other.wide, 0, e.frames, 0, 4);
    //                    ^[abiguard:narrowing] element of field FrameList.wide (u32) can reach element of field FrameList.frames (u16) through System.arraycopy: values 0x10000..0xFFFFFFFF would be truncated
    int[] t = {1, 0x10001};
    //            ^[abiguard:narrowing] constant 0x10001 can reach element of field FrameList.frames (u16), through local array t (copied by System.arraycopy on line 30): values 0x10001 would be truncated
    System.arraycopy(t, 0, e.frames, 0, 2);
  }

  // the values stored into a local array are reported where they are stored
  static void local(FrameList e, @U32 long gpfn, int i) {
    int[] t = new int[4];
    t[0] = (int) gpfn;
    //     ^[abiguard:narrowing] parameter 'gpfn' of local (u32) can reach element of field FrameList.frames (u16), through local array t (stored into the field on line 38): values 0x10000..0xFFFFFFFF would be truncated
    e.frames = t;
    t[i] = 0x10002;
    //     ^[abiguard:narrowing] constant 0x10002 can reach element of field FrameList.frames (u16): values 0x10002 would be truncated
  }

  static void initialized(FrameList e) {
    int[] t = {0x10000, 0, 0, 0};
    //         ^[abiguard:narrowing] constant 0x10000 can reach element of field FrameList.frames (u16), through local array t (stored into the field on line 46): values 0x10000 would be truncated
    e.frames = t;
  }

  static void wider(FrameList e, FrameList other) {
    e.frames = other.wide;
    //              ^[abiguard:narrowing] element of field FrameList.wide (u32) can reach element of field FrameList.frames (u16): values 0x10000..0xFFFFFFFF would be truncated
  }
}
