package org.abiguard.processor.layout;

import java.util.Optional;

/**
 * A target ABI and the C data-model facts the layout engine needs.
 */
public enum TargetAbi {
  X86_64("x86_64", "X86_64", "__x86_64__", 8, 8, 8),
  I386("i386", "I386", "__i386__", 4, 4, 4),
  AARCH64("aarch64", "Aarch64", "__aarch64__", 8, 8, 8);

  private final String manifestName;
  private final String className;
  private final String cMacro;
  private final int pointerBytes;
  private final int longBytes;
  private final int int64Align;

  /**
   * @param manifestName the name in options and the manifest ({@code x86_64})
   * @param className the generated nested class ({@code X86_64}, {@code I386}, {@code Aarch64})
   * @param cMacro the predefined macro C code tests ({@code __x86_64__})
   * @param pointerBytes {@code sizeof(void *)}
   * @param longBytes {@code sizeof(long)}
   * @param int64Align alignment of 8-byte integers inside structs (4 on i386 System V)
   */
  TargetAbi(String manifestName, String className, String cMacro, int pointerBytes, int longBytes, int int64Align) {
    this.manifestName = manifestName;
    this.className = className;
    this.cMacro = cMacro;
    this.pointerBytes = pointerBytes;
    this.longBytes = longBytes;
    this.int64Align = int64Align;
  }

  public String manifestName() {
    return manifestName;
  }

  public String className() {
    return className;
  }

  public String cMacro() {
    return cMacro;
  }

  public int pointerBytes() {
    return pointerBytes;
  }

  public int longBytes() {
    return longBytes;
  }

  public int int64Align() {
    return int64Align;
  }

  /** The ABI with this manifest name. */
  public static Optional<TargetAbi> byName(String name) {
    for (TargetAbi abi : values()) {
      if (abi.manifestName.equals(name)) {
        return Optional.of(abi);
      }
    }
    return Optional.empty();
  }
}
