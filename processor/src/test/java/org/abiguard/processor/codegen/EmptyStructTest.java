package org.abiguard.processor.codegen;

import static org.abiguard.processor.codegen.Reflection.get;
import static org.abiguard.processor.codegen.Reflection.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.abiguard.AbiCodec;
import org.abiguard.processor.Expected.Source;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.testing.BufferCalls;
import org.abiguard.processor.testing.CHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GNU C's empty struct and union ({@code empty = true}): size 0, alignment 1 (or an {@code aligned}
 * one), nested in a struct, in a record and as an array's element, as Xen's Arm interface nests
 * {@code struct arch_vcpu_info {}} in {@code struct vcpu_info}. gcc proves the layouts on every
 * ABI; the marshallers write the members around them.
 */
class EmptyStructTest {
  private static final Source MIRRORS =
      Source.of(
          "p.Arm",
          """
          package p;

          import org.abiguard.*;

          public final class Arm {
            private Arm() {}

            @AbiStruct(name = "arch_vcpu_info", empty = true)
            public static class ArchVcpuInfo {}

            @AbiStruct(name = "vcpu_info")
            public static class VcpuInfo {
              @U8 public int pending;
              public ArchVcpuInfo arch = new ArchVcpuInfo();
              @U32 public long time;
            }

            @AbiUnion(name = "nothing", empty = true)
            public static class Nothing {}

            @AbiStruct(name = "marker", empty = true)
            @AbiAlign(8)
            public record Marker() {}

            @AbiStruct(name = "tagged")
            public record Tagged(@U8 int tag, Marker end, @AbiArray(3) ArchVcpuInfo[] none) {}
          }
          """);

  private static final String HEADER =
      """
      #pragma GCC system_header
      #include <stdint.h>
      struct arch_vcpu_info { };
      struct vcpu_info { uint8_t pending; struct arch_vcpu_info arch; uint32_t time; };
      union nothing { };
      struct __attribute__((aligned(8))) marker { };
      struct tagged { uint8_t tag; struct marker end; struct arch_vcpu_info none[3]; };
      """;

  private static CompiledMirrors compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledMirrors.onEveryAbi(MIRRORS);
  }

  @Test
  void compilesWithoutAnyDiagnostic() {
    compiled.assertNoDiagnostic();
  }

  @ParameterizedTest
  @EnumSource(TargetAbi.class)
  void theCCompilerProvesTheLayout(TargetAbi abi, @TempDir Path dir) {
    String asserts = compiled.asserts();
    assertTrue(asserts.contains("sizeof(struct arch_vcpu_info) == 0"), asserts);
    assertTrue(asserts.contains("offsetof(struct tagged, end) == 8"), asserts);
    CHarness.assertAssertsHold(abi, dir, HEADER, asserts);
  }

  @Test
  void theMembersAroundAnEmptyStructAreWrittenAndRead() throws Exception {
    Class<?> marshaller = compiled.loadClass("p.Arm_VcpuInfoMarshaller");
    assertEquals(4, marshaller.getField("OFFSET_TIME").getInt(null));
    assertEquals(1, marshaller.getField("OFFSET_ARCH").getInt(null));
    Object value = compiled.loadClass("p.Arm$VcpuInfo").getConstructor().newInstance();
    set(value, "pending", 7);
    set(value, "time", 0x11223344L);
    ByteBuffer buf = ByteBuffer.allocate(8);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals("0700000044332211", HexFormat.of().formatHex(buf.array()));
    Object back = BufferCalls.read(marshaller, buf, 0);
    assertEquals(0x11223344L, get(back, "time"));
    assertNotNull(get(back, "arch"), "an empty struct reads as an instance, not null");

    for (String type : List.of("Arm_ArchVcpuInfoMarshaller", "Arm_NothingMarshaller")) {
      for (TargetAbi abi : TargetAbi.values()) {
        AbiCodec<?> codec =
            (AbiCodec<?>)
                compiled
                    .loadClass("p." + type)
                    .getMethod("codec", String.class)
                    .invoke(null, abi.manifestName());
        assertEquals(0, codec.size(), type);
        assertEquals(1, codec.alignment(), type);
      }
    }
  }

  @Test
  void aRecordWithEmptyComponentsChecksThemLikeAnyOther() throws Exception {
    Class<?> marshaller = compiled.loadClass("p.Arm_TaggedMarshaller");
    assertEquals(8, marshaller.getField("SIZE").getInt(null), "tail padding to the marker's 8");
    Class<?> empty = compiled.loadClass("p.Arm$ArchVcpuInfo");
    Class<?> marker = compiled.loadClass("p.Arm$Marker");
    Class<?> tagged = compiled.loadClass("p.Arm$Tagged");
    Object none = Array.newInstance(empty, 3);
    for (int i = 0; i < 3; i++) {
      Array.set(none, i, empty.getConstructor().newInstance());
    }
    Object value =
        tagged
            .getConstructor(int.class, marker, none.getClass())
            .newInstance(0x5A, marker.getConstructor().newInstance(), none);
    ByteBuffer buf = ByteBuffer.allocate(8);
    BufferCalls.write(marshaller, value, buf, 0);
    assertEquals("5a00000000000000", HexFormat.of().formatHex(buf.array()));
    assertEquals(3, Array.getLength(get(BufferCalls.read(marshaller, buf, 0), "none")));

    Object short2 =
        tagged
            .getConstructor(int.class, marker, none.getClass())
            .newInstance(0x5A, marker.getConstructor().newInstance(), Array.newInstance(empty, 2));
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> BufferCalls.write(marshaller, short2, ByteBuffer.allocate(8), 0));
    assertEquals("tagged.none has 2 elements; C declares 3", e.getCause().getMessage());
  }

  /** On Java 22+, an empty struct's LAYOUT is an empty StructLayout: 0 bytes. */
  @Test
  void inForeignMemoryTheLayoutIsEmpty() throws Exception {
    CompiledMirrors foreign = CompiledMirrors.forForeignMemory(MIRRORS);
    foreign.assertNoDiagnostic();
    foreign.assertLayoutsMatchConstants(
        "p.Arm_", List.of("ArchVcpuInfo", "VcpuInfo", "Nothing", "Marker", "Tagged"));
  }
}
