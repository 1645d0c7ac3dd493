package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/** Java's integer operators on facts: binary numeric promotion, then the transfer function. */
final class Operators {
  private Operators() {}

  /** One operator on facts of the given Java types, with the result in {@code kind}. */
  static @Nullable Fact operate(
      Tree.Kind operator,
      @Nullable Fact left,
      @Nullable JavaKind leftKind,
      @Nullable Fact right,
      @Nullable JavaKind rightKind,
      JavaKind kind,
      CharSequence origin) {
    Fact result = transfer(operator, left, leftKind, right, rightKind, kind, origin);
    return result == null ? null : result.from(left, right);
  }

  /**
   * One arithmetic operator ({@code + - * / %}) on two values of floating-point type {@code type}
   * (converted to it already); null for any other operator or an operand not known.
   */
  static @Nullable Fact operateFloating(
      Tree.Kind operator,
      @Nullable Fact left,
      @Nullable Fact right,
      Floating type,
      CharSequence origin) {
    char op =
        switch (operator) {
          case PLUS -> '+';
          case MINUS -> '-';
          case MULTIPLY -> '*';
          case DIVIDE -> '/';
          case REMAINDER -> '%';
          default -> ' ';
        };
    Fact result = op == ' ' ? null : Floats.arithmetic(op, left, right, type, origin);
    return result == null ? null : result.from(left, right);
  }

  private static @Nullable Fact transfer(
      Tree.Kind operator,
      @Nullable Fact left,
      @Nullable JavaKind leftKind,
      @Nullable Fact right,
      @Nullable JavaKind rightKind,
      JavaKind kind,
      CharSequence origin) {
    if (operator == Tree.Kind.LEFT_SHIFT
        || operator == Tree.Kind.RIGHT_SHIFT
        || operator == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
      if (right == null && (left == null || left.range().isPoint())) {
        // a constant shifted by a distance with no fact (lenient mode's plain value) is plain, as a
        // constant plus a plain value is: 1 << order, after order was checked, is no ABI value
        return null;
      }
      Fact shifted = Arith.convert(left, leftKind, kind);
      String symbol =
          operator == Tree.Kind.LEFT_SHIFT
              ? "<<"
              : operator == Tree.Kind.RIGHT_SHIFT ? ">>" : ">>>";
      return Arith.shiftBy(symbol, shifted, right == null ? null : right.javaRange(), kind, origin);
    }
    Fact x = Arith.convert(left, leftKind, kind);
    Fact y = Arith.convert(right, rightKind, kind);
    return switch (operator) {
      case PLUS -> Arith.additive('+', x, y, kind, origin);
      case MINUS -> Arith.additive('-', x, y, kind, origin);
      case MULTIPLY -> Arith.additive('*', x, y, kind, origin);
      case DIVIDE -> Arith.divide(x, y, kind, origin);
      case REMAINDER -> Arith.remainder(x, y, kind, origin);
      case AND -> Arith.and(x, y, kind, origin);
      case OR -> Arith.orXor(true, x, y, kind, origin);
      case XOR -> Arith.orXor(false, x, y, kind, origin);
      default -> null;
    };
  }

  /**
   * The value a compound assignment stores, before Java's implicit cast back to the target's type
   * (which, like an explicit cast, does not launder it). Raw unsigned bits stay unsigned for {@code
   * + - *}, which wrap alike either way, and wrap as they do in {@code x = x + y}: {@code
   * xatp.idx++} on a {@code u64} is C's own unsigned arithmetic, not a value narrowed into a sink.
   */
  static @Nullable Fact update(
      Tree.Kind operator,
      @Nullable Fact old,
      JavaKind targetKind,
      @Nullable Fact operand,
      @Nullable JavaKind operandKind,
      CharSequence origin) {
    boolean shift =
        operator == Tree.Kind.LEFT_SHIFT
            || operator == Tree.Kind.RIGHT_SHIFT
            || operator == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    JavaKind promoted =
        targetKind == JavaKind.LONG || (!shift && operandKind == JavaKind.LONG)
            ? JavaKind.LONG
            : JavaKind.INT;
    if (old != null
        && operand != null
        && old.raw() != null
        && old.raw().bits() == targetKind.bits()
        && (operator == Tree.Kind.PLUS
            || operator == Tree.Kind.MINUS
            || operator == Tree.Kind.MULTIPLY)) {
      Range x = old.range();
      Range y = operand.javaRange();
      Range result =
          operator == Tree.Kind.PLUS
              ? x.add(y)
              : operator == Tree.Kind.MINUS ? x.subtract(y) : x.multiply(y);
      // wraps as x = x + y does, in Java as in C: arithmetic on raw bits, not a narrowing
      return Arith.normalize(result, targetKind, true, origin).from(old, operand);
    }
    Fact value = operate(operator, old, targetKind, operand, operandKind, promoted, origin);
    if (value != null && old != null && value.range().equals(old.range())) {
      value = value.withOrigin(old.origin());
    }
    return Arith.convert(value, promoted, targetKind);
  }

  static String operator(Tree.Kind operator) {
    return switch (operator) {
      case PLUS -> "+";
      case MINUS -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case REMAINDER -> "%";
      case AND -> "&";
      case OR -> "|";
      case XOR -> "^";
      case LEFT_SHIFT -> "<<";
      case RIGHT_SHIFT -> ">>";
      default -> ">>>";
    };
  }

  /** The operator of a compound assignment ({@code +=} is {@code +}). */
  static Tree.Kind binaryOf(Tree.Kind compound) {
    return switch (compound) {
      case PLUS_ASSIGNMENT -> Tree.Kind.PLUS;
      case MINUS_ASSIGNMENT -> Tree.Kind.MINUS;
      case MULTIPLY_ASSIGNMENT -> Tree.Kind.MULTIPLY;
      case DIVIDE_ASSIGNMENT -> Tree.Kind.DIVIDE;
      case REMAINDER_ASSIGNMENT -> Tree.Kind.REMAINDER;
      case AND_ASSIGNMENT -> Tree.Kind.AND;
      case OR_ASSIGNMENT -> Tree.Kind.OR;
      case XOR_ASSIGNMENT -> Tree.Kind.XOR;
      case LEFT_SHIFT_ASSIGNMENT -> Tree.Kind.LEFT_SHIFT;
      case RIGHT_SHIFT_ASSIGNMENT -> Tree.Kind.RIGHT_SHIFT;
      default -> Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    };
  }
}
