package org.abiguard.processor.guard.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The code of the compilation's sources, parsed again, that a call may run without naming it: the
 * methods of classes that no named class has as a member (anonymous classes, an enum constant's
 * body, local classes, records and enums, and their member classes), for a call that dispatches on
 * a class they extend ({@code step.apply(op)} runs {@code new Step() { public void apply(...) {...}
 * }} written in another file, or a {@code class LocalStep implements Step} declared in another
 * class's method, once an object of it has left there); and lambdas and method references, for a
 * call of a functional interface's method ({@code handler.handle(op)} runs {@code (op, raw) ->
 * op.size = raw}). Without the types javac gives them in their own class, a lambda may be any
 * function of its number of parameters, a method reference any of the methods it may name that
 * takes as many arguments (or one fewer, the receiver), and such a class's method any of its name
 * and number of parameters, of a class that extends the receiver's (or one the parsed source does
 * not resolve: a local class that extends another local class). A call on a local that only ever
 * holds the lambda it is declared with runs that lambda and none of these ({@link LocalLambdas}).
 *
 * <p>Each kind is gathered from every source of the compilation once, at the first call that needs
 * it; a file whose text has no lambda or method reference ({@code ->}, {@code ::}), or no anonymous
 * class ({@code new X(...)} and a brace), {@code enum} nor type declared in code ({@link
 * LocalTypeText}), is not parsed for it; nor are the sources abiguard generated, which have none.
 */
final class OtherClassFunctions {
  /**
   * Code no element names: a lambda's body, or the body of a method of an anonymous or local class.
   */
  record Code(ParsedSource source, TreePath body) {}

  /**
   * A method of a class no named class has as a member, which counts for a call that dispatches on
   * a class {@code type} extends (any class, where {@code type} is null).
   */
  private record UnlistedMethod(@Nullable TypeElement type, String name, int arity, Code code) {}

  private record Lambda(int arity, Code code) {}

  private record Reference(ParsedSource source, TreePath path) {}

  private final ParsedSources parsed;
  private final Overriders overriders;
  private final Types types;

  /** The classes abiguard generated, which have no such code: their sources are not looked at. */
  private final Predicate<TypeElement> generated;

  private @Nullable List<UnlistedMethod> unlisted;
  private @Nullable List<Lambda> lambdas;
  private @Nullable List<Reference> references;
  private final Map<Call, List<Object>> known = new HashMap<>();
  private int generation;

  OtherClassFunctions(
      ParsedSources parsed, Overriders overriders, Types types, Predicate<TypeElement> generated) {
    this.parsed = parsed;
    this.overriders = overriders;
    this.types = types;
    this.generated = generated;
  }

  /**
   * What {@code call} may run without naming it: {@link Code} of anonymous classes and lambdas, and
   * the methods and constructors method references name.
   */
  List<Object> mayRun(Call call) {
    if (generation != overriders.generation()) {
      generation = overriders.generation(); // classes met since: gathered again
      unlisted = null;
      lambdas = null;
      references = null;
      known.clear();
    }
    List<Object> found = known.get(call);
    if (found == null) {
      found = find(call);
      known.put(call, found);
    }
    return found;
  }

  private List<Object> find(Call call) {
    ExecutableElement method = call.method();
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    Set<Object> found = new LinkedHashSet<>(); // a local class's method is listed per supertype
    TypeElement from = call.dispatch();
    if (from != null) {
      for (UnlistedMethod each : unlisted()) {
        if (each.name().equals(name)
            && each.arity() == arity
            && (each.type() == null || extendsClass(each.type(), from))) {
          found.add(each.code());
        }
      }
    }
    if (Call.runsAFunction(method) && !call.ownLambda()) {
      for (Lambda lambda : lambdas()) {
        if (lambda.arity() == arity) {
          found.add(lambda.code());
        }
      }
      for (Reference reference : references()) {
        for (ExecutableElement target : reference.source().mayRun(reference.path())) {
          int taking = target.getParameters().size();
          if (taking == arity || taking + 1 == arity) {
            found.add(target);
          }
        }
      }
    }
    return List.copyOf(found);
  }

  private boolean extendsClass(TypeElement type, TypeElement of) {
    return types.isSubtype(types.erasure(type.asType()), types.erasure(of.asType()));
  }

  private List<UnlistedMethod> unlisted() {
    List<UnlistedMethod> found = unlisted;
    if (found == null) {
      List<UnlistedMethod> all = new ArrayList<>();
      Predicate<CharSequence> worth =
          text -> mayCreateAnonymous(text) || LocalTypeText.mayDeclareLocalType(text);
      for (ParsedSource source : parsed.parsedAll(written(), worth)) {
        new Gatherer(source, all, null, null).scan(new TreePath(source.unit), null);
      }
      found = List.copyOf(all);
      unlisted = found;
    }
    return found;
  }

  private List<Lambda> lambdas() {
    gatherFunctions();
    List<Lambda> found = lambdas;
    return found == null ? List.of() : found;
  }

  private List<Reference> references() {
    gatherFunctions();
    List<Reference> found = references;
    return found == null ? List.of() : found;
  }

  private void gatherFunctions() {
    if (lambdas != null && references != null) {
      return;
    }
    List<Lambda> allLambdas = new ArrayList<>();
    List<Reference> allReferences = new ArrayList<>();
    Predicate<CharSequence> functions = text -> contains(text, "->") || contains(text, "::");
    for (ParsedSource source : parsed.parsedAll(written(), functions)) {
      new Gatherer(source, null, allLambdas, allReferences).scan(new TreePath(source.unit), null);
    }
    lambdas = List.copyOf(allLambdas);
    references = List.copyOf(allReferences);
  }

