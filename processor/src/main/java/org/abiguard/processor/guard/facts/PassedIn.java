package org.abiguard.processor.guard.facts;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The origin of a fact that a private method's analysis starts from, joined from what each of its
 * calls passed in ({@code field Map.space (u32)}, as the method's own read of the field names it).
 * It reads as that name, and keeps each call with the values it passed, so that a finding in the
 * method can say which calls bring the values the sink loses: the caller that does not check, where
 * the others do.
 */
public final class PassedIn extends NamedOrigin {
  /**
   * One call: where it is ({@code the call of addOne in unchecked (line 22)}) and the values it
   * passed, null when it passed a value of no known range.
   */
  public record Call(String where, @Nullable Range values) {}

  private final Range joined;
  private final List<Call> calls;

  private PassedIn(CharSequence named, Range joined, List<Call> calls) {
    super(named);
    this.joined = joined;
    this.calls = calls;
  }

  /**
   * The fact {@code joined}, the join of what {@code calls} passed, with an origin that keeps them;
   * as it is when the calls' values do not make up its range exactly (one passed raw bits, another
   * a plain value, and the join is in another view), where no call could be told from another.
   */
  public static Fact of(Fact joined, List<Call> calls) {
    Range hull = null;
    for (Call call : calls) {
      Range values = call.values();
      if (values == null) {
        hull = joined.range();
        continue;
      }
      hull = hull == null ? values : hull.hull(values);
    }
    if (calls.isEmpty() || !joined.range().equals(hull)) {
      return joined;
    }
    return joined.withOrigin(new PassedIn(joined.origin(), joined.range(), List.copyOf(calls)));
  }

  /**
   * Where the calls are that passed some of the values {@code lost}, of a value whose range is
   * {@code view}: none unless that is still the range the calls passed (a cast or a sum since makes
   * other values, which no call passed as such).
   */
  List<String> losing(Range view, List<Range> lost) {
    List<String> found = new ArrayList<>();
    if (!view.equals(joined)) {
      return found;
    }
    for (Call call : calls) {
      Range values = call.values();
      if (values == null || lost.stream().anyMatch(l -> values.intersect(l) != null)) {
        found.add(call.where());
      }
    }
    return found;
  }
}
