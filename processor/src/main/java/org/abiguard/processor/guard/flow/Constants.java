package org.abiguard.processor.guard.flow;

import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.math.BigInteger;
import javax.lang.model.element.VariableElement;
import org.jspecify.annotations.Nullable;

/** Compile-time integer constants: literals, constant fields, their negation and complement. */
final class Constants {
  private Constants() {}

  static @Nullable BigInteger constant(Context context, TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return constant(context, new TreePath(path, parenthesized.getExpression()));
    }
    if (tree instanceof LiteralTree literal) {
      return integral(literal.getValue());
    }
    if (tree.getKind() == Tree.Kind.UNARY_MINUS) {
      BigInteger operand =
          constant(context, new TreePath(path, ((UnaryTree) tree).getExpression()));
      return operand == null ? null : inType(context, path, operand.negate());
    }
    if (tree.getKind() == Tree.Kind.BITWISE_COMPLEMENT) {
      BigInteger operand =
          constant(context, new TreePath(path, ((UnaryTree) tree).getExpression()));
      return operand == null ? null : inType(context, path, operand.not());
    }
    if (tree instanceof com.sun.source.tree.IdentifierTree || tree instanceof MemberSelectTree) {
      if (context.elementOf(path) instanceof VariableElement variable) {
        return integral(variable.getConstantValue());
      }
    }
    return null;
  }

  /**
   * The value Java computes for the expression: a negation wraps in its type, as {@code
   * -0x80000000} is {@code -0x80000000} (the literal already is).
   */
  private static BigInteger inType(Context context, TreePath path, BigInteger value) {
    javax.lang.model.type.TypeMirror type = context.typeOf(path);
    int bits =
        type == null
            ? 0
            : switch (type.getKind()) {
              case LONG -> 64;
              case INT -> 32;
              default -> 0;
            };
    if (bits == 0) {
      return value;
    }
    BigInteger size = BigInteger.ONE.shiftLeft(bits);
    BigInteger low = value.mod(size);
    return low.testBit(bits - 1) ? low.subtract(size) : low;
  }

  /**
   * The value of an expression that is a constant of another kind: {@code Boolean.TRUE} or {@code
   * FALSE} for a {@code boolean} literal or constant field, a {@code String} for a string one, the
   * element for an enum constant; null for anything else.
   */
  static @Nullable Object other(Context context, TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return other(context, new TreePath(path, parenthesized.getExpression()));
    }
    if (tree instanceof LiteralTree literal) {
      return literal.getValue() instanceof Boolean || literal.getValue() instanceof String
          ? literal.getValue()
          : null;
    }
    if (tree instanceof com.sun.source.tree.IdentifierTree || tree instanceof MemberSelectTree) {
      if (context.elementOf(path) instanceof VariableElement variable) {
        if (variable.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT) {
          return variable;
        }
        Object value = variable.getConstantValue();
        return value instanceof Boolean || value instanceof String ? value : null;
      }
    }
    return null;
  }

  static @Nullable BigInteger integral(@Nullable Object value) {
    if (value instanceof Character character) {
      return BigInteger.valueOf(character);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    return null;
  }
}
