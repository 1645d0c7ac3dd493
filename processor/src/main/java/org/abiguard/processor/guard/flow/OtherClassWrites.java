package org.abiguard.processor.guard.flow;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * The fields a method or constructor of another top-level class of the compilation may write when
 * called, read from its source parsed again ({@link ParsedSources}): so that a call of one between
 * a check of a field and its use forgets the check ({@code if (op.size > MAX) return;
 * Ops.reset(op); use(op.size);}), as a call of the class analysed's own methods does ({@link
 * WrittenFields}). Shared by the whole compilation: what a body writes does not depend on the class
 * that calls it.
 *
 * <p>A body writes each field an assignment, compound assignment, {@code ++} or {@code --} in it
 * writes (its lambdas and local and anonymous classes included), except a field of an object the
 * body created itself, in a local it never assigns again ({@code Req value = new Req(); value.size
 * = size;}: the generated marshallers' {@code read}), and, in a constructor, the new object's own
 * fields: no caller holds those objects. A write whose field the parsed source does not resolve (a
 * receiver of a generic type) counts by the field's name: it forgets every field of that name.
 *
 * <p>A body runs each method and constructor it calls, and each a method reference in it names, in
 * turn followed: the one the parsed source resolves, else every one of its name and argument count
 * in the class it is looked up in. Not followed, and taken to write nothing: a method from a jar or
 * class file, a call whose class is not known (a receiver of a type the parsed source does not
 * give), and an implementation in another class of an interface or superclass method called. A body
 * the guard fails to read, and a call that reaches more than {@link #MAX_BODIES} bodies, may write
 * any field.
 */
public final class OtherClassWrites {
  /**
   * How many bodies a call is followed through; past that, it is taken to write any field (a limit
   * real code does not meet, which keeps one call from parsing a whole code base).
   */
  static final int MAX_BODIES = 400;

  /** What one body writes itself, and what it may run. */
  private record Body(
      Set<Element> fields, Set<String> names, Set<ExecutableElement> runs, boolean any) {}

  private static final Body NONE = new Body(Set.of(), Set.of(), Set.of(), false);

  /** A body the guard failed to read: it may write any field. */
  private static final Body ANY = new Body(Set.of(), Set.of(), Set.of(), true);

  /**
   * What a call may write, through every body it reaches: fields, fields by name, or ({@code any})
   * any field at all.
   */
  record Writes(Set<Element> fields, Set<String> names, boolean any) {
    boolean none() {
      return !any && fields.isEmpty() && names.isEmpty();
    }

    boolean writes(Element field) {
      return any || fields.contains(field) || names.contains(field.getSimpleName().toString());
    }
  }

  private final ParsedSources parsed;
  private final Map<ExecutableElement, Body> bodies = new HashMap<>();
  private final Map<ExecutableElement, Writes> reached = new HashMap<>();

  public OtherClassWrites(ParsedSources parsed) {
    this.parsed = parsed;
  }

  /**
   * Forgets, in {@code state}, the facts of each field a call of {@code method} may write. The
   * method's source is read at the first call made where a field's fact is held (a state that
   * depends on no field has nothing to forget); a method known to write nothing costs nothing more.
   */
  void forget(State state, ExecutableElement method) {
    Writes known = reached.get(method);
    if (known != null && known.none()) {
      return;
    }
    Set<Element> held = state.fieldsDependedOn();
    if (held.isEmpty()) {
      return;
    }
    Writes writes = known != null ? known : of(method);
    for (Element field : held) {
      if (writes.writes(field)) {
        state.kill(field);
      }
    }
  }

  /** What a call of {@code method} may write, through the bodies it reaches. */
  Writes of(ExecutableElement method) {
    Writes known = reached.get(method);
    if (known != null) {
      return known;
    }
    Set<Element> fields = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    Deque<ExecutableElement> work = new ArrayDeque<>(List.of(method));
    Set<ExecutableElement> seen = new HashSet<>(work);
    boolean any = false;
    while (!work.isEmpty()) {
      if (seen.size() > MAX_BODIES) {
        any = true;
        break;
      }
      Body body = body(work.pop());
      any |= body.any();
      fields.addAll(body.fields());
      names.addAll(body.names());
      for (ExecutableElement next : body.runs()) {
        if (seen.add(next)) {
          work.push(next);
        }
      }
    }
    Writes result = new Writes(Set.copyOf(fields), Set.copyOf(names), any);
    reached.put(method, result);
    return result;
  }

  private Body body(ExecutableElement method) {
    Body known = bodies.get(method);
    if (known == null) {
      known = read(method);
      bodies.put(method, known);
    }
    return known;
  }

  /** What the body of {@code method} writes and runs, from its source parsed again. */
  private Body read(ExecutableElement method) {
    try {
      return readSource(method);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return ANY; // not known: the check is forgotten rather than kept unproved
    }
  }

  private Body readSource(ExecutableElement method) {
    TypeElement top = HelperBodies.outermost(method);
    TreePath declaration = top == null ? null : parsed.declaration(method, top);
    if (declaration == null
        || !(declaration.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null) {
      return NONE; // from a jar or class file, abstract, or a source that does not parse
    }
    ParsedSource source = parsed.of(declaration.getCompilationUnit());
    if (source == null) {
      return NONE;
    }
    return new BodyReader(source, method).read(new TreePath(declaration, tree.getBody()));
  }

  /** One walk of a body parsed again, resolving what it writes and runs as its source does. */
  private static final class BodyReader extends BodyWalk {
    private final ParsedSource source;
    private final ExecutableElement method;
    private final Set<ExecutableElement> runs = new LinkedHashSet<>();

    BodyReader(ParsedSource source, ExecutableElement method) {
      this.source = source;
      this.method = method;
    }

    Body read(TreePath body) {
      scan(body, null);
      Set<Element> fields = new LinkedHashSet<>();
      Set<String> names = new LinkedHashSet<>();
      for (TreePath target : targets) {
        written(target, fields, names);
      }
      return new Body(Set.copyOf(fields), Set.copyOf(names), Set.copyOf(runs), false);
    }

    @Override
    @Nullable Element element(TreePath path) {
      return source.element(path);
    }

    @Override
    void runs(TreePath call) {
      runs.addAll(source.mayRun(call));
    }

    /** Adds the field a write to {@code target} writes, or its name when it does not resolve. */
    private void written(TreePath target, Set<Element> fields, Set<String> names) {
      Element field = source.fieldOfThis(target);
      if (field == null) {
        field = source.element(target);
      }
      if (field == null) {
        if (target.getLeaf() instanceof MemberSelectTree select) {
          names.add(select.getIdentifier().toString()); // a receiver of a type not known
        }
        return; // a local the source does not resolve, or an array element
      }
      if (field.getKind() == ElementKind.FIELD
          && reachesCaller(
              target,
              field,
              method.getKind() == ElementKind.CONSTRUCTOR ? method.getEnclosingElement() : null)) {
        fields.add(field); // not a local or parameter, and an object the caller may hold
      }
    }
  }

  /** Whether {@code method} is of a top-level class other than {@code analysed}. */
  static boolean ofAnotherClass(ExecutableElement method, TypeElement analysed) {
    TypeElement top = HelperBodies.outermost(method);
    return top != null && !top.equals(analysed);
  }
}
