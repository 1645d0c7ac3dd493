package org.abiguard.processor.guard;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.abiguard.processor.AbiGuardProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widths declared in a library that is only on the classpath as class files: the guard reads them
 * from the class files, with parameter names when the library was compiled with {@code -parameters}
 * and by position otherwise. The client has no abiguard annotation at all.
 */
class ClassFileAnnotationsTest {
  private static final JavaFileObject LIBRARY =
      JavaFileObjects.forSourceString(
          "xen.arch.Physmap",
          """
      package xen.arch;

      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import org.abiguard.AbiStruct;
      import org.abiguard.AbiWidth;
      import org.abiguard.U16;
      import org.abiguard.U32;
      import org.abiguard.U64;

      public final class Physmap {
        @AbiWidth(16)
        @Retention(RetentionPolicy.CLASS)
        public @interface DomId {}

        @AbiStruct(name = "xen_add_to_physmap")
        public static final class XenAddToPhysmap {
          public @DomId int domid;
          public @U32 int space;
          public @U64 long idx;
        }

        public static int xenmemAddToPhysmapOne(@DomId int domid, @U16 int space, @U64 long idx) {
          return 0;
        }

        public static @U32 int currentSpace() {
          return 0;
        }
      }
      """);

  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceString(
          "client.Hypercalls",
          """
      package client;

      import xen.arch.Physmap;

      class Hypercalls {
        static int add(Physmap.XenAddToPhysmap xatp) {
          int ok = Physmap.xenmemAddToPhysmapOne(xatp.domid, 0, xatp.idx);
          return ok + Physmap.xenmemAddToPhysmapOne(xatp.domid, xatp.space, xatp.idx)
              + Physmap.xenmemAddToPhysmapOne(0, Physmap.currentSpace(), 0);
        }
      }
      """);

  private static List<File> compileLibrary(Path dir, String... options) throws IOException {
    Compilation lib = Compiler.javac().withOptions((Object[]) options).compile(LIBRARY);
    assertThat(lib).succeededWithoutWarnings();
    for (JavaFileObject f : lib.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // names look like /CLASS_OUTPUT/xen/arch/Physmap.class
      String name = f.toUri().getPath().replaceFirst("^/?CLASS_OUTPUT/", "");
      Path out = dir.resolve(name);
      Files.createDirectories(out.getParent());
      try (InputStream in = f.openInputStream()) {
        Files.copy(in, out);
      }
    }
    List<File> classpath = new ArrayList<>();
    classpath.add(dir.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return classpath;
  }

  @Test
  void parameterNamesFromALibraryCompiledWithParameters(@TempDir Path dir) throws IOException {
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor())
            .withClasspath(compileLibrary(dir, "-parameters"))
            .compile(CLIENT);
    assertThat(c)
        .hadErrorContaining(
            "[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter"
                + " 'space' of xenmemAddToPhysmapOne (u16): values 0x10000..0xFFFFFFFF would be truncated\n")
        .inFile(CLIENT)
        .onLine(8)
        .atColumn(63);
    assertThat(c)
        .hadErrorContaining(
            "[abiguard:narrowing] result of Physmap.currentSpace() (u32) can reach"
                + " parameter 'space' of xenmemAddToPhysmapOne (u16)")
        .inFile(CLIENT)
        .onLine(9)
        .atColumn(64);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void parameterPositionsFromALibraryCompiledWithoutParameters(@TempDir Path dir)
      throws IOException {
    Compilation c =
        Compiler.javac()
            .withProcessors(new AbiGuardProcessor())
            .withClasspath(compileLibrary(dir))
            .compile(CLIENT);
    assertThat(c)
        .hadErrorContaining(
            "[abiguard:narrowing] field XenAddToPhysmap.space (u32) can reach parameter"
                + " 2 of xenmemAddToPhysmapOne (u16)")
        .inFile(CLIENT)
        .onLine(8)
        .atColumn(63);
    assertThat(c).hadErrorCount(2);
  }
}
