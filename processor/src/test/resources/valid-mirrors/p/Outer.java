package p;

import org.abiguard.AbiAlign;
import org.abiguard.AbiArray;
import org.abiguard.AbiStruct;
import org.abiguard.U16;
import org.abiguard.U32;

/** Nested types: structs inside a class, nested inline, in arrays, declared after their use. */
@AbiStruct
@AbiAlign(16)
public class Outer {
  @U16 char kind;
  Inner inner;
  @AbiArray(2) Pair[] pairs;
  @AbiArray(3) MemRange[] ranges;

  public Outer() {}

  @AbiStruct(name = "outer_inner")
  public static class Inner {
    @U32 long value;
    @DomId short domid;
  }

  @AbiStruct(name = "outer_pair")
  public record Pair(@U16 int a, @U16 int b) {}
}
