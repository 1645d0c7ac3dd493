package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.VariableTree;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The locals of one body that hold an object the body created and nothing else: declared with
 * {@code new} ({@code Req out = new Req();}) and never assigned again. A write of such a local's
 * field ({@code out.size = size;}) writes no object the body's caller holds, so a call of the body
 * need not forget the caller's facts of that field ({@link WrittenFields}, {@link
 * OtherClassWrites}). Filled by one walk of the body, asked once the walk is done.
 */
final class CreatedObjects {
  private final Map<String, Element> created = new HashMap<>();
  private final Set<String> assigned = new HashSet<>();

  /** Notes a local's declaration; {@code local} is its element, null when not known. */
  void declared(VariableTree variable, @Nullable Element local) {
    if (local != null
        && local.getKind() == ElementKind.LOCAL_VARIABLE
        && variable.getInitializer() != null
        && bare(variable.getInitializer()) instanceof NewClassTree) {
      if (created.putIfAbsent(variable.getName().toString(), local) != null) {
        assigned.add(variable.getName().toString()); // two of the name: neither is told apart
      }
    }
  }

  /** Notes a write of {@code target}: a local named there no longer holds only its new object. */
  void written(ExpressionTree target) {
    if (bare(target) instanceof IdentifierTree name) {
      assigned.add(name.getName().toString());
    }
  }

  /**
   * Whether {@code target} is a field of a local that holds only the object the body created;
   * {@code elementOf} gives the element a name of the body names.
   */
  boolean fieldOfCreated(
      ExpressionTree target, Function<IdentifierTree, @Nullable Element> elementOf) {
    if (!(bare(target) instanceof MemberSelectTree select)
        || !(bare(select.getExpression()) instanceof IdentifierTree receiver)) {
      return false;
    }
    String name = receiver.getName().toString();
    Element local = created.get(name);
    return local != null && !assigned.contains(name) && local.equals(elementOf.apply(receiver));
  }

  private static ExpressionTree bare(ExpressionTree expression) {
    ExpressionTree bare = expression;
    while (bare instanceof ParenthesizedTree parenthesized) {
      bare = parenthesized.getExpression();
    }
    return bare;
  }
}
