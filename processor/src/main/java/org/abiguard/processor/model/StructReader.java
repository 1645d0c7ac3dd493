package org.abiguard.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code @AbiStruct} class or record, from a source or a class file, into a {@link
 * StructModel}: the type's own rules (a concrete, non-generic, accessible class with an accessible
 * no-argument constructor, or a record), its {@code @AbiStruct} and {@code @AbiAlign}, then each
 * member through the {@link MemberReader}, and the uniqueness of C member names. Every misuse
 * becomes a {@link Problem}; reading goes on after one, so a struct's problems are all found at
 * once.
 *
 * <p>Members are a class's instance fields in declaration order (static and transient fields are
 * Java-only and skipped) or a record's components.
 */
public final class StructReader {
  private final Elements elements;
  private final MemberReader members = new MemberReader();

  public StructReader(Elements elements) {
    this.elements = elements;
  }

  /** Reads the type annotated with {@code @AbiStruct} or {@code @AbiUnion}. */
  public StructReading read(TypeElement type) {
    String javaName = type.getQualifiedName().toString();
    AnnotationMirror abiStruct =
        AbiAnnotations.mirrorAnnotation(type)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        javaName + " is not annotated with @AbiStruct or @AbiUnion"));
    boolean union = AbiAnnotations.find(type, AbiAnnotations.ABI_STRUCT).isEmpty();
    if (type.getAnnotationMirrors().stream().anyMatch(AbiAnnotations::hasUnresolvedValue)) {
      return new StructReading(type, javaName, null, List.of(), List.of(), true);
    }
    List<Problem> problems = new ArrayList<>();
    if (!union && AbiAnnotations.find(type, AbiAnnotations.ABI_UNION).isPresent()) {
      AnnotationMirror second = AbiAnnotations.find(type, AbiAnnotations.ABI_UNION).get();
      problems.add(
          Problem.on(
              type,
              second,
              type.getSimpleName()
                  + " has both @AbiStruct and @AbiUnion; a C"
                  + " type is a struct or a union: keep one"));
      return new StructReading(type, javaName, null, List.of(), problems, false);
    }
    if (!checkKind(type, abiStruct, problems)) {
      return new StructReading(type, javaName, null, List.of(), problems, false);
    }
    checkType(type, abiStruct, problems);
    checkNameable(type, abiStruct, problems);
    checkModuleReadsGenerated(type, abiStruct, problems);
    int align = readAlign(type, problems);
    boolean untagged = WidthReader.boolValue(abiStruct, "untagged", false);
    boolean reservedNames = WidthReader.boolValue(abiStruct, "reservedNames", false);
    String annotationName = union ? "AbiUnion" : "AbiStruct";
    String cName =
        untagged
            ? type.getSimpleName().toString()
            : readCName(type, abiStruct, annotationName, reservedNames, problems);
    int pack = readPack(type, abiStruct, problems);

    List<MemberReading> read =
        readMembers(type, new MemberReader.NameRules(reservedNames, annotationName), problems);
    boolean unresolved = read.stream().anyMatch(MemberReading::unresolved);
    read.forEach(r -> problems.addAll(r.problems()));
    checkCNames(read, problems);
    checkShape(read, union, problems);
    checkEmpty(type, abiStruct, union, read, problems);
    if (unresolved || !problems.isEmpty()) {
      return new StructReading(type, javaName, null, List.of(), problems, unresolved);
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    String relative =
        packageName.isEmpty() ? javaName : javaName.substring(packageName.length() + 1);
    StructModel model =
        new StructModel(
            javaName,
            packageName,
            CNames.marshallerSimpleName(relative),
            cName,
            WidthReader.boolValue(abiStruct, "typedef", false),
            readOrder(abiStruct),
            align,
            type.getKind() == ElementKind.RECORD,
            read.stream().map(MemberReading::field).toList(),
            union,
            pack,
            untagged,
            WidthReader.stringValues(abiStruct, "abis"));
    return new StructReading(
        type,
        javaName,
        model,
        read.stream().map(MemberReading::element).toList(),
        List.of(),
        false);
  }

  /**
   * A type without members is GNU C's empty struct or union only where the mirror says so ({@code
   * empty = true}); anywhere else a forgotten field is likelier.
   */
  private static void checkEmpty(
      TypeElement type,
      AnnotationMirror abiStruct,
      boolean union,
      List<MemberReading> read,
      List<Problem> problems) {
    String what = union ? "union" : "struct";
    String named = what + " " + type.getSimpleName();
    boolean empty = WidthReader.boolValue(abiStruct, "empty", false);
    if (read.isEmpty() && !empty) {
      problems.add(
          Problem.on(
              type,
              abiStruct,
              named
                  + " has no members; ISO C declares a "
                  + what
                  + " with at least one: add an instance field with a C width (static and"
                  + " transient fields are not members), or, for GNU C's empty "
                  + what
                  + " (sizeof 0), write empty = true"));
    } else if (!read.isEmpty() && empty) {
      problems.add(
          Problem.on(
              type,
              abiStruct,
              named
                  + " says empty = true but has "
                  + read.size()
                  + (read.size() == 1 ? " member" : " members")
                  + "; remove empty = true, or the members"));
    }
  }

  /** A problem of the mirror type itself: "{@code @AbiStruct class T} ..." on its annotation. */
  private static Problem typeProblem(
      TypeElement type, AnnotationMirror abiStruct, String kind, String rest) {
    return Problem.on(
        type,
        abiStruct,
        AbiAnnotations.display(abiStruct) + " " + kind + " " + type.getSimpleName() + rest);
  }

  /** Only classes and records mirror structs; nothing else is read further. */
  private static boolean checkKind(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    String what =
        switch (type.getKind()) {
          case CLASS, RECORD -> null;
          case INTERFACE -> "an interface";
          case ENUM -> "an enum";
          case ANNOTATION_TYPE -> "an annotation type";
          default -> "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
        };
    if (what != null) {
      problems.add(
          Problem.on(
              type,
              abiStruct,
              AbiAnnotations.display(abiStruct)
                  + " is on "
                  + what
                  + " ("
                  + type.getSimpleName()
                  + "); a C struct mirror is a class or record whose instance fields are the struct's members"));
      return false;
    }
    return true;
  }

  /**
   * The generated marshaller is marked {@code @javax.annotation.processing.Generated}, of module
   * {@code java.compiler}, which a named module reads only when its {@code module-info.java} says
   * so. Without it, javac would reject the marshaller with an error in generated code that does not
   * say what to change.
   */
  private void checkModuleReadsGenerated(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    ModuleElement module = elements.getModuleOf(type);
    if (module == null
        || module.isUnnamed()
        || elements.getTypeElement(module, AbiAnnotations.GENERATED) != null) {
      return;
    }
    boolean exported =
        module.getDirectives().stream()
            .anyMatch(
                d ->
                    d instanceof ModuleElement.ExportsDirective export
                        && export.getTargetModules() == null
                        && export.getPackage().equals(elements.getPackageOf(type)));
    problems.add(
        typeProblem(
            type,
            abiStruct,
            "type",
            " is in module "
                + module.getQualifiedName()
                + ", which does not read module java.compiler, so the @Generated that marks its"
                + " marshaller cannot be named there; add '"
                + (exported
                    ? "requires static transitive java.compiler;"
                    : "requires static java.compiler;")
                + "' to the module's module-info.java (static: the annotation is kept in the source"
                + " only, nothing is needed at run time"
                + (exported
                    ? "; transitive: the module exports the marshaller's package, whose readers see"
                        + " the annotation)"
                    : ")")));
  }

  /** A type the generated marshaller, in the same package, can create and access. */
  private static void checkType(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    String name = type.getSimpleName().toString();
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(
          typeProblem(
              type,
              abiStruct,
              "class",
              " is abstract, but the marshaller's read creates instances of it; make it a concrete class"));
    }
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(
          typeProblem(
              type,
              abiStruct,
              "type",
              " is generic; a C struct has one fixed layout: remove the type parameters"));
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      problems.add(
          typeProblem(
              type,
              abiStruct,
              "class",
              " is an inner class, so"
                  + " the marshaller cannot create it without an instance of "
                  + Objects.requireNonNull(type.getEnclosingElement()).getSimpleName()
                  + "; make it static"));
    } else if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      problems.add(
          typeProblem(
              type,
              abiStruct,
              "type",
              " is local to a method,"
                  + " where the generated marshaller cannot see it; make it a top-level or static member type"));
    }
    for (Element e = type; e instanceof TypeElement te; e = e.getEnclosingElement()) {
      if (te.getModifiers().contains(Modifier.PRIVATE)) {
        String whose = te == type ? name : name + "'s enclosing type " + te.getSimpleName();
        problems.add(
            Problem.on(
                type,
                abiStruct,
                whose
                    + " is private, so the generated marshaller in"
                    + " the same package cannot use it; make it package-private or wider"));
      }
    }
    if (type.getKind() == ElementKind.CLASS) {
      checkConstructor(type, abiStruct, problems);
      checkSuperclass(type, abiStruct, problems);
    }
  }

  /**
   * The generated marshaller, another compilation unit, names the struct's type. A type nested in
   * an implicitly declared class (Java 25's compact source file: top-level methods or fields, no
   * class declaration) cannot be named from anywhere else: javac keeps that class out of its
   * package, so a lookup of its name finds nothing. Only the unnamed package holds such classes.
   */
  private void checkNameable(TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    TypeElement outermost = type;
    while (outermost.getEnclosingElement() instanceof TypeElement enclosing) {
      outermost = enclosing;
    }
    if (!(outermost.getEnclosingElement() instanceof PackageElement pkg) || !pkg.isUnnamed()) {
      return;
    }
    ModuleElement module = elements.getModuleOf(outermost);
    TypeElement found =
        module == null
            ? elements.getTypeElement(outermost.getQualifiedName())
            : elements.getTypeElement(module, outermost.getQualifiedName());
    if (found != null && found.equals(outermost)) {
      return;
    }
    problems.add(
        typeProblem(
            type,
            abiStruct,
            "type",
            " is declared in "
                + outermost.getSimpleName()
                + ", an implicitly declared class (a source file with top-level methods or"
                + " fields), which no other class can name, so the generated marshaller cannot"
                + " use it; move it into a named class or a file of its own"));
  }

  private static void checkConstructor(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    String name = type.getSimpleName().toString();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty()) {
        if (c.getModifiers().contains(Modifier.PRIVATE)) {
          problems.add(
              Problem.on(
                  c,
                  "the no-argument constructor of "
                      + name
                      + " is private, but the"
                      + " marshaller's read creates instances with it; make it package-private or wider"));
        }
        return;
      }
    }
    problems.add(
        Problem.on(
            type,
            abiStruct,
            "class "
                + name
                + " has no no-argument constructor, which"
                + " the marshaller's read needs to create instances; add "
                + name
                + "() {} (package-private is enough)"));
  }

  /** Members are declared in the struct itself: inherited instance fields would be lost. */
  private static void checkSuperclass(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    TypeMirror sup = type.getSuperclass();
    while (sup.getKind() == TypeKind.DECLARED
        && ((DeclaredType) sup).asElement() instanceof TypeElement s) {
      boolean hasInstanceFields =
          ElementFilter.fieldsIn(s.getEnclosedElements()).stream()
              .anyMatch(f -> !f.getModifiers().contains(Modifier.STATIC));
      if (hasInstanceFields) {
        problems.add(
            typeProblem(
                type,
                abiStruct,
                "class",
                " inherits instance fields from "
                    + s.getSimpleName()
                    + ", which would not be struct"
                    + " members; declare every member in "
                    + type.getSimpleName()
                    + " itself"));
        return;
      }
      sup = s.getSuperclass();
    }
  }

  /** {@code pack}: 0 (natural), 1 ({@code packed}) or a {@code #pragma pack} value 2, 4, 8, 16. */
  private static int readPack(
      TypeElement type, AnnotationMirror abiStruct, List<Problem> problems) {
    int pack = WidthReader.intValue(abiStruct, "pack", 0);
    if (pack == 0 || pack == 1 || pack == 2 || pack == 4 || pack == 8 || pack == 16) {
      return pack;
    }
    problems.add(
        new Problem(
            type,
            abiStruct,
            WidthReader.annotationValue(abiStruct, "pack"),
            "pack = "
                + pack
                + " on "
                + type.getSimpleName()
                + " is no C packing; use 0 (natural alignment), 1"
                + " (__attribute__((packed))) or 2, 4, 8, 16 (#pragma pack(N))"));
    return 0;
  }

  /**
   * Where special members may stand: a flexible array only last in a struct, never in a union, and
   * its count member an earlier integer member of the same type. It may be a struct's only member:
   * ISO C wants a named member before it, but GNU C lays out Linux's {@code __DECLARE_FLEX_ARRAY(T,
   * x)}, {@code struct { struct { } __empty_x; T x[]; }}, as the array alone (size 0, the element's
   * alignment), which is how a union holds flexible arrays; the C assertions prove it against the
   * real declaration.
   */
  private static void checkShape(List<MemberReading> read, boolean union, List<Problem> problems) {
    for (int i = 0; i < read.size(); i++) {
      FieldModel f = read.get(i).field();
      if (f == null || !f.flexible()) {
        continue;
      }
      Element at = read.get(i).element();
      AnnotationMirror flexible = AbiAnnotations.find(at, AbiAnnotations.ABI_FLEXIBLE).orElse(null);
      if (union) {
        problems.add(
            Problem.on(
                at,
                flexible,
                "@AbiFlexible on union member '"
                    + f.javaName()
                    + "': a union member cannot be a flexible array; wrap it in a struct (its only member, as Linux's __DECLARE_FLEX_ARRAY does), or give it a length with @AbiArray"));
      } else if (i != read.size() - 1) {
        problems.add(
            Problem.on(
                at,
                flexible,
                "@AbiFlexible on '"
                    + f.javaName()
                    + "', which is not the last"
                    + " member; C allows a flexible array member only at the end of a struct: move it last"));
      }
      if (!f.countMember().isEmpty()) {
        checkCount(read, i, f, at, flexible, problems);
      }
    }
  }

  private static void checkCount(
      List<MemberReading> read,
      int index,
      FieldModel f,
      Element at,
      @Nullable AnnotationMirror flexible,
      List<Problem> problems) {
    for (int j = 0; j < index; j++) {
      FieldModel c = read.get(j).field();
      if (c != null && c.javaName().equals(f.countMember())) {
        if (!(c.type() instanceof MemberType.IntType) || c.unnamed()) {
          problems.add(
              Problem.on(
                  at,
                  flexible,
                  "@AbiFlexible(count = \""
                      + f.countMember()
                      + "\") on '"
                      + f.javaName()
                      + "' names a member that is no integer; name an earlier integer member"));
        }
        return;
      }
    }
    problems.add(
        Problem.on(
            at,
            flexible,
            "@AbiFlexible(count = \""
                + f.countMember()
                + "\") on '"
                + f.javaName()
                + "' names no earlier member of this type; name the Java member that holds the"
                + " element count, declared before the array, or leave count empty to give the count in each call"));
  }

  private static int readAlign(TypeElement type, List<Problem> problems) {
    Optional<AnnotationMirror> am = AbiAnnotations.find(type, AbiAnnotations.ABI_ALIGN);
    if (am.isEmpty()) {
      return 0;
    }
    int bytes = WidthReader.intValue(am.get(), "value", 0);
    if (!MemberReader.isPowerOfTwo(bytes)) {
      problems.add(
          new Problem(
              type,
              am.get(),
              WidthReader.annotationValue(am.get(), "value"),
              MemberReader.alignMessage(bytes, "struct " + type.getSimpleName())));
      return 0;
    }
    return bytes;
  }

  private static String readCName(
      TypeElement type,
      AnnotationMirror abiStruct,
      String annotationName,
      boolean reservedNames,
      List<Problem> problems) {
    Object v = WidthReader.value(abiStruct, "name");
    String explicit = v instanceof String s ? s : "";
    String cName = explicit.isEmpty() ? type.getSimpleName().toString() : explicit;
    String why = CNames.problem(cName, true, reservedNames);
    if (why != null) {
      String kind = annotationName.equals("AbiUnion") ? "union" : "struct";
      String fix =
          explicit.isEmpty()
              ? "name the C " + kind + " with @" + annotationName + "(name = \"c_name\")"
              : CNames.fix(cName, true, annotationName);
      problems.add(
          new Problem(
              type,
              abiStruct,
              explicit.isEmpty() ? null : WidthReader.annotationValue(abiStruct, "name"),
              "'" + cName + "' is not a C " + kind + " name: " + why + "; " + fix));
    }
    return cName;
  }

  private static Order readOrder(AnnotationMirror abiStruct) {
    Object v = WidthReader.value(abiStruct, "order");
    return v instanceof VariableElement constant && constant.getSimpleName().contentEquals("BIG")
        ? Order.BIG
        : Order.LITTLE;
  }

  private List<MemberReading> readMembers(
      TypeElement type, MemberReader.NameRules names, List<Problem> problems) {
    List<MemberReading> read = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      Map<String, VariableElement> fields = new HashMap<>();
      ElementFilter.fieldsIn(type.getEnclosedElements())
          .forEach(f -> fields.put(f.getSimpleName().toString(), f));
      for (RecordComponentElement c : type.getRecordComponents()) {
        // diagnostics go on the component's private field: javac 17 has no position for the
        // component itself, while the field shares the component's place in the source
        VariableElement field = fields.get(c.getSimpleName().toString());
        Element at = field == null ? c : field;
        read.add(members.read(at, MemberAnnotations.of(at, c), names));
      }
      return read;
    }
    for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (isMember(f, problems)) {
        checkFieldAccess(f, problems);
        read.add(members.read(f, f, names));
      }
    }
    return read;
  }

  /** Static and transient fields are Java-only; member-only annotations on them are a mistake. */
  private static boolean isMember(VariableElement f, List<Problem> problems) {
    String why =
        f.getModifiers().contains(Modifier.STATIC)
            ? "static"
            : f.getModifiers().contains(Modifier.TRANSIENT) ? "transient" : null;
    if (why == null) {
      return true;
    }
    for (String only :
        List.of(
            AbiAnnotations.ABI_ARRAY,
            AbiAnnotations.ABI_ALIGN,
            AbiAnnotations.ABI_NAME,
            AbiAnnotations.ABI_BITS,
            AbiAnnotations.ABI_ANONYMOUS,
            AbiAnnotations.ABI_FLEXIBLE)) {
      AbiAnnotations.find(f, only)
          .ifPresent(
              am ->
                  problems.add(
                      Problem.on(
                          f,
                          am,
                          AbiAnnotations.display(am)
                              + " is on "
                              + why
                              + " field '"
                              + f.getSimpleName()
                              + "', which is not a struct member;"
                              + " remove "
                              + why
                              + " to make it a member, or remove "
                              + AbiAnnotations.display(am))));
    }
    return false;
  }

  /**
   * The marshaller reads and writes fields directly: they must be visible in the package and
   * assignable after the no-argument constructor ran, so final fields are refused (their value
   * would always be the constructor's, and read could never decode them); records are the way to
   * immutable mirrors.
   */
  private static void checkFieldAccess(VariableElement f, List<Problem> problems) {
    String name = f.getSimpleName().toString();
    if (f.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(
          Problem.on(
              f,
              "field '"
                  + name
                  + "' is private, but the generated marshaller in the"
                  + " same package reads and writes it directly; make it package-private or wider"));
    }
    if (f.getModifiers().contains(Modifier.FINAL)) {
      problems.add(
          Problem.on(
              f,
              "field '"
                  + name
                  + "' is final, so the marshaller's read cannot set it;"
                  + " remove final, or make the struct a record (built through its canonical constructor)"));
    }
  }

  /** Two members with one C name would make {@code offsetof} ambiguous. */
  private static void checkCNames(List<MemberReading> read, List<Problem> problems) {
    Map<String, String> byCName = new HashMap<>();
    for (MemberReading r : read) {
      if (r.field() == null || !r.field().hasCName()) {
        continue;
      }
      String javaName = r.field().javaName();
      String earlier = byCName.putIfAbsent(r.field().cName(), javaName);
      if (earlier != null) {
        AnnotationMirror name =
            AbiAnnotations.find(r.element(), AbiAnnotations.ABI_NAME).orElse(null);
        problems.add(
            new Problem(
                r.element(),
                name,
                null,
                "C member name '"
                    + r.field().cName()
                    + "' of '"
                    + javaName
                    + "' is already the name of '"
                    + earlier
                    + "'; give one of them another name with @AbiName(\"c_name\")"));
      }
    }
  }
}
