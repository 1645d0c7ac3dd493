package org.abiguard.processor.model;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * What the reader made of one {@code @AbiStruct} type.
 *
 * @param element the type
 * @param javaName its canonical name
 * @param model the struct, or null when it has problems or members of unresolved types
 * @param members the member elements, parallel to {@code model.fields()} (empty without a model)
 * @param problems its misuses of abiguard's annotations, in source order
 * @param unresolved some member's type, or a value of an annotation, is not known yet (it may be
 *     generated in a later round)
 */
public record StructReading(
    TypeElement element,
    String javaName,
    @Nullable StructModel model,
    List<Element> members,
    List<Problem> problems,
    boolean unresolved) {

  public StructReading {
    members = List.copyOf(members);
    problems = List.copyOf(problems);
  }

  /** Whether the struct was read completely and correctly. */
  public boolean valid() {
    return model != null;
  }

  /** The element of the member with this Java name, or the struct's element. */
  public Element elementOf(String memberJavaName) {
    for (Element e : members) {
      if (e.getSimpleName().contentEquals(memberJavaName)) {
        return e;
      }
    }
    return element;
  }
}
