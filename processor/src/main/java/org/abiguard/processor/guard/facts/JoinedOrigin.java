package org.abiguard.processor.guard.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The origin of a value joined from others ({@code found ? op.idx : -1}, or a variable given each
 * on a branch). It reads as the origin of the wider side, as a joined value's origin always did,
 * and keeps each side's origin with the values that side brought, so that a finding names the side
 * whose values the sink loses: {@code constant -0x1}, not {@code field Op.idx (u16)}, when a {@code
 * u16} parameter is given {@code -1}.
 */
public final class JoinedOrigin implements CharSequence {
  /** How many sides one joined origin keeps: a join of more names the wider side only. */
  private static final int MOST_SIDES = 4;

  /** One side of the join: its origin, and the values it brought in the joined fact's view. */
  private record Side(CharSequence origin, Range range) {}

  private final List<Side> sides;
  private final CharSequence named;

  private JoinedOrigin(List<Side> sides, CharSequence named) {
    this.sides = sides;
    this.named = named;
  }

  /**
   * The origin of the join of {@code a} and {@code b}, read as {@code named}; {@code aView} and
   * {@code bView} are the values of each in the view the joined range is in. A side that is itself
   * such a join, of these very values, brings its own sides.
   */
  static CharSequence of(CharSequence named, Fact a, Range aView, Fact b, Range bView) {
    List<Side> sides = new ArrayList<>(MOST_SIDES);
    addSides(sides, a.origin(), aView);
    addSides(sides, b.origin(), bView);
    return sides.size() > MOST_SIDES ? named : new JoinedOrigin(List.copyOf(sides), named);
  }

  private static void addSides(List<Side> sides, CharSequence origin, Range view) {
    if (origin instanceof JoinedOrigin joined && joined.hull().equals(view)) {
      sides.addAll(joined.sides);
    } else {
      sides.add(new Side(origin, view));
    }
  }

  /**
   * The origin a finding names for {@code fact}, which a sink takes all values of but {@code lost}:
   * of a join's sides that brought a lost value, the wider; the fact's own origin when it is no
   * join, or its range is no longer the one its sides brought (a cast or a check made it since).
   */
  public static CharSequence losing(Fact fact, List<Range> lost) {
    if (!(fact.origin() instanceof JoinedOrigin joined) || !joined.hull().equals(fact.range())) {
      return fact.origin();
    }
    Side chosen = null;
    for (Side side : joined.sides) {
      boolean loses = lost.stream().anyMatch(values -> side.range().intersect(values) != null);
      if (loses && (chosen == null || Fact.wider(side.range(), chosen.range()))) {
        chosen = side;
      }
    }
    return chosen == null ? fact.origin() : chosen.origin();
  }

  private Range hull() {
    Range hull = sides.get(0).range();
    for (Side side : sides) {
      hull = hull.hull(side.range());
    }
    return hull;
  }

  @Override
  public int length() {
    return named.length();
  }

  @Override
  public char charAt(int index) {
    return named.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return named.subSequence(start, end);
  }

  @Override
  public String toString() {
    return named.toString();
  }
}
