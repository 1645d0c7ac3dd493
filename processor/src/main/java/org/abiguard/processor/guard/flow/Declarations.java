package org.abiguard.processor.guard.flow;

import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.abiguard.processor.guard.facts.Fact;
import org.abiguard.processor.guard.facts.Floating;
import org.abiguard.processor.guard.facts.Range;
import org.abiguard.processor.guard.facts.Text;
import org.abiguard.processor.guard.sinks.Sink;
import org.abiguard.processor.model.DeclaredWidth;
import org.abiguard.processor.model.JavaKind;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.model.WidthReader;
import org.jspecify.annotations.Nullable;

/**
 * What declarations say: the declared width of fields, parameters, methods, locals and record
 * components (from source and class files, typedefs included), as facts for reads and as sinks for
 * writes, with the names messages use. Widths are read once per element. Public only for what the
 * interpreter ({@code guard.flow}) asks; the rest is the guard's own.
 */
public final class Declarations {
  static final String ABI_BITS = "org.abiguard.AbiBits";
  private static final Pattern SYNTHETIC_PARAM = Pattern.compile("arg\\d+");

  private final WidthReader reader = new WidthReader();
  private final IdentityHashMap<Element, Optional<Width>> widths = new IdentityHashMap<>();

  /**
   * Elements whose width depends on the ABI ({@code @NativeLong}, {@code @Pointer}), with its C
   * name.
   */
  private final Map<Element, String> abiDependent = new HashMap<>();

  private final DataModel model;
  private boolean abiDependentRead;
  private final IdentityHashMap<Element, Boolean> relevant = new IdentityHashMap<>();

  /**
   * Per package: whether it is the Java platform's ({@code java.*}, {@code javax.*}, {@code jdk.*},
   * {@code sun.*}, {@code com.sun.*}), whose members never declare a width. Most of what
   * unannotated code calls is there; its members are answered without reading their annotations,
   * parameters and supertypes.
   */
  private final IdentityHashMap<Element, Boolean> platformPackages = new IdentityHashMap<>();

  /** Per type: {@link #mayDeclareWidths}. */
  private final IdentityHashMap<Element, Boolean> typesWithWidths = new IdentityHashMap<>();

  /** Per functional interface: {@link #abstractMethodsRelevant}. */
  private final IdentityHashMap<Element, Boolean> functionalInterfaces = new IdentityHashMap<>();

  /** Per type: whether one of its methods declares a width on a parameter. */
  private final IdentityHashMap<Element, Boolean> parameterWidthsIn = new IdentityHashMap<>();

  /** Per type: whether a strict supertype declares a width on a method parameter. */
  private final IdentityHashMap<Element, Boolean> parameterWidthsAbove = new IdentityHashMap<>();

  private final Map<Object, Optional<Sink>> sinks = new HashMap<>();

  private record SinkKey(Element element, int index, boolean varargsElement) {}

  private final Types types;
  private final Elements elements;

  /** The name of a class literal's pseudo-field ({@code int.class}). */
  private final javax.lang.model.element.Name classLiteral;

  private final Trees trees;

  /**
   * The C data model widths are read for: C {@code long} and pointers have {@code longBits} on the
   * configured {@code abis} it covers (LP64: x86_64 and aarch64; ILP32: i386).
   */
  public record DataModel(int longBits, List<String> abis) {
    /** The data models of the configured ABIs, the primary ABI's first. */
    public static List<DataModel> of(List<String> abis) {
      List<String> lp64 = new java.util.ArrayList<>();
      List<String> ilp32 = new java.util.ArrayList<>();
      for (String abi : abis) {
        (abi.equals("i386") ? ilp32 : lp64).add(abi);
      }
      List<DataModel> models = new java.util.ArrayList<>();
      if (!lp64.isEmpty()) {
        models.add(new DataModel(64, List.copyOf(lp64)));
      }
      if (!ilp32.isEmpty()) {
        models.add(
            abis.get(0).equals("i386") ? 0 : models.size(), new DataModel(32, List.copyOf(ilp32)));
      }
      return models;
    }
  }

