package org.abiguard.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.abiguard.processor.codegen.ConstantNames;
import org.abiguard.processor.codegen.MarshallerGenerator;
import org.abiguard.processor.codegen.SourceText;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Options;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.layout.LayoutEngine;
import org.abiguard.processor.layout.LayoutException;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.AbiAnnotations;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.Problem;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.StructReader;
import org.abiguard.processor.model.StructReading;
import org.abiguard.processor.model.WidthReader;
import org.jspecify.annotations.Nullable;

/**
 * The struct half, round by round: elements → model → layouts → generated marshallers; at the end
 * of processing the manifest, the C assertions and the baseline check over the structs of all
 * rounds.
 *
 * <p>A struct that nests a type generated in a later round waits for that round. One bad struct
 * never stops the others: each is read, checked, laid out and generated on its own, and an
 * unexpected failure becomes an internal error for that struct alone.
 */
final class StructStage {
  private final Elements elements;
  private final Filer filer;
  private final Reporter reporter;
  private final Options options;
  private final List<TargetAbi> abis;

  /** The ABIs each mirror is for ({@code abis = {...}}, else all of {@link #abis}). */
  private final MirrorAbis mirrorAbis;

  private final StructReader reader;
  private final StructRegistry registry;
  private final NestingCheck nesting;
  private final LayoutEngine layoutEngine;
  private final boolean foreignMemory;

  /**
   * Made for the first struct: a compilation without one never loads the generator nor JavaPoet.
   */
  private @Nullable MarshallerGenerator generator;

  private final DeclarationCheck declarations;

  /** Layouts of the structs generated so far, by canonical name, sorted. */
  private final Map<String, List<StructLayout>> laidOut = new TreeMap<>();

  /** Canonical names of the source structs with errors (kept out of the baseline check). */
  private final Set<String> failed = new LinkedHashSet<>();

  /**
   * C type name ({@code struct foo}, or {@code foo} for a typedef) → the structs of this
   * compilation that have it, each for ABIs none of the others is for.
   */
  private final Map<String, List<StructReading>> cNames = new HashMap<>();

  /** Structs already reported as having another's C name. */
  private final Set<String> cNameClashes = new HashSet<>();

  /** Generated marshaller → the struct it belongs to, to catch two structs with one marshaller. */
  private final Map<String, String> marshallers = new HashMap<>();

  private boolean sawStructs;

  @SuppressWarnings(
      "EnumOrdinal") // SourceVersion.RELEASE_22 is not there to compare with on JDK 17
  StructStage(ProcessingEnvironment env, Reporter reporter, Options options) {
    this.elements = env.getElementUtils();
    this.filer = env.getFiler();
    this.reporter = reporter;
    this.options = options;
    this.abis = options.abis().stream().map(a -> TargetAbi.byName(a).orElseThrow()).toList();
    this.reader = new StructReader(elements);
    this.registry = new StructRegistry(elements, reader);
    // java.lang.foreign is final in Java 22 (SourceVersion.RELEASE_22 has ordinal 22); below it the
    // generated code names no FFM type, and the processor never loads one at all
    this.foreignMemory = env.getSourceVersion().ordinal() >= 22;
    this.mirrorAbis = new MirrorAbis(abis);
    this.nesting = new NestingCheck(registry, mirrorAbis, foreignMemory);
    this.layoutEngine = new LayoutEngine(registry::model);
    this.declarations = new DeclarationCheck(reporter);
  }

