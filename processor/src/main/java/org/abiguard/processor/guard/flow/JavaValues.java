package org.abiguard.processor.guard.flow;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * What the Java types and declarations alone say about a value: the integral type of an expression,
 * the fact of a plain Java value, and what a variable holds after a write.
 */
final class JavaValues {
  private final Context context;

  JavaValues(Context context) {
    this.context = context;
  }

  /** The Java integral kind of an expression's type, or null (not integral, or erroneous). */
  @Nullable JavaKind kind(TreePath path) {
    TypeMirror type = context.typeOf(path);
    return type == null || type.getKind() == TypeKind.ERROR
        ? null
        : context.declarations.kindOf(type);
  }

  /** The floating-point type of an expression's type, or null. */
  @Nullable Floating floating(TreePath path) {
    TypeMirror type = context.typeOf(path);
    return type == null || type.getKind() == TypeKind.ERROR
        ? null
        : context.declarations.floatingOf(type);
  }

  /**
   * The value of the expression at {@code from} as Java converts it to the type of the expression
   * at {@code to} (an assignment, a promotion, a branch of {@code ?:}).
   */
  @Nullable Fact convert(@Nullable Fact value, TreePath from, TreePath to) {
    return convert(value, from, context.typeOf(to));
  }

  /** The value of the expression at {@code from} as Java converts it to type {@code to}. */
  @Nullable Fact convert(@Nullable Fact value, TreePath from, @Nullable TypeMirror to) {
    Floating floating = context.declarations.floatingOf(to);
    if (floating != null) {
      return Floats.convert(value, kind(from), floating);
    }
    return Arith.convert(value, kind(from), context.declarations.kindOf(to));
  }

  /** Whether a variable of type {@code t} holds a number the guard follows. */
  boolean numeric(@Nullable TypeMirror t) {
    return context.declarations.kindOf(t) != null || context.declarations.floatingOf(t) != null;
  }

  /**
   * A floating-point value converted to integral type {@code to} (a cast, or a compound assignment
   * to an integer): what Java's conversion leaves of a known value; a plain value of {@code to}
   * (described by {@code description}) when the value is not known, or is a plain one that can be
   * anything.
   */
  @Nullable Fact integral(@Nullable Fact value, JavaKind to, Supplier<String> description) {
    Fact converted = Arith.convert(value, null, to);
    return converted == null || (!converted.fromAbi() && converted.range().contains(Range.of(to)))
        ? plain(to, description)
        : converted;
  }

  /**
   * The value of a plain floating-point expression: no fact in lenient mode, any value of its type
   * in strict mode (so that a check of it narrows it).
   */
  @Nullable Fact plain(Floating floating, Supplier<String> description) {
    return context.strict ? Floats.whole(floating, description.get(), false) : null;
  }

  /**
   * The value of a plain Java expression: no fact in lenient mode, its Java type's range in strict.
   */
  @Nullable Fact plain(@Nullable JavaKind kind, Supplier<String> description) {
    return context.strict && kind != null
        ? Declarations.javaTypeFact(kind, description.get())
        : null;
  }

  /**
   * An array's length ({@code body.length}), a plain Java value but never negative: 0..0x7FFFFFFF;
   * null for any other expression.
   */
  @Nullable Fact arrayLength(TreePath path) {
    if (path.getLeaf() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("length")
        && context.typeOf(new TreePath(path, select.getExpression())) instanceof ArrayType) {
      LocalArrays.Tracked tracked =
          context.localArrays.of(new TreePath(path, select.getExpression()), context);
      if (tracked != null) {
        int length = tracked.length();
        // a local array tracked element by element (LocalArrays) keeps the array it was created
        // with
        return Fact.plain(
            Range.point(java.math.BigInteger.valueOf(length)),
            Text.of(() -> "array length " + context.text(select) + " (" + length + ")"));
      }
      return Fact.plain(
          Range.of(0, Integer.MAX_VALUE), Text.of(() -> "array length " + context.text(select)));
    }
    return null;
  }

  /** The fact a variable holds after a write: the value's, within the declared width. */
  @Nullable Fact stored(Element variable, @Nullable Fact value) {
    Fact declared = context.declarations.readFact(variable);
    if (declared == null) {
      return value;
    }
    return value != null && declared.range().contains(value.range()) ? value : declared;
  }
}
