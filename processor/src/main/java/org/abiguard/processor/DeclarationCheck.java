package org.abiguard.processor;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.model.AbiAnnotations;
import org.abiguard.processor.model.Problem;
import org.abiguard.processor.model.WidthDeclarations;

/**
 * Round by round, the width annotations outside structs: on parameters, methods, fields and record
 * components, and the typedef annotation types of the round ({@link WidthDeclarations} has the
 * rules). Struct members are the struct reader's; local variables are the flow guard's, since javac
 * hands no local variable to a processor.
 *
 * <p>A record component's annotations are copied by javac to its field, its accessor and the
 * canonical constructor's parameter; each misuse is reported once, on the field, where javac can
 * place it (on the component itself when its annotation is not copied to the field).
 */
final class DeclarationCheck {
  private final Reporter reporter;
  private final WidthDeclarations rules = new WidthDeclarations();

  DeclarationCheck(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * @param annotations the annotation types present in the round, as javac hands them to the
   *     processor
   */
  void round(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> widthTypes = new LinkedHashSet<>();
    for (TypeElement annotation : annotations) {
      if (rules.declaresWidth(annotation)) {
        widthTypes.add(annotation);
      }
    }
    if (widthTypes.isEmpty()) {
      return;
    }
    for (Element e : round.getElementsAnnotatedWithAny(widthTypes.toArray(new TypeElement[0]))) {
      if (e.getKind() == ElementKind.ANNOTATION_TYPE) {
        rules.checkTypedef((TypeElement) e).forEach(this::report);
      } else if (!coveredElsewhere(e)) {
        rules.check(e).forEach(this::report);
      }
    }
  }

  /** Struct members (the struct reader's) and the copies javac makes of a record component. */
  private boolean coveredElsewhere(Element e) {
    Element owner = e.getEnclosingElement();
    if (owner == null) {
      return false; // a module or an unnamed package: no member of anything
    }
    switch (e.getKind()) {
      case FIELD -> {
        return AbiAnnotations.isStruct(owner)
            && !e.getModifiers().contains(Modifier.STATIC)
            && !e.getModifiers().contains(Modifier.TRANSIENT);
      }
      case RECORD_COMPONENT -> {
        return AbiAnnotations.isStruct(owner)
            || fieldOf(owner, e).map(this::hasWidth).orElse(false);
      }
      case METHOD -> {
        return owner.getKind() == ElementKind.RECORD
            && ((javax.lang.model.element.ExecutableElement) e).getParameters().isEmpty()
            && isComponent(owner, e.getSimpleName().toString());
      }
      case PARAMETER -> {
        Element type = owner.getEnclosingElement();
        return owner.getKind() == ElementKind.CONSTRUCTOR
            && type != null
            && type.getKind() == ElementKind.RECORD
            && isComponent(type, e.getSimpleName().toString());
      }
      default -> {
        return false;
      }
    }
  }

  private static java.util.Optional<Element> fieldOf(Element record, Element component) {
    return record.getEnclosedElements().stream()
        .filter(
            f ->
                f.getKind() == ElementKind.FIELD
                    && f.getSimpleName().equals(component.getSimpleName()))
        .findFirst()
        .map(f -> (Element) f);
  }

  private boolean hasWidth(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(am -> rules.declaresWidth((TypeElement) am.getAnnotationType().asElement()));
  }

  private static boolean isComponent(Element record, String name) {
    for (RecordComponentElement c : ((TypeElement) record).getRecordComponents()) {
      if (c.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private void report(Problem p) {
    if (p.value() != null) {
      AnnotationMirror annotation =
          Objects.requireNonNull(p.annotation(), "a value has its annotation");
      reporter.report(AbiKind.ANNOTATION, p.element(), annotation, p.value(), p.message());
    } else if (p.annotation() != null) {
      reporter.report(AbiKind.ANNOTATION, p.element(), p.annotation(), p.message());
    } else {
      reporter.report(AbiKind.ANNOTATION, p.element(), p.message());
    }
  }
}
