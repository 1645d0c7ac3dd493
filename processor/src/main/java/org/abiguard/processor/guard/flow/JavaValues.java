package org.abiguard.processor.guard.flow;

import com.sun.source.util.TreePath;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.model.JavaKind;
import org.jspecify.annotations.Nullable;

/**
 * What the Java types and declarations alone say about a value: the integral type of an expression,
 * the fact of a plain Java value, and what a variable holds after a write.
 */
final class JavaValues {
  private final Context context;

  JavaValues(Context context) {
    this.context = context;
  }

  /** The Java integral kind of an expression's type, or null (not integral, or erroneous). */
  @Nullable JavaKind kind(TreePath path) {
    TypeMirror type = context.trees.getTypeMirror(path);
    return type == null || type.getKind() == TypeKind.ERROR
        ? null
        : context.declarations.kindOf(type);
  }

  /**
   * The value of a plain Java expression: no fact in lenient mode, its Java type's range in strict.
   */
  @Nullable Fact plain(@Nullable JavaKind kind, Supplier<String> description) {
    return context.strict && kind != null
        ? Declarations.javaTypeFact(kind, description.get())
        : null;
  }

  /** The fact a variable holds after a write: the value's, within the declared width. */
  @Nullable Fact stored(Element variable, @Nullable Fact value) {
    Fact declared = context.declarations.readFact(variable);
    if (declared == null) {
      return value;
    }
    return value != null && declared.range().contains(value.range()) ? value : declared;
  }
}
