package org.abiguard.processor.layout;

import java.util.List;
import org.abiguard.processor.model.StructModel;

/**
 * A struct's layout on one ABI: {@code sizeof} (tail padding included), {@code _Alignof} and each
 * member's place, in declaration order.
 */
public record StructLayout(
    StructModel struct, TargetAbi abi, int size, int align, List<FieldLayout> fields) {
  public StructLayout {
    fields = List.copyOf(fields);
  }
}
