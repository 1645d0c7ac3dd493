package org.abiguard.processor.model;

import static org.abiguard.processor.Compile.javac;
import static org.abiguard.processor.Compile.struct;
import static org.abiguard.processor.Expected.assertExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each misuse of {@code @AbiStruct} on a type is one precise error, placed on the type or the
 * member at fault.
 */
class StructReaderTest {
  private static final String P = "[abiguard:annotation] ";

  private static Source type(String declaration) {
    return Source.of(
        "p.T",
        """
        package p;

        import org.abiguard.*;

        %s
        """
            .formatted(declaration));
  }

  @Test
  void abiStructOnAnInterfaceIsAnError() {
    Source s = type("@AbiStruct\ninterface T {}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct is on an interface (T); a C struct mirror is a"
                + " class or record whose instance fields are the struct's members"));
  }

  @Test
  void abiStructOnAnEnumIsAnError() {
    Source s = type("@AbiStruct\nenum T { A }");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct is on an enum (T); a C struct mirror is a"
                + " class or record whose instance fields are the struct's members"));
  }

  @Test
  void abiStructOnAnAnnotationTypeIsAnError() {
    Source s = type("@AbiStruct\n@interface T {}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct is on an annotation type (T); a C struct"
                + " mirror is a class or record whose instance fields are the struct's members"));
  }

  @Test
  void abstractClassIsAnError() {
    Source s = type("@AbiStruct\nabstract class T {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct class T is abstract, but the marshaller's"
                + " read creates instances of it; make it a concrete class"));
  }

  @Test
  void genericClassIsAnError() {
    Source s = type("@AbiStruct\nclass T<X> {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct type T is generic; a C struct has one fixed"
                + " layout: remove the type parameters"));
  }

  @Test
  void genericRecordIsAnError() {
    Source s = type("@AbiStruct\nrecord T<X>(@U32 long a) {}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct type T is generic; a C struct has one fixed"
                + " layout: remove the type parameters"));
  }

  @Test
  void classWithoutNoArgumentConstructorIsAnError() {
    Source s = type("@AbiStruct\nclass T {\n  @U32 long a;\n  T(long a) { this.a = a; }\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "class T has no no-argument constructor, which the"
                + " marshaller's read needs to create instances; add T() {} (package-private is enough)"));
  }

  @Test
  void privateNoArgumentConstructorIsAnErrorOnTheConstructor() {
    Source s = type("@AbiStruct\nclass T {\n  @U32 long a;\n  private T() {}\n}");
    assertExactly(
        javac(s),
        s.error(
            "private T()",
            "T()",
            P
                + "the no-argument constructor of T is private,"
                + " but the marshaller's read creates instances with it; make it package-private or wider"));
  }

  @Test
  void privateFieldIsAnError() {
    Source s = struct("  private @U32 long space;");
    assertExactly(
        javac(s),
        s.error(
            "private",
            "space",
            P
                + "field 'space' is private, but the generated"
                + " marshaller in the same package reads and writes it directly; make it package-private or wider"));
  }

  @Test
  void finalFieldIsAnError() {
    Source s = struct("  final @U32 long space = 0;");
    assertExactly(
        javac(s),
        s.error(
            "final",
            "space",
            P
                + "field 'space' is final, so the marshaller's read"
                + " cannot set it; remove final, or make the struct a record (built through its canonical"
                + " constructor)"));
  }

  @Test
  void innerClassIsAnError() {
    Source s = type("class T {\n  @AbiStruct\n  class Inner {\n    @U32 long a;\n  }\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct class Inner is an inner class, so the"
                + " marshaller cannot create it without an instance of T; make it static"));
  }

  @Test
  void privateNestedTypeIsAnError() {
    Source s = type("class T {\n  @AbiStruct\n  private record Inner(@U32 long a) {}\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "Inner is private, so the generated marshaller in the"
                + " same package cannot use it; make it package-private or wider"));
  }

  @Test
  void nestedTypeInAPrivateTypeIsAnError() {
    Source s =
        type(
            "class T {\n  private static class Box {\n    @AbiStruct\n    static class Inner {\n"
                + "      @U32 long a;\n    }\n  }\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "Inner's enclosing type Box is private, so the"
                + " generated marshaller in the same package cannot use it; make it package-private or wider"));
  }

  @Test
  void typeInAnImplicitlyDeclaredClassIsAnError() {
    assumeTrue(
        Runtime.version().feature() >= 25,
        "implicitly declared classes are final from Java 25; this JDK is "
            + Runtime.version().feature());
    Source s =
        Source.of(
            "Main",
            """
            import org.abiguard.*;

            @AbiStruct
            static class Frame {
              @U32 long gpfn;
            }

            void main() {
              System.out.println(new Frame().gpfn);
            }
            """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct type Frame is declared in Main, an implicitly declared class (a"
                + " source file with top-level methods or fields), which no other class can name,"
                + " so the generated marshaller cannot use it; move it into a named class or a file"
                + " of its own"));
  }

  @Test
  void typeInANamedClassOfTheUnnamedPackageIsFine() {
    Source s =
        Source.of(
            "Main",
            """
            import org.abiguard.*;

            final class Main {
              @AbiStruct
              static class Frame {
                @U32 long gpfn;
              }
            }
            """);
    assertExactly(javac(s));
  }

  @Test
  void structInAModuleThatDoesNotReadJavaCompilerIsAnError(@TempDir Path dir) throws IOException {
    Source module = Source.of("module-info", "module hv {\n  requires org.abiguard;\n}\n");
    Source s = type("@AbiStruct\npublic class T {\n  @U32 public long space;\n}");
    assertExactly(
        inModule(dir, module, s),
        s.error("@AbiStruct", withoutJavaCompiler("static java.compiler", ")")));
  }

  @Test
  void structInAnExportedPackageOfAModuleThatDoesNotReadJavaCompilerIsAnError(@TempDir Path dir)
      throws IOException {
    Source module =
        Source.of(
            "module-info", "module hv {\n  requires transitive org.abiguard;\n  exports p;\n}\n");
    Source s =
        type("@AbiStruct\npublic class T {\n  public T() {}\n\n  @U32 public long space;\n}");
    assertExactly(
        inModule(dir, module, s),
        s.error(
            "@AbiStruct",
            withoutJavaCompiler(
                "static transitive java.compiler",
                "; transitive: the module exports the marshaller's package, whose readers see the"
                    + " annotation)")));
  }

  @Test
  void structInAModuleThatReadsJavaCompilerCompiles(@TempDir Path dir) throws IOException {
    Source module =
        Source.of(
            "module-info",
            "module hv {\n  requires org.abiguard;\n  requires static java.compiler;\n}\n");
    Source s = type("@AbiStruct\npublic class T {\n  @U32 public long space;\n}");
    Path out = dir.resolve("out");
    assertExactly(inModule(dir, module, s));
    assertTrue(Files.isRegularFile(out.resolve("classes/p/TMarshaller.class")));
    assertTrue(Files.isRegularFile(out.resolve("classes/module-info.class")));
  }

  /** The error on struct {@code T} of module {@code hv}, which does not read java.compiler. */
  private static String withoutJavaCompiler(String requires, String end) {
    return P
        + "@AbiStruct type T is in module hv, which does not read module java.compiler, so the"
        + " @Generated that marks its marshaller cannot be named there; add 'requires "
        + requires
        + ";' to the module's module-info.java (static: the annotation is kept in the source only,"
        + " nothing is needed at run time"
        + end;
  }

  /**
   * Compiles a module of these sources into {@code dir/out}, the annotations on its module path.
   */
  private static List<Diagnostic<? extends JavaFileObject>> inModule(Path dir, Source... sources)
      throws IOException {
    return Compile.intoDirectory(
        dir.resolve("out"),
        List.of("--module-path", Compile.annotationsModule().toString()),
        sources);
  }

  @Test
  void inheritedInstanceFieldsAreAnError() {
    Source s =
        type("@AbiStruct\nclass T extends Base {\n  @U32 long a;\n}\n\nclass Base {\n  long b;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "@AbiStruct class T inherits instance fields from Base,"
                + " which would not be struct members; declare every member in T itself"));
  }

  @Test
  void structAlignmentNotAPowerOfTwoIsAnErrorOnTheValue() {
    Source s = type("@AbiStruct\n@AbiAlign(24)\nclass T {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiAlign(24)",
            "24",
            P
                + "@AbiAlign(24) on struct T is not a power of"
                + " two; C alignments are powers of two: use 1, 2, 4, 8, 16, ..."));
  }

  @Test
  void structNameThatIsNoCIdentifierIsAnErrorOnTheValue() {
    Source s = type("@AbiStruct(name = \"xen add\")\nclass T {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            "\"xen add\"",
            P
                + "'xen add' is not a C struct name: it is"
                + " no C identifier; use letters, digits and '_', not starting with a digit, no C keyword and no reserved"
                + " name"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"for", "int", "while", "static", "char", "struct", "_Bool", "bool"})
  void structNamesThatAreCKeywordsAreErrors(String keyword) {
    Source s = type("@AbiStruct(name = \"" + keyword + "\")\nclass T {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            "\"" + keyword + "\"",
            P
                + "'"
                + keyword
                + "' is not a C struct"
                + " name: it is a C keyword; use letters, digits and '_', not starting with a digit, no C keyword and no"
                + " reserved name"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "__x|C reserves names starting with __ or with _ and a capital letter for the implementation",
        "_Upper|C reserves names starting with __ or with _ and a capital letter for the"
            + " implementation",
        "_lower|C reserves struct and typedef names starting with _ for the implementation"
      })
  void structAndTypedefNamesReservedToCAreErrors(String name, String why) {
    for (String typedef : new String[] {"", ", typedef = true"}) {
      Source s =
          type("@AbiStruct(name = \"" + name + "\"" + typedef + ")\nclass T {\n  @U32 long a;\n}");
      assertExactly(
          javac(s),
          s.error(
              "@AbiStruct",
              "\"" + name + "\"",
              P
                  + "'"
                  + name
                  + "' is not a C struct"
                  + " name: "
                  + why
                  + "; if the C declaration is in a header of the implementation (an operating"
                  + " system's or hypervisor's, as Linux's __kernel_timespec or Xen's __pad), say so"
                  + " with @AbiStruct(reservedNames = true); else use letters, digits and '_', not"
                  + " starting with a digit, no C keyword and no reserved name"));
    }
  }

  @Test
  void javaNameThatIsNoCIdentifierNeedsAStructName() {
    Source s = type("@AbiStruct\nclass T$1 {\n  @U32 long a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "'T$1' is not a C struct name: it is no C identifier;"
                + " name the C struct with @AbiStruct(name = \"c_name\")"));
  }

  @Test
  void twoMembersWithOneCNameAreAnErrorOnTheSecond() {
    Source s = struct("  @U32 long nr_extents;\n  @AbiName(\"nr_extents\") @U32 long nrExtents;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            P
                + "C member name 'nr_extents' of 'nrExtents' is already the"
                + " name of 'nr_extents'; give one of them another name with @AbiName(\"c_name\")"));
  }

  @Test
  void structWithoutMembersIsAnError() {
    Source s = struct("  static final int VERSION = 1;\n  transient long cache;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "struct S has no members; ISO C declares a struct with at least one: add an"
                + " instance field with a C width (static and transient fields are not members),"
                + " or, for GNU C's empty struct (sizeof 0), write empty = true"));
  }

  @Test
  void emptyWithMembersIsAnError() {
    Source s =
        Source.of(
            "p.S",
            """
            package p;

            import org.abiguard.*;

            @AbiStruct(name = "s", empty = true)
            class S {
              @U32 long a;
            }
            """);
    assertExactly(
        javac(s),
        s.error(
            "@AbiStruct",
            P
                + "struct S says empty = true but has 1 member; remove empty = true, or the members"));
  }

  @Test
  void memberAnnotationOnAStaticFieldIsAnError() {
    Source s = struct("  @U32 long a;\n  @AbiArray(4) static @U8 byte[] table;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiArray(4)",
            P
                + "@AbiArray is on static field 'table', which is not a"
                + " struct member; remove static to make it a member, or remove @AbiArray"));
  }

  @Test
  void memberAnnotationOnATransientFieldIsAnError() {
    Source s = struct("  @U32 long a;\n  @AbiName(\"b\") transient @U32 long b;");
    assertExactly(
        javac(s),
        s.error(
            "@AbiName",
            P
                + "@AbiName is on transient field 'b', which is not a"
                + " struct member; remove transient to make it a member, or remove @AbiName"));
  }

  @Test
  void everyProblemOfAStructIsReportedAtOnce() {
    Source s = struct("  private @U32 long a;\n  @U32 short b;\n  @AbiArray(-1) @U8 byte[] c;");
    assertExactly(
        javac(s),
        s.error(
            "private",
            "a;",
            P
                + "field 'a' is private, but the generated marshaller in the same package"
                + " reads and writes it directly; make it package-private or wider"),
        s.error(
            "@U32 short",
            "@U32",
            P + "'b' of type short is narrower than @U32 (u32); declare it int (raw bits) or long"),
        s.error(
            "@AbiArray(-1)",
            "-1)",
            P
                + "@AbiArray(-1) on 'c' is negative; the length of a C array is at least 1 (0 for"
                + " GNU C's zero-length array)"));
  }

  @Test
  void suppressedErrorsOfAStructStillSayItIsNotGenerated() {
    Source s =
        type("@SuppressWarnings(\"abiguard\")\n@AbiStruct\nclass T {\n  @AbiWidth(12) int a;\n}");
    assertExactly(
        javac(s),
        s.at(
            javax.tools.Diagnostic.Kind.WARNING,
            "class T",
            "class T",
            "[abiguard] struct T is not generated: @SuppressWarnings silences its 1 [abiguard:annotation] error(s);"
                + " remove the suppression to see them"));
  }

  @Test
  void suppressingOneKindLeavesTheStructsOtherErrorsVisible() {
    Source s =
        type(
            "@SuppressWarnings(\"abiguard:narrowing\")\n@AbiStruct\nclass T {\n  @AbiWidth(12) int a;\n}");
    assertExactly(
        javac(s),
        s.error(
            "@AbiWidth(12)",
            "12",
            P
                + "@AbiWidth declares 12 bits on 'a', which is no C integer width; use 8, 16, 32 or 64"));
  }
}