  /** Declarations read for x86_64. */
  public Declarations(Types types, Elements elements, Trees trees) {
    this(types, elements, trees, new DataModel(64, List.of("x86_64")));
  }

  public Declarations(Types types, Elements elements, Trees trees, DataModel model) {
    this.types = types;
    this.elements = elements;
    this.classLiteral = elements.getName("class");
    this.trees = trees;
    this.model = model;
  }

  /**
   * A local variable with no annotation at all, the most common element a body mentions: it has no
   * width, and is not cached (a cache of every local would cost more than the answer).
   */
  private static boolean unannotatedLocal(Element e) {
    switch (e.getKind()) {
      case LOCAL_VARIABLE, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> {
        return e.getAnnotationMirrors().isEmpty() && e.asType().getAnnotationMirrors().isEmpty();
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Whether a strict supertype of {@code type} declares a width on a parameter or the result of one
   * of its methods: only then can a method of {@code type} inherit one. Cached per type, so that
   * code without widths (most of a project, all of the JDK) walks each hierarchy once instead of
   * once per parameter.
   */
  private boolean supertypesDeclareParameterWidths(TypeElement type) {
    Boolean known = parameterWidthsAbove.get(type);
    if (known == null && declaredByPlatform(type)) {
      known = false; // a platform type's supertypes are the platform's too
      parameterWidthsAbove.put(type, known);
    }
    if (known == null) {
      known = false;
      for (TypeMirror t : types.directSupertypes(type.asType())) {
        if (t instanceof javax.lang.model.type.DeclaredType declared
            && declared.asElement() instanceof TypeElement supertype
            && (declaresParameterWidths(supertype)
                || supertypesDeclareParameterWidths(supertype))) {
          known = true;
          break;
        }
      }
      parameterWidthsAbove.put(type, known);
    }
    return known;
  }

  /**
   * Whether a method of {@code type} declares a width (its own, not inherited) on a parameter or
   * its result.
   */
  private boolean declaresParameterWidths(TypeElement type) {
    Boolean known = parameterWidthsIn.get(type);
    if (known == null) {
      known = false;
      if (declaredByPlatform(type)) {
        parameterWidthsIn.put(type, known);
        return known;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (reader.widthOf(method).isPresent()) {
          known = true;
          break;
        }
        for (VariableElement parameter : method.getParameters()) {
          if (reader.widthOf(parameter).isPresent()) {
            known = true;
            break;
          }
        }
        if (known) {
          break;
        }
      }
      parameterWidthsIn.put(type, known);
    }
    return known;
  }

  /**
   * The declared width of an element, if it has one; a C {@code long} or pointer has the data
   * model's; a bit-field ({@code @AbiBits(n)}, n below its type's bits) its own, {@code u4} or
   * {@code s3}.
   */
  public @Nullable Width width(@Nullable Element e) {
    if (e == null || unannotatedLocal(e)) {
      return null;
    }
    Optional<Width> known = widths.get(e);
    if (known == null && declaredByPlatform(e)) {
      known = Optional.empty();
      widths.put(e, known);
    }
    if (known == null) {
      known = Optional.empty();
      Optional<DeclaredWidth> declared = reader.widthOf(e);
      if (declared.isPresent()) {
        Width w = modelWidth(e, declared.get());
        if (Width.isValidBits(w.bits())) {
          known = Optional.of(bitFieldWidth(e, w));
        }
      }
      if (known.isEmpty() && e.getKind() == ElementKind.PARAMETER) {
        widths.put(e, known); // no cycle through the supertypes' parameters
        known = Optional.ofNullable(inherited((VariableElement) e));
      }
      if (known.isEmpty() && e.getKind() == ElementKind.METHOD) {
        widths.put(e, known); // no cycle through the supertypes' methods
        known = Optional.ofNullable(resultWidth((ExecutableElement) e));
      }
      widths.put(e, known);
    }
    Width w = known.orElse(null);
    if (w != null && w.bits() == model.longBits() && abiDependent.containsKey(e)) {
      abiDependentRead = true;
    }
    return w;
  }

  /**
   * The width a parameter without an annotation inherits from the parameter it overrides: an
   * implementation of an interface method accepts what the interface declares, so callers through
   * the interface pass values of that width (and the implementation must take them).
   */
  private @Nullable Width inherited(VariableElement p) {
    if (!(p.getEnclosingElement() instanceof ExecutableElement m)
        || m.getKind() != ElementKind.METHOD
        || m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
        || !(m.getEnclosingElement() instanceof TypeElement type)) {
      return null;
    }
    int index = m.getParameters().indexOf(p);
    if (index < 0 || !supertypesDeclareParameterWidths(type)) {
      return null;
    }
    return inheritedWidth(m, type, p, other -> other.getParameters().get(index));
  }

  /**
   * The width {@code declaration} (a method of {@code type}, or one of its parameters) takes from
   * the first method {@code m} overrides whose counterpart ({@code counterpart} of it) declares
   * one, searching the supertypes breadth first; with that width, what it depends on the ABI for.
   */
  private @Nullable Width inheritedWidth(
      ExecutableElement m,
      TypeElement type,
      Element declaration,
      java.util.function.Function<ExecutableElement, Element> counterpart) {
    for (ExecutableElement other : overridden(m, type)) {
      Element from = counterpart.apply(other);
      Width w = width(from);
      if (w != null) {
        if (abiDependent.containsKey(from)) {
          abiDependent.put(declaration, abiDependent.get(from));
        }
        return w;
      }
    }
    return null;
  }

  /**
   * The methods of {@code type}'s supertypes that {@code m}, a method of {@code type}, overrides,
   * nearest supertypes first.
   */
  public java.util.Set<ExecutableElement> overridden(ExecutableElement m, TypeElement type) {
    java.util.Set<ExecutableElement> out = new java.util.LinkedHashSet<>();
    java.util.Deque<TypeMirror> todo =
        new java.util.ArrayDeque<>(types.directSupertypes(type.asType()));
    java.util.Set<Element> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      TypeMirror t = todo.pop();
      if (!(t instanceof javax.lang.model.type.DeclaredType dt) || !seen.add(dt.asElement())) {
        continue;
      }
      for (ExecutableElement other :
          ElementFilter.methodsIn(dt.asElement().getEnclosedElements())) {
        if (other.getSimpleName().equals(m.getSimpleName())
            && other.getParameters().size() == m.getParameters().size()
            && elements.overrides(m, other, type)) {
          out.add(other);
        }
      }
      todo.addAll(types.directSupertypes(t));
    }
    return out;
  }

  /**
   * The width of a method's result where the method declares none: a record's accessor returns its
   * component, whose width it has (an explicit {@code public int port() { return port; }} too);
   * another method that overrides one with a declared result width returns what callers through the
   * supertype expect, so its {@code return}s are held to that width (an implementation of
   * {@code @U16 int port()} that returns a {@code u32} is reported, as its callers trust the u16).
   */
  private @Nullable Width resultWidth(ExecutableElement m) {
    if (!(m.getEnclosingElement() instanceof TypeElement type)
        || m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      return null;
    }
    Element component = componentOfAccessor(m);
    if (component != m) {
      Width w = width(component);
      if (w != null && abiDependent.containsKey(component)) {
        abiDependent.put(m, abiDependent.get(component));
      }
      return w;
    }
    return supertypesDeclareParameterWidths(type)
        ? inheritedWidth(m, type, m, other -> other)
        : null;
  }

  private Width modelWidth(Element e, DeclaredWidth d) {
    if (!d.nativeLong() && !d.pointer()) {
      return d.width();
    }
    abiDependent.put(e, d.pointer() ? "pointer" : d.width().signed() ? "long" : "unsigned long");
    return new Width(model.longBits(), d.width().signed());
  }

  /**
   * Whether a width that depends on the ABI was read since the last call (which resets it): an
   * analysis that read one must run again for the other data model.
   */
  public boolean takeAbiDependentRead() {
    boolean read = abiDependentRead;
    abiDependentRead = false;
    return read;
  }

  /**
   * A width for messages: {@code u16}, or {@code unsigned long: u64 on x86_64} where it depends on
   * the ABI.
   */
  private String widthText(Element e, Width w) {
    String c = e == null ? null : abiDependent.get(e);
    return c == null ? w.toString() : c + ": " + w + " on " + String.join(" and ", model.abis());
  }

  /** Whether the element's width is a C {@code long}'s or a pointer's, which differs per ABI. */
  private boolean dependent(Element e) {
    return abiDependent.containsKey(e);
  }

  /**
   * {@code u4} for {@code @U32 @AbiBits(4)}; the declared width when there is no narrower
   * bit-field.
   */
  private static Width bitFieldWidth(Element e, Width declared) {
    Element source = e;
    // a record's accessor, or a parameter of its constructor: @AbiBits is on the component (it
    // targets fields and components only)
    Element owner =
        e instanceof ExecutableElement
            ? e.getEnclosingElement()
            : e.getKind() == ElementKind.PARAMETER
                    && java.util.Objects.requireNonNull(
                                e.getEnclosingElement(), "a parameter has a method")
                            .getKind()
                        == ElementKind.CONSTRUCTOR
                ? e.getEnclosingElement().getEnclosingElement()
                : null;
    if (owner != null && owner.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement rc :
          ElementFilter.recordComponentsIn(owner.getEnclosedElements())) {
        if (e instanceof ExecutableElement
            ? e.equals(rc.getAccessor())
            : rc.getSimpleName().equals(e.getSimpleName())) {
          source = rc;
        }
      }
    }
    for (AnnotationMirror am : source.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(ABI_BITS)) {
        int bits = WidthReader.intValue(am, "value", 0);
        return bits >= 1 && bits < declared.bits() ? new Width(bits, declared.signed()) : declared;
      }
    }
    return declared;
  }

