package org.abiguard.processor.guard;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.flow.Declarations;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.jspecify.annotations.Nullable;

/**
 * An override must accept every value the method it overrides accepts: callers through the
 * supertype pass values of the supertype's declared parameter width. A parameter narrower than the
 * overridden one is an error on the override's parameter; so is a declared result wider than the
 * overridden method's.
 */
final class OverrideCheck {
  private final Trees trees;
  private final Declarations declarations;
  private final Reporter reporter;
  private final boolean strict;

  OverrideCheck(Trees trees, Declarations declarations, Reporter reporter, boolean strict) {
    this.trees = trees;
    this.declarations = declarations;
    this.reporter = reporter;
    this.strict = strict;
  }

  void check(TreePath classPath) {
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    if (!(trees.getElement(classPath) instanceof TypeElement type)) {
      return;
    }
    Set<Element> written = new HashSet<>();
    for (Tree member : classTree.getMembers()) {
      if (!(member instanceof MethodTree methodTree)) {
        continue;
      }
      TreePath methodPath = new TreePath(classPath, member);
      if (!(trees.getElement(methodPath) instanceof ExecutableElement method)) {
        continue;
      }
      written.add(method);
      if (!declarations.relevant(method)) {
        continue;
      }
      for (ExecutableElement base : declarations.overridden(method, type)) {
        compare(methodPath, methodTree, method, base);
      }
    }
    implicitAccessors(classPath, classTree, type, written);
  }

  /**
   * A record's accessors that the source does not write return their components: one that overrides
   * a method of a narrower declared result is an error on the component.
   */
  private void implicitAccessors(
      TreePath classPath, ClassTree classTree, TypeElement type, Set<Element> written) {
    if (type.getKind() != javax.lang.model.element.ElementKind.RECORD) {
      return;
    }
    for (javax.lang.model.element.RecordComponentElement component : type.getRecordComponents()) {
      ExecutableElement accessor = component.getAccessor();
      if (accessor == null || written.contains(accessor)) {
        continue;
      }
      TreePath at = componentPath(classPath, classTree, component);
      for (ExecutableElement base : declarations.overridden(accessor, type)) {
        compareResult(at, accessor, base, "record component " + component.getSimpleName());
      }
    }
  }

  /** The tree of a record component (the private field javac declares for it), or the class's. */
  private TreePath componentPath(
      TreePath classPath, ClassTree classTree, javax.lang.model.element.RecordComponentElement c) {
    for (Tree member : classTree.getMembers()) {
      if (member instanceof com.sun.source.tree.VariableTree variable
          && variable.getName().equals(c.getSimpleName())) {
        return new TreePath(classPath, member);
      }
    }
    return classPath;
  }

  private void compare(
      TreePath methodPath,
      MethodTree methodTree,
      ExecutableElement method,
      ExecutableElement base) {
    String owner = Declarations.enclosing(base).getSimpleName().toString();
    for (int i = 0; i < method.getParameters().size() && i < base.getParameters().size(); i++) {
      Width mine = declarations.width(method.getParameters().get(i));
      Range accepted =
          accepted(
              base.getParameters().get(i).asType(),
              declarations.width(base.getParameters().get(i)));
      if (mine == null || accepted == null || Range.of(mine).contains(accepted)) {
        continue;
      }
      Range lost =
          accepted.hi().compareTo(Range.of(mine).hi()) > 0
              ? new Range(
                  accepted.lo().max(Range.of(mine).hi().add(java.math.BigInteger.ONE)),
                  accepted.hi())
              : new Range(accepted.lo(), Range.of(mine).lo().subtract(java.math.BigInteger.ONE));
      String baseWidth =
          widthName(
              base.getParameters().get(i).asType(),
              declarations.width(base.getParameters().get(i)));
      reporter.report(
          AbiKind.NARROWING,
          trees,
          new TreePath(methodPath, methodTree.getParameters().get(i)),
          "parameter "
              + declarations.paramName(method, i)
              + " of "
              + Declarations.methodName(method)
              + " ("
              + mine
              + ") overrides parameter "
              + declarations.paramName(base, i)
              + " of "
              + owner
              + "."
              + base.getSimpleName()
              + " ("
              + baseWidth
              + "): callers through "
              + owner
              + " can pass values "
              + lost
              + ", which would be truncated\n  - declare the parameter "
              + baseWidth
              + " like the method it overrides");
    }
    compareResult(methodPath, method, base, "result of " + method.getSimpleName());
  }

  /** A declared result wider than the overridden method's is an error at {@code at}. */
  private void compareResult(
      TreePath at, ExecutableElement method, ExecutableElement base, String what) {
    String owner = Declarations.enclosing(base).getSimpleName().toString();
    Width mineResult = declarations.width(method);
    Width baseResult = declarations.width(base);
    if (mineResult != null
        && baseResult != null
        && !Range.of(baseResult).contains(Range.of(mineResult))) {
      reporter.report(
          AbiKind.NARROWING,
          trees,
          at,
          what
              + " ("
              + mineResult
              + ") overrides "
              + owner
              + "."
              + base.getSimpleName()
              + ", declared "
              + baseResult
              + ": callers through "
              + owner
              + " would receive values it does not declare"
              + "\n  - declare "
              + (what.startsWith("record component") ? "the component " : "the result ")
              + baseResult
              + " or narrower");
    }
  }

  /**
   * The values callers may pass to a parameter: its declared width, or in strict mode its Java
   * type.
   */
  private @Nullable Range accepted(TypeMirror type, @Nullable Width width) {
    if (width != null) {
      return Range.of(width);
    }
    JavaKind kind = declarations.kindOf(type);
    return strict && kind != null ? Range.of(kind) : null;
  }

  private String widthName(TypeMirror type, @Nullable Width width) {
    return width != null
        ? width.toString()
        : Declarations.javaWidth(
                Objects.requireNonNull(
                    declarations.kindOf(type),
                    "a parameter accepted without a width has an integral Java type"))
            .toString();
  }
}
