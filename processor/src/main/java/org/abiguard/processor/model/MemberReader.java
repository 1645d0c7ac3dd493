package org.abiguard.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Reads one struct member (an instance field or a record component) into a {@link FieldModel}: its
 * C type from the width annotations, {@code @NativeLong}, {@code @Pointer}, {@code @AbiArray} or a
 * nested {@code @AbiStruct} type, checked against the Java type, and its {@code @AbiAlign} and
 * {@code @AbiName}. Each misuse becomes a {@link Problem} whose message says what to write instead.
 */
final class MemberReader {
  private final WidthReader widths = new WidthReader();

  /**
   * @param member the field or record component (diagnostics go there)
   * @param annotations its annotations (for a record component, merged with its field's)
   * @param names what C names the mirror accepts
   */
  MemberReading read(Element member, AnnotatedConstruct annotations, NameRules names) {
    Member m = new Member(member, annotations);
    if (annotations.getAnnotationMirrors().stream().anyMatch(AbiAnnotations::hasUnresolvedValue)) {
      return new MemberReading(member, null, List.of(), true);
    }
    String name = member.getSimpleName().toString();
    Optional<AnnotationMirror> bits = AbiAnnotations.find(annotations, AbiAnnotations.ABI_BITS);
    Optional<AnnotationMirror> anonymous =
        AbiAnnotations.find(annotations, AbiAnnotations.ABI_ANONYMOUS);
    Optional<AnnotationMirror> flexible =
        AbiAnnotations.find(annotations, AbiAnnotations.ABI_FLEXIBLE);
    if (!checkExclusive(m, bits, anonymous, flexible)) {
      return new MemberReading(member, null, m.problems, false);
    }
    int align = readAlign(m);
    if (bits.isPresent()) {
      m.bitWidth = WidthReader.intValue(bits.get(), "value", 0);
      m.bitsAnnotation = bits.get();
    }
    m.isBits = bits.isPresent();
    boolean unnamed =
        bits.isPresent()
            && (m.bitWidth == 0 || WidthReader.boolValue(bits.get(), "unnamed", false));
    boolean hasCName = !unnamed && anonymous.isEmpty();
    String cName =
        hasCName
            ? readCName(m, name, names)
            : noCName(m, unnamed ? "an unnamed bit-field" : "an anonymous member");
    Optional<MemberType> type =
        flexible.isPresent() ? readFlexible(m, flexible.get()) : readType(m);
    if (m.unresolved || !m.problems.isEmpty() || type.isEmpty()) {
      return new MemberReading(member, null, m.problems, m.unresolved);
    }
    FieldModel field;
    if (bits.isPresent()) {
      field = readBits(m, bits.get(), align, type.get(), name, cName, unnamed);
    } else if (anonymous.isPresent()) {
      field = readAnonymous(m, anonymous.get(), type.get(), name, align);
    } else if (flexible.isPresent()) {
      Object count = WidthReader.value(flexible.get(), "count");
      field =
          FieldModel.flexibleArrayOf(
              name,
              cName,
              (MemberType.ArrayType) type.get(),
              align,
              count instanceof String c ? c : "");
    } else {
      field = new FieldModel(name, cName, type.get(), align);
    }
    if (!m.problems.isEmpty()) {
      return new MemberReading(member, null, m.problems, false);
    }
    return new MemberReading(member, field, List.of(), false);
  }

  /** {@code @AbiBits}, {@code @AbiAnonymous} and {@code @AbiFlexible} exclude each other. */
  private static boolean checkExclusive(
      Member m,
      Optional<AnnotationMirror> bits,
      Optional<AnnotationMirror> anonymous,
      Optional<AnnotationMirror> flexible) {
    List<AnnotationMirror> present = new ArrayList<>();
    bits.ifPresent(present::add);
    anonymous.ifPresent(present::add);
    flexible.ifPresent(present::add);
    if (present.size() < 2) {
      return true;
    }
    m.problem(
        present.get(1),
        m.describe()
            + " has both "
            + AbiAnnotations.display(present.get(0))
            + " and "
            + AbiAnnotations.display(present.get(1))
            + "; a C member is a bit-field, an anonymous member or a"
            + " flexible array, never two of them: keep one");
    return false;
  }