  /** The Java integral kind of a type (boxed types count as their primitive), or null. */
  public @Nullable JavaKind kindOf(@Nullable TypeMirror t) {
    TypeKind primitive = primitive(t);
    if (primitive == null) {
      return null;
    }
    return switch (primitive) {
      case BYTE -> JavaKind.BYTE;
      case SHORT -> JavaKind.SHORT;
      case CHAR -> JavaKind.CHAR;
      case INT -> JavaKind.INT;
      case LONG -> JavaKind.LONG;
      default -> null;
    };
  }

  /**
   * The floating-point type of a type ({@code Float} and {@code Double} count as theirs), or null.
   */
  public @Nullable Floating floatingOf(@Nullable TypeMirror t) {
    TypeKind primitive = primitive(t);
    if (primitive == null) {
      return null;
    }
    return switch (primitive) {
      case FLOAT -> Floating.FLOAT;
      case DOUBLE -> Floating.DOUBLE;
      default -> null;
    };
  }

  /**
   * The primitive kind of a type, a box counting as its primitive; null for any other type. The
   * boxes go by name: asking {@code Types.unboxedType} about other types throws, which is slow.
   */
  /** Whether a type is a box of a number or a {@code Boolean}: a value, not an object's path. */
  static boolean boxed(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && (primitive(t) != null
            || (t instanceof DeclaredType dt
                && dt.asElement() instanceof TypeElement te
                && te.getQualifiedName().contentEquals("java.lang.Boolean")));
  }