  /**
   * Reads, checks, lays out and generates this round's structs and those deferred earlier, and
   * checks the width annotations outside structs.
   *
   * @param annotations the annotation types present in the round
   */
  void round(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement abiStruct = elements.getTypeElement(AbiAnnotations.ABI_STRUCT);
    TypeElement abiUnion = elements.getTypeElement(AbiAnnotations.ABI_UNION);
    if (abiStruct == null && abiUnion == null) {
      return;
    }
    declarations.round(annotations, round);
    nesting.nextRound();
    List<StructReading> readings = new ArrayList<>();
    for (TypeElement type : candidates(annotations, round, abiStruct, abiUnion)) {
      try {
        StructReading reading = reader.read(type);
        registry.add(reading);
        readings.add(reading);
      } catch (Throwable e) {
        failed.add(type.getQualifiedName().toString());
        reporter.internalError("reading struct " + type.getQualifiedName(), e);
      }
    }
    sawStructs |= !readings.isEmpty();
    for (StructReading reading : readings) {
      try {
        process(reading, round.processingOver());
      } catch (Throwable e) {
        failed.add(reading.javaName());
        reporter.internalError("struct " + reading.javaName(), e);
      }
    }
  }

  /**
   * The round's {@code @AbiStruct} types, then those deferred from earlier rounds. javac's {@code
   * getElementsAnnotatedWith} walks every element of the round, so it is asked only for an
   * annotation that is {@code present} in the round at all: code without structs pays no walk.
   */
  private List<TypeElement> candidates(
      Set<? extends TypeElement> present,
      RoundEnvironment round,
      @Nullable TypeElement abiStruct,
      @Nullable TypeElement abiUnion) {
    Map<String, TypeElement> byName = new LinkedHashMap<>();
    for (TypeElement annotation : new TypeElement[] {abiStruct, abiUnion}) {
      if (annotation == null || !present.contains(annotation)) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof TypeElement te) {
          byName.put(te.getQualifiedName().toString(), te);
        }
      }
    }
    for (String name : registry.deferred()) {
      TypeElement te = elements.getTypeElement(name);
      if (te != null) {
        byName.putIfAbsent(name, te);
      }
    }
    return List.copyOf(byName.values());
  }

  private void process(StructReading reading, boolean lastRound) {
    String name = reading.javaName();
    if (!reading.problems().isEmpty()) {
      failed.add(name);
      reportAll(reading, reading.problems());
      return;
    }
    if (!reading.unresolved() && !abisAreKnown(reading)) {
      failed.add(name);
      return;
    }
    NestingCheck.Verdict verdict =
        reading.unresolved() ? NestingCheck.Verdict.PENDING : nesting.check(reading);
    if (verdict.pending()) {
      if (lastRound) {
        failed.add(name);
        reporter.report(
            AbiKind.ANNOTATION,
            reading.element(),
            "struct "
                + reading.element().getSimpleName()
                + " was not generated: a type or annotation value of it (or of a struct it nests) is still"
                + " unknown after annotation processing; see the compiler's other errors");
      } else {
        registry.defer(name);
      }
      return;
    }
    if (!verdict.ok()) {
      failed.add(name);
      reportAll(reading, verdict.problems());
      return;
    }
    if (!cNameIsOwn(reading)) {
      failed.add(name);
      return;
    }
    List<StructLayout> layouts = constantsAreDistinct(reading) ? layOut(reading) : null;
    if (layouts != null && claimMarshaller(reading)) {
      writeMarshaller(reading, layouts);
      laidOut.put(name, layouts);
    } else {
      failed.add(name);
    }
  }

  /**
   * A C name names one type on each ABI: two mirrors with the same one for a common ABI ({@code
   * struct foo} twice, or typedef {@code foo} twice; a struct tag and a typedef name may be alike,
   * as in C) would make contradicting assertions; mirrors for different ABIs ({@code abis}) may
   * share it. Both are errors; the earlier one's marshaller, if written in an earlier round, is
   * left out of the manifest and the assertions. An untagged type ({@code untagged = true}) has no
   * C name, so any number of them may share a Java name.
   */
  private boolean cNameIsOwn(StructReading reading) {
    StructModel model = Objects.requireNonNull(reading.model(), "a valid reading");
    if (model.untagged()) {
      return true; // C declares it inline, without a name: nothing to clash with
    }
    String cType = model.cTypeName();
    List<StructReading> same = cNames.computeIfAbsent(cType, t -> new ArrayList<>());
    StructReading first = null;
    for (StructReading other : same) {
      if (other.javaName().equals(reading.javaName())) {
        return true;
      }
      if (first == null
          && mirrorAbis.overlap(model, Objects.requireNonNull(other.model(), "a valid reading"))) {
        first = other;
      }
    }
    if (first == null) {
      // none yet, or only mirrors for other ABIs (each declaration of an architecture's own)
      same.add(reading);
      return true;
    }
    if (cNameClashes.add(first.javaName())) {
      reportCNameClash(first, reading);
      failed.add(first.javaName());
      laidOut.remove(first.javaName());
    }
    cNameClashes.add(reading.javaName());
    reportCNameClash(reading, first);
    return false;
  }

  private void reportCNameClash(StructReading on, StructReading other) {
    StructModel model = Objects.requireNonNull(on.model(), "a valid reading");
    String message =
        model.cTypeName()
            + " is also the C name of "
            + other.javaName()
            + "; a C name names"
            + " one type on each ABI: keep one mirror of it (delete the other, or leave the type"
            + " out of abiguard-import with --types), or, if they mirror two C types, give one"
            + " its own C name with @"
            + (model.union() ? "AbiUnion" : "AbiStruct")
            + "(name = \"...\")";
    Optional<AnnotationMirror> abiStruct =
        AbiAnnotations.find(
            on.element(), model.union() ? AbiAnnotations.ABI_UNION : AbiAnnotations.ABI_STRUCT);
    AnnotationValue explicit =
        abiStruct
            .flatMap(
                am ->
                    am.getElementValues().entrySet().stream()
                        .filter(e -> e.getKey().getSimpleName().contentEquals("name"))
                        .map(Map.Entry::getValue)
                        .findFirst())
            .orElse(null);
    if (explicit != null) {
      reporter.report(AbiKind.ANNOTATION, on.element(), abiStruct.get(), explicit, message);
    } else if (abiStruct.isPresent()) {
      reporter.report(AbiKind.ANNOTATION, on.element(), abiStruct.get(), message);
    } else {
      reporter.report(AbiKind.ANNOTATION, on.element(), message);
    }
  }

  /**
   * Two members whose {@code OFFSET_} constants would have one name ({@code nrExtents}, {@code
   * nr_extents}).
   */
  private boolean constantsAreDistinct(StructReading reading) {
    Map<String, String> first = new HashMap<>();
    boolean distinct = true;
    StructModel model = Objects.requireNonNull(reading.model(), "a valid reading");
    for (int i = 0; i < model.fields().size(); i++) {
      FieldModel field = model.fields().get(i);
      String constant = ConstantNames.offsetConstant(field);
      String earlier = first.putIfAbsent(constant, field.javaName());
      if (earlier != null) {
        distinct = false;
        reporter.report(
            AbiKind.ANNOTATION,
            reading.members().get(i),
            "'"
                + field.javaName()
                + "' and '"
                + earlier
                + "' would both have the marshaller constant "
                + constant
                + "; rename one of the Java fields"
                + " (@AbiName keeps its C name)");
      }
    }
    return distinct;
  }

  private @Nullable List<StructLayout> layOut(StructReading reading) {
    List<StructLayout> layouts = new ArrayList<>();
    StructModel model = Objects.requireNonNull(reading.model(), "a valid reading");
    for (TargetAbi abi : mirrorAbis.of(model)) {
      try {
        layouts.add(layoutEngine.layout(model, abi));
      } catch (LayoutException e) {
        reporter.report(
            AbiKind.LAYOUT,
            reading.element(),
            model.kind()
                + " "
                + reading.element().getSimpleName()
                + " cannot be laid out on "
                + abi.manifestName()
                + ": "
                + e.getMessage());
        return null;
      }
    }
    return layouts;
  }

  /**
   * Whether the mirror's {@code abis} names only ABIs abiguard knows, one of them this build's;
   * otherwise the error is reported on the {@code abis} value.
   */
  private boolean abisAreKnown(StructReading reading) {
    StructModel model = Objects.requireNonNull(reading.model(), "a valid reading");
    Optional<String> problem =
        mirrorAbis.problem(model, model.kind() + " " + reading.element().getSimpleName());
    if (problem.isEmpty()) {
      return true;
    }
    Optional<AnnotationMirror> annotation =
        AbiAnnotations.find(
            reading.element(),
            model.union() ? AbiAnnotations.ABI_UNION : AbiAnnotations.ABI_STRUCT);
    AnnotationValue value =
        annotation.map(a -> WidthReader.annotationValue(a, "abis")).orElse(null);
    if (annotation.isPresent() && value != null) {
      reporter.report(
          AbiKind.ANNOTATION, reading.element(), annotation.get(), value, problem.get());
    } else {
      reporter.report(AbiKind.ANNOTATION, reading.element(), problem.get());
    }
    return false;
  }

  /** Two structs whose marshallers would have one name (p.Outer.Foo and p.Outer_Foo). */
  private boolean claimMarshaller(StructReading reading) {
    StructModel model = Objects.requireNonNull(reading.model(), "a valid reading");
    String marshaller =
        (model.packageName().isEmpty() ? "" : model.packageName() + ".")
            + model.marshallerSimpleName();
    String other = marshallers.putIfAbsent(marshaller, reading.javaName());
    if (other != null && !other.equals(reading.javaName())) {
      reporter.report(
          AbiKind.ANNOTATION,
          reading.element(),
          "the marshaller of "
              + reading.javaName()
              + " would be "
              + marshaller
              + ", which is already the marshaller of "
              + other
              + "; rename one of the two types");
      return false;
    }
    return true;
  }

  private void writeMarshaller(StructReading reading, List<StructLayout> layouts) {
    if (generator == null) {
      generator = new MarshallerGenerator(foreignMemory);
    }
    JavaFile file =
        generator.generate(
            Objects.requireNonNull(reading.model(), "a valid reading"),
            layouts,
            registry::model,
            // a nested mirror from a class file is another compilation's: its put may not exist
            name -> !registry.fromClassFile(name),
            layoutEngine::layout);
    String name =
        (file.packageName().isEmpty() ? "" : file.packageName() + ".") + file.typeSpec().name();
    try {
      JavaFileObject source = filer.createSourceFile(name, reading.element());
      // ASCII only, so the Filer's encoding (the platform's, without -encoding) cannot garble it
      try (Writer out = source.openWriter()) {
        out.write(SourceText.of(file));
      }
    } catch (IOException e) {
      reporter.error(reading.element(), "cannot write the marshaller " + name + ": " + e);
    }
  }

  /**
   * Reports a struct's problems. When {@code @SuppressWarnings("abiguard")} silenced every one of
   * them, the struct is still not generated: say so once, so that the missing marshaller is never a
   * mystery.
   */
  private void reportAll(StructReading reading, List<Problem> problems) {
    boolean shown = false;
    for (Problem p : problems) {
      shown |= report(p);
    }
    if (!shown) {
      reporter.warning(
          reading.element(),
          "struct "
              + reading.element().getSimpleName()
              + " is not generated:"
              + " @SuppressWarnings silences its "
              + problems.size()
              + " [abiguard:annotation] error(s);"
              + " remove the suppression to see them");
    }
  }

  private boolean report(Problem p) {
    if (p.value() != null) {
      AnnotationMirror annotation =
          Objects.requireNonNull(p.annotation(), "a value has its annotation");
      return reporter.report(AbiKind.ANNOTATION, p.element(), annotation, p.value(), p.message());
    } else if (p.annotation() != null) {
      return reporter.report(AbiKind.ANNOTATION, p.element(), p.annotation(), p.message());
    } else {
      return reporter.report(AbiKind.ANNOTATION, p.element(), p.message());
    }
  }

  /** At the end of processing: the manifest, the C assertions and the baseline check, once. */
  void finish() {
    if (!sawStructs) {
      return;
    }
    new StructOutputs(elements, filer, reporter)
        .write(List.copyOf(laidOut.values()), failed, options.baseline());
  }
}
