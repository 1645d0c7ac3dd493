package org.abiguard.processor.guard.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.guard.sinks.SinkChecker.Finding;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * What the analysis of one compilation unit shares: javac's utilities, the declarations, the mode,
 * and the findings collected so far. Findings are keyed by expression and sink so that re-analysing
 * a loop body until its fixpoint keeps one finding per place (the last, and widest).
 */
public final class Context {
  final Trees trees;

  /** How javac's trees name things, for what a call may run ({@link Call}). */
  final Call.Names names;

  final Types types;
  final Elements elements;
  final Declarations declarations;
  final boolean strict;

  /** The unit this context's code is in: the class analysed, or another class's helper. */
  final CompilationUnitTree unit;

  /** The unit of the class analysed, where findings are reported. */
  private final CompilationUnitTree root;

  /** The top-level class being analysed. */
  final javax.lang.model.element.TypeElement analysed;

  /** Other top-level classes' sources, parsed again to follow their helpers. */
  final ParsedSources parsed;

  /** {@link #unit} parsed again, or null for a unit of the compilation (the usual case). */
  private final @Nullable ParsedSource unitSource;

  private final SourcePositions positions;
  private @Nullable CharSequence source;
  private boolean sourceRead;
  private Map<Object, Pending> pending = new LinkedHashMap<>();

  /**
   * What is written into each array of the body ({@link ArrayContents} names them), with where it
   * was written: an array initializer's values, and each store into an element, so that storing the
   * array into an {@code @AbiArray} (assigning it to the field, {@code System.arraycopy}) is
   * reported where the value was written.
   */
  final Map<Object, Map<Tree, ElementWrite>> arrayWrites = new java.util.HashMap<>();

  /**
   * The values of the arms of each conditional and switch expression, as last evaluated, each where
   * it was written: a value the whole expression gives a sink is held to it arm by arm, so that a
   * finding points at the arm ({@code default -> (int) space}) and not at the {@code switch}.
   */
  final Map<Tree, List<Arm>> arms = new java.util.HashMap<>();

  /** One arm's value, converted to the type of the expression it is an arm of. */
  record Arm(TreePath at, @Nullable Fact value) {}

  /**
   * The calls of the body that copy an array ({@code a.clone()}, {@code Arrays.copyOf(a, n)}): each
   * makes a new array whose contents are what {@link #arrayWrites} holds for it.
   */
  final java.util.Set<Tree> copies = new java.util.HashSet<>();

  /** Each array of the body that was assigned to an {@code @AbiArray} field, with that field. */
  final Map<Object, javax.lang.model.element.Element> arrayStores = new java.util.HashMap<>();

  /**
   * A value written into an array element, of Java type {@code kind}, at {@code at}: the value
   * itself, or ({@code copied}) an array whose elements were copied in, which has no check of its
   * own to suggest.
   */
  record ElementWrite(@Nullable Fact value, @Nullable JavaKind kind, TreePath at, boolean copied) {
    ElementWrite(@Nullable Fact value, @Nullable JavaKind kind, TreePath at) {
      this(value, kind, at, false);
    }
  }

  /**
   * A finding and where to report it: the value that reached the sink, and ({@code through}) the
   * methods it was passed into on its way there, outermost first, whose {@code @SuppressWarnings}
   * silences it too.
   */
  public record Pending(
      TreePath path,
      Finding finding,
      Sink sink,
      Fact value,
      List<javax.lang.model.element.ExecutableElement> through) {}

  private record Key(Tree tree, String sink) {}

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /**
   * Per method called, the expression its body returns if it is a helper {@link Helpers} follows
   * (empty if not), found once per class analysed and shared with the contexts of helpers.
   */
  final Map<javax.lang.model.element.ExecutableElement, java.util.Optional<HelperBodies.Body>>
      helperBodies;

  /**
   * Per method called, the body that values passed to it are followed into ({@link CalledBodies}),
   * empty if none; found once per class analysed and shared with the contexts of helpers.
   */
  final Map<javax.lang.model.element.ExecutableElement, java.util.Optional<TreePath>> calledBodies;

  /**
   * The locals of a class type that stand for a path in their method, shared with the contexts of
   * helpers.
   */
  final LocalAliases aliases;

  /** The local arrays whose elements are tracked one by one, shared with helpers' contexts. */
  final LocalArrays localArrays;

  /**
   * The private methods of the class analysed whose every call the guard sees, which record what
   * their callers pass; null where not set up (a class analysed on its own in a test).
   */
  @Nullable ClosedMethods closedMethods;

