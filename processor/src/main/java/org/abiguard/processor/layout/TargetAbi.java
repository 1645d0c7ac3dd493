package org.abiguard.processor.layout;

import java.util.Optional;

/** A target ABI and the C data-model facts the layout engine needs. */
public enum TargetAbi {
  X86_64("x86_64", "X86_64", "__x86_64__", 8, 8, 8, false),
  I386("i386", "I386", "__i386__", 4, 4, 4, false),
  AARCH64("aarch64", "Aarch64", "__aarch64__", 8, 8, 8, true);

  private final String manifestName;
  private final String className;
  private final String cMacro;
  private final int pointerBytes;
  private final int longBytes;
  private final int int64Align;
  private final boolean unnamedBitFieldsAlign;

  /**
   * @param manifestName the name in options and the manifest ({@code x86_64})
   * @param className the generated nested class ({@code X86_64}, {@code I386}, {@code Aarch64})
   * @param cMacro the predefined macro C code tests ({@code __x86_64__})
   * @param pointerBytes {@code sizeof(void *)}
   * @param longBytes {@code sizeof(long)}
   * @param int64Align alignment of 8-byte integers inside structs (4 on i386 System V)
   * @param unnamedBitFieldsAlign whether unnamed bit-fields (zero-width ones included) raise the
   *     alignment of the enclosing struct or union to that of their declared type, as named ones do
   *     (gcc's {@code TARGET_ALIGN_ANON_BITFIELD}: true on aarch64, false on x86)
   */
  TargetAbi(
      String manifestName,
      String className,
      String cMacro,
      int pointerBytes,
      int longBytes,
      int int64Align,
      boolean unnamedBitFieldsAlign) {
    this.manifestName = manifestName;
    this.className = className;
    this.cMacro = cMacro;
    this.pointerBytes = pointerBytes;
    this.longBytes = longBytes;
    this.int64Align = int64Align;
    this.unnamedBitFieldsAlign = unnamedBitFieldsAlign;
  }

  public boolean unnamedBitFieldsAlign() {
    return unnamedBitFieldsAlign;
  }

  /**
   * The C preprocessor condition that selects this ABI: {@code __x86_64__} with {@code __LP64__}
   * (x32, {@code -mx32}, defines {@code __x86_64__} with 4-byte longs and pointers), {@code
   * __i386__}, {@code __aarch64__} with {@code __LP64__} (not ILP32).
   */
  public String cCondition() {
    return switch (this) {
      case X86_64 -> "defined(__x86_64__) && defined(__LP64__)";
      case I386 -> "defined(__i386__)";
      case AARCH64 -> "defined(__aarch64__) && defined(__LP64__)";
    };
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

  /**
   * How messages name several ABIs: {@code x86_64}, {@code x86_64 and aarch64}, {@code x86_64, i386
   * and aarch64}.
   */
  public static String named(java.util.List<TargetAbi> abis) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < abis.size(); i++) {
      text.append(i == 0 ? "" : i == abis.size() - 1 ? " and " : ", ")
          .append(abis.get(i).manifestName());
    }
    return text.toString();
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