  private static @Nullable TypeKind primitive(@Nullable TypeMirror t) {
    if (t == null) {
      return null;
    }
    if (t.getKind().isPrimitive()) {
      return t.getKind();
    }
    if (!(t instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement te)) {
      return null;
    }
    return switch (te.getQualifiedName().toString()) {
      case "java.lang.Byte" -> TypeKind.BYTE;
      case "java.lang.Short" -> TypeKind.SHORT;
      case "java.lang.Character" -> TypeKind.CHAR;
      case "java.lang.Integer" -> TypeKind.INT;
      case "java.lang.Long" -> TypeKind.LONG;
      case "java.lang.Float" -> TypeKind.FLOAT;
      case "java.lang.Double" -> TypeKind.DOUBLE;
      default -> null;
    };
  }

  /** The Java width name of a type for strict mode, e.g. {@code s32} for {@code int}. */
  public static Width javaWidth(JavaKind k) {
    return new Width(k.bits(), k.signed());
  }

  /** The fact a read of the element gives from its declaration, or null when it declares none. */
  public @Nullable Fact readFact(Element e) {
    Width w = width(e);
    if (w == null) {
      return null;
    }
    JavaKind k = kindOf(e instanceof ExecutableElement m ? m.getReturnType() : e.asType());
    if (k == null) {
      return null;
    }
    return Fact.declared(w, k, Text.of(() -> describeSource(e, w)));
  }

