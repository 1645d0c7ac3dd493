package org.abiguard.processor.guard.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;

/**
 * The code a constructor runs besides its body: its class's instance field initializers ({@code
 * private final long x = grow();}) and instance initializer blocks ({@code { ... }}), which run in
 * every constructor that does not begin with {@code this(...)} (the one it calls runs them). Static
 * initializers run once, when the class is first used, and are not among them.
 */
final class InstanceInitializers {
  private InstanceInitializers() {}

  /**
   * The instance initializers of the class at {@code classPath}, in the order written: each
   * instance field's initializer, and each instance initializer block. {@code element} gives what a
   * member declares, or null where that is not known (then the field's written modifiers, and its
   * class's kind, tell whether it is static).
   */
  static List<TreePath> of(TreePath classPath, Function<TreePath, @Nullable Element> element) {
    if (!(classPath.getLeaf() instanceof ClassTree type)) {
      return List.of();
    }
    boolean fieldsAreStatic =
        type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
    List<TreePath> out = new ArrayList<>();
    for (Tree member : type.getMembers()) {
      TreePath at = new TreePath(classPath, member);
      if (member instanceof BlockTree block && !block.isStatic()) {
        out.add(at);
      } else if (member instanceof VariableTree field
          && field.getInitializer() != null
          && !fieldsAreStatic
          && !isStatic(field, element.apply(at))) {
        out.add(new TreePath(at, field.getInitializer()));
      }
    }
    return out;
  }

  private static boolean isStatic(VariableTree field, @Nullable Element declared) {
    if (declared != null) {
      return declared.getKind() == ElementKind.ENUM_CONSTANT
          || declared.getModifiers().contains(Modifier.STATIC);
    }
    return field.getModifiers().getFlags().contains(Modifier.STATIC);
  }

  /** Whether a constructor begins with {@code this(...)}, which runs the initializers instead. */
  static boolean delegates(MethodTree constructor) {
    return "this".equals(firstCall(constructor));
  }

  /** Whether a constructor begins with {@code this(...)} or {@code super(...)}. */
  static boolean callsAConstructor(MethodTree constructor) {
    return firstCall(constructor) != null;
  }

  /** {@code this} or {@code super}, for a constructor that begins with such a call; else null. */
  private static @Nullable String firstCall(MethodTree constructor) {
    BlockTree body = constructor.getBody();
    if (body == null || body.getStatements().isEmpty()) {
      return null;
    }
    StatementTree first = body.getStatements().get(0);
    if (first instanceof ExpressionStatementTree statement
        && statement.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree named) {
      String name = named.getName().toString();
      return name.equals("this") || name.equals("super") ? name : null;
    }
    return null;
  }

  /**
   * The constructor of {@code type}'s superclass that takes no argument, which a constructor that
   * calls no other runs first; null for a class with no superclass, or none such (an enum's, a
   * record's: their superclass's constructors run nothing).
   */
  static @Nullable ExecutableElement superConstructor(TypeElement type) {
    TypeElement parent = Overriders.superclassOf(type);
    if (parent == null) {
      return null;
    }
    ExecutableElement varargs = null; // chosen only where no constructor takes nothing
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(parent.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()) {
        return constructor;
      }
      if (constructor.isVarArgs() && constructor.getParameters().size() == 1) {
        varargs = constructor;
      }
    }
    return varargs;
  }
}
