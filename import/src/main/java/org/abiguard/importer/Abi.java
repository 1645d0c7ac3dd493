package org.abiguard.importer;

import java.util.List;

/** A target ABI the importer knows: its name, its default compiler and the package providing it. */
public enum Abi {
  X86_64("x86_64", List.of("gcc"), "gcc", "__x86_64__"),
  I386("i386", List.of("gcc", "-m32"), "gcc-12-multilib", "__i386__"),
  AARCH64("aarch64", List.of("aarch64-linux-gnu-gcc"), "gcc-aarch64-linux-gnu", "__aarch64__");

  private final String abiName;
  private final List<String> defaultCompiler;
  private final String debianPackage;
  private final String cMacro;

  Abi(String abiName, List<String> defaultCompiler, String debianPackage, String cMacro) {
    this.abiName = abiName;
    this.defaultCompiler = defaultCompiler;
    this.debianPackage = debianPackage;
    this.cMacro = cMacro;
  }

  /** The name used in options and the manifest: {@code x86_64}, {@code i386}, {@code aarch64}. */
  public String abiName() {
    return abiName;
  }

  public List<String> defaultCompiler() {
    return defaultCompiler;
  }

  /** The Debian package that provides the default compiler. */
  public String debianPackage() {
    return debianPackage;
  }

  /** The macro the ABI's compiler predefines. */
  public String cMacro() {
    return cMacro;
  }

  /**
   * The ABI named {@code name}; {@link IllegalArgumentException} naming the known ones otherwise.
   */
  public static Abi of(String name) {
    for (Abi abi : values()) {
      if (abi.abiName.equals(name)) {
        return abi;
      }
    }
    throw new IllegalArgumentException("unknown ABI '" + name + "'; known: x86_64, i386, aarch64");
  }
}
