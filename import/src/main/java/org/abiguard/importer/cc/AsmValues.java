package org.abiguard.importer.cc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of {@code const unsigned long long abiguard_probe[] = {...};} from the assembly
 * a C compiler writes with {@code -S}, for any target: the array's data directives ({@code .quad},
 * {@code .xword}, {@code .long} pairs, {@code .word}, {@code .byte}, {@code .zero}...) are turned
 * into bytes, and the first element, the marker {@code 0x0102030405060708}, tells the byte order.
 */
public final class AsmValues {
  /** The marker the probe array starts with. */
  public static final long MARKER = 0x0102030405060708L;

  private static final Pattern DIRECTIVE = Pattern.compile("\\s*\\.(\\w+)\\s+(.*)");
  private static final Map<String, Integer> SIZES =
      Map.ofEntries(
          Map.entry("byte", 1),
          Map.entry("2byte", 2),
          Map.entry("short", 2),
          Map.entry("hword", 2),
          Map.entry("value", 2),
          Map.entry("half", 2),
          Map.entry("4byte", 4),
          Map.entry("long", 4),
          Map.entry("int", 4),
          Map.entry("8byte", 8),
          Map.entry("quad", 8),
          Map.entry("xword", 8),
          Map.entry("dword", 8));

  private AsmValues() {}

  /**
   * The {@code count} values (after the marker) of the array labelled {@code symbol}.
   *
   * @throws IllegalArgumentException when the assembly does not hold them
   */
  public static long[] read(String asm, String symbol, int count) {
    String[] lines = asm.split("\n");
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].trim().equals(symbol + ":")) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalArgumentException("no label '" + symbol + ":' in the compiler's assembly");
    }
    int bytesNeeded = 8 * (count + 1);
    for (int wordSize : new int[] {4, 2}) { // .word is 4 bytes on AArch64, 2 on x86
      byte[] bytes = collect(lines, start, wordSize, bytesNeeded);
      if (bytes != null) {
        return decode(bytes, count);
      }
    }
    throw new IllegalArgumentException(
        "the data after '" + symbol + ":' is not " + bytesNeeded + " bytes");
  }

  private static byte[] collect(String[] lines, int start, int wordSize, int needed) {
    List<Byte> out = new ArrayList<>();
    for (int i = start; i < lines.length && out.size() < needed; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("//") || line.startsWith("@")) {
        continue;
      }
      Matcher m = DIRECTIVE.matcher(line);
      if (!m.matches()) {
        break; // a label or instruction: the array ended
      }
      String name = m.group(1);
      String arg = m.group(2).trim();
      if (name.equals("zero") || name.equals("skip") || name.equals("space")) {
        int n = Integer.parseInt(arg.split("\\s*,\\s*")[0]);
        for (int k = 0; k < n; k++) {
          out.add((byte) 0);
        }
        continue;
      }
      Integer size = name.equals("word") ? Integer.valueOf(wordSize) : SIZES.get(name);
      if (size == null) {
        if (name.equals("size")
            || name.equals("type")
            || name.equals("align")
            || name.equals("p2align")) {
          continue;
        }
        break;
      }
      for (String v : arg.split("\\s*,\\s*")) {
        BigInteger value = parse(v);
        for (int k = 0;
            k < size;
            k++) { // little-endian bytes of the value; the marker fixes the order
          out.add(value.shiftRight(8 * k).byteValue());
        }
      }
    }
    if (out.size() != needed) {
      return null;
    }
    byte[] bytes = new byte[needed];
    for (int i = 0; i < needed; i++) {
      bytes[i] = out.get(i);
    }
    return bytes;
  }

  private static BigInteger parse(String v) {
    String s = v.trim();
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    BigInteger b =
        s.startsWith("0x") || s.startsWith("0X")
            ? new BigInteger(s.substring(2), 16)
            : new BigInteger(s);
    return negative ? b.negate() : b;
  }

  private static long[] decode(byte[] bytes, int count) {
    long le = word(bytes, 0, true);
    boolean little;
    if (le == MARKER) {
      little = true;
    } else if (word(bytes, 0, false) == MARKER) {
      little = false;
    } else {
      return fail(le);
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = word(bytes, 8 * (i + 1), little);
    }
    return values;
  }

  private static long[] fail(long first) {
    throw new IllegalArgumentException(
        "the probe array does not start with its marker (found 0x" + Long.toHexString(first) + ")");
  }

  private static long word(byte[] b, int at, boolean little) {
    long v = 0;
    for (int k = 0; k < 8; k++) {
      int index = little ? at + 7 - k : at + k;
      v = (v << 8) | (b[index] & 0xFF);
    }
    return v;
  }
}
