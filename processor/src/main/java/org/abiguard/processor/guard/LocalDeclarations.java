package org.abiguard.processor.guard;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.guard.flow.Declarations;
import org.abiguard.processor.model.DeclaredWidth;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.model.WidthReader;
import org.jspecify.annotations.Nullable;

/**
 * Checks the annotations that only the guard can see, because javac hands annotation processors no
 * element inside a method body: width annotations on local variables, lambda parameters and the
 * members of local and anonymous classes (the Java type must hold the width, the width must be a C
 * integer width, and there is one width declaration), and {@code @AbiStruct} or {@code @AbiUnion}
 * on a local class, which no processor ever receives. Each problem is an {@code
 * [abiguard:annotation]} error on the annotation.
 */
final class LocalDeclarations {
  private static final String ABI_STRUCT = "org.abiguard.AbiStruct";
  private static final String ABI_UNION = "org.abiguard.AbiUnion";

  private final Trees trees;
  private final Declarations decls;
  private final Reporter reporter;
  private final WidthReader widths = new WidthReader();

  LocalDeclarations(Trees trees, Declarations decls, Reporter reporter) {
    this.trees = trees;
    this.decls = decls;
    this.reporter = reporter;
  }

  /** Checks the bodies of a class's members; its member classes are checked on their own. */
  void check(TreePath classPath) {
    Scanner scanner = new Scanner();
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (!(member instanceof ClassTree)) {
        scanner.scan(new TreePath(classPath, member), null);
      }
    }
  }

  /** Whether a type tree has a type annotation anywhere ({@code int @U8 []}, {@code @U8 int}). */
  private static final class AnnotatedTypeFinder extends TreeScanner<Boolean, Void> {
    @Override
    public Boolean visitAnnotatedType(AnnotatedTypeTree node, Void unused) {
      return true;
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    /** How many local or anonymous classes enclose the tree being scanned. */
    private int localDepth;

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      Element e = trees.getElement(getCurrentPath());
      if (e instanceof TypeElement te && te.getNestingKind() == NestingKind.LOCAL) {
        localMirror(te, node.getModifiers());
      }
      localDepth++;
      try {
        return super.visitClass(node, null);
      } finally {
        localDepth--;
      }
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      if (annotated(node)) {
        Element e = trees.getElement(getCurrentPath());
        if (e != null && isLocal(e)) {
          width(e, e.asType(), node.getModifiers());
        }
      }
      return super.visitVariable(node, null);
    }

    /**
     * Whether the declaration carries an annotation at all, on its modifiers or its type ({@code
     * int @U8 [] a}): a width is always written there, so that most variables cost no element.
     */
    private boolean annotated(VariableTree node) {
      if (!node.getModifiers().getAnnotations().isEmpty()) {
        return true;
      }
      Tree type = node.getType();
      return type != null && Boolean.TRUE.equals(new AnnotatedTypeFinder().scan(type, null));
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      if (localDepth > 0
          && trees.getElement(getCurrentPath()) instanceof ExecutableElement m
          && m.getKind() == ElementKind.METHOD) {
        width(m, m.getReturnType(), node.getModifiers());
      }
      return super.visitMethod(node, null);
    }

    /** A declaration no processor receives: inside a body, or a member of a local class. */
    private boolean isLocal(Element e) {
      return switch (e.getKind()) {
        case LOCAL_VARIABLE, RESOURCE_VARIABLE, EXCEPTION_PARAMETER, BINDING_VARIABLE -> true;
        case PARAMETER ->
            localDepth > 0
                || getCurrentPath().getParentPath().getLeaf() instanceof LambdaExpressionTree;
        case FIELD -> localDepth > 0;
        default -> false;
      };
    }

    private void localMirror(TypeElement type, ModifiersTree modifiers) {
      for (AnnotationTree at : modifiers.getAnnotations()) {
        Element a =
            trees.getElement(
                new TreePath(new TreePath(getCurrentPath(), modifiers), at.getAnnotationType()));
        if (a instanceof TypeElement ate
            && (ate.getQualifiedName().contentEquals(ABI_STRUCT)
                || ate.getQualifiedName().contentEquals(ABI_UNION))) {
          String ann = "@" + ate.getSimpleName();
          reporter.report(
              AbiKind.ANNOTATION,
              trees,
              annotationPath(modifiers, at),
              ann
                  + " on local class "
                  + type.getSimpleName()
                  + " has no effect: javac hands local classes to no annotation processor, so"
                  + " abiguard writes no marshaller, manifest entry or C assertion for it; declare "
                  + type.getSimpleName()
                  + " as a top-level or member class");
        }
      }
    }

    private void width(Element e, TypeMirror type, ModifiersTree modifiers) {
      List<DeclaredWidth> declared = widths.declarations(e);
      if (declared.isEmpty()) {
        return;
      }
      String what = decls.describe(e);
      if (declared.size() > 1) {
        report(
            modifiers,
            declared.get(1),
            what
                + " declares its C type twice, with "
                + declared.get(0).via()
                + " and "
                + declared.get(1).via()
                + "; keep exactly one of them");
        return;
      }
      DeclaredWidth d = declared.get(0);
      Width w = d.width();
      if (!d.nativeLong() && !d.pointer() && !Width.isValidBits(w.bits())) {
        report(
            modifiers,
            d,
            d.via()
                + " declares "
                + w.bits()
                + " bits on "
                + what
                + ", which is no C integer width; use 8, 16, 32 or 64");
        return;
      }
      JavaKind kind = decls.kindOf(type);
      String width =
          d.nativeLong()
              ? d.via() + " (C long, up to " + w + ")"
              : d.pointer() ? d.via() + " (a pointer, up to " + w + ")" : d.via() + " (" + w + ")";
      if (kind == null) {
        report(
            modifiers,
            d,
            what
                + " of type "
                + display(type)
                + " cannot hold "
                + width
                + ", which is an integer; declare it "
                + holders(w));
      } else if (!kind.canHold(w)) {
        report(
            modifiers,
            d,
            what
                + " of type "
                + display(type)
                + " is narrower than "
                + width
                + "; declare it "
                + holders(w));
      }
    }

    private void report(ModifiersTree modifiers, DeclaredWidth d, String message) {
      AnnotationTree at = annotationTree(modifiers, d.annotation());
      reporter.report(
          AbiKind.ANNOTATION,
          trees,
          at == null ? getCurrentPath() : annotationPath(modifiers, at),
          message);
    }

    private TreePath annotationPath(ModifiersTree modifiers, AnnotationTree at) {
      return new TreePath(new TreePath(getCurrentPath(), modifiers), at);
    }

    /** The annotation tree written for an annotation mirror of the declaration. */
    private @Nullable AnnotationTree annotationTree(ModifiersTree modifiers, AnnotationMirror am) {
      Element type = am.getAnnotationType().asElement();
      for (AnnotationTree at : modifiers.getAnnotations()) {
        if (type.equals(
            trees.getElement(
                new TreePath(new TreePath(getCurrentPath(), modifiers), at.getAnnotationType())))) {
          return at;
        }
      }
      return null;
    }
  }

  /** Which Java types hold a width, e.g. {@code int (raw bits) or long}. */
  private static String holders(Width w) {
    List<String> names = new ArrayList<>();
    for (JavaKind k : JavaKind.values()) {
      if (k.canHold(w)) {
        names.add(k.holdsRawBits(w) ? k.keyword() + " (raw bits)" : k.keyword());
      }
    }
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
  }

  private static String display(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((javax.lang.model.type.DeclaredType) type).asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
