package org.abiguard.processor.guard.flow;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The libraries' precondition and assertion methods, which return only when their {@code boolean}
 * argument has one value and throw otherwise: Guava's {@code Preconditions.checkArgument} and
 * {@code checkState} and {@code Verify.verify}, Commons Lang's {@code Validate.isTrue} and {@code
 * validState}, Spring's {@code Assert.isTrue} and {@code Assert.state}, JUnit's {@code assertTrue}
 * and {@code assertFalse} (Jupiter's {@code Assertions} and JUnit 4's {@code Assert}). After {@code
 * checkArgument(len <= 0xFFFF, "too long")} returns, {@code len} is known to fit, as after {@code
 * if (!(len <= 0xFFFF)) throw ...}. Unlike an {@code assert} statement, which the JVM may skip,
 * these always run.
 */
final class AssertingCalls {
  private AssertingCalls() {}

  /** Per method, by owner and name, the value its condition must have for the call to return. */
  private static final Map<String, Boolean> METHODS =
      Map.ofEntries(
          Map.entry("com.google.common.base.Preconditions.checkArgument", true),
          Map.entry("com.google.common.base.Preconditions.checkState", true),
          Map.entry("com.google.common.base.Verify.verify", true),
          Map.entry("org.apache.commons.lang3.Validate.isTrue", true),
          Map.entry("org.apache.commons.lang3.Validate.validState", true),
          Map.entry("org.springframework.util.Assert.isTrue", true),
          Map.entry("org.springframework.util.Assert.state", true),
          Map.entry("org.junit.jupiter.api.Assertions.assertTrue", true),
          Map.entry("org.junit.jupiter.api.Assertions.assertFalse", false),
          Map.entry("org.junit.Assert.assertTrue", true),
          Map.entry("org.junit.Assert.assertFalse", false));

  /**
   * What a call of {@code method} proves once it returns: which argument is the condition (the
   * method's one {@code boolean} parameter, wherever it stands) and the value it had; null for any
   * other method, or an overload whose condition is no {@code boolean} (a {@code BooleanSupplier}).
   */
  static @Nullable Condition of(ExecutableElement method, int arguments) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    Boolean holds = METHODS.get(owner.getQualifiedName() + "." + method.getSimpleName());
    List<? extends VariableElement> parameters = method.getParameters();
    int fixed = method.isVarArgs() ? parameters.size() - 1 : parameters.size();
    if (holds == null || arguments < fixed || (!method.isVarArgs() && arguments != fixed)) {
      return null;
    }
    int condition = -1;
    for (int i = 0; i < fixed; i++) {
      if (parameters.get(i).asType().getKind() == TypeKind.BOOLEAN) {
        if (condition >= 0) {
          return null; // two booleans: which one is the condition is not the method's to say here
        }
        condition = i;
      }
    }
    return condition < 0 ? null : new Condition(condition, holds);
  }

  /** The argument that is the condition, and the value it has when the call returns. */
  record Condition(int argument, boolean holds) {}
}
