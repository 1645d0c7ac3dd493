package org.abiguard.processor.guard.flow;

import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.math.BigInteger;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/** Compile-time integer constants: literals, constant fields, their negation. */
final class Constants {
  private Constants() {}

  static BigInteger constant(Trees trees, TreePath p) {
    Tree t = p.getLeaf();
    if (t instanceof ParenthesizedTree pt) {
      return constant(trees, new TreePath(p, pt.getExpression()));
    }
    if (t instanceof LiteralTree lt) {
      return integral(lt.getValue());
    }
    if (t.getKind() == Tree.Kind.UNARY_MINUS) {
      BigInteger v = constant(trees, new TreePath(p, ((UnaryTree) t).getExpression()));
      return v == null ? null : v.negate();
    }
    if (t instanceof com.sun.source.tree.IdentifierTree || t instanceof MemberSelectTree) {
      Element e = trees.getElement(p);
      if (e instanceof VariableElement ve) {
        return integral(ve.getConstantValue());
      }
    }
    return null;
  }

  static BigInteger integral(Object v) {
    if (v instanceof Character ch) {
      return BigInteger.valueOf(ch);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    return null;
  }
}
