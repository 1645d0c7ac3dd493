package org.abiguard.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.AbiAnnotations;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.StructReader;
import org.abiguard.processor.model.StructReading;
import org.jspecify.annotations.Nullable;

/**
 * Every struct known to this compilation by canonical name: those read from sources, round after
 * round, and those nested from class files, read on first use. Also remembers the source structs
 * deferred to a later round.
 */
final class StructRegistry {
  private final Elements elements;
  private final StructReader reader;
  private final Map<String, StructReading> readings = new HashMap<>();
  private final Set<String> fromClassFiles = new HashSet<>();
  private final Set<String> deferred = new LinkedHashSet<>();

  StructRegistry(Elements elements, StructReader reader) {
    this.elements = elements;
    this.reader = reader;
  }

  /** Records a source struct read in this round (replacing an earlier, deferred reading). */
  void add(StructReading reading) {
    readings.put(reading.javaName(), reading);
    deferred.remove(reading.javaName());
  }

  /** Keeps a source struct for the next round: it depends on a type not generated yet. */
  void defer(String javaName) {
    deferred.add(javaName);
  }

  /** Whether the struct waits for a later round. */
  boolean isDeferred(String javaName) {
    return deferred.contains(javaName);
  }

  /** The deferred structs' names, in the order they were deferred. */
  List<String> deferred() {
    return List.copyOf(deferred);
  }

  /**
   * The reading of a struct: from a source of this or an earlier round, else from a class file
   * (read now). Empty when the name is no {@code @AbiStruct} type, or a deferred one.
   */
  Optional<StructReading> reading(String javaName) {
    StructReading known = readings.get(javaName);
    if (known != null || deferred.contains(javaName)) {
      return Optional.ofNullable(known);
    }
    TypeElement type = elements.getTypeElement(javaName);
    if (type == null || !AbiAnnotations.isStruct(type)) {
      return Optional.empty();
    }
    StructReading read = reader.read(type);
    readings.put(javaName, read);
    fromClassFiles.add(javaName);
    return Optional.of(read);
  }

  /** Whether the struct was read from a class file rather than a source of this compilation. */
  boolean fromClassFile(String javaName) {
    return fromClassFiles.contains(javaName);
  }

  /**
   * For a struct from a class file, what its compiled marshaller lacks that a nesting struct's
   * marshaller calls: the marshaller itself, the nested class of one of {@code abis}, or, when this
   * compilation's marshallers have {@code MemorySegment} methods ({@code foreignMemory}), those of
   * the nested one (a library compiled below Java 22 has none).
   */
  Optional<String> marshallerGap(StructModel struct, List<TargetAbi> abis, boolean foreignMemory) {
    String marshaller =
        (struct.packageName().isEmpty() ? "" : struct.packageName() + ".")
            + struct.marshallerSimpleName();
    TypeElement type = elements.getTypeElement(marshaller);
    if (type == null) {
      return Optional.of(
          "whose marshaller "
              + marshaller
              + " is not on the class path; build that library"
              + " with the abiguard processor");
    }
    List<String> missing =
        abis.stream()
            .filter(abi -> elements.getTypeElement(marshaller + "." + abi.className()) == null)
            .map(TargetAbi::manifestName)
            .toList();
    if (!missing.isEmpty()) {
      return Optional.of(
          "whose marshaller "
              + marshaller
              + " has no "
              + String.join(", ", missing)
              + " layout; build that library with "
              + String.join(", ", missing)
              + " in -Aabiguard.abis too");
    }
    boolean hasLayout =
        type.getEnclosedElements().stream()
            .anyMatch(
                e -> e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals("LAYOUT"));
    if (foreignMemory && !hasLayout) {
      return Optional.of(
          "whose marshaller "
              + marshaller
              + " was compiled for a source level below 22, without"
              + " LAYOUT and MemorySegment methods; build that library with --release 22 or later too");
    }
    return Optional.empty();
  }

  /** The model by canonical name, or null: the lookup the layout engine and generator use. */
  @Nullable StructModel model(String javaName) {
    return reading(javaName).map(StructReading::model).orElse(null);
  }
}
