package org.abiguard.processor.layout;

import java.util.List;
import org.abiguard.processor.model.StructModel;

/**
 * A struct's layout on one ABI: {@code sizeof} (tail padding included), {@code _Alignof} and each
 * member's place, in declaration order.
 *
 * @param endsFlexible whether the type ends in a flexible array, its bytes going past {@code
 *     sizeof}: a struct whose last member is one, or is a type (not an array of them) that ends in
 *     one; a union with a member (not an array) of a type that ends in one
 */
public record StructLayout(
    StructModel struct,
    TargetAbi abi,
    int size,
    int align,
    List<FieldLayout> fields,
    boolean endsFlexible) {
  public StructLayout {
    fields = List.copyOf(fields);
  }
}