  /**
   * The fields each method of the class analysed may write when called, which a call forgets; null
   * where not set up (a class analysed on its own in a test).
   */
  @Nullable WrittenFields writtenFields;

  /**
   * The fields each method of another class of the compilation may write when called, which a call
   * forgets; null where not set up (a class analysed on its own in a test).
   */
  @Nullable OtherClassWrites otherClassWrites;

  /** Lets a call of a method of another class of the compilation forget what it may write. */
  public void otherClassWrites(OtherClassWrites written) {
    this.otherClassWrites = written;
  }

  /** Lets a call of a method of the class forget what it may write. */
  public void writtenFields(WrittenFields written) {
    this.writtenFields = written;
  }

  /** Lets the analysis of each root record its calls of the class's closed methods. */
  public void closedMethods(ClosedMethods closed) {
    this.closedMethods = closed;
  }

  /** The helpers being followed to reach this context's code, outermost first. */
  final List<javax.lang.model.element.ExecutableElement> following;

  /**
   * How many times helpers' statements have been run for the method analysed now, shared with the
   * contexts of helpers ({@link Helpers#STATEMENT_RUNS} bounds it).
   */
  final int[] statementRuns;

  /**
   * How many times bodies have been run to follow values passed into them, for the method analysed
   * now, shared with the contexts of helpers ({@link Forwarding#RUNS} bounds it).
   */
  final int[] forwardRuns;

  public Context(
      Trees trees,
      Types types,
      Elements elements,
      Declarations decls,
      boolean strict,
      CompilationUnitTree unit,
      javax.lang.model.element.TypeElement analysed,
      ParsedSources parsed) {
    this.trees = trees;
    this.names = Call.Names.of(trees);
    this.types = types;
    this.elements = elements;
    this.declarations = decls;
    this.strict = strict;
    this.unit = unit;
    this.root = unit;
    this.analysed = analysed;
    this.parsed = parsed;
    this.unitSource = null;
    this.positions = trees.getSourcePositions();
    this.helperBodies = new java.util.HashMap<>();
    this.calledBodies = new java.util.HashMap<>();
    this.aliases = new LocalAliases();
    this.localArrays = new LocalArrays();
    this.following = List.of();
    this.statementRuns = new int[1];
    this.forwardRuns = new int[1];
  }

  /**
   * The context in which a helper's returned expression is followed from a call in this context's
   * code: the same declarations, the helper's unit ({@code unit}: the class analysed, or another
   * class's source parsed again), and findings of its own, which are never reported (the helper's
   * own analysis reports what its body does with its parameters' declared values).
   */
  private Context(
      Context caller, javax.lang.model.element.ExecutableElement helper, CompilationUnitTree unit) {
    this.trees = caller.trees;
    this.names = caller.names;
    this.types = caller.types;
    this.elements = caller.elements;
    this.declarations = caller.declarations;
    this.strict = caller.strict;
    this.unit = unit;
    this.root = caller.root;
    this.analysed = caller.analysed;
    this.parsed = caller.parsed;
    this.unitSource = caller.parsed.of(unit);
    this.positions = caller.positions;
    this.helperBodies = caller.helperBodies;
    this.calledBodies = caller.calledBodies;
    this.aliases = caller.aliases;
    this.localArrays = caller.localArrays;
    this.statementRuns = caller.statementRuns;
    this.forwardRuns = caller.forwardRuns;
    this.writtenFields = caller.writtenFields;
    this.otherClassWrites = caller.otherClassWrites;
    List<javax.lang.model.element.ExecutableElement> chain = new ArrayList<>(caller.following);
    chain.add(helper);
    this.following = List.copyOf(chain);
  }

  /**
   * The context in which {@code helper}'s returned expression, in {@code unit}, is followed from
   * this code.
   */
  Context following(javax.lang.model.element.ExecutableElement helper, CompilationUnitTree unit) {
    return new Context(this, helper, unit);
  }

  /** A reachable state that tracks nothing, for the code this context analyses. */
  State emptyState() {
    return new State(this::plainWhenUntracked);
  }

  /**
   * Whether a path a state does not track holds a plain value there that a join must keep: in
   * lenient mode, a parameter, field or record accessor that declares no width, or a box a local
   * holds ({@link AccessPath#box}). Not a local: one written on a single side is out of scope after
   * the join, or not yet definitely assigned, since a local is tracked from its initializer on.
   */
  private boolean plainWhenUntracked(AccessPath path) {
    if (strict) {
      return false;
    }
    if (path.boxKind() != null) {
      return true;
    }
    javax.lang.model.element.Element element = path.last();
    return element != null
        && switch (element.getKind()) {
          case LOCAL_VARIABLE, BINDING_VARIABLE, EXCEPTION_PARAMETER, RESOURCE_VARIABLE -> false;
          default -> declarations.readFact(element) == null;
        };
  }

