package org.abiguard.processor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.abiguard.processor.codegen.AbiCheckWriter;
import org.abiguard.processor.codegen.CAssertsWriter;
import org.abiguard.processor.diag.AbiKind;
import org.abiguard.processor.diag.Reporter;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.manifest.AbiBreak;
import org.abiguard.processor.manifest.BaselineChecker;
import org.abiguard.processor.manifest.ManifestWriter;
import org.jspecify.annotations.Nullable;

/**
 * What the struct half writes once per compilation, after the last round: the ABI manifest, the C
 * assertions and the check program ({@code abi-check.c}: bit-fields, integer signedness) in the
 * class output, and, with {@code -Aabiguard.baseline}, the comparison with an earlier release's
 * manifest.
 */
final class StructOutputs {
  static final String MANIFEST = "META-INF/abiguard/abi-manifest.json";
  static final String ASSERTS = "META-INF/abiguard/abi-asserts.h";
  static final String CHECK = "META-INF/abiguard/abi-check.c";

  private final Elements elements;
  private final Filer filer;
  private final Reporter reporter;

  StructOutputs(Elements elements, Filer filer, Reporter reporter) {
    this.elements = elements;
    this.filer = filer;
    this.reporter = reporter;
  }

  /**
   * @param structs per struct, sorted by canonical name, its layouts per ABI in option order
   * @param failed canonical names of the structs with errors; the baseline check leaves them out,
   *     since their errors already fail the build and they would look removed
   * @param baseline the {@code -Aabiguard.baseline} path, or null
   */
  void write(List<List<StructLayout>> structs, Set<String> failed, @Nullable String baseline) {
    // the files that could not be written, by why: one error for the files that failed alike
    Map<String, List<String>> unwritten = new LinkedHashMap<>();
    writeResource(MANIFEST, ManifestWriter.render(structs), unwritten);
    writeResource(ASSERTS, CAssertsWriter.render(structs), unwritten);
    writeResource(CHECK, AbiCheckWriter.render(structs), unwritten);
    unwritten.forEach(
        (why, paths) ->
            reporter.error(
                "cannot write "
                    + String.join(", ", paths)
                    + " to the class output: "
                    + (why.contains("module")
                        ? (why.endsWith(".") ? why.substring(0, why.length() - 1) : why)
                            + MULTI_MODULE_HINT
                        : why)));
    if (baseline != null) {
      checkBaseline(baseline, structs, failed);
    }
  }

  /**
   * javac's multi-module mode ({@code --module-source-path}) has a class output per module, and the
   * files of a whole compilation belong to none of them unless javac is told which.
   */
  static final String MULTI_MODULE_HINT =
      "; in javac's multi-module mode (--module-source-path), name the module whose class output"
          + " gets them: --default-module-for-created-files=MODULE";

  private void writeResource(String path, String text, Map<String, List<String>> unwritten) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      // UTF-8 whatever the platform encoding: Java names in them need not be ASCII
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      unwritten.computeIfAbsent(e.toString(), why -> new ArrayList<>()).add(path);
    }
  }

  private void checkBaseline(
      String baseline, List<List<StructLayout>> structs, Set<String> failed) {
    String text;
    try {
      text = Files.readString(Path.of(baseline), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      reporter.error(
          "cannot read the baseline manifest '"
              + baseline
              + "' (-Aabiguard.baseline): "
              + e
              + "; give the path of an abi-manifest.json from an earlier release");
      return;
    }
    List<AbiBreak> breaks;
    try {
      breaks = BaselineChecker.compare(text, structs);
    } catch (IllegalArgumentException e) {
      reporter.error(
          "the baseline manifest '"
              + baseline
              + "' (-Aabiguard.baseline) is not a valid"
              + " abiguard manifest: "
              + e.getMessage());
      return;
    }
    for (AbiBreak b : breaks) {
      if (!failed.contains(b.structJavaName())) {
        report(b);
      }
    }
  }

  /**
   * On the changed member, else on the struct; a struct gone from the compilation has no element.
   */
  private void report(AbiBreak b) {
    TypeElement struct = elements.getTypeElement(b.structJavaName());
    if (struct == null) {
      reporter.report(AbiKind.ABI_BREAK, b.message());
      return;
    }
    Element at = b.fieldJavaName() == null ? struct : member(struct, b.fieldJavaName());
    reporter.report(AbiKind.ABI_BREAK, at, b.message());
  }

  /** The member's field: for a record the component's private field, which javac can place. */
  private static Element member(TypeElement struct, String javaName) {
    for (Element e : ElementFilter.fieldsIn(struct.getEnclosedElements())) {
      if (e.getSimpleName().contentEquals(javaName)) {
        return e;
      }
    }
    return struct;
  }
}
