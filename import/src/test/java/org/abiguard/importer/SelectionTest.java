package org.abiguard.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.abiguard.importer.c.Location;
import org.abiguard.importer.c.Parser;
import org.junit.jupiter.api.Test;

/**
 * Which headers {@code --types} picks from: the named headers and what they include, but not the C
 * library's and compiler's headers (those a named {@code stdint.h} brings, or an interface header
 * includes). The line markers are those of {@code gcc -E -dD} over {@code #include <stdint.h>},
 * {@code <linux/kvm.h>} and a local header.
 */
class SelectionTest {
  private static final String PREPROCESSED =
      """
      # 0 "abiguard-x86_64.c"
      # 0 "<built-in>"
      # 0 "<command-line>"
      # 1 "/usr/include/stdc-predef.h" 1 3 4
      # 0 "<command-line>" 2
      # 1 "abiguard-x86_64.c"
      # 1 "/usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h" 1 3 4
      # 1 "/usr/include/stdint.h" 1 3 4
      # 1 "/usr/include/x86_64-linux-gnu/bits/types.h" 1 3 4
      typedef struct { int __val[2]; } __fsid_t;
      # 30 "/usr/include/stdint.h" 2 3 4
      # 10 "/usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h" 2 3 4
      # 2 "abiguard-x86_64.c" 2
      # 1 "/usr/include/linux/kvm.h" 1 3 4
      # 1 "/usr/include/linux/types.h" 1 3 4
      # 1 "/usr/include/x86_64-linux-gnu/asm/types.h" 1 3 4
      # 2 "/usr/include/linux/types.h" 2 3 4
      # 5 "/usr/include/linux/kvm.h" 2 3 4
      # 1 "/usr/include/x86_64-linux-gnu/asm/kvm.h" 1 3 4
      struct kvm_regs { unsigned long long rax; };
      # 20 "/usr/include/linux/kvm.h" 2 3 4
      struct kvm_run { unsigned char request_interrupt_window; };
      # 3 "abiguard-x86_64.c" 2
      # 1 "public/memory.h" 1
      # 1 "public/xen.h" 1
      # 2 "public/memory.h" 2
      # 4 "abiguard-x86_64.c" 2
      """;

  private static final Map<String, Set<String>> FROM =
      Selection.includedFrom(PREPROCESSED, "abiguard-x86_64.c");

  @Test
  void eachHeaderKnowsTheNamedHeaderThatBroughtIt() {
    String gccStdint = "/usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h";
    assertEquals(Set.of(gccStdint), FROM.get("/usr/include/x86_64-linux-gnu/bits/types.h"));
    assertEquals(
        Set.of("/usr/include/linux/kvm.h"), FROM.get("/usr/include/x86_64-linux-gnu/asm/kvm.h"));
    assertEquals(Set.of("public/memory.h"), FROM.get("public/xen.h"));
    assertEquals(
        Set.of(gccStdint, "/usr/include/linux/kvm.h", "public/memory.h"),
        Selection.namedFiles(FROM),
        "stdc-predef.h comes from the command line, not from the includer");
  }

  @Test
  void typesArePickedFromTheInterfaceNotFromTheCLibrary() {
    assertTrue(pickable("/usr/include/linux/kvm.h"));
    assertTrue(pickable("/usr/include/x86_64-linux-gnu/asm/kvm.h"), "what linux/kvm.h includes");
    assertTrue(pickable("public/xen.h"));
    assertFalse(pickable("/usr/include/x86_64-linux-gnu/bits/types.h"), "through stdint.h only");
    assertFalse(pickable("/usr/include/stdc-predef.h"));
  }

