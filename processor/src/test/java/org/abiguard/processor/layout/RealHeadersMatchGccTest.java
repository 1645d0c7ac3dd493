package org.abiguard.processor.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.processor.codegen.AbiCheckWriter;
import org.abiguard.processor.codegen.CAssertsWriter;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.testing.CHarness;
import org.abiguard.processor.testing.RealHeaderMirrors;
import org.abiguard.processor.testing.StructBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mirrors of real types, proven against the real headers by {@code abi-asserts.h} (compiled with
 * {@code -Wall -Wextra -Werror}, and {@code -pedantic-errors} for Linux: Xen's headers use GNU
 * extensions) and {@code abi-check.c} (built and run; aarch64 under qemu-aarch64): Linux UAPI
 * ({@code ethhdr}, {@code iphdr}, {@code ipv6hdr}, {@code tcphdr}, {@code icmphdr}, {@code
 * in6_addr}) and Xen's public headers ({@code evtchn_op} and its union, {@code xen_domctl}'s union,
 * {@code ioreq}, {@code vioapic_redir_entry}).
 */
class RealHeadersMatchGccTest {

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void linuxUapi(TargetAbi abi, @TempDir Path dir) {
    List<String> flags = new ArrayList<>();
    if (abi == TargetAbi.I386) {
      // Debian has no i386 asm/ headers without the i386 libc: x86's asm/types.h is the same
      flags.addAll(List.of("-idirafter", "/usr/include/x86_64-linux-gnu"));
    }
    flags.add("-pedantic-errors");
    check(abi, dir, RealHeaderMirrors.LINUX_HEADER, flags, RealHeaderMirrors.linux(), "linux");
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void xenPublicHeaders(TargetAbi abi, @TempDir Path dir) {
    Path xen = RealHeaderMirrors.XEN_INCLUDE;
    check(
        abi,
        dir,
        RealHeaderMirrors.XEN_HEADER,
        List.of("-D__XEN_TOOLS__", "-I", xen.toString()),
        RealHeaderMirrors.xen(abi != TargetAbi.AARCH64),
        "xen");
  }

  private static void check(
      TargetAbi abi,
      Path dir,
      String headerText,
      List<String> flags,
      List<StructModel> models,
      String what) {
    CHarness.assumeCompiler(abi);
    LayoutEngine engine = new LayoutEngine(StructBuilder.lookup(models));
    List<List<StructLayout>> layouts = new ArrayList<>();
    for (StructModel m : models) {
      layouts.add(List.of(engine.layout(m, abi)));
    }
    Path header = CHarness.write(dir, "real.h", headerText);
    Path asserts = CHarness.write(dir, "abi-asserts.h", CAssertsWriter.render(layouts));
    List<String> command = new ArrayList<>(CHarness.compiler(abi));
    command.addAll(List.of("-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"));
    command.addAll(flags);
    command.addAll(
        List.of(
            "-include", header.toString(), "-include", asserts.toString(), "-x", "c", "/dev/null"));
    CHarness.Result compiled = CHarness.run(dir, command);
    assertTrue(compiled.ok(), compiled::describe);
    String asserted = CAssertsWriter.render(layouts);
    int assertions = asserted.split("_Static_assert\\(", -1).length - 1;

    Optional<String> cannotRun = CHarness.emulatedRunProblem(abi);
    String checks = "abi-check.c not run (" + cannotRun.orElse("") + ")";
    if (cannotRun.isEmpty()) {
      List<String> extra = new ArrayList<>(flags);
      extra.addAll(List.of("-include", header.toString()));
      CHarness.Result ran =
          CHarness.buildAndRunEmulated(
              abi, dir, "abi-check.c", AbiCheckWriter.render(layouts), extra);
      assertEquals(0, ran.exitCode(), ran::describe);
      Matcher m =
          Pattern.compile(
                  "abi-check: (\\d+) bit-field checks?, (\\d+) signedness checks?, 0 mismatches")
              .matcher(ran.output());
      assertTrue(m.find(), ran::describe);
      checks =
          "abi-check.c: "
              + m.group(1)
              + " bit-field value checks, "
              + m.group(2)
              + " signedness checks, 0 mismatches";
    }
    long members = models.stream().mapToLong(s -> s.fields().size()).sum();
    System.out.println(
        "[real "
            + what
            + " "
            + abi.manifestName()
            + "] "
            + models.size()
            + " types, "
            + members
            + " members, "
            + assertions
            + " static assertions hold; "
            + checks);
  }
}