  /**
   * The width of each element of an {@code @AbiArray} member, or of an array field or component
   * annotated with a width anywhere, or null.
   */
  public @Nullable Width elementWidth(@Nullable Element e) {
    if (e == null || !(e.asType() instanceof ArrayType)) {
      return null;
    }
    // any array field or record component with a width (where @AbiArray may stand, and outside a
    // mirror too: `static @U16 int[] table`): the width is of its elements
    boolean elements =
        e.getKind() == ElementKind.FIELD
            || e.getKind() == ElementKind.RECORD_COMPONENT
            || varargs(e);
    return elements ? width(e) : null;
  }

  /**
   * Whether a parameter is the varargs one ({@code @U16 int... frames}: the width is its
   * elements').
   */
  private static boolean varargs(Element e) {
    if (e.getKind() != ElementKind.PARAMETER
        || !(e.getEnclosingElement() instanceof ExecutableElement m)
        || !m.isVarArgs()) {
      return false;
    }
    List<? extends VariableElement> parameters = m.getParameters();
    return !parameters.isEmpty() && parameters.get(parameters.size() - 1).equals(e);
  }

  /**
   * The fact of an element of an array field, record component or varargs parameter with a width:
   * {@code element of field FrameList.frames (u16)}; null for any other array.
   */
  public @Nullable Fact elementFact(@Nullable Element array) {
    Width w = elementWidth(array);
    return w == null || array == null
        ? null
        : Fact.declared(w, elementKind(array), "element of " + describe(array) + " (" + w + ")");
  }

  /** The Java kind of the elements of an array-typed element. */
  public @Nullable JavaKind elementKind(@Nullable Element e) {
    return e != null && e.asType() instanceof ArrayType a ? kindOf(a.getComponentType()) : null;
  }

