package org.abiguard.processor.diag;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place diagnostics leave the processor. It owns the message format ({@code
 * [abiguard:<kind>] text}, then a line linking the kind's page in {@code docs/}), the kind of each
 * diagnostic (error, or warning under {@code -Aabiguard.severity=warning}) and suppression through
 * {@code @SuppressWarnings}.
 */
public final class Reporter {
  private static final String SUPPRESS_ALL = "abiguard";

  /** The flow guard's entry point in a stack trace. */
  private static final String GUARD_ENTRY = "org.abiguard.processor.guard.GuardListener";

  /**
   * Where the page of each kind lives: {@code docs/<id>.md} ({@code docs/abiguard.md} for messages
   * about abiguard itself) in the repository named by the root pom's {@code <scm><url>}; {@code
   * DocsLinkTest} fails when the two disagree or a page is missing.
   */
  public static final String DOCS = "https://github.com/abiguard/abiguard/blob/main/docs/";

  /** The page of messages about abiguard itself ({@code [abiguard] text}). */
  static final String SELF_PAGE = "abiguard";

  private final Messager messager;
  private final boolean warningsOnly;
  private int errors;

  public Reporter(Messager messager, boolean warningsOnly) {
    this.messager = messager;
    this.warningsOnly = warningsOnly;
  }

  /**
   * Reports on an element (a struct, field, parameter, method...).
   *
   * @return false when {@code @SuppressWarnings} silenced it
   */
  public boolean report(AbiKind kind, Element element, String message) {
    if (isSuppressed(kind, element)) {
      return false;
    }
    messager.printMessage(kindOf(kind), format(kind, message), element);
    count(kind);
    return true;
  }

  /** Reports on an annotation of an element, so the IDE points at the annotation itself. */
  public boolean report(
      AbiKind kind, Element element, AnnotationMirror annotation, String message) {
    if (isSuppressed(kind, element)) {
      return false;
    }
    messager.printMessage(kindOf(kind), format(kind, message), element, annotation);
    count(kind);
    return true;
  }

  /** Reports on one value of an annotation of an element. */
  public boolean report(
      AbiKind kind,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String message) {
    if (isSuppressed(kind, element)) {
      return false;
    }
    messager.printMessage(kindOf(kind), format(kind, message), element, annotation, value);
    count(kind);
    return true;
  }

  /**
   * Reports on a tree (an expression) of a compilation unit: the flow guard's diagnostics. The path
   * is used for suppression: every enclosing declaration's {@code @SuppressWarnings} counts.
   */
  public void report(AbiKind kind, Trees trees, TreePath path, String message) {
    if (isSuppressed(kind, trees, path)) {
      return;
    }
    trees.printMessage(
        kindOf(kind), format(kind, message), path.getLeaf(), path.getCompilationUnit());
    count(kind);
  }

  /** Reports on a tree where no path is at hand (no suppression lookup). */
  public void report(
      AbiKind kind, Trees trees, Tree tree, CompilationUnitTree unit, String message) {
    trees.printMessage(kindOf(kind), format(kind, message), tree, unit);
    count(kind);
  }

  /** Reports with no element to place it on (a struct of the baseline that is gone). */
  public void report(AbiKind kind, String message) {
    messager.printMessage(kindOf(kind), format(kind, message));
    count(kind);
  }

  /** An error about abiguard's own work (an output it cannot write, a baseline it cannot read). */
  public void error(String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, self(message));
    errors++;
  }

  /** An error on an element about abiguard's own work (a marshaller it cannot write). */
  public void error(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, self(message), element);
    errors++;
  }

  /**
   * The flow guard failed inside one method (or initializer, or class): the guard fails closed, so
   * this is an error on that declaration (a warning under {@code -Aabiguard.severity=warning}) that
   * names it, says it was not checked and carries the stack trace for a bug report.
   * {@code @SuppressWarnings("abiguard")} on the declaration (or an enclosing one) silences it.
   *
   * @param what the declaration, e.g. {@code method boom of p.TwoMethods}
   */
  public void guardFailure(Trees trees, TreePath path, String what, Throwable failure) {
    if (isSuppressedEntirely(trees, path)) {
      return;
    }
    Diagnostic.Kind kind = warningsOnly ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
    trees.printMessage(
        kind, guardFailureMessage(what, failure), path.getLeaf(), path.getCompilationUnit());
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
  }

  /** The text of {@link #guardFailure}: a one-line summary, the stack trace, then the docs link. */
  public static String guardFailureMessage(String what, Throwable failure) {
    StringBuilder m =
        new StringBuilder("[abiguard] internal error in the flow guard: ")
            .append(what)
            .append(" is not checked (")
            .append(failure)
            .append("). Please report this to the abiguard maintainers with the stack trace below;")
            .append(
                " until it is fixed, @SuppressWarnings(\"abiguard\") on it accepts it unchecked.");
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t != failure) {
        m.append("\nCaused by: ").append(t);
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        m.append("\n\tat ").append(frame);
        if (frame.getClassName().startsWith(GUARD_ENTRY)) {
          break; // javac's own frames below the guard's entry point say nothing about the failure
        }
      }
    }
    return m.append(seePage(SELF_PAGE)).toString();
  }

  /**
   * Whether {@code @SuppressWarnings("abiguard")} on an enclosing declaration silences everything.
   */
  private static boolean isSuppressedEntirely(Trees trees, TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree || leaf instanceof MethodTree || leaf instanceof VariableTree) {
        Element e = trees.getElement(p);
        SuppressWarnings sw = e == null ? null : e.getAnnotation(SuppressWarnings.class);
        if (sw != null && List.of(sw.value()).contains(SUPPRESS_ALL)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A warning about abiguard itself (option problems, guard switched off). */
  public void warning(String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, self(message));
  }

  /** A warning on an element about abiguard itself. */
  public void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, self(message), element);
  }

  /** A processor option that was not understood: an error, since a typo must not go unnoticed. */
  public void optionError(String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, self(message));
    errors++;
  }

  /**
   * A failure inside abiguard. The processor never ends a compilation with an uncaught exception:
   * this reports it as an error that asks for a bug report.
   */
  public void internalError(String where, Throwable t) {
    messager.printMessage(
        Diagnostic.Kind.ERROR,
        self(
            "internal error in "
                + where
                + ": "
                + t
                + " at "
                + firstFrame(t)
                + "; please report this to the abiguard maintainers"));
    errors++;
  }

  private static String firstFrame(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? "?" : st[0].toString();
  }

  /** Errors reported so far (warnings excluded). */
  public int errorCount() {
    return errors;
  }

  /**
   * The formatted text: {@code [abiguard:<kind>] message}, then the line linking the kind's page.
   */
  public static String format(AbiKind kind, String message) {
    return kind.prefix() + " " + message + seePage(kind.id());
  }

  /**
   * A message about abiguard itself: {@code [abiguard] message}, then the line linking its page.
   */
  static String self(String message) {
    return "[abiguard] " + message + seePage(SELF_PAGE);
  }

  /**
   * The last line of every message, as Error Prone links its bug patterns. javac indents a
   * message's later lines by two more spaces, so it shows this line indented by four.
   */
  static String seePage(String page) {
    return "\n  (see " + DOCS + page + ".md)";
  }

  /** Whether {@code @SuppressWarnings} on the element or an enclosing one silences the kind. */
  public boolean isSuppressed(AbiKind kind, Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppresses(e.getAnnotation(SuppressWarnings.class), kind)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an enclosing declaration of the tree path silences the kind. */
  public boolean isSuppressed(AbiKind kind, Trees trees, TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree || leaf instanceof MethodTree || leaf instanceof VariableTree) {
        Element e = trees.getElement(p);
        if (e != null && suppresses(e.getAnnotation(SuppressWarnings.class), kind)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean suppresses(SuppressWarnings sw, AbiKind kind) {
    if (sw == null) {
      return false;
    }
    List<String> values = List.of(sw.value());
    return values.contains(SUPPRESS_ALL) || values.contains(SUPPRESS_ALL + ":" + kind.id());
  }

  private Diagnostic.Kind kindOf(AbiKind kind) {
    return warningsOnly && kind.demotable() ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
  }

  private void count(AbiKind kind) {
    if (kindOf(kind) == Diagnostic.Kind.ERROR) {
      errors++;
    }
  }
}
