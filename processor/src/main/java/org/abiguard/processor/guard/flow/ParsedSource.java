package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * One source file of another top-level class, parsed again ({@link ParsedSources}), and what the
 * names and expressions in its helpers resolve to: the elements and types javac gives them, found
 * through the compilation's elements for the few kinds of expression a helper may be made of.
 *
 * <p>Names resolve as Java resolves them, innermost first: a local of a primitive type ({@code var}
 * with a primitive initializer too) declared before the name in an enclosing block, {@code for} or
 * {@code switch} statement's block ({@link ParsedLocal}), a parameter of the method, a field of the
 * enclosing classes (inherited ones included), a static field a single or on-demand static import
 * names, a type (a member type, an import, the package, {@code java.lang}). A call resolves among
 * the methods of that name of the innermost class that has one, else of the static imports (single,
 * then on demand), or of the qualifier's type, by strict invocation (no boxing, no varargs), the
 * most specific applicable one; a case label of a switch on an enum, among the enum's constants.
 * Types follow the JLS: numeric promotion, {@code String} concatenation, {@code ?:} and {@code
 * switch} expressions (whose cases are arrows to a value or a {@code throw}) as JLS 15.25 and
 * 15.28.1 type them, assignments to locals. A helper's statements may be {@code if}, loops other
 * than the enhanced {@code for}, {@code switch} statements without patterns, {@code return}, {@code
 * throw}, unlabeled {@code break} and {@code continue}, declarations of primitive locals and
 * expression statements. Anything else resolves to nothing, and a helper with anything unresolved
 * is not followed ({@link #resolvesAll}).
 */
final class ParsedSource {
  final CompilationUnitTree unit;
  private final Elements elements;
  private final Types types;
  private final Members members;
  private final String packageName;

  /**
   * The members of each class, inherited ones included ({@link Elements#getAllMembers}), found once
   * for every source of a compilation: the lookups of names ask for them again and again.
   */
  static final class Members {
    private final Elements elements;
    private final Map<TypeElement, List<? extends Element>> known = new java.util.HashMap<>();

    Members(Elements elements) {
      this.elements = elements;
    }

    List<? extends Element> of(TypeElement type) {
      return known.computeIfAbsent(type, t -> List.copyOf(elements.getAllMembers(t)));
    }
  }

  /** Each class declared in the file (not in a method), as the compilation knows it. */
  private final IdentityHashMap<Tree, TypeElement> classes = new IdentityHashMap<>();

  private final Map<TypeElement, TreePath> classPaths = new java.util.HashMap<>();

  /** Each method declaration found for an element ({@link #declaration}). */
  private final IdentityHashMap<Tree, ExecutableElement> methods = new IdentityHashMap<>();

  private final IdentityHashMap<Tree, Optional<Element>> elementsOf = new IdentityHashMap<>();
  private final IdentityHashMap<Tree, Optional<TypeMirror>> typesOf = new IdentityHashMap<>();

  ParsedSource(CompilationUnitTree unit, Elements elements, Types types, Members members) {
    this.unit = unit;
    this.elements = elements;
    this.types = types;
    this.members = members;
    this.packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    TreePath unitPath = new TreePath(unit);
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        index(new TreePath(unitPath, type), packageName);
      }
    }
  }

  private void index(TreePath path, String outer) {
    ClassTree type = (ClassTree) path.getLeaf();
    String name = (outer.isEmpty() ? "" : outer + ".") + type.getSimpleName();
    TypeElement element = elements.getTypeElement(name);
    if (element == null) {
      return;
    }
    classes.put(type, element);
    classPaths.put(element, path);
    for (Tree member : type.getMembers()) {
      if (member instanceof ClassTree nested) {
        index(new TreePath(path, nested), name);
      }
    }
  }

  /**
   * The declaration of {@code method} in this file: the one method of its class with its name and
   * its parameters' names (and primitive types); null when there is none, or more than one.
   */
  @Nullable TreePath declaration(ExecutableElement method) {
    TreePath owner = classPathOf(method);
    if (owner == null) {
      return null;
    }
    TreePath found = null;
    for (Tree member : ((ClassTree) owner.getLeaf()).getMembers()) {
      if (member instanceof MethodTree candidate
          && candidate.getName().contentEquals(method.getSimpleName())
          && sameParameters(candidate, method)) {
        if (found != null) {
          return null;
        }
        found = new TreePath(owner, candidate);
      }
    }
    if (found != null) {
      methods.put(found.getLeaf(), method);
    }
    return found;
  }

  /**
   * Whether the class of {@code method} is declared in this file with no method of its name and
   * parameter count: true for a record's implicit accessor; null when the class is not here.
   */
  @Nullable Boolean declaresNoMethod(ExecutableElement method) {
    TreePath owner = classPathOf(method);
    if (owner == null) {
      return null;
    }
    for (Tree member : ((ClassTree) owner.getLeaf()).getMembers()) {
      if (member instanceof MethodTree written
          && written.getName().contentEquals(method.getSimpleName())
          && written.getParameters().size() == method.getParameters().size()) {
        return false;
      }
    }
    return true;
  }

  /** The declaration of a class, if it is in this file. */
  @Nullable TreePath classPath(TypeElement type) {
    return classPaths.get(type);
  }

  /** The declaration of the class a method is a member of, if it is in this file. */
  private @Nullable TreePath classPathOf(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement type ? classPaths.get(type) : null;
  }

  private static boolean sameParameters(MethodTree tree, ExecutableElement method) {
    List<? extends VariableTree> written = tree.getParameters();
    List<? extends VariableElement> declared = method.getParameters();
    if (written.size() != declared.size()) {
      return false;
    }
    for (int i = 0; i < written.size(); i++) {
      VariableTree parameter = written.get(i);
      TypeMirror type = declared.get(i).asType();
      boolean primitive = parameter.getType() instanceof PrimitiveTypeTree;
      if (!parameter.getName().contentEquals(declared.get(i).getSimpleName())
          || primitive != type.getKind().isPrimitive()
          || (parameter.getType() instanceof PrimitiveTypeTree p
              && p.getPrimitiveTypeKind() != type.getKind())) {
        return false;
      }
    }
    return true;
  }

  /** The element a tree of this file names or declares, or null. */
  @Nullable Element element(TreePath path) {
    return once(elementsOf, path, this::resolve);
  }

  /** The type of an expression of this file, or null. */
  @Nullable TypeMirror type(TreePath path) {
    return once(typesOf, path, this::typeOf);
  }

  /** What {@code find} gives for a tree, found once (a tree is resolved once, null included). */
  private static <T> @Nullable T once(
      IdentityHashMap<Tree, Optional<T>> known,
      TreePath path,
      java.util.function.Function<TreePath, @Nullable T> find) {
    Optional<T> found = known.get(path.getLeaf());
    if (found == null) {
      found = Optional.ofNullable(find.apply(path));
      known.put(path.getLeaf(), found);
    }
    return found.orElse(null);
  }

  /**
   * The methods or constructors a call, object creation or method reference of this file may run:
   * the one it resolves to, else each one of its name (a constructor, for {@code new}) and argument
   * count in the class it is looked up in (the innermost enclosing class with a method of the name,
   * then the static imports; the class a qualifier names, or the class of a receiver's type); none
   * when that class is not known.
   */
  List<ExecutableElement> mayRun(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof MethodInvocationTree call) {
      if (element(path) instanceof ExecutableElement exact) {
        return List.of(exact);
      }
      int arguments = call.getArguments().size();
      TreePath select = new TreePath(path, call.getMethodSelect());
      if (call.getMethodSelect() instanceof IdentifierTree named) {
        String name = named.getName().toString();
        if (name.equals("super") || name.equals("this")) {
          return constructorsCalled(path, name.equals("super"), arguments);
        }
        for (TypeElement type : enclosingClasses(path)) {
          List<ExecutableElement> candidates = methodsNamed(type, name);
          if (!candidates.isEmpty()) {
            return taking(candidates, arguments);
          }
        }
        List<ExecutableElement> imported = new ArrayList<>();
        for (boolean single : List.of(true, false)) {
          for (TypeElement type : staticallyImported(name, single)) {
            imported.addAll(methodsNamed(type, name));
          }
        }
        return taking(imported, arguments);
      }
      if (call.getMethodSelect() instanceof MemberSelectTree member) {
        TypeElement owner = classOf(new TreePath(select, member.getExpression()));
        return owner == null
            ? List.of()
            : taking(methodsNamed(owner, member.getIdentifier().toString()), arguments);
      }
      return List.of();
    }
    if (leaf instanceof NewClassTree creation) {
      Tree named = creation.getIdentifier();
      if (named instanceof ParameterizedTypeTree generic) {
        named = generic.getType();
      }
      return element(new TreePath(path, named)) instanceof TypeElement type
          ? taking(
              ElementFilter.constructorsIn(type.getEnclosedElements()),
              creation.getArguments().size())
          : List.of();
    }
    if (leaf instanceof MemberReferenceTree reference) {
      TypeElement owner = classOf(new TreePath(path, reference.getQualifierExpression()));
      if (owner == null) {
        return List.of();
      }
      return reference.getMode() == MemberReferenceTree.ReferenceMode.NEW
          ? ElementFilter.constructorsIn(owner.getEnclosedElements())
          : methodsNamed(owner, reference.getName().toString());
    }
    return List.of();
  }

  /**
   * The constructors {@code super(...)} (of the superclass of the innermost class around {@code
   * path}) or {@code this(...)} (of that class) with {@code arguments} arguments may invoke.
   */
  private List<ExecutableElement> constructorsCalled(
      TreePath path, boolean ofSuperclass, int arguments) {
    List<TypeElement> enclosing = enclosingClasses(path);
    if (enclosing.isEmpty()) {
      return List.of();
    }
    TypeElement type = ofSuperclass ? Overriders.superclassOf(enclosing.get(0)) : enclosing.get(0);
    return type == null
        ? List.of()
        : taking(ElementFilter.constructorsIn(type.getEnclosedElements()), arguments);
  }

  /**
   * The field {@code this.name} names, for a select of this file whose qualifier is {@code this}: a
   * field of the innermost enclosing class (inherited ones included); null for any other select.
   */
  @Nullable Element fieldOfThis(TreePath path) {
    if (!(path.getLeaf() instanceof MemberSelectTree select)
        || !(select.getExpression() instanceof IdentifierTree qualifier)
        || !qualifier.getName().contentEquals("this")) {
      return null;
    }
    List<TypeElement> enclosing = enclosingClasses(path);
    return enclosing.isEmpty()
        ? null
        : fieldNamed(enclosing.get(0), select.getIdentifier().toString());
  }

  /** The class a qualifier names, or the class of its value's type; null when neither is known. */
  private @Nullable TypeElement classOf(TreePath qualifier) {
    if (element(qualifier) instanceof TypeElement named) {
      return named;
    }
    TypeMirror type = type(qualifier);
    return type != null && type.getKind() == TypeKind.DECLARED
        ? (TypeElement) types.asElement(type)
        : null;
  }

  /** The methods of {@code candidates} a call with {@code arguments} arguments may invoke. */
  private static List<ExecutableElement> taking(List<ExecutableElement> candidates, int arguments) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement candidate : candidates) {
      int parameters = candidate.getParameters().size();
      if (parameters == arguments || (candidate.isVarArgs() && arguments >= parameters - 1)) {
        out.add(candidate);
      }
    }
    return out;
  }

  /**
   * Whether the expression is made only of the kinds this class resolves, and every name and
   * expression in it has resolved.
   */
  boolean resolvesAll(TreePath expression) {
    if (!allowed(expression.getLeaf())) {
      return false; // the scanner checks the kinds below the root
    }
    Boolean all =
        new TreePathScanner<Boolean, Void>() {
          @Override
          public Boolean scan(@Nullable Tree tree, Void unused) {
            if (tree == null) {
              return true;
            }
            if (!allowed(tree)) {
              return false;
            }
            return super.scan(tree, null);
          }

          @Override
          public Boolean reduce(@Nullable Boolean a, @Nullable Boolean b) {
            return !Boolean.FALSE.equals(a) && !Boolean.FALSE.equals(b);
          }

          @Override
          public Boolean visitTypeCast(TypeCastTree cast, Void unused) {
            return type(getCurrentPath()) != null && scan(cast.getExpression(), null);
          }

          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            return call.getTypeArguments().isEmpty()
                && type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitMethodInvocation(call, null));
          }

          @Override
          public Boolean visitIdentifier(IdentifierTree identifier, Void unused) {
            return named(getCurrentPath());
          }

          @Override
          public Boolean visitMemberSelect(MemberSelectTree select, Void unused) {
            Element element = element(getCurrentPath());
            if ((element instanceof TypeElement || element instanceof PackageElement)
                && qualifiedName(select)) {
              return named(getCurrentPath()); // a qualified name: its packages need no element
            }
            return named(getCurrentPath()) && scan(select.getExpression(), null);
          }

          @Override
          public Boolean visitParenthesized(ParenthesizedTree parenthesized, Void unused) {
            return scan(parenthesized.getExpression(), null);
          }

          @Override
          public Boolean visitUnary(UnaryTree unary, Void unused) {
            return type(getCurrentPath()) != null && scan(unary.getExpression(), null);
          }

          @Override
          public Boolean visitBinary(BinaryTree binary, Void unused) {
            return type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitBinary(binary, null));
          }

          @Override
          public Boolean visitConditionalExpression(ConditionalExpressionTree c, Void unused) {
            return type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitConditionalExpression(c, null));
          }

          @Override
          public Boolean visitSwitchExpression(SwitchExpressionTree sw, Void unused) {
            return type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitSwitchExpression(sw, null));
          }

          @Override
          public Boolean visitCase(CaseTree c, Void unused) {
            // of a switch expression, an arrow to a value or a throw: no statements, no blocks;
            // of a switch statement, statements too; patterns are refused as kinds of labels
            return (c.getCaseKind() == CaseTree.CaseKind.RULE
                    || getCurrentPath().getParentPath().getLeaf() instanceof SwitchTree)
                && Boolean.TRUE.equals(super.visitCase(c, null));
          }

          @Override
          public Boolean visitSwitch(SwitchTree sw, Void unused) {
            return type(new TreePath(getCurrentPath(), sw.getExpression())) != null
                && Boolean.TRUE.equals(super.visitSwitch(sw, null));
          }

          @Override
          public Boolean visitNewClass(NewClassTree creation, Void unused) {
            // only what a case throws
            return getCurrentPath().getParentPath().getLeaf() instanceof ThrowTree
                && creation.getClassBody() == null
                && creation.getEnclosingExpression() == null
                && Boolean.TRUE.equals(super.visitNewClass(creation, null));
          }

          @Override
          public Boolean visitLiteral(com.sun.source.tree.LiteralTree literal, Void unused) {
            return type(getCurrentPath()) != null;
          }

          // the statements of a helper's body

          @Override
          public Boolean visitVariable(VariableTree variable, Void unused) {
            return element(getCurrentPath()) != null && scan(variable.getInitializer(), null);
          }

          @Override
          public Boolean visitAssignment(AssignmentTree assignment, Void unused) {
            return type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitAssignment(assignment, null));
          }

          @Override
          public Boolean visitCompoundAssignment(CompoundAssignmentTree compound, Void unused) {
            return type(getCurrentPath()) != null
                && Boolean.TRUE.equals(super.visitCompoundAssignment(compound, null));
          }

          @Override
          public Boolean visitReturn(ReturnTree returned, Void unused) {
            // a return without a value is a void method's, whose values are followed in
            return returned.getExpression() == null || scan(returned.getExpression(), null);
          }

          @Override
          public Boolean visitBreak(BreakTree jump, Void unused) {
            return jump.getLabel() == null;
          }

          @Override
          public Boolean visitContinue(ContinueTree jump, Void unused) {
            return jump.getLabel() == null;
          }

          /** A name resolves: a value with a type, a method, a type, or a package qualifier. */
          private boolean named(TreePath path) {
            Element element = element(path);
            if (element instanceof ExecutableElement || element instanceof TypeElement) {
              return true;
            }
            if (element instanceof PackageElement) {
              return path.getParentPath().getLeaf() instanceof MemberSelectTree;
            }
            return type(path) != null;
          }
        }.scan(expression, null);
    return Boolean.TRUE.equals(all);
  }

  private static final Set<Tree.Kind> ALLOWED = allowedKinds();

  private static Set<Tree.Kind> allowedKinds() {
    Set<Tree.Kind> kinds =
        EnumSet.of(
            Tree.Kind.PARENTHESIZED,
            Tree.Kind.INT_LITERAL,
            Tree.Kind.LONG_LITERAL,
            Tree.Kind.CHAR_LITERAL,
            Tree.Kind.BOOLEAN_LITERAL,
            Tree.Kind.FLOAT_LITERAL,
            Tree.Kind.DOUBLE_LITERAL,
            Tree.Kind.STRING_LITERAL,
            Tree.Kind.NULL_LITERAL,
            Tree.Kind.IDENTIFIER,
            Tree.Kind.MEMBER_SELECT,
            Tree.Kind.METHOD_INVOCATION,
            Tree.Kind.TYPE_CAST,
            Tree.Kind.UNARY_PLUS,
            Tree.Kind.UNARY_MINUS,
            Tree.Kind.BITWISE_COMPLEMENT,
            Tree.Kind.LOGICAL_COMPLEMENT,
            Tree.Kind.MULTIPLY,
            Tree.Kind.DIVIDE,
            Tree.Kind.REMAINDER,
            Tree.Kind.PLUS,
            Tree.Kind.MINUS,
            Tree.Kind.LEFT_SHIFT,
            Tree.Kind.RIGHT_SHIFT,
            Tree.Kind.UNSIGNED_RIGHT_SHIFT,
            Tree.Kind.LESS_THAN,
            Tree.Kind.GREATER_THAN,
            Tree.Kind.LESS_THAN_EQUAL,
            Tree.Kind.GREATER_THAN_EQUAL,
            Tree.Kind.EQUAL_TO,
            Tree.Kind.NOT_EQUAL_TO,
            Tree.Kind.AND,
            Tree.Kind.XOR,
            Tree.Kind.OR,
            Tree.Kind.CONDITIONAL_AND,
            Tree.Kind.CONDITIONAL_OR,
            Tree.Kind.CONDITIONAL_EXPRESSION,
            Tree.Kind.SWITCH_EXPRESSION,
            Tree.Kind.CASE,
            Tree.Kind.THROW,
            Tree.Kind.NEW_CLASS,
            // a helper's statements
            Tree.Kind.BLOCK,
            Tree.Kind.VARIABLE,
            Tree.Kind.EXPRESSION_STATEMENT,
            Tree.Kind.EMPTY_STATEMENT,
            Tree.Kind.IF,
            Tree.Kind.RETURN,
            Tree.Kind.FOR_LOOP,
            Tree.Kind.WHILE_LOOP,
            Tree.Kind.DO_WHILE_LOOP,
            Tree.Kind.SWITCH,
            Tree.Kind.BREAK,
            Tree.Kind.CONTINUE);
    kinds.addAll(HelperBodies.ASSIGNMENTS); // of the helper's own locals
    return kinds;
  }

  /**
   * The kinds of a constant and a {@code default} case label on javac 21 and later, which javac 17
   * does not have (there, a case's constants are its expressions).
   */
  private static final Set<String> LABELS = Set.of("CONSTANT_CASE_LABEL", "DEFAULT_CASE_LABEL");

  private static boolean allowed(Tree tree) {
    return ALLOWED.contains(tree.getKind()) || LABELS.contains(tree.getKind().name());
  }

  // ---- names

  private @Nullable Element resolve(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof ClassTree) {
      return classes.get(leaf);
    }
    if (leaf instanceof MethodTree) {
      return methods.get(leaf);
    }
    if (leaf instanceof VariableTree && path.getParentPath().getLeaf() instanceof MethodTree m) {
      ExecutableElement method = methods.get(m);
      int index = m.getParameters().indexOf(leaf);
      return method == null || index < 0 ? null : method.getParameters().get(index);
    }
    if (leaf instanceof VariableTree local) {
      return local(path, local);
    }
    if (leaf instanceof MethodInvocationTree call) {
      return element(new TreePath(path, call.getMethodSelect()));
    }
    if (leaf instanceof IdentifierTree identifier) {
      return identifier(path, identifier.getName().toString());
    }
    if (leaf instanceof MemberSelectTree select) {
      return member(path, select);
    }
    return null;
  }

  private @Nullable Element identifier(TreePath path, String name) {
    if (name.equals("this") || name.equals("super")) {
      return null;
    }
    TypeElement selector = enumSwitched(path);
    if (selector != null) {
      return fieldNamed(selector, name); // case GMFN -> of a switch on an enum
    }
    MethodInvocationTree call = calling(path);
    if (call != null) {
      for (TypeElement type : enclosingClasses(path)) {
        List<ExecutableElement> candidates = methodsNamed(type, name);
        if (!candidates.isEmpty()) {
          return mostSpecific(candidates, call, path.getParentPath());
        }
      }
      for (boolean single : List.of(true, false)) {
        List<ExecutableElement> candidates = new ArrayList<>();
        for (TypeElement type : staticallyImported(name, single)) {
          for (ExecutableElement method : methodsNamed(type, name)) {
            if (method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
              candidates.add(method);
            }
          }
        }
        if (!candidates.isEmpty()) {
          return mostSpecific(candidates, call, path.getParentPath());
        }
      }
      return null;
    }
    Element local = localNamed(path, name);
    if (local != null) {
      return local;
    }
    ExecutableElement method = enclosingMethod(path);
    if (method != null) {
      for (VariableElement parameter : method.getParameters()) {
        if (parameter.getSimpleName().contentEquals(name)) {
          return parameter;
        }
      }
    }
    for (TypeElement type : enclosingClasses(path)) {
      Element field = fieldNamed(type, name);
      if (field != null) {
        return field;
      }
    }
    for (boolean single : List.of(true, false)) {
      for (TypeElement imported : staticallyImported(name, single)) {
        Element field = fieldNamed(imported, name);
        if (field != null
            && field.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
          return field;
        }
      }
    }
    TypeElement type = typeNamed(path, name);
    if (type != null) {
      return type;
    }
    return elements.getPackageElement(name);
  }

  private @Nullable Element member(TreePath path, MemberSelectTree select) {
    TreePath qualifierPath = new TreePath(path, select.getExpression());
    Element qualifier = element(qualifierPath);
    String name = select.getIdentifier().toString();
    if (qualifier == null && qualifiedName(select.getExpression())) {
      // java.lang.Math: a package that has no classes of its own ("java") is no element
      String full = select.toString();
      TypeElement type = elements.getTypeElement(full);
      return type != null ? type : elements.getPackageElement(full);
    }
    if (qualifier instanceof PackageElement pkg) {
      String full = pkg.getQualifiedName() + "." + name;
      TypeElement type = elements.getTypeElement(full);
      return type != null ? type : elements.getPackageElement(full);
    }
    TypeElement owner = classOf(qualifierPath);
    if (owner == null) {
      return null;
    }
    MethodInvocationTree call = calling(path);
    if (call != null) {
      List<ExecutableElement> candidates = methodsNamed(owner, name);
      return candidates.isEmpty() ? null : mostSpecific(candidates, call, path.getParentPath());
    }
    Element field = fieldNamed(owner, name);
    if (field != null) {
      return field;
    }
    if (qualifier instanceof TypeElement) {
      for (Element e : members.of(owner)) {
        if (e instanceof TypeElement nested && e.getSimpleName().contentEquals(name)) {
          return nested;
        }
      }
    }
    return null;
  }

  /**
   * The enum a switch is on when {@code path} is one of its case labels (an enum constant's simple
   * name resolves in the enum); null for any other name.
   */
  private @Nullable TypeElement enumSwitched(TreePath path) {
    TreePath parent = path.getParentPath();
    if (parent != null && LABELS.contains(parent.getLeaf().getKind().name())) {
      parent = parent.getParentPath();
    }
    if (parent == null
        || !(parent.getLeaf() instanceof CaseTree c)
        || c.getBody() == path.getLeaf()) {
      return null; // not a label: the value of an arrow is named as any other
    }
    Tree sw = parent.getParentPath().getLeaf();
    ExpressionTree selector =
        sw instanceof SwitchExpressionTree expression
            ? expression.getExpression()
            : sw instanceof SwitchTree statement ? statement.getExpression() : null;
    if (selector == null) {
      return null;
    }
    TypeMirror type = type(new TreePath(parent.getParentPath(), selector));
    return type != null
            && type.getKind() == TypeKind.DECLARED
            && types.asElement(type).getKind() == ElementKind.ENUM
        ? (TypeElement) types.asElement(type)
        : null;
  }

  /** Whether an expression is a name, simple or qualified ({@code java.lang}). */
  private static boolean qualifiedName(ExpressionTree tree) {
    return tree instanceof IdentifierTree
        || (tree instanceof MemberSelectTree select && qualifiedName(select.getExpression()));
  }

  /** The call whose method a name names, or null when the name is not a call's method. */
  private static @Nullable MethodInvocationTree calling(TreePath path) {
    TreePath parent = path.getParentPath();
    return parent != null
            && parent.getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == path.getLeaf()
        ? call
        : null;
  }

  /**
   * A local variable of a method's body, of a primitive type: one element per declaration, which
   * {@link #localNamed} finds for the names that read it.
   */
  private @Nullable Element local(TreePath path, VariableTree declaration) {
    ExecutableElement method = enclosingMethod(path);
    if (method == null) {
      return null;
    }
    if (declaration.getType() instanceof PrimitiveTypeTree primitive
        && primitive.getPrimitiveTypeKind() != TypeKind.VOID) {
      return new ParsedLocal(
          declaration.getName(), types.getPrimitiveType(primitive.getPrimitiveTypeKind()), method);
    }
    if ((declaration.getType() instanceof IdentifierTree
            || declaration.getType() instanceof MemberSelectTree)
        && element(new TreePath(path, declaration.getType())) instanceof TypeElement named
        && named.getTypeParameters().isEmpty()) {
      // a class that is not generic: Inner in = op.inner;
      return new ParsedLocal(declaration.getName(), types.getDeclaredType(named), method);
    }
    if (declaration.getType() == null && declaration.getInitializer() != null) {
      // var: the type of its initializer, a primitive or a class that is not generic
      TypeMirror type = type(new TreePath(path, declaration.getInitializer()));
      return type != null && (type.getKind().isPrimitive() || plainClass(type))
          ? new ParsedLocal(declaration.getName(), type, method)
          : null;
    }
    return null;
  }

  /** Whether a type is a class or interface that is not generic. */
  private boolean plainClass(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && types.asElement(type) instanceof TypeElement named
        && named.getTypeParameters().isEmpty();
  }

  /**
   * The local variable {@code name} where {@code path} is: declared by a statement before it in an
   * enclosing block, or in the initializer of an enclosing {@code for} loop; null when none is.
   */
  private @Nullable Element localNamed(TreePath path, String name) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent instanceof MethodTree || parent instanceof ClassTree) {
        return null;
      }
      List<? extends Tree> before = List.of();
      if (parent instanceof BlockTree block) {
        int index = block.getStatements().indexOf(child);
        before = index < 0 ? List.of() : block.getStatements().subList(0, index);
      } else if (parent instanceof CaseTree c && c.getStatements() != null) {
        int index = c.getStatements().indexOf(child);
        before = index < 0 ? List.of() : c.getStatements().subList(0, index);
      } else if (parent instanceof SwitchTree sw) {
        // a switch's block is one scope: the statements of the cases before this one
        List<Tree> earlier = new ArrayList<>();
        for (CaseTree c : sw.getCases()) {
          if (c == child) {
            break;
          }
          if (c.getStatements() != null) {
            earlier.addAll(c.getStatements());
          }
        }
        before = earlier;
        for (Tree statement : before) {
          if (statement instanceof VariableTree variable
              && variable.getName().contentEquals(name)) {
            TreePath casePath = new TreePath(p, casesOf(sw, statement));
            return element(new TreePath(casePath, variable));
          }
        }
        child = parent;
        continue;
      } else if (parent instanceof ForLoopTree loop) {
        int index = loop.getInitializer().indexOf(child);
        before = loop.getInitializer().subList(0, index < 0 ? loop.getInitializer().size() : index);
      }
      for (Tree statement : before) {
        if (statement instanceof VariableTree variable && variable.getName().contentEquals(name)) {
          return element(new TreePath(p, variable));
        }
      }
      child = parent;
    }
    return null;
  }

  /** The case of a switch statement whose statements hold {@code statement}. */
  private static CaseTree casesOf(SwitchTree sw, Tree statement) {
    for (CaseTree c : sw.getCases()) {
      if (c.getStatements() != null && c.getStatements().contains(statement)) {
        return c;
      }
    }
    throw new IllegalArgumentException("a statement of no case");
  }

  private @Nullable ExecutableElement enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        return methods.get(m);
      }
    }
    return null;
  }

  /** The classes of this file a tree is in, the innermost first. */
  List<TypeElement> enclosingClasses(TreePath path) {
    List<TypeElement> out = new ArrayList<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      TypeElement type = classes.get(p.getLeaf());
      if (type != null) {
        out.add(type);
      }
    }
    return out;
  }

  private @Nullable Element fieldNamed(TypeElement type, String name) {
    for (Element e : members.of(type)) {
      if ((e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.ENUM_CONSTANT)
          && e.getSimpleName().contentEquals(name)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The types whose static members named {@code name} the file imports: by {@code import static
   * T.name;} ({@code single}), or by {@code import static T.*;}.
   */
  private List<TypeElement> staticallyImported(String name, boolean single) {
    List<TypeElement> out = new ArrayList<>();
    for (ImportTree imported : unit.getImports()) {
      if (!imported.isStatic()
          || !(imported.getQualifiedIdentifier() instanceof MemberSelectTree selected)) {
        continue;
      }
      String member = selected.getIdentifier().toString();
      if (single ? member.equals(name) : member.equals("*")) {
        TypeElement type = elements.getTypeElement(selected.getExpression().toString());
        if (type != null) {
          out.add(type);
        }
      }
    }
    return out;
  }

  private List<ExecutableElement> methodsNamed(TypeElement type, String name) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : members.of(type)) {
      if (e instanceof ExecutableElement method
          && e.getKind() == ElementKind.METHOD
          && e.getSimpleName().contentEquals(name)) {
        out.add(method);
      }
    }
    return out;
  }

  /**
   * A simple type name: an enclosing or member class, a single-type import, a class of the package,
   * of {@code java.lang}, of an on-demand import.
   */
  private @Nullable TypeElement typeNamed(TreePath path, String name) {
    for (TypeElement type : enclosingClasses(path)) {
      if (type.getSimpleName().contentEquals(name)) {
        return type;
      }
      for (Element e : members.of(type)) {
        if (e instanceof TypeElement nested && e.getSimpleName().contentEquals(name)) {
          return nested;
        }
      }
    }
    for (ImportTree imported : unit.getImports()) {
      String qualified = imported.getQualifiedIdentifier().toString();
      if (!imported.isStatic() && qualified.endsWith("." + name)) {
        TypeElement type = elements.getTypeElement(qualified);
        if (type != null) {
          return type;
        }
      }
    }
    TypeElement inPackage =
        elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
    if (inPackage != null) {
      return inPackage;
    }
    TypeElement lang = elements.getTypeElement("java.lang." + name);
    if (lang != null) {
      return lang;
    }
    for (ImportTree imported : unit.getImports()) {
      String qualified = imported.getQualifiedIdentifier().toString();
      if (!imported.isStatic() && qualified.endsWith(".*")) {
        TypeElement type =
            elements.getTypeElement(qualified.substring(0, qualified.length() - 1) + name);
        if (type != null) {
          return type;
        }
      }
    }
    return null;
  }

  /**
   * The method a call invokes among {@code candidates}: applicable by strict invocation (each
   * argument's type widens to the parameter's, without boxing), not generic, not varargs, and more
   * specific than every other applicable one; null when there is no such one.
   */
  private @Nullable ExecutableElement mostSpecific(
      List<ExecutableElement> candidates, MethodInvocationTree call, TreePath callPath) {
    List<TypeMirror> arguments = new ArrayList<>();
    for (ExpressionTree argument : call.getArguments()) {
      TypeMirror type = type(new TreePath(callPath, argument));
      if (type == null) {
        return null;
      }
      arguments.add(type);
    }
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement candidate : candidates) {
      if (candidate.isVarArgs() || !candidate.getTypeParameters().isEmpty()) {
        return null; // a varargs or generic overload: not told apart here
      }
      if (candidate.getParameters().size() == arguments.size() && applies(candidate, arguments)) {
        applicable.add(candidate);
      }
    }
    ExecutableElement best = null;
    for (ExecutableElement m : applicable) {
      boolean most = true;
      for (ExecutableElement other : applicable) {
        if (other != m && !moreSpecific(m, other)) {
          most = false;
          break;
        }
      }
      if (most) {
        if (best != null) {
          return null;
        }
        best = m;
      }
    }
    return best;
  }

  private boolean applies(ExecutableElement method, List<TypeMirror> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      TypeMirror argument = arguments.get(i);
      TypeMirror parameter = method.getParameters().get(i).asType();
      if (argument.getKind().isPrimitive() != parameter.getKind().isPrimitive()
          || !types.isAssignable(argument, types.erasure(parameter))) {
        return false;
      }
    }
    return true;
  }

  private boolean moreSpecific(ExecutableElement m, ExecutableElement other) {
    for (int i = 0; i < m.getParameters().size(); i++) {
      if (!types.isAssignable(
          types.erasure(m.getParameters().get(i).asType()),
          types.erasure(other.getParameters().get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  // ---- types

  private @Nullable TypeMirror typeOf(TreePath path) {
    Tree leaf = path.getLeaf();
    switch (leaf.getKind()) {
      case PARENTHESIZED:
        return type(new TreePath(path, ((ParenthesizedTree) leaf).getExpression()));
      case INT_LITERAL:
        return types.getPrimitiveType(TypeKind.INT);
      case LONG_LITERAL:
        return types.getPrimitiveType(TypeKind.LONG);
      case CHAR_LITERAL:
        return types.getPrimitiveType(TypeKind.CHAR);
      case BOOLEAN_LITERAL:
        return types.getPrimitiveType(TypeKind.BOOLEAN);
      case FLOAT_LITERAL:
        return types.getPrimitiveType(TypeKind.FLOAT);
      case DOUBLE_LITERAL:
        return types.getPrimitiveType(TypeKind.DOUBLE);
      case STRING_LITERAL:
        return string();
      case NULL_LITERAL:
        return types.getNullType();
      case IDENTIFIER:
        if (((IdentifierTree) leaf).getName().contentEquals("this")) {
          List<TypeElement> enclosing = enclosingClasses(path);
          return enclosing.isEmpty() ? null : enclosing.get(0).asType();
        }
        return named(path);
      case MEMBER_SELECT:
        return named(path);
      case METHOD_INVOCATION:
        return element(path) instanceof ExecutableElement method
            ? concrete(method.getReturnType())
            : null;
      case TYPE_CAST:
        return ((TypeCastTree) leaf).getType() instanceof PrimitiveTypeTree primitive
                && primitive.getPrimitiveTypeKind() != TypeKind.VOID
            ? types.getPrimitiveType(primitive.getPrimitiveTypeKind())
            : null;
      case UNARY_PLUS:
      case UNARY_MINUS:
        return promoted(operand(path));
      case BITWISE_COMPLEMENT:
        {
          TypeMirror promoted = promoted(operand(path));
          return promoted != null && integral(promoted) ? promoted : null;
        }
      case LOGICAL_COMPLEMENT:
        return bool(operand(path)) ? types.getPrimitiveType(TypeKind.BOOLEAN) : null;
      case CONDITIONAL_EXPRESSION:
        return conditional(path, (ConditionalExpressionTree) leaf);
      case SWITCH_EXPRESSION:
        return switchType(path, (SwitchExpressionTree) leaf);
      case NEW_CLASS:
        return named(new TreePath(path, ((NewClassTree) leaf).getIdentifier()));
      case ASSIGNMENT:
        return type(new TreePath(path, ((AssignmentTree) leaf).getVariable()));
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        {
          TypeMirror operand = operand(path);
          return operand != null && number(operand) ? operand : null;
        }
      default:
        if (leaf instanceof CompoundAssignmentTree compound) {
          TypeMirror variable = type(new TreePath(path, compound.getVariable()));
          return variable != null && variable.getKind().isPrimitive() ? variable : null;
        }
        return leaf instanceof BinaryTree binary ? binary(path, binary) : null;
    }
  }

  private @Nullable TypeMirror named(TreePath path) {
    Element element = element(path);
    if (element instanceof VariableElement variable) {
      return concrete(variable.asType());
    }
    if (element instanceof TypeElement type) {
      return type.asType();
    }
    return element instanceof ExecutableElement method ? method.asType() : null;
  }

  /** A type with no type variable of its own (a generic member's is not resolved here). */
  private static @Nullable TypeMirror concrete(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD, INTERSECTION, UNION, ERROR, NONE -> null;
      default -> type;
    };
  }

  private @Nullable TypeMirror operand(TreePath path) {
    return type(new TreePath(path, ((UnaryTree) path.getLeaf()).getExpression()));
  }

  private @Nullable TypeMirror binary(TreePath path, BinaryTree binary) {
    TypeMirror left = type(new TreePath(path, binary.getLeftOperand()));
    TypeMirror right = type(new TreePath(path, binary.getRightOperand()));
    if (left == null || right == null) {
      return null;
    }
    TypeMirror bool = types.getPrimitiveType(TypeKind.BOOLEAN);
    switch (binary.getKind()) {
      case PLUS:
        if (isString(left) || isString(right)) {
          return string();
        }
        return numeric(left, right);
      case MULTIPLY:
      case DIVIDE:
      case REMAINDER:
      case MINUS:
        return numeric(left, right);
      case LEFT_SHIFT:
      case RIGHT_SHIFT:
      case UNSIGNED_RIGHT_SHIFT:
        {
          TypeMirror promoted = promoted(left);
          TypeMirror count = promoted(right);
          return promoted != null && count != null && integral(promoted) && integral(count)
              ? promoted
              : null;
        }
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN_EQUAL:
        return numeric(left, right) != null ? bool : null;
      case EQUAL_TO:
      case NOT_EQUAL_TO:
        return bool;
      case AND:
      case OR:
      case XOR:
        {
          if (bool(left) && bool(right)) {
            return bool;
          }
          TypeMirror promoted = numeric(left, right);
          return promoted != null && integral(promoted) ? promoted : null;
        }
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return bool(left) && bool(right) ? bool : null;
      default:
        return null;
    }
  }

  /**
   * The type of {@code c ? a : b}: the arms' type when they have one, else their promoted numeric
   * type when neither is a {@code byte}, {@code short} or {@code char} (whose rules depend on
   * constants: not resolved here).
   */
  private @Nullable TypeMirror conditional(TreePath path, ConditionalExpressionTree c) {
    TypeMirror condition = type(new TreePath(path, c.getCondition()));
    if (condition == null || !bool(condition)) {
      return null;
    }
    return combined(
        List.of(
            new TreePath(path, c.getTrueExpression()), new TreePath(path, c.getFalseExpression())));
  }

  /**
   * The type of a switch expression whose cases are arrows to values or throws: its values' type
   * when they have one, else as {@link #conditional} combines two.
   */
  private @Nullable TypeMirror switchType(TreePath path, SwitchExpressionTree sw) {
    if (type(new TreePath(path, sw.getExpression())) == null) {
      return null;
    }
    List<TreePath> values = new ArrayList<>();
    for (CaseTree c : sw.getCases()) {
      if (c.getCaseKind() != CaseTree.CaseKind.RULE) {
        return null;
      }
      Tree body = c.getBody();
      if (body instanceof ThrowTree) {
        continue;
      }
      if (!(body instanceof ExpressionTree)) {
        return null; // a block, with yield
      }
      values.add(new TreePath(new TreePath(path, c), body));
    }
    return values.isEmpty() ? null : combined(values);
  }

  /**
   * The type of the values of {@code ?:} or a switch expression (JLS 15.25, 15.28.1): their type
   * when they share one; {@code boolean}; or, for numbers, the widest of {@code double}, {@code
   * float} and {@code long}, else {@code int} when a value is an {@code int} that cannot be a
   * constant, else the {@code short}, {@code byte} or {@code char} that every value is or can
   * represent ({@code int} constants by their value), else {@code int}. Null where an {@code int}
   * that may be a constant has a value not computed here (through a cast, say), or a value has no
   * type.
   */
  private @Nullable TypeMirror combined(List<TreePath> values) {
    List<TypeMirror> typesOf = new ArrayList<>();
    for (TreePath value : values) {
      TypeMirror type = type(value);
      if (type == null) {
        return null;
      }
      typesOf.add(type);
    }
    TypeMirror first = typesOf.get(0);
    if (typesOf.stream().allMatch(t -> types.isSameType(t, first))) {
      return first;
    }
    if (typesOf.stream().allMatch(this::bool)) {
      return types.getPrimitiveType(TypeKind.BOOLEAN);
    }
    List<TypeKind> kinds = new ArrayList<>();
    for (TypeMirror type : typesOf) {
      TypeMirror unboxed = unboxed(type);
      if (unboxed == null || !number(unboxed)) {
        return null;
      }
      kinds.add(unboxed.getKind());
    }
    for (TypeKind wide : List.of(TypeKind.DOUBLE, TypeKind.FLOAT, TypeKind.LONG)) {
      if (kinds.contains(wide)) {
        return types.getPrimitiveType(wide);
      }
    }
    // a numeric choice (JLS 5.6): an int constant takes the small type its value fits
    List<Integer> constants = new ArrayList<>();
    List<TypeKind> small = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i) != TypeKind.INT) {
        small.add(kinds.get(i));
        continue;
      }
      if (!mayBeConstant(values.get(i))) {
        return types.getPrimitiveType(TypeKind.INT);
      }
      Integer constant = intConstant(values.get(i));
      if (constant == null) {
        return null; // perhaps a constant, whose value decides the type
      }
      constants.add(constant);
    }
    for (TypeKind kind : List.of(TypeKind.SHORT, TypeKind.BYTE, TypeKind.CHAR)) {
      if (small.contains(kind) && choosesSmall(kind, small, constants)) {
        return types.getPrimitiveType(kind);
      }
    }
    return types.getPrimitiveType(TypeKind.INT);
  }

  /**
   * Whether a numeric choice among values of the {@code small} types and {@code int} constants is
   * of type {@code kind}: every value is of that type, or a {@code byte} where it is {@code short},
   * or a constant it can represent.
   */
  private static boolean choosesSmall(
      TypeKind kind, List<TypeKind> small, List<Integer> constants) {
    for (TypeKind other : small) {
      if (other != kind && !(kind == TypeKind.SHORT && other == TypeKind.BYTE)) {
        return false;
      }
    }
    int lo =
        switch (kind) {
          case SHORT -> Short.MIN_VALUE;
          case BYTE -> Byte.MIN_VALUE;
          default -> Character.MIN_VALUE;
        };
    int hi =
        switch (kind) {
          case SHORT -> Short.MAX_VALUE;
          case BYTE -> Byte.MAX_VALUE;
          default -> Character.MAX_VALUE;
        };
    return constants.stream().allMatch(c -> c >= lo && c <= hi);
  }

  /**
   * The value of an {@code int} constant expression of literals, constant variables, parentheses
   * and the integer operators; null when it is not one of those (a cast, say).
   */
  private @Nullable Integer intConstant(TreePath value) {
    Tree tree = value.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return intConstant(new TreePath(value, parenthesized.getExpression()));
    }
    if (tree instanceof com.sun.source.tree.LiteralTree literal) {
      return intValue(literal.getValue());
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      return element(value) instanceof VariableElement constant
          ? intValue(constant.getConstantValue())
          : null;
    }
    if (tree instanceof UnaryTree unary) {
      Integer operand = intConstant(new TreePath(value, unary.getExpression()));
      if (operand == null) {
        return null;
      }
      int v = operand;
      return switch (tree.getKind()) {
        case UNARY_MINUS -> -v;
        case UNARY_PLUS -> v;
        case BITWISE_COMPLEMENT -> ~v;
        default -> null;
      };
    }
    if (tree instanceof BinaryTree binary) {
      Integer left = intConstant(new TreePath(value, binary.getLeftOperand()));
      Integer right = intConstant(new TreePath(value, binary.getRightOperand()));
      if (left == null || right == null) {
        return null;
      }
      int a = left;
      int b = right;
      Tree.Kind operator = tree.getKind();
      if (b == 0 && (operator == Tree.Kind.DIVIDE || operator == Tree.Kind.REMAINDER)) {
        return null; // no constant: javac reports the division by zero
      }
      return switch (operator) {
        case PLUS -> a + b;
        case MINUS -> a - b;
        case MULTIPLY -> a * b;
        case DIVIDE -> a / b;
        case REMAINDER -> a % b;
        case AND -> a & b;
        case OR -> a | b;
        case XOR -> a ^ b;
        case LEFT_SHIFT -> a << b;
        case RIGHT_SHIFT -> a >> b;
        case UNSIGNED_RIGHT_SHIFT -> a >>> b;
        default -> null;
      };
    }
    return null;
  }

  /** An {@code int}-typed constant's value: of an {@code int}, {@code short}, {@code char}... */
  private static @Nullable Integer intValue(@Nullable Object constant) {
    if (constant instanceof Integer || constant instanceof Short || constant instanceof Byte) {
      return ((Number) constant).intValue();
    }
    return constant instanceof Character c ? Integer.valueOf(c.charValue()) : null;
  }

  /**
   * Whether an expression may be a constant expression: it reads no parameter, local or field
   * without a constant value, and calls nothing.
   */
  private boolean mayBeConstant(TreePath value) {
    return !Nodes.any(value, this::notConstant);
  }

  /**
   * Whether a tree cannot be part of a constant expression (JLS 15.29): a call, a switch, a write,
   * or a read of an element or of a variable without a constant value.
   */
  private boolean notConstant(TreePath path) {
    Tree tree = path.getLeaf();
    return tree instanceof MethodInvocationTree
        || tree instanceof NewClassTree
        || tree instanceof ArrayAccessTree
        || tree instanceof SwitchExpressionTree
        || HelperBodies.ASSIGNMENTS.contains(tree.getKind())
        || ((tree instanceof IdentifierTree || tree instanceof MemberSelectTree)
            && element(path) instanceof VariableElement read
            && read.getConstantValue() == null);
  }

  private static boolean small(TypeMirror type) {
    return switch (type.getKind()) {
      case BYTE, SHORT, CHAR -> true;
      default -> false;
    };
  }

  /** Binary numeric promotion; null unless both are (boxed) numbers. */
  private @Nullable TypeMirror numeric(TypeMirror left, TypeMirror right) {
    TypeMirror a = unboxed(left);
    TypeMirror b = unboxed(right);
    if (a == null || b == null || !number(a) || !number(b)) {
      return null;
    }
    for (TypeKind kind : List.of(TypeKind.DOUBLE, TypeKind.FLOAT, TypeKind.LONG)) {
      if (a.getKind() == kind || b.getKind() == kind) {
        return types.getPrimitiveType(kind);
      }
    }
    return types.getPrimitiveType(TypeKind.INT);
  }

  /** Unary numeric promotion; null unless a (boxed) number. */
  private @Nullable TypeMirror promoted(@Nullable TypeMirror type) {
    TypeMirror a = type == null ? null : unboxed(type);
    if (a == null || !number(a)) {
      return null;
    }
    return small(a) ? types.getPrimitiveType(TypeKind.INT) : a;
  }

  private @Nullable TypeMirror unboxed(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    try {
      return types.unboxedType(type);
    } catch (IllegalArgumentException notABox) {
      return null;
    }
  }

  private static boolean number(TypeMirror type) {
    return type.getKind().isPrimitive() && type.getKind() != TypeKind.BOOLEAN;
  }

  private static boolean integral(TypeMirror type) {
    return switch (type.getKind()) {
      case BYTE, SHORT, CHAR, INT, LONG -> true;
      default -> false;
    };
  }

  private boolean bool(@Nullable TypeMirror type) {
    TypeMirror a = type == null ? null : unboxed(type);
    return a != null && a.getKind() == TypeKind.BOOLEAN;
  }

  private boolean isString(TypeMirror type) {
    TypeMirror string = string();
    return string != null && types.isSameType(type, string);
  }

  private @Nullable TypeMirror string() {
    TypeElement string = elements.getTypeElement("java.lang.String");
    return string == null ? null : string.asType();
  }
}
