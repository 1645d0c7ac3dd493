package org.abiguard.processor.guard.facts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The origin of a value joined from others ({@code found ? op.idx : -1}, or a variable given each
 * on a branch). It reads as the origin of the wider side, as a joined value's origin always did,
 * and keeps each side's origin with the values that side brought, so that a finding names the side
 * whose values the sink loses: {@code constant -0x1}, not {@code field Op.idx (u16)}, when a {@code
 * u16} parameter is given {@code -1}.
 *
 * <p>A join is made at every merge of branches and read only when a finding is reported, so it
 * keeps its two sides as given and walks them only then.
 */
public final class JoinedOrigin extends NamedOrigin {
  /** How many sides one joined origin keeps: a join of more names the wider side only. */
  private static final int MOST_SIDES = 4;

  /** A side of the join: its origin, and the values it brought in the joined fact's view. */
  private record Side(CharSequence origin, Range range) {}

  private final Side a;
  private final Side b;
  private final Range hull;
  private final int sides;

  private JoinedOrigin(CharSequence named, Side a, Side b, int sides) {
    super(named);
    this.a = a;
    this.b = b;
    this.hull = a.range().hull(b.range());
    this.sides = sides;
  }

  /**
   * The origin of the join of {@code a} and {@code b}, read as {@code named}; {@code aView} and
   * {@code bView} are the values of each in the view the joined range is in. A side that is itself
   * such a join, of these very values, counts with its own sides.
   */
  static CharSequence of(CharSequence named, Fact a, Range aView, Fact b, Range bView) {
    Side first = new Side(a.origin(), aView);
    Side second = new Side(b.origin(), bView);
    int sides = sides(first) + sides(second);
    return sides > MOST_SIDES ? named : new JoinedOrigin(named, first, second, sides);
  }

  /** The join a side is, where it brought exactly that join's values; else null. */
  private static @Nullable JoinedOrigin joinOf(Side side) {
    return named(side.origin()) instanceof JoinedOrigin joined && joined.hull.equals(side.range())
        ? joined
        : null;
  }

  /**
   * The origin an origin reads as: what a {@link PassedIn}'s calls were joined under, or itself.
   */
  private static CharSequence named(CharSequence origin) {
    return origin instanceof PassedIn passed ? passed.named : origin;
  }

  private static int sides(Side side) {
    JoinedOrigin joined = joinOf(side);
    return joined != null ? joined.sides : 1;
  }

  /**
   * The origin a finding names for {@code fact}, which a sink takes all values of but {@code lost}:
   * of a join's sides that brought a lost value, the wider; the fact's own origin when it is no
   * join, or its range is no longer the one its sides brought (a cast or a check made it since).
   */
  public static CharSequence losing(Fact fact, List<Range> lost) {
    if (!(named(fact.origin()) instanceof JoinedOrigin joined)
        || !joined.hull.equals(fact.range())) {
      return fact.origin();
    }
    Side chosen = joined.losing(lost, null);
    return chosen == null ? fact.origin() : chosen.origin();
  }

  /**
   * Where the calls are that passed into a private method some of the values {@code lost} of {@code
   * fact}, a sink takes all others, as its origin knows them ({@link PassedIn}), each once and in
   * the order they were joined; none when the origin keeps no calls, or the fact's values are no
   * longer those the calls passed.
   */
  public static List<String> losingCalls(Fact fact, List<Range> lost) {
    Set<String> found = new LinkedHashSet<>();
    calls(new Side(fact.origin(), fact.range()), lost, found);
    return List.copyOf(found);
  }

  private static void calls(Side side, List<Range> lost, Set<String> found) {
    if (side.origin() instanceof PassedIn passed) {
      found.addAll(passed.losing(side.range(), lost));
    }
    JoinedOrigin joined = joinOf(side);
    if (joined != null) {
      calls(joined.a, lost, found);
      calls(joined.b, lost, found);
    }
  }

  /** Of this join's sides (in order, nested joins walked) and {@code chosen}, the one to name. */
  private @Nullable Side losing(List<Range> lost, @Nullable Side chosen) {
    return losing(b, lost, losing(a, lost, chosen));
  }

  private static @Nullable Side losing(Side side, List<Range> lost, @Nullable Side chosen) {
    JoinedOrigin joined = joinOf(side);
    if (joined != null) {
      return joined.losing(lost, chosen);
    }
    boolean loses = lost.stream().anyMatch(values -> side.range().intersect(values) != null);
    return loses && (chosen == null || Fact.wider(side.range(), chosen.range())) ? side : chosen;
  }
}