  /**
   * An unnamed bit-field or anonymous member has no C name: {@code @AbiName} on it is a mistake.
   */
  private static String noCName(Member m, String what) {
    AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_NAME)
        .ifPresent(
            am ->
                m.problem(
                    am,
                    "@AbiName on "
                        + m.describe()
                        + ", which is "
                        + what
                        + " and has no name in C; remove @AbiName"));
    return "";
  }

  private static @Nullable FieldModel readBits(
      Member m,
      AnnotationMirror bits,
      int align,
      MemberType type,
      String name,
      String cName,
      boolean unnamed) {
    if (!(type instanceof MemberType.IntType)) {
      String what = type instanceof MemberType.ArrayType ? "an array" : "a nested struct or union";
      m.problem(
          bits,
          "@AbiBits on "
              + m.describe()
              + ", which is "
              + what
              + "; only an integer member can be"
              + " a bit-field");
      return null;
    }
    if (align != 0) {
      m.problem(
          AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_ALIGN).orElse(null),
          "@AbiAlign on bit-field "
              + m.describe()
              + ": C forbids an alignment on a bit-field (gcc: 'alignment may not be specified');"
              + " put @AbiAlign on the member after it, or use a zero-width bit-field @AbiBits(0) to start a new unit");
      return null;
    }
    return FieldModel.bitField(name, cName, type, m.bitWidth, unnamed);
  }

  private static @Nullable FieldModel readAnonymous(
      Member m, AnnotationMirror anonymous, MemberType type, String name, int align) {
    if (!(type instanceof MemberType.StructType struct)) {
      m.problem(
          anonymous,
          "@AbiAnonymous on "
              + m.describe()
              + " of type "
              + display(m.element.asType())
              + ": only a member whose type is an @AbiStruct or @AbiUnion type can be anonymous");
      return null;
    }
    return FieldModel.anonymousMember(name, struct, align);
  }

  /**
   * A flexible array member: a Java array without {@code @AbiArray}, its element as any array's.
   */
  private Optional<MemberType> readFlexible(Member m, AnnotationMirror flexible) {
    List<DeclaredWidth> declared = widths.declarations(m.annotations);
    if (declared.size() > 1) {
      m.problem(declared.get(1).annotation(), conflictMessage(m, declared.get(0), declared.get(1)));
      return Optional.empty();
    }
    TypeMirror type = m.element.asType();
    if (type.getKind() != TypeKind.ARRAY) {
      m.problem(
          flexible,
          "@AbiFlexible on "
              + m.describe()
              + " of type "
              + display(type)
              + ", which is not a Java array; a flexible array member is declared "
              + display(type)
              + "[]");
      return Optional.empty();
    }
    // @AbiArray beside @AbiFlexible gives each element's dimensions: T x[][6] is
    // @AbiFlexible @AbiArray(6), its Java array every element row by row
    Optional<AnnotationMirror> array = AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_ARRAY);
    List<Integer> rows = array.map(a -> WidthReader.intValues(a, "value")).orElse(List.of());
    if (array.isPresent() && (rows.isEmpty() || rows.stream().anyMatch(d -> d < 1))) {
      arrayProblem(
          m,
          array.get(),
          rows,
          "beside @AbiFlexible gives the length of each of its elements (T name[][6] is"
              + " @AbiArray(6)), at least 1 each");
      return Optional.empty();
    }
    if (MemberType.ArrayType.elements(rows) > Integer.MAX_VALUE) {
      arrayProblem(m, array.get(), rows, "has more elements than a Java array holds");
      return Optional.empty();
    }
    TypeMirror component = ((ArrayType) type).getComponentType();
    if (component.getKind() == TypeKind.ARRAY) {
      m.problem(
          flexible,
          "flexible array of arrays "
              + m.describe()
              + " is not supported as a Java array of arrays; declare a one-dimensional Java"
              + " array of all the elements, row by row, with @AbiArray(columns) beside"
              + " @AbiFlexible");
      return Optional.empty();
    }
    List<Integer> dims = new ArrayList<>(List.of(0));
    dims.addAll(rows);
    return readElement(m, component, declared.stream().findFirst())
        .map(e -> new MemberType.ArrayType(0, e, dims));
  }

  /** The member being read and the problems found so far. */
  private static final class Member {
    final Element element;
    final AnnotatedConstruct annotations;
    final List<Problem> problems = new ArrayList<>();
    boolean unresolved;

    /** For a bit-field, its {@code @AbiBits} value; else {@link FieldModel#NOT_BITS}. */
    int bitWidth = FieldModel.NOT_BITS;

    boolean isBits;
    @Nullable AnnotationMirror bitsAnnotation;

    Member(Element element, AnnotatedConstruct annotations) {
      this.element = element;
      this.annotations = annotations;
    }

    String describe() {
      return "'" + element.getSimpleName() + "'";
    }

    void problem(String message) {
      problems.add(Problem.on(element, message));
    }

    void problem(@Nullable AnnotationMirror am, String message) {
      problems.add(Problem.on(element, onElement(am), message));
    }

    void problem(@Nullable AnnotationMirror am, String valueName, String message) {
      AnnotationMirror own = onElement(am);
      @Nullable AnnotationValue value =
          own == null ? null : WidthReader.annotationValue(own, valueName);
      boolean explicit = own != null && own.getElementValues().values().contains(value);
      problems.add(new Problem(element, own, explicit ? value : null, message));
    }

    /** The mirror if javac can place a diagnostic on it (it is on this very element). */
    private @Nullable AnnotationMirror onElement(@Nullable AnnotationMirror am) {
      return element.getAnnotationMirrors().contains(am) ? am : null;
    }
  }

  private static int readAlign(Member m) {
    Optional<AnnotationMirror> am = AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_ALIGN);
    if (am.isEmpty()) {
      return 0;
    }
    int bytes = WidthReader.intValue(am.get(), "value", 0);
    if (!isPowerOfTwo(bytes)) {
      m.problem(am.get(), "value", alignMessage(bytes, m.describe()));
      return 0;
    }
    return bytes;
  }

  /**
   * gcc's largest alignment, {@code 2^28} bytes ({@code __attribute__((aligned))} refuses more).
   */
  public static final int MAX_ALIGN = 1 << 28;

  /** Whether {@code @AbiAlign(bytes)} is allowed: a power of two up to {@link #MAX_ALIGN}. */
  static boolean isPowerOfTwo(int bytes) {
    return bytes > 0 && (bytes & (bytes - 1)) == 0 && bytes <= MAX_ALIGN;
  }

  /** The message for an {@code @AbiAlign} that is not a power of two, or above gcc's maximum. */
  static String alignMessage(int bytes, String on) {
    if (bytes > MAX_ALIGN && (bytes & (bytes - 1)) == 0) {
      return "@AbiAlign("
          + bytes
          + ") on "
          + on
          + " is above the largest alignment C compilers accept"
          + " (gcc: 2^28 = "
          + MAX_ALIGN
          + " bytes); use at most "
          + MAX_ALIGN;
    }
    return "@AbiAlign("
        + bytes
        + ") on "
        + on
        + " is not a power of two; C alignments are powers of two: use 1, 2, 4, 8, 16, ...";
  }

  /**
   * The C names a mirror accepts for its members.
   *
   * @param reservedNames whether names C reserves for the implementation are accepted ({@code
   *     reservedNames = true})
   * @param annotation {@code AbiStruct} or {@code AbiUnion}, for the fix a message offers
   */
  record NameRules(boolean reservedNames, String annotation) {}

  private static String readCName(Member m, String javaName, NameRules names) {
    Optional<AnnotationMirror> am = AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_NAME);
    if (am.isPresent()) {
      Object v = WidthReader.value(am.get(), "value");
      String cName = v instanceof String s ? s : "";
      String why = CNames.problem(cName, false, names.reservedNames());
      if (why != null) {
        m.problem(
            am.get(),
            "value",
            "@AbiName(\""
                + cName
                + "\") on "
                + m.describe()
                + " is not a C member name: "
                + why
                + "; "
                + CNames.fix(cName, false, names.annotation()));
      }
      return cName;
    }
    String why = CNames.problem(javaName, false, names.reservedNames());
    if (why == null) {
      return javaName;
    }
    if (CNames.problem(javaName, false, true) != null) { // no C identifier, or a keyword
      m.problem(
          "the Java name "
              + m.describe()
              + " is not a C member name; add @AbiName(\"c_name\")"
              + " with the member's name in the C declaration");
    } else {
      m.problem(
          "the Java name "
              + m.describe()
              + " is not a C member name: "
              + why
              + "; add @AbiName(\"c_name\") with the member's name in the C declaration, or if the C"
              + " declaration is in a header of the implementation (an operating system's or"
              + " hypervisor's), say so with @"
              + names.annotation()
              + "(reservedNames = true)");
    }
    return javaName;
  }

  private Optional<MemberType> readType(Member m) {
    List<DeclaredWidth> declared = widths.declarations(m.annotations);
    if (declared.size() > 1) {
      m.problem(declared.get(1).annotation(), conflictMessage(m, declared.get(0), declared.get(1)));
      return Optional.empty();
    }
    Optional<DeclaredWidth> width = declared.stream().findFirst();
    Optional<AnnotationMirror> array = AbiAnnotations.find(m.annotations, AbiAnnotations.ABI_ARRAY);
    TypeMirror type = m.element.asType();
    if (type.getKind() == TypeKind.ARRAY) {
      return readArray(m, (ArrayType) type, array, width);
    }
    if (array.isPresent()) {
      m.problem(
          array.get(),
          "@AbiArray on "
              + m.describe()
              + " of type "
              + display(type)
              + ", which is not a Java array; declare it "
              + display(type)
              + "[] or remove @AbiArray");
      return Optional.empty();
    }
    return readElement(m, type, width);
  }

  private Optional<MemberType> readArray(
      Member m, ArrayType type, Optional<AnnotationMirror> array, Optional<DeclaredWidth> width) {
    TypeMirror component = type.getComponentType();
    if (array.isEmpty()) {
      m.problem(
          "Java array "
              + m.describe()
              + " has no @AbiArray; a C array has a fixed length:"
              + " add @AbiArray(n) with the length of the C array");
      return Optional.empty();
    }
    List<Integer> dims = WidthReader.intValues(array.get(), "value");
    long elements = MemberType.ArrayType.elements(dims);
    boolean valid = false;
    if (dims.isEmpty()) {
      arrayProblem(
          m,
          array.get(),
          dims,
          "has no length; give the C array's, or each dimension's: @AbiArray({rows, columns})");
    } else if (dims.stream().anyMatch(d -> d < 0)) {
      arrayProblem(
          m,
          array.get(),
          dims,
          "is negative; the length of a C array is at least 1 (0 for GNU C's zero-length array)");
    } else if (elements > Integer.MAX_VALUE) {
      arrayProblem(m, array.get(), dims, "has more elements than a Java array holds");
    } else {
      valid = true;
    }
    if (component.getKind() == TypeKind.ARRAY) {
      m.problem(
          array.get(),
          "array of arrays "
              + m.describe()
              + " is not supported; declare a one-dimensional Java array of all the elements, row"
              + " by row, with @AbiArray({rows, columns}), which C lays out the same way");
      return Optional.empty();
    }
    Optional<MemberType> element = readElement(m, component, width);
    int length = (int) elements;
    return valid ? element.map(e -> new MemberType.ArrayType(length, e, dims)) : Optional.empty();
  }

  /** A problem on {@code @AbiArray}'s value: {@code "@AbiArray({3, -2}) on 'x' " + what}. */
  private static void arrayProblem(
      Member m, AnnotationMirror array, List<Integer> dims, String what) {
    m.problem(array, "value", "@AbiArray(" + arrayText(dims) + ") on " + m.describe() + " " + what);
  }

  /** The annotation's value as written: {@code 6}, or {@code {3, 2}}. */
  private static String arrayText(List<Integer> dims) {
    if (dims.size() == 1) {
      return String.valueOf(dims.get(0));
    }
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < dims.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(dims.get(i));
    }
    return text.append('}').toString();
  }

  /** A scalar member, or one element of an array member. */
  private static Optional<MemberType> readElement(
      Member m, TypeMirror type, Optional<DeclaredWidth> width) {
    if (type.getKind() == TypeKind.ERROR) {
      m.unresolved = true;
      return Optional.empty();
    }
    Optional<TypeElement> struct = structOf(type);
    if (struct.isPresent()) {
      if (width.isPresent()) {
        m.problem(
            width.get().annotation(),
            m.describe()
                + " is a nested struct ("
                + struct.get().getSimpleName()
                + "), laid out by its own members; remove "
                + width.get().via());
        return Optional.empty();
      }
      return Optional.of(new MemberType.StructType(struct.get().getQualifiedName().toString()));
    }
    if (type.getKind() == TypeKind.FLOAT || type.getKind() == TypeKind.DOUBLE) {
      return readFloat(m, type, width);
    }
    if (width.isEmpty()) {
      m.problem(noWidthMessage(m, type));
      return Optional.empty();
    }
    return readInteger(m, type, width.get());
  }

  /**
   * A Java {@code float} or {@code double}: C's {@code float} or {@code double}, which have one
   * format on every ABI, so nothing declares them. A width annotation or {@code @AbiBits} on one is
   * a mistake: C has no float bit-fields, and an integer is not a float.
   */
  private static Optional<MemberType> readFloat(
      Member m, TypeMirror type, Optional<DeclaredWidth> width) {
    MemberType.FloatType floating =
        type.getKind() == TypeKind.FLOAT ? MemberType.FloatType.FLOAT : MemberType.FloatType.DOUBLE;
    if (width.isPresent()) {
      m.problem(
          width.get().annotation(),
          m.describe()
              + " of type "
              + display(type)
              + " mirrors C's "
              + floating.keyword()
              + ", which needs no width; remove "
              + width.get().via()
              + ", or declare an integral type for a C integer");
      return Optional.empty();
    }
    if (m.isBits) {
      m.problem(
          m.bitsAnnotation,
          "@AbiBits on "
              + m.describe()
              + " of type "
              + display(type)
              + "; a bit-field has an integer type: declare an integral type with @AbiWidth or an"
              + " alias such as @U32, or remove @AbiBits");
      return Optional.empty();
    }
    return Optional.of(floating);
  }

  private static Optional<MemberType> readInteger(Member m, TypeMirror type, DeclaredWidth width) {
    Optional<JavaKind> kind = javaKindOf(type);
    if (width.pointer()) {
      if (m.isBits) {
        m.problem(
            m.bitsAnnotation,
            "@AbiBits on "
                + m.describe()
                + ", which is a @Pointer; a bit-field has an"
                + " integer type: declare the C type with @AbiWidth or an alias such as @U32");
        return Optional.empty();
      }
      if (kind.orElse(null) != JavaKind.LONG) {
        m.problem(
            width.annotation(),
            width.via()
                + " on "
                + m.describe()
                + " of type "
                + display(type)
                + ": a pointer is held in a Java long (8 bytes on x86_64 and aarch64); declare it long");
        return Optional.empty();
      }
      return Optional.of(new MemberType.PointerType());
    }
    Width w = width.width();
    if (!width.nativeLong() && !Width.isValidBits(w.bits())) {
      m.problem(
          width.annotation(),
          "value",
          width.via()
              + " declares "
              + w.bits()
              + " bits on "
              + m.describe()
              + ", which is no C integer width; use 8, 16, 32 or 64");
      return Optional.empty();
    }
    if (m.isBits) {
      return readBitFieldInteger(m, type, width, kind);
    }
    String declared =
        width.nativeLong()
            ? width.via() + " (C long, up to " + w + ")"
            : width.via() + " (" + w + ")";
    if (kind.isEmpty()) {
      m.problem(
          width.annotation(),
          m.describe()
              + " of type "
              + display(type)
              + " cannot hold "
              + declared
              + ", which is an integer; declare it "
              + holders(w));
      return Optional.empty();
    }
    if (!kind.get().canHold(w)) {
      m.problem(
          width.annotation(),
          m.describe()
              + " of type "
              + display(type)
              + " is narrower than "
              + declared
              + "; declare it "
              + holders(w));
      return Optional.empty();
    }
    return Optional.of(new MemberType.IntType(w, width.nativeLong(), kind.get()));
  }

  /**
   * A bit-field's declared type: its {@code @AbiBits} value lies in 0..the declared bits (32 for
   * {@code @NativeLong}, C {@code long} being 32 bits on i386), and the Java type holds the
   * bit-field's own width ({@code u4} fits in a {@code byte}).
   */
  private static Optional<MemberType> readBitFieldInteger(
      Member m, TypeMirror type, DeclaredWidth width, Optional<JavaKind> kind) {
    Width w = width.width();
    int max = width.nativeLong() ? 32 : w.bits();
    if (m.bitWidth < 0 || m.bitWidth > max) {
      String why =
          width.nativeLong()
              ? "C long ("
                  + width.via()
                  + ") has 32 bits on i386, so at most 32;"
                  + " declare @U64/@S64 for a wider bit-field"
              : "its type " + width.via() + " (" + w + ") has " + max + " bits";
      m.problem(
          m.bitsAnnotation,
          "value",
          "@AbiBits("
              + m.bitWidth
              + ") on "
              + m.describe()
              + " is no bit-field width: "
              + why
              + "; use 1.."
              + max
              + ", or 0 for a zero-width bit-field");
      return Optional.empty();
    }
    if (kind.isEmpty()) {
      m.problem(
          width.annotation(),
          m.describe()
              + " of type "
              + display(type)
              + " cannot hold the bit-field "
              + width.via()
              + ", which is an integer; declare an integral type");
      return Optional.empty();
    }
    Width bitWidth = new Width(Math.max(m.bitWidth, 1), w.signed());
    if (!kind.get().canHold(bitWidth)) {
      m.problem(
          width.annotation(),
          m.describe()
              + " of type "
              + display(type)
              + " is narrower than the bit-field"
              + " ("
              + bitWidth
              + "); declare it "
              + holders(bitWidth));
      return Optional.empty();
    }
    return Optional.of(new MemberType.IntType(w, width.nativeLong(), kind.get()));
  }

  private static String conflictMessage(Member m, DeclaredWidth first, DeclaredWidth second) {
    return m.describe()
        + " declares its C type twice, with "
        + first.via()
        + " and "
        + second.via()
        + "; keep exactly one of them";
  }

  private static String noWidthMessage(Member m, TypeMirror type) {
    if (javaKindOf(type).isPresent()) {
      return m.describe()
          + " of type "
          + display(type)
          + " has no C width; add @AbiWidth(bits) or an alias"
          + " such as @U32, a typedef annotation, @NativeLong or @Pointer";
    }
    return m.describe()
        + " of type "
        + display(type)
        + " is no C member: neither an integer with a C width, a float or double, nor an"
        + " @AbiStruct type; declare an integral type with @AbiWidth, float, double or an"
        + " @AbiStruct type, or make the field static or transient to keep it out of the struct";
  }

  /** Which Java types hold a width, e.g. {@code short (raw bits), char, int or long}. */
  static String holders(Width w) {
    List<String> names = new ArrayList<>();
    for (JavaKind k : JavaKind.values()) {
      if (k.canHold(w)) {
        names.add(k.holdsRawBits(w) ? k.keyword() + " (raw bits)" : k.keyword());
      }
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** A type as a diagnostic writes it: its simple name ({@code String}, {@code int[]}). */
  static String display(TypeMirror type) {
    if (type instanceof DeclaredType d) {
      return d.asElement().getSimpleName().toString();
    }
    if (type instanceof ArrayType a) {
      return display(a.getComponentType()) + "[]";
    }
    return type.toString();
  }

  /** The Java primitive integral kind of a type, if it is one. */
  static Optional<JavaKind> javaKindOf(TypeMirror type) {
    return switch (type.getKind()) {
      case BYTE -> Optional.of(JavaKind.BYTE);
      case SHORT -> Optional.of(JavaKind.SHORT);
      case CHAR -> Optional.of(JavaKind.CHAR);
      case INT -> Optional.of(JavaKind.INT);
      case LONG -> Optional.of(JavaKind.LONG);
      default -> Optional.empty();
    };
  }

  /** The {@code @AbiStruct} type a type names, if it does. */
  static Optional<TypeElement> structOf(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement() instanceof TypeElement te
        && te.getKind() != ElementKind.ANNOTATION_TYPE
        && AbiAnnotations.isStruct(te)) {
      return Optional.of(te);
    }
    return Optional.empty();
  }
}
