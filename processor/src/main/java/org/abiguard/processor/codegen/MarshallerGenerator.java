package org.abiguard.processor.codegen;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import java.util.function.Function;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.StructModel;

/**
 * Writes {@code FooMarshaller} for one struct with JavaPoet.
 *
 * <p>PLACEHOLDER during initial development: owned by the codegen work.
 */
public final class MarshallerGenerator {
  /**
   * @param struct the struct
   * @param layouts its layout on each ABI of {@code -Aabiguard.abis}, in that order (primary first)
   * @param lookup canonical Java name → model, for nested structs' marshaller names
   */
  public JavaFile generate(StructModel struct, List<StructLayout> layouts, Function<String, StructModel> lookup) {
    throw new UnsupportedOperationException("marshaller generator not built yet");
  }
}