  static boolean hasAnnotation(Element e, String name) {
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether code that mentions the element can take part in a narrowing: it declares a width, or is
   * a method or constructor with a declared parameter or result width.
   */
  public boolean relevant(@Nullable Element e) {
    if (e == null
        || e instanceof TypeElement // a class is not a value: its members are looked at one by one
        || e instanceof PackageElement
        || e instanceof ModuleElement
        || unannotatedLocal(e)) {
      return false;
    }
    TypeElement memberOf = memberOf(e);
    if (memberOf != null && !mayDeclareWidths(memberOf)) {
      return false;
    }
    Boolean r = relevant.get(e);
    if (r == null) {
      r = width(e) != null;
      if (!r && e instanceof ExecutableElement m) {
        for (VariableElement p : m.getParameters()) {
          if (width(p) != null) {
            r = true;
            break;
          }
        }
      }
      relevant.put(e, r);
    }
    return r;
  }

  /**
   * Whether an abstract method of {@code type} (a lambda's functional interface) declares a width,
   * on its result or a parameter: the lambda's body then meets it. Cached per type.
   */
  public boolean abstractMethodsRelevant(TypeElement type) {
    Boolean known = functionalInterfaces.get(type);
    if (known == null) {
      known = false;
      if (!declaredByPlatform(type)) {
        for (Element member : type.getEnclosedElements()) {
          if (member.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
              && relevant(member)) {
            known = true;
            break;
          }
        }
      }
      functionalInterfaces.put(type, known);
    }
    return known;
  }

  /**
   * The type that declares {@code e} when it is a member (field, method, constructor, record
   * component) or a parameter of a member; null for a local, a lambda's parameter and the rest.
   */
  private @Nullable TypeElement memberOf(Element e) {
    Element owner = e.getEnclosingElement();
    switch (e.getKind()) {
      case FIELD -> {
        // int.class: its owner is a type javac made up, with no members to list (javac's names
        // are unique in its name table, so the same name is the same object)
        return owner instanceof TypeElement type && !e.getSimpleName().equals(classLiteral)
            ? type
            : null;
      }
      case ENUM_CONSTANT, METHOD, CONSTRUCTOR, RECORD_COMPONENT -> {
        return owner instanceof TypeElement type ? type : null;
      }
      case PARAMETER -> {
        return owner instanceof ExecutableElement method
                // a lambda's parameter may belong to a method javac made up, with no type
                && method.asType() instanceof ExecutableType
                && method.getParameters().contains(e)
                && method.getEnclosingElement() instanceof TypeElement type
            ? type
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * Whether a member of {@code type} may declare a width: one of its fields, methods, constructors
   * or record components, or one of their parameters, carries a width annotation (typedefs
   * included), or a supertype declares one on a parameter its methods may inherit. When not, none
   * of its members is {@link #relevant}, which the pre-check then answers without a cache entry per
   * member. Cached per type; the platform's types never do.
   */
  private boolean mayDeclareWidths(TypeElement type) {
    Boolean known = typesWithWidths.get(type);
    if (known == null) {
      try {
        known =
            !declaredByPlatform(type)
                && (membersDeclareWidths(type) || supertypesDeclareParameterWidths(type));
      } catch (RuntimeException e) {
        // a type javac made up that cannot list its members: its members answer one by one
        known = true;
      }
      typesWithWidths.put(type, known);
    }
    return known;
  }

  private boolean membersDeclareWidths(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement) {
        continue; // a member type answers for its own members
      }
      if (reader.widthOf(member).isPresent()) {
        return true;
      }
      if (member instanceof ExecutableElement executable) {
        for (VariableElement parameter : executable.getParameters()) {
          if (reader.widthOf(parameter).isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code e} is a member of a class of the Java platform (see {@link #platformPackages}).
   */
  private boolean declaredByPlatform(Element e) {
    PackageElement p = elements.getPackageOf(e);
    if (p == null) {
      return false;
    }
    Boolean known = platformPackages.get(p);
    if (known == null) {
      known = WidthReader.isPlatformName(p.getQualifiedName().toString() + ".");
      platformPackages.put(p, known);
    }
    return known;
  }

  /** Describes where a value comes from, e.g. {@code field XenAddToPhysmap.space (u32)}. */
  private String describeSource(Element e, Width w) {
    return describe(e) + " (" + widthText(e, w) + ")";
  }

  /** Names an element for messages, without its width. */
  public String describe(Element e) {
    switch (e.getKind()) {
      case FIELD, ENUM_CONSTANT -> {
        Element owner = enclosing(e);
        if (owner.getKind() == ElementKind.RECORD) {
          return "record component " + owner.getSimpleName() + "." + e.getSimpleName();
        }
        return owner.getSimpleName().isEmpty()
            ? "field " + e.getSimpleName() + " of an anonymous class"
            : "field " + owner.getSimpleName() + "." + e.getSimpleName();
      }
      case PARAMETER -> {
        // a lambda's parameter is enclosed by the method around the lambda, not among its
        // parameters
        int index =
            e.getEnclosingElement() instanceof ExecutableElement m
                ? m.getParameters().indexOf(e)
                : -1;
        if (index < 0) {
          return "lambda parameter '" + e.getSimpleName() + "'";
        }
        ExecutableElement m = (ExecutableElement) enclosing(e);
        return "parameter " + paramName(m, index) + " of " + methodName(m);
      }
      case METHOD -> {
        ExecutableElement m = (ExecutableElement) e;
        Element owner = enclosing(m);
        if (owner.getKind() == ElementKind.RECORD && m.getParameters().isEmpty()) {
          for (RecordComponentElement rc :
              ElementFilter.recordComponentsIn(owner.getEnclosedElements())) {
            if (rc.getSimpleName().equals(m.getSimpleName())) {
              return "record component " + owner.getSimpleName() + "." + rc.getSimpleName();
            }
          }
        }
        return "result of " + owner.getSimpleName() + "." + m.getSimpleName() + "()";
      }
      case LOCAL_VARIABLE, RESOURCE_VARIABLE, EXCEPTION_PARAMETER, BINDING_VARIABLE -> {
        return "local '" + e.getSimpleName() + "'";
      }
      case RECORD_COMPONENT -> {
        return "record component " + enclosing(e).getSimpleName() + "." + e.getSimpleName();
      }
      default -> {
        return e.getKind().toString().toLowerCase(Locale.ROOT) + " " + e.getSimpleName();
      }
    }
  }

  /** The type, method or record that declares a member, parameter or record component. */
  public static Element enclosing(Element e) {
    return Objects.requireNonNull(
        e.getEnclosingElement(), "a member, parameter or component has an owner");
  }

  /**
   * {@code 'space'}, or the 1-based position when the name is not known: a class file compiled
   * without {@code -parameters} keeps no parameter names.
   */
  public String paramName(ExecutableElement m, int index) {
    VariableElement p = m.getParameters().get(index);
    String name = p.getSimpleName().toString();
    if (name.isEmpty() || (SYNTHETIC_PARAM.matcher(name).matches() && trees.getTree(m) == null)) {
      return String.valueOf(index + 1);
    }
    return "'" + name + "'";
  }

  /** {@code xenmemAddToPhysmapOne}, or {@code constructor Foo}. */
  public static String methodName(ExecutableElement m) {
    return m.getKind() == ElementKind.CONSTRUCTOR
        ? "constructor " + enclosing(m).getSimpleName()
        : m.getSimpleName().toString();
  }

  /**
   * The sink of argument {@code index} of a call (for a varargs call, the index of the declared
   * parameter): a record's canonical constructor parameter is named as the record component.
   */
  public @Nullable Sink parameterSink(ExecutableElement m, int index, boolean varargsElement) {
    return noteRead(
        m.getParameters().get(index),
        sinks
            .computeIfAbsent(
                new SinkKey(m, index, varargsElement),
                k -> Optional.ofNullable(makeParameterSink(m, index, varargsElement)))
            .orElse(null));
  }

  /**
   * A sink from the cache, whose width was read when it was made: reading it again must still tell
   * {@link #takeAbiDependentRead} when that width depends on the ABI, or an analysis that meets it
   * only through the cache would not run for the other data model.
   */
  private @Nullable Sink noteRead(Element declared, @Nullable Sink sink) {
    if (sink != null
        && sink.width().bits() == model.longBits()
        && abiDependent.containsKey(declared)) {
      abiDependentRead = true;
    }
    return sink;
  }

  private @Nullable Sink makeParameterSink(ExecutableElement m, int index, boolean varargsElement) {
    VariableElement p = m.getParameters().get(index);
    Width w = width(p);
    if (w == null) {
      return null;
    }
    TypeMirror t = p.asType();
    if (varargsElement && t instanceof ArrayType a) {
      t = a.getComponentType();
    }
    JavaKind k = kindOf(t);
    if (k == null) {
      return null;
    }
    String component = canonicalComponent(m, index);
    if (component != null) {
      return new Sink(
          w, k, component + " (" + widthText(p, w) + ")", "record component", dependent(p));
    }
    String desc =
        (varargsElement ? "varargs parameter " : "parameter ")
            + paramName(m, index)
            + " of "
            + methodName(m);
    return new Sink(w, k, desc + " (" + widthText(p, w) + ")", "parameter", dependent(p));
  }

  private @Nullable String canonicalComponent(ExecutableElement m, int index) {
    Element component = canonicalComponentElement(m, index);
    return component == null
        ? null
        : "record component " + enclosing(m).getSimpleName() + "." + component.getSimpleName();
  }

  /**
   * The record component a parameter of a record's canonical constructor initializes; null for any
   * other parameter.
   */
  public @Nullable Element canonicalComponentElement(ExecutableElement m, int index) {
    Element owner = enclosing(m);
    if (m.getKind() != ElementKind.CONSTRUCTOR || owner.getKind() != ElementKind.RECORD) {
      return null;
    }
    List<? extends RecordComponentElement> rcs =
        ElementFilter.recordComponentsIn(owner.getEnclosedElements());
    if (rcs.size() != m.getParameters().size()) {
      return null;
    }
    for (int i = 0; i < rcs.size(); i++) {
      if (!types.isSameType(
          types.erasure(rcs.get(i).asType()), types.erasure(m.getParameters().get(i).asType()))) {
        return null;
      }
    }
    return rcs.get(index);
  }

  /**
   * The record component whose array a record's accessor returns ({@code s.a()} reads the component
   * {@code a}); the element itself for anything else.
   */
  public Element componentOfAccessor(Element e) {
    RecordComponentElement component =
        e instanceof ExecutableElement m ? elements.recordComponentFor(m) : null;
    return component != null ? component : e;
  }

  /** The sink of an assignment to a field or local variable, or null when it declares no width. */
  public @Nullable Sink variableSink(@Nullable Element v) {
    return v == null
        ? null
        : noteRead(
            v,
            sinks
                .computeIfAbsent(
                    new SinkKey(v, -1, false), k -> Optional.ofNullable(makeVariableSink(v)))
                .orElse(null));
  }

  private @Nullable Sink makeVariableSink(Element v) {
    Width w = width(v);
    JavaKind k = v == null ? null : kindOf(v.asType());
    if (w == null || k == null) {
      return null;
    }
    String noun = v.getKind() == ElementKind.FIELD ? "field" : "local";
    return new Sink(w, k, describe(v) + " (" + widthText(v, w) + ")", noun, dependent(v));
  }

  /** The sink of an element of an {@code @AbiArray} field. */
  public @Nullable Sink arrayElementSink(@Nullable Element array) {
    if (array == null) {
      return null;
    }
    Width w = elementWidth(array);
    JavaKind k = elementKind(array);
    if (w == null || k == null) {
      return null;
    }
    return new Sink(
        w,
        k,
        "element of " + describe(array) + " (" + widthText(array, w) + ")",
        "array element",
        dependent(array));
  }

  /** The sink of {@code return} in a method with a declared result width. */
  public @Nullable Sink returnSink(@Nullable ExecutableElement m) {
    if (m == null) {
      return null;
    }
    Width w = width(m);
    JavaKind k = kindOf(m.getReturnType());
    if (w == null || k == null) {
      return null;
    }
    return new Sink(
        w,
        k,
        "return value of " + methodName(m) + " (" + widthText(m, w) + ")",
        "return type",
        dependent(m));
  }

  /** The fact of a value in strict mode when nothing declares its width: its Java type's range. */
  public static Fact javaTypeFact(JavaKind k, String what) {
    return Fact.plain(Range.of(k), what + " (" + javaWidth(k) + ")");
  }
}