  @Test
  void typesPicksFromANamedHeaderOfTheCLibrary() {
    // --header link.h --types 'r_debug': without --types the named header's own types are taken,
    // so --types may pick among them too; not the C library's headers that link.h brings
    String preprocessed =
        """
        # 0 "abiguard-x86_64.c"
        # 1 "abiguard-x86_64.c"
        # 1 "/usr/include/link.h" 1 3 4
        # 1 "/usr/include/elf.h" 1 3 4
        struct elf_note { int n_type; };
        # 5 "/usr/include/link.h" 2 3 4
        struct r_debug { int r_version; };
        struct link_map { long l_addr; };
        # 2 "abiguard-x86_64.c" 2
        """;
    Map<String, Location> where = new HashMap<>();
    List<String> roots =
        Selection.roots(
            Map.of("x86_64", Parser.parse(preprocessed).declarations()),
            Map.of("x86_64", Selection.includedFrom(preprocessed, "abiguard-x86_64.c")),
            Pattern.compile("r_debug|elf_note"),
            where);
    assertEquals(List.of("struct r_debug"), roots);
    assertEquals("/usr/include/link.h", where.get("struct r_debug").file());
  }

  @Test
  void typesDoesNotPickFromTheCLibraryHeadersAnInterfaceHeaderIncludes() {
    // --header linux/input.h --types '.*': linux/input.h includes glibc's sys/time.h, which brings
    // fd_set and (through sys/types.h) pthread_mutex_t; those come only where a type picked needs
    // them. What linux/input.h brings of Linux's own headers may be picked, as asm/kvm.h above.
    String preprocessed =
        """
        # 0 "abiguard-x86_64.c"
        # 1 "abiguard-x86_64.c"
        # 1 "/usr/include/linux/input.h" 1 3 4
        # 1 "/usr/include/x86_64-linux-gnu/sys/time.h" 1 3 4
        # 1 "/usr/include/features.h" 1 3 4
        # 2 "/usr/include/x86_64-linux-gnu/sys/time.h" 2 3 4
        # 1 "/usr/include/x86_64-linux-gnu/bits/types/struct_timeval.h" 1 3 4
        struct timeval { long tv_sec; long tv_usec; };
        # 3 "/usr/include/x86_64-linux-gnu/sys/time.h" 2 3 4
        # 1 "/usr/include/x86_64-linux-gnu/sys/select.h" 1 3 4
        typedef struct { long __fds_bits[16]; } fd_set;
        # 4 "/usr/include/x86_64-linux-gnu/sys/time.h" 2 3 4
        # 1 "/usr/include/x86_64-linux-gnu/bits/pthreadtypes.h" 1 3 4
        typedef union { char __size[40]; long __align; } pthread_mutex_t;
        # 5 "/usr/include/x86_64-linux-gnu/sys/time.h" 2 3 4
        # 2 "/usr/include/linux/input.h" 2 3 4
        # 1 "/usr/include/asm-generic/posix_types.h" 1 3 4
        typedef struct { int val[2]; } __kernel_fsid_t;
        # 3 "/usr/include/linux/input.h" 2 3 4
        struct input_event { struct timeval time; unsigned short type; };
        # 2 "abiguard-x86_64.c" 2
        """;
    List<String> roots =
        Selection.roots(
            Map.of("x86_64", Parser.parse(preprocessed).declarations()),
            Map.of("x86_64", Selection.includedFrom(preprocessed, "abiguard-x86_64.c")),
            Pattern.compile(".*"),
            new HashMap<>());
    assertEquals(List.of("__kernel_fsid_t", "struct input_event"), roots);
  }

  @Test
  void theCLibraryAndTheCompilerHaveTheirOwnHeaders() {
    for (String file :
        List.of(
            "/usr/include/stdint.h",
            "/usr/include/x86_64-linux-gnu/sys/time.h",
            "/usr/include/x86_64-linux-gnu/bits/pthreadtypes.h",
            "/usr/include/netinet/in.h",
            "/usr/aarch64-linux-gnu/include/bits/types.h",
            "/usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h",
            "/usr/lib/gcc-cross/aarch64-linux-gnu/12/include/stdint.h")) {
      assertTrue(Selection.isCLibrary(file), file);
    }
    for (String file :
        List.of(
            "/usr/include/linux/input.h",
            "/usr/include/x86_64-linux-gnu/asm/kvm.h",
            "/usr/aarch64-linux-gnu/include/asm/kvm.h",
            "/usr/include/libdrm/drm.h",
            "public/xen.h")) {
      assertFalse(Selection.isCLibrary(file), file);
    }
  }

  private static boolean pickable(String file) {
    return Selection.pickable(file, FROM.getOrDefault(file, Set.of()));
  }
}