  /** The compilation's top-level classes that a user wrote. */
  private List<TypeElement> written() {
    return overriders.topLevel().stream().filter(generated.negate()).toList();
  }

  /** One walk of a file for the kinds asked for (a null list is a kind not asked for). */
  private static final class Gatherer extends TreePathScanner<Void, Void> {
    private final ParsedSource source;
    private final @Nullable List<UnlistedMethod> unlisted;
    private final @Nullable List<Lambda> lambdas;
    private final @Nullable List<Reference> references;

    Gatherer(
        ParsedSource source,
        @Nullable List<UnlistedMethod> unlisted,
        @Nullable List<Lambda> lambdas,
        @Nullable List<Reference> references) {
      this.source = source;
      this.unlisted = unlisted;
      this.lambdas = lambdas;
      this.references = references;
    }

    @Override
    public Void visitNewClass(NewClassTree creation, Void unused) {
      if (unlisted != null && creation.getClassBody() != null) {
        TreePath body = new TreePath(getCurrentPath(), creation.getClassBody());
        methods(body, typeOf(getCurrentPath(), creation.getIdentifier()));
      }
      return super.visitNewClass(creation, null);
    }

    /**
     * A class no named class has as a member: a local class (record, enum), or a member of a local
     * or anonymous class. Each method of it counts for each class it extends or implements.
     */
    @Override
    public Void visitClass(ClassTree declared, Void unused) {
      TreePath path = getCurrentPath();
      if (unlisted != null
          && !(path.getParentPath().getLeaf() instanceof NewClassTree)
          && !memberOfANamedClass(path)) {
        List<Tree> supertypes = new ArrayList<>(declared.getImplementsClause());
        if (declared.getExtendsClause() != null) {
          supertypes.add(declared.getExtendsClause());
        }
        for (Tree supertype : supertypes) {
          methods(path, typeOf(path, supertype));
        }
      }
      return super.visitClass(declared, null);
    }

    /** Adds each method with a body of the class body at {@code body}, for {@code type}. */
    private void methods(TreePath body, @Nullable TypeElement type) {
      List<UnlistedMethod> found = unlisted;
      if (found == null) {
        return;
      }
      for (Tree member : ((ClassTree) body.getLeaf()).getMembers()) {
        if (member instanceof MethodTree method && method.getBody() != null) {
          TreePath methodPath = new TreePath(body, method);
          found.add(
              new UnlistedMethod(
                  type,
                  method.getName().toString(),
                  method.getParameters().size(),
                  new Code(source, new TreePath(methodPath, method.getBody()))));
        }
      }
    }

    /** The class a type's name at {@code at} stands for; null when the source does not tell. */
    private @Nullable TypeElement typeOf(TreePath at, Tree named) {
      Tree bare = named instanceof ParameterizedTypeTree generic ? generic.getType() : named;
      return source.element(new TreePath(at, bare)) instanceof TypeElement type ? type : null;
    }

    private static boolean memberOfANamedClass(TreePath declared) {
      TreePath parent = declared.getParentPath();
      if (parent.getLeaf() instanceof CompilationUnitTree) {
        return true;
      }
      return parent.getLeaf() instanceof ClassTree
          && !(parent.getParentPath().getLeaf() instanceof NewClassTree)
          && memberOfANamedClass(parent);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
      if (lambdas != null) {
        lambdas.add(
            new Lambda(
                lambda.getParameters().size(),
                new Code(source, new TreePath(getCurrentPath(), lambda.getBody()))));
      }
      return super.visitLambdaExpression(lambda, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
      if (references != null) {
        references.add(new Reference(source, getCurrentPath()));
      }
      return super.visitMemberReference(reference, null);
    }
  }

  private static boolean contains(CharSequence text, String part) {
    return text.toString().contains(part);
  }

  /**
   * Whether a source's text may create an anonymous class: {@code new}, a name, its arguments in
   * parentheses (string, text-block and character literals skipped), then a brace; or has an {@code
   * enum}, whose constants may have bodies.
   */
  static boolean mayCreateAnonymous(CharSequence text) {
    String s = text.toString();
    if (s.contains("enum")) {
      return true; // an enum constant's body is an anonymous class too, with no new before it
    }
    int at = s.indexOf("new");
    while (at >= 0) {
      boolean word =
          (at == 0 || !Character.isJavaIdentifierPart(s.charAt(at - 1)))
              && at + 3 < s.length()
              && !Character.isJavaIdentifierPart(s.charAt(at + 3));
      if (word) {
        int open = s.indexOf('(', at);
        int close = open < 0 ? -1 : closing(s, open);
        if (close >= 0 && nextIsBrace(s, close + 1)) {
          return true;
        }
      }
      at = s.indexOf("new", at + 3);
    }
    return false;
  }

  /** The index of the parenthesis that closes the one at {@code open}; -1 when none. */
  private static int closing(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = LocalTypeText.afterLiteral(s, i);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Whether the first thing from {@code from} on, past white space and comments, is a brace. */
  private static boolean nextIsBrace(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '{') {
        return true;
      }
      if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? s.length() : end + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        return false;
      }
    }
    return false;
  }
}
