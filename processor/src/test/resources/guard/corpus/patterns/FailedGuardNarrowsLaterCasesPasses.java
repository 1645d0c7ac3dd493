// JAVA: 21
// ALSO STRICT
package corpus.patterns;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap_guarded")
record GuardedAddToPhysmap(@U16 int domid, @U16 int size, @U32 long space) {}

/**
 * A case is reached only by values whose earlier guards failed, where the earlier case's pattern
 * would have matched them: the later case may rely on the failed check.
 */
class FailedGuardDispatch {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  /** The same record pattern again. */
  static int samePattern(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFF -> -22;
      case GuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
      default -> -22;
    };
  }

  /** The same type pattern again, the check through the record's accessor. */
  static int sameTypePattern(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap a when a.space() > 0xFFFF -> -22;
      case GuardedAddToPhysmap a -> addToPhysmapOne((int) a.space());
      default -> -22;
    };
  }

  /** A box of the selector, checked by one case and used by the next. */
  static int boxes(GuardedAddToPhysmap op) {
    Object space = op.space();
    switch (space) {
      case Long l when l > 0xFFFF -> {
        return -22;
      }
      case Long l -> {
        return addToPhysmapOne((int) (long) l);
      }
      default -> {
        return -22;
      }
    }
  }

  /** A pattern that matches every value of the selector's type comes before every later case. */
  static int everyValue(GuardedAddToPhysmap op, long other) {
    return switch (op) {
      case GuardedAddToPhysmap a when a.space() > 0xFFFF || other < 0 || other > 0xFFFF -> -22;
      case GuardedAddToPhysmap a when a.domid() == 0x7FF0 -> addToPhysmapOne((int) op.space());
      default -> addToPhysmapOne((int) op.space()) + addToPhysmapOne((int) other);
    };
  }

  /** Two guards before, each failed. */
  static int twoGuards(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFFFF -> -22;
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFF -> -7;
      case GuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
      default -> -22;
    };
  }

  /** A guard that always holds where its pattern matches leaves nothing for the later case. */
  static int alwaysHolds(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap a when a.space() >= 0 -> 0;
      case GuardedAddToPhysmap a -> addToPhysmapOne((int) a.space());
      default -> -22;
    };
  }

  /** A record pattern before a type pattern of the same record. */
  static int recordPatternThenTypePattern(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFF -> -22;
      case GuardedAddToPhysmap a -> addToPhysmapOne((int) a.space());
      default -> -22;
    };
  }

  /** A type pattern before a record pattern of the same record. */
  static int typePatternThenRecordPattern(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap a when a.space() > 0xFFFF -> -22;
      case GuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
      default -> -22;
    };
  }

  /** A record pattern that matches every value of the selector's type, then the selector. */
  static int recordPatternThenSelector(GuardedAddToPhysmap op) {
    return switch (op) {
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFF -> -22;
      default -> addToPhysmapOne((int) op.space());
    };
  }

  /**
   * Many guarded cases before: the nearest ones count (at most eight are evaluated again for one
   * case, the nearest first).
   */
  static int manyGuards(Object arg) {
    return switch (arg) {
      case GuardedAddToPhysmap(var d, var s, var space) when d == 1 -> 1;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 2 -> 2;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 3 -> 3;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 4 -> 4;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 5 -> 5;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 6 -> 6;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 7 -> 7;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 8 -> 8;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 9 -> 9;
      case GuardedAddToPhysmap(var d, var s, var space) when d == 10 -> 10;
      case GuardedAddToPhysmap(var d, var s, var space) when space > 0xFFFF -> -22;
      case GuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
      default -> -22;
    };
  }
}
