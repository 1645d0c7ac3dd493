// JAVA: 21
package corpus.patterns;

import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

@AbiStruct(name = "xen_add_to_physmap_partly_guarded")
record PartlyGuardedAddToPhysmap(@U16 int domid, @U16 int size, @U32 long space) {}

/**
 * An earlier case's failed guard says nothing of values its pattern would not have matched, nor of
 * what it does not test.
 */
class PartlyGuardedDispatch {
  static int addToPhysmapOne(@U16 int space) {
    return space;
  }

  /** The guard tests another component. */
  static int otherComponent(Object arg) {
    return switch (arg) {
      case PartlyGuardedAddToPhysmap(var d, var s, var space) when d > 0xFF -> -22;
      case PartlyGuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
    //                                                                           ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }

  /** Values of another type never met the guard. */
  static int otherType(Object arg, PartlyGuardedAddToPhysmap op) {
    return switch (arg) {
      case Long l when l > 0xFFFF -> -22;
      case Integer i -> addToPhysmapOne((int) op.space());
    //                                  ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }

  /**
   * The earlier pattern does not match every value of the selector's type: a default case gets the
   * values it did not match, whatever the guard would have said.
   */
  static int defaultAfterANarrowerPattern(Object arg, PartlyGuardedAddToPhysmap op) {
    return switch (arg) {
      case PartlyGuardedAddToPhysmap a when op.space() > 0xFFFF -> -22;
      default -> addToPhysmapOne((int) op.space());
    //                           ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
    };
  }

  /** A later case whose pattern the earlier one does not cover (it matches more). */
  static int widerLaterPattern(Object arg, PartlyGuardedAddToPhysmap op) {
    return switch (arg) {
      case Long l when op.space() > 0xFFFF -> -22;
      case Number n -> addToPhysmapOne((int) op.space());
    //                                 ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }

  /** The guard's check was true on the way in: the later case gets the other values. */
  static int negated(Object arg) {
    return switch (arg) {
      case PartlyGuardedAddToPhysmap(var d, var s, var space) when space <= 0xFFFF -> addToPhysmapOne((int) space);
      case PartlyGuardedAddToPhysmap(var d, var s, var space) -> addToPhysmapOne((int) space);
    //                                                                           ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16): values 0x10000..0xFFFFFFFF would be truncated
      default -> -22;
    };
  }

  /** null reaches its case without testing the earlier pattern, nor its guard. */
  static int nullCase(PartlyGuardedAddToPhysmap arg, PartlyGuardedAddToPhysmap op) {
    return switch (arg) {
      case PartlyGuardedAddToPhysmap a when op.space() > 0xFFFF -> -22;
      case null, default -> addToPhysmapOne((int) op.space());
    //                                      ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
    };
  }

  /** Another component's check, from a record pattern to a type pattern. */
  static int otherComponentThenTypePattern(Object arg) {
    return switch (arg) {
      case PartlyGuardedAddToPhysmap(var d, var s, var space) when d > 0xFF -> -22;
      case PartlyGuardedAddToPhysmap a -> addToPhysmapOne((int) a.space());
    //                                                    ^[abiguard:narrowing] record component PartlyGuardedAddToPhysmap.space (u32) can reach parameter 'space' of addToPhysmapOne (u16)
      default -> -22;
    };
  }
}
