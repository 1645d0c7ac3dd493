package org.abiguard.processor.model;

import java.util.List;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * What the reader made of one struct member.
 *
 * @param element the field or record component, where diagnostics about it go
 * @param field the member, or null when it has problems or an unresolved type
 * @param problems its misuses of abiguard's annotations
 * @param unresolved its type (or element type), or a value of one of its annotations, is not known
 *     yet: it may be generated in a later round
 */
public record MemberReading(
    Element element, @Nullable FieldModel field, List<Problem> problems, boolean unresolved) {
  public MemberReading {
    problems = List.copyOf(problems);
  }
}
