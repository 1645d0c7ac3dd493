package corpus.strict;

// OPTIONS: -Aabiguard.mode=strict

import org.abiguard.AbiStruct;
import org.abiguard.U16;

@AbiStruct(name = "grant_args")
class GrantArgs {
  @U16 public int domid;
}

// a local array whose elements other code may reach, or that an index computed at run time reads,
// is not tracked element by element: its elements are any value of their Java type
class UntrackedLocalArrays {
  static void passedToAMethod(GrantArgs a) {
    long[] args = {a.domid};
    fill(args);
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] array element args[0] (s64) can reach parameter 'v' of useU16 (u16)
  }

  static void variableIndex(GrantArgs a, int i) {
    long[] args = {a.domid, a.domid};
    useU16((int) args[i]);
    //     ^[abiguard:narrowing] array element args[i] (s64) can reach parameter 'v' of useU16 (u16)
  }

  static void writtenByALambda(GrantArgs a) {
    long[] args = {a.domid};
    Runnable r = () -> args[0] = -1;
    r.run();
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] array element args[0] (s64) can reach parameter 'v' of useU16 (u16)
  }

  static void aliased(GrantArgs a) {
    long[] args = {a.domid};
    long[] same = args;
    same[0] = -1;
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] array element args[0] (s64) can reach parameter 'v' of useU16 (u16)
  }

  static void tooLongToTrack(GrantArgs a) {
    long[] args = new long[17];
    args[0] = a.domid;
    useU16((int) args[0]);
    //     ^[abiguard:narrowing] array element args[0] (s64) can reach parameter 'v' of useU16 (u16)
  }

  static void fill(long[] args) {
    args[0] = -1;
  }

  static void useU16(@U16 int v) {}
}
