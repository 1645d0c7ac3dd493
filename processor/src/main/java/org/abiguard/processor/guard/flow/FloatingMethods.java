package org.abiguard.processor.guard.flow;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Floats;
import org.jspecify.annotations.Nullable;

/**
 * The methods of {@code Math} and {@code StrictMath} on {@code float} and {@code double} whose
 * result the guard computes: {@code abs}, {@code min}, {@code max}, {@code floor}, {@code ceil},
 * {@code rint} and {@code round}. Their arguments arrive converted to the parameters' types.
 */
final class FloatingMethods {
  private FloatingMethods() {}

  private static final Set<String> OWNERS = Set.of("java.lang.Math", "java.lang.StrictMath");
  private static final Set<String> NAMES =
      Set.of("abs", "min", "max", "floor", "ceil", "rint", "round");

  /** Whether {@code method} is one of them. */
  static boolean known(ExecutableElement method) {
    if (method.getParameters().isEmpty()
        || !NAMES.contains(method.getSimpleName().toString())
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !OWNERS.contains(owner.getQualifiedName().toString())) {
      return false;
    }
    TypeKind first = method.getParameters().get(0).asType().getKind();
    return first == TypeKind.FLOAT || first == TypeKind.DOUBLE;
  }

  /** The result of a call of one of them on values of {@code type}. */
  static @Nullable Fact apply(
      ExecutableElement method, List<@Nullable Fact> arguments, Floating type) {
    Fact first = arguments.isEmpty() ? null : arguments.get(0);
    Fact second = arguments.size() < 2 ? null : arguments.get(1);
    String name = method.getSimpleName().toString();
    return switch (name) {
      case "abs" -> Floats.abs(first);
      case "min", "max" ->
          Floats.minMax(name.equals("min"), first, second, type, "Math." + name + "(...)");
      case "round" -> Floats.round(first);
      default -> Floats.toIntegral(name, first);
    };
  }
}