  /**
   * The element a tree names or declares: javac's, for the trees of the compilation; for another
   * class's source parsed again, what {@link ParsedSources} resolves.
   */
  javax.lang.model.element.@Nullable Element elementOf(TreePath path) {
    ParsedSource source = sourceOf(path);
    return source == null ? trees.getElement(path) : source.element(path);
  }

  /** The type of an expression, as {@link #elementOf} finds its element. */
  javax.lang.model.type.@Nullable TypeMirror typeOf(TreePath path) {
    ParsedSource source = sourceOf(path);
    return source == null ? trees.getTypeMirror(path) : source.type(path);
  }

  /** The parsed source a path is in, or null for the compilation's trees. */
  private @Nullable ParsedSource sourceOf(TreePath path) {
    CompilationUnitTree of = path.getCompilationUnit();
    return of == unit ? unitSource : parsed.of(of);
  }

  /**
   * Records a finding at a tree for a sink. One value reaching one sink is reported once: a finding
   * for the same sink described with or without how the value reaches it (an array element written
   * before and after its array was stored into the field, in a loop) replaces the earlier one.
   */
  /** Records a value a switch expression's arm yields. */
  void arm(Tree switchExpression, TreePath at, @Nullable Fact value) {
    arms.computeIfAbsent(switchExpression, k -> new ArrayList<>()).add(new Arm(at, value));
  }

  void add(
      TreePath at,
      Sink sink,
      Fact value,
      Finding finding,
      List<javax.lang.model.element.ExecutableElement> through) {
    String description = sink.description();
    pending
        .keySet()
        .removeIf(
            key ->
                key instanceof Key k
                    && k.tree() == at.getLeaf()
                    && !k.sink().equals(description)
                    && (k.sink().startsWith(description) || description.startsWith(k.sink())));
    pending.put(new Key(at.getLeaf(), description), new Pending(at, finding, sink, value, through));
  }

  /** Whether two findings are of one value reaching one sink at one place. */
  static boolean samePlace(Pending a, Pending b) {
    return a.path().getLeaf() == b.path().getLeaf()
        && a.sink().description().equals(b.sink().description());
  }

  /** Takes the findings collected since the last call. */
  public List<Pending> drain() {
    List<Pending> out = new ArrayList<>(pending.values());
    pending = new LinkedHashMap<>();
    return out;
  }

  /** The findings collected so far, for {@link #restoreFindings}. */
  Map<Object, Pending> findings() {
    return new LinkedHashMap<>(pending);
  }

  /**
   * Puts back the findings as {@link #findings} gave them: what an evaluation in between found is
   * not reported.
   */
  void restoreFindings(Map<Object, Pending> findings) {
    pending = new LinkedHashMap<>(findings);
  }

  /** Discards the findings collected since the last call. */
  public void discard() {
    pending = new LinkedHashMap<>();
  }

  /** The line an expression starts on. */
  long line(Tree tree) {
    return unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
  }

  /**
   * Where a tree of this code or of code it follows into is, for messages: {@code line 22} in the
   * file analysed (its other top-level classes' sources parsed again included), {@code
   * Memory.java:22} in another.
   */
  String place(TreePath path) {
    CompilationUnitTree of = path.getCompilationUnit();
    long line = of.getLineMap().getLineNumber(positions.getStartPosition(of, path.getLeaf()));
    if (of == root || of.getSourceFile().toUri().equals(root.getSourceFile().toUri())) {
      return "line " + line;
    }
    String name = of.getSourceFile().getName();
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1) + ":" + line;
  }

  /** The source text of an expression, or its pretty-printed form. */
  String text(Tree tree) {
    if (!sourceRead) {
      sourceRead = true;
      try {
        source = unit.getSourceFile().getCharContent(true);
      } catch (IOException | RuntimeException e) {
        source = null;
      }
    }
    long start = positions.getStartPosition(unit, tree);
    long end = positions.getEndPosition(unit, tree);
    if (source != null && start >= 0 && end > start && end <= source.length()) {
      return WHITESPACE.matcher(source.subSequence((int) start, (int) end)).replaceAll(" ");
    }
    return tree.toString();
  }
}
