package org.abiguard.processor.guard.flow;

import com.sun.source.tree.Tree;
import org.abiguard.processor.guard.facts.Arith;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;

/** Java's integer operators on facts: binary numeric promotion, then the transfer function. */
final class Operators {
  private Operators() {}

  /** One operator on facts of the given Java types, with the result in {@code k}. */
  static Fact operate(Tree.Kind op, Fact a, JavaKind ka, Fact b, JavaKind kb, JavaKind k, CharSequence o) {
    Fact result = transfer(op, a, ka, b, kb, k, o);
    return result == null ? null : result.withAbi(Fact.fromAbi(a) || Fact.fromAbi(b));
  }

  private static Fact transfer(Tree.Kind op, Fact a, JavaKind ka, Fact b, JavaKind kb, JavaKind k, CharSequence o) {
    if (op == Tree.Kind.LEFT_SHIFT || op == Tree.Kind.RIGHT_SHIFT || op == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
      Fact x = Arith.convert(a, ka, k);
      String s = op == Tree.Kind.LEFT_SHIFT ? "<<" : op == Tree.Kind.RIGHT_SHIFT ? ">>" : ">>>";
      return Arith.shiftBy(s, x, b == null ? null : b.javaRange(), k, o);
    }
    Fact x = Arith.convert(a, ka, k);
    Fact y = Arith.convert(b, kb, k);
    return switch (op) {
      case PLUS -> Arith.additive('+', x, y, k, o);
      case MINUS -> Arith.additive('-', x, y, k, o);
      case MULTIPLY -> Arith.additive('*', x, y, k, o);
      case DIVIDE -> Arith.divide(x, y, k, o);
      case REMAINDER -> Arith.remainder(x, y, k, o);
      case AND -> Arith.and(x, y, k, o);
      case OR -> Arith.orXor(true, x, y, k, o);
      case XOR -> Arith.orXor(false, x, y, k, o);
      default -> null;
    };
  }

  /**
   * The value a compound assignment stores, before Java's implicit cast back to the target's
   * type (which, like an explicit cast, does not launder it). Raw unsigned bits stay unsigned
   * for {@code + - *}, which wrap alike either way.
   */
  static Fact update(Tree.Kind op, Fact old, JavaKind kt, Fact rhs, JavaKind kr, CharSequence o) {
    boolean shift = op == Tree.Kind.LEFT_SHIFT || op == Tree.Kind.RIGHT_SHIFT || op == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    JavaKind promoted = kt == JavaKind.LONG || !shift && kr == JavaKind.LONG ? JavaKind.LONG : JavaKind.INT;
    if (old != null && rhs != null && old.raw() != null && old.raw().bits() == kt.bits()
        && (op == Tree.Kind.PLUS || op == Tree.Kind.MINUS || op == Tree.Kind.MULTIPLY)) {
      Range x = old.range();
      Range y = rhs.javaRange();
      Range r = op == Tree.Kind.PLUS ? x.add(y) : op == Tree.Kind.MINUS ? x.subtract(y) : x.multiply(y);
      return Fact.in(r, kt, o, null, old.fromAbi() || rhs.fromAbi());
    }
    Fact v = operate(op, old, kt, rhs, kr, promoted, o);
    if (v != null && old != null && v.range().equals(old.range())) {
      v = v.withOrigin(old.origin());
    }
    return Arith.convert(v, promoted, kt);
  }

  static String operator(Tree.Kind op) {
    return switch (op) {
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
