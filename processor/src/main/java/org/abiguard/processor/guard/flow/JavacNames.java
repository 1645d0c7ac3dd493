package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/** How javac's attributed trees of the class analysed name things, for {@link Call}. */
final class JavacNames implements Call.Names {
  private final Trees trees;

  /** Per local variable asked about, whether it only ever holds the lambda it is declared with. */
  private final Map<Element, Boolean> onlyItsLambda = new HashMap<>();

  JavacNames(Trees trees) {
    this.trees = trees;
  }

  @Override
  public @Nullable Element element(TreePath path) {
    try {
      return trees.getElement(path);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public @Nullable TypeMirror type(TreePath path) {
    try {
      return trees.getTypeMirror(path);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public List<TypeElement> enclosingClasses(TreePath path) {
    List<TypeElement> out = new ArrayList<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree && element(p) instanceof TypeElement type) {
        out.add(type);
      }
    }
    return out;
  }

  @Override
  public boolean holdsOnlyItsLambda(TreePath receiver) {
    Element local = receiver.getLeaf() instanceof IdentifierTree ? element(receiver) : null;
    if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    Boolean known = onlyItsLambda.get(local);
    if (known == null) {
      known = LocalLambdas.holdsOnlyItsLambda(receiver, this::element);
      onlyItsLambda.put(local, known);
    }
    return known;
  }
}
