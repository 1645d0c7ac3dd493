package org.abiguard.processor.guard;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;

/**
 * An override must accept every value the method it overrides accepts: callers through the
 * supertype pass values of the supertype's declared parameter width. A parameter narrower
 * than the overridden one is an error on the override's parameter; so is a declared result
 * wider than the overridden method's.
 */
final class OverrideCheck {
  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final Declarations decls;
  private final Reporter reporter;
  private final boolean strict;

  OverrideCheck(Trees trees, Types types, Elements elements, Declarations decls, Reporter reporter, boolean strict) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
    this.decls = decls;
    this.reporter = reporter;
    this.strict = strict;
  }

  void check(TreePath classPath) {
    ClassTree ct = (ClassTree) classPath.getLeaf();
    if (!(trees.getElement(classPath) instanceof TypeElement type)) {
      return;
    }
    for (Tree member : ct.getMembers()) {
      if (!(member instanceof MethodTree mt)) {
        continue;
      }
      TreePath mp = new TreePath(classPath, member);
      if (!(trees.getElement(mp) instanceof ExecutableElement m) || !decls.relevant(m)) {
        continue;
      }
      for (ExecutableElement base : overridden(m, type)) {
        compare(mp, mt, m, base);
      }
    }
  }

  private void compare(TreePath mp, MethodTree mt, ExecutableElement m, ExecutableElement base) {
    String owner = base.getEnclosingElement().getSimpleName().toString();
    for (int i = 0; i < m.getParameters().size() && i < base.getParameters().size(); i++) {
      Width mine = decls.width(m.getParameters().get(i));
      Range accepted = accepted(base.getParameters().get(i).asType(), decls.width(base.getParameters().get(i)));
      if (mine == null || accepted == null || Range.of(mine).contains(accepted)) {
        continue;
      }
      Range lost = accepted.hi().compareTo(Range.of(mine).hi()) > 0
          ? new Range(accepted.lo().max(Range.of(mine).hi().add(java.math.BigInteger.ONE)), accepted.hi())
          : new Range(accepted.lo(), Range.of(mine).lo().subtract(java.math.BigInteger.ONE));
      String baseWidth = widthName(base.getParameters().get(i).asType(), decls.width(base.getParameters().get(i)));
      reporter.report(AbiKind.NARROWING, trees, new TreePath(mp, mt.getParameters().get(i)),
          "parameter " + decls.paramName(m, i) + " of " + Declarations.methodName(m) + " (" + mine
              + ") overrides parameter " + decls.paramName(base, i) + " of " + owner + "." + base.getSimpleName()
              + " (" + baseWidth + "): callers through " + owner + " can pass values " + lost
              + ", which would be truncated\n  - declare the parameter " + baseWidth + " like the method it overrides");
    }
    Width mineRet = decls.width(m);
    Width baseRet = decls.width(base);
    if (mineRet != null && baseRet != null && !Range.of(baseRet).contains(Range.of(mineRet))) {
      reporter.report(AbiKind.NARROWING, trees, mp,
          "result of " + m.getSimpleName() + " (" + mineRet + ") overrides " + owner + "." + base.getSimpleName()
              + ", declared " + baseRet + ": callers through " + owner + " would receive values it does not declare"
              + "\n  - declare the result " + baseRet + " or narrower");
    }
  }

  /** The values callers may pass to a parameter: its declared width, or in strict mode its Java type. */
  private Range accepted(TypeMirror t, Width w) {
    if (w != null) {
      return Range.of(w);
    }
    JavaKind k = decls.kindOf(t);
    return strict && k != null ? Range.of(k) : null;
  }

  private String widthName(TypeMirror t, Width w) {
    return w != null ? w.toString() : Declarations.javaWidth(decls.kindOf(t)).toString();
  }

  private Set<ExecutableElement> overridden(ExecutableElement m, TypeElement type) {
    Set<ExecutableElement> out = new java.util.LinkedHashSet<>();
    Deque<TypeMirror> todo = new ArrayDeque<>(types.directSupertypes(type.asType()));
    Set<Element> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeMirror t = todo.pop();
      if (!(t instanceof DeclaredType dt) || !seen.add(dt.asElement())) {
        continue;
      }
      for (ExecutableElement other : ElementFilter.methodsIn(dt.asElement().getEnclosedElements())) {
        if (other.getSimpleName().equals(m.getSimpleName())
            && other.getParameters().size() == m.getParameters().size()
            && elements.overrides(m, other, type)) {
          out.add(other);
        }
      }
      todo.addAll(types.directSupertypes(t));
    }
    return out;
  }
}
