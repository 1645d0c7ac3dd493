package org.abiguard.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.abiguard.AbiCodec;
import org.abiguard.AbiRangeException;
import org.abiguard.processor.layout.TargetAbi;
import org.abiguard.processor.model.FieldModel;
import org.abiguard.processor.model.MemberType;
import org.abiguard.processor.model.StructModel;
import org.abiguard.processor.model.Width;
import org.abiguard.processor.testing.RandomCTypes;
import org.junit.jupiter.api.Test;

/**
 * The range checks of random structs and unions (nested at any depth, in arrays, anonymous, C
 * {@code long}s and pointers among them) on every ABI, against a width oracle written here: one
 * integer or pointer anywhere in a value is set to values at and past the edges of its C width on
 * that ABI; {@code write} must accept exactly those that fit (and {@code read} give them back) and
 * reject the others with an {@link AbiRangeException} naming the member, the buffer untouched. Each
 * ABI's checks are whatever the generator shares with the primary ABI's (all, some, or none), so
 * the same family is compiled with x86_64 primary and with i386 primary.
 */
class RandomRangeChecksTest {
  private static final int TYPES = Integer.getInteger("abiguard.fuzz.codegenTypes", 120);
  private static final long SEED = Long.getLong("abiguard.fuzz.seed", 20261129L);

  /** One step from a value to a member: the member, and for an array the element. */
  private record Step(StructModel owner, FieldModel field, int element) {}

  /** An integer or pointer member somewhere in a top-level type, and the steps to it. */
  private record Leaf(List<Step> steps, MemberType type, FieldModel field) {}

  @Test
  void everyAbiAcceptsExactlyTheValuesThatFitItsCWidths() throws ReflectiveOperationException {
    RandomCTypes.Family family = new RandomCTypes(SEED, "r").generate(TYPES);
    Map<String, StructModel> byName = new LinkedHashMap<>();
    family.models().forEach(m -> byName.put(m.javaName(), m));
    int accepted = 0;
    int rejected = 0;
    for (List<TargetAbi> abis :
        List.of(
            List.of(TargetAbi.X86_64, TargetAbi.I386, TargetAbi.AARCH64),
            List.of(TargetAbi.I386, TargetAbi.X86_64, TargetAbi.AARCH64))) {
      LoadedMarshallers generated =
          LoadedMarshallers.compile(abis, family.models().toArray(new StructModel[0]));
      Random random = new Random(SEED);
      for (StructModel top : family.topLevel()) {
        List<Leaf> leaves = new ArrayList<>();
        collectLeaves(top, new ArrayList<>(), byName, leaves, 0);
        for (TargetAbi abi : abis) {
          AbiCodec<Object> codec = generated.codec(top, abi.manifestName());
          for (int pick = 0; pick < Math.min(6, leaves.size()); pick++) {
            Leaf leaf = leaves.get(random.nextInt(leaves.size()));
            Width width = widthOn(leaf.type(), abi);
            for (long v : candidates(width, random)) {
              Object value = zero(generated, top, byName);
              set(generated, byName, value, leaf, v);
              String where =
                  top.cTypeName()
                      + " on "
                      + abi.manifestName()
                      + " (primary "
                      + abis.get(0).manifestName()
                      + "), "
                      + path(leaf)
                      + " = "
                      + v;
              ByteBuffer buf = ByteBuffer.allocate(codec.size() + 2);
              for (int i = 0; i < buf.capacity(); i++) {
                buf.put(i, (byte) 0xA5);
              }
              if (fits(v, width)) {
                codec.write(value, buf, 1);
                assertEquals(v, get(generated, byName, codec.read(buf, 1), leaf), where);
                accepted++;
              } else {
                AbiRangeException e =
                    assertThrows(AbiRangeException.class, () -> codec.write(value, buf, 1), where);
                assertTrue(e.getMessage().contains("." + leaf.field().cName()), where + ": " + e);
                for (int i = 0; i < buf.capacity(); i++) {
                  assertEquals((byte) 0xA5, buf.get(i), where + ": byte " + i + " written");
                }
                rejected++;
              }
            }
          }
        }
      }
    }
    assertTrue(accepted > 1000 && rejected > 1000, accepted + " accepted, " + rejected);
    System.out.println(
        "[range-check fuzz] "
            + family.models().size()
            + " types, x86_64 and i386 primary: "
            + accepted
            + " values accepted and "
            + rejected
            + " rejected as the widths say, 0 mismatches");
  }

  /** The member's C width on {@code abi}: C {@code long} and pointers per its data model. */
  private static Width widthOn(MemberType type, TargetAbi abi) {
    if (type instanceof MemberType.PointerType) {
      return new Width(abi.pointerBytes() * 8, false);
    }
    MemberType.IntType integer = (MemberType.IntType) type;
    return integer.nativeLong()
        ? new Width(abi.longBytes() * 8, integer.width().signed())
        : integer.width();
  }

  /**
   * Whether a Java {@code long} fits: a 64-bit width takes any (its raw bits, {@code u64} too), a
   * narrower one the values between its bounds.
   */
  private static boolean fits(long v, Width width) {
    return width.bits() == 64 || (v >= width.min() && v <= width.max());
  }

  /** Values at and just past both edges of the width, the Java extremes, and a random one. */
  private static List<Long> candidates(Width width, Random random) {
    List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L));
    if (width.bits() < 64) {
      values.addAll(List.of(width.max(), width.max() + 1, width.min(), width.min() - 1));
    }
    values.add(random.nextLong() >> random.nextInt(64));
    return values;
  }

  private static void collectLeaves(
      StructModel owner,
      List<Step> steps,
      Map<String, StructModel> byName,
      List<Leaf> leaves,
      int depth) {
    for (FieldModel f : owner.fields()) {
      if (f.unnamed() || f.flexible() || f.isBitField()) {
        continue;
      }
      MemberType type = f.type();
      int element = -1;
      if (type instanceof MemberType.ArrayType array) {
        if (array.length() == 0) {
          continue;
        }
        element = array.length() - 1;
        type = array.element();
      }
      List<Step> here = new ArrayList<>(steps);
      here.add(new Step(owner, f, element));
      if (type instanceof MemberType.FloatType) {
        continue; // every Java float or double is a C one: no range
      }
      if (type instanceof MemberType.StructType nested) {
        if (depth < 8) {
          collectLeaves(byName.get(nested.javaName()), here, byName, leaves, depth + 1);
        }
      } else {
        leaves.add(new Leaf(here, type, f));
      }
    }
  }

  /**
   * A value whose integers are all 0: a struct's nested members and arrays made, a union's left
   * null (no member set), flexible arrays empty.
   */
  private static Object zero(
      LoadedMarshallers generated, StructModel m, Map<String, StructModel> byName)
      throws ReflectiveOperationException {
    Object mirror = generated.mirror(m).getDeclaredConstructor().newInstance();
    for (FieldModel f : m.fields()) {
      Field field = generated.mirror(m).getDeclaredField(f.javaName());
      field.setAccessible(true);
      if (f.flexible()) {
        field.set(mirror, Array.newInstance(field.getType().getComponentType(), 0));
      } else if (!m.union() && !f.unnamed() && !f.isBitField()) {
        Object made = made(generated, f.type(), field.getType(), byName);
        if (made != null) {
          field.set(mirror, made);
        }
      }
    }
    return mirror;
  }

  /** A zero nested struct or array for a member of {@code type}; null for a number. */
  private static Object made(
      LoadedMarshallers generated,
      MemberType type,
      Class<?> javaType,
      Map<String, StructModel> byName)
      throws ReflectiveOperationException {
    if (type instanceof MemberType.StructType nested) {
      return zero(generated, byName.get(nested.javaName()), byName);
    }
    if (type instanceof MemberType.ArrayType array) {
      Object values = Array.newInstance(javaType.getComponentType(), array.length());
      if (array.element() instanceof MemberType.StructType nested) {
        for (int i = 0; i < array.length(); i++) {
          Array.set(values, i, zero(generated, byName.get(nested.javaName()), byName));
        }
      }
      return values;
    }
    return null;
  }

  /** Sets the leaf to {@code v}, making the union members on the way (so that they are set). */
  private static void set(
      LoadedMarshallers generated, Map<String, StructModel> byName, Object value, Leaf leaf, long v)
      throws ReflectiveOperationException {
    Object at = value;
    List<Step> steps = leaf.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Field field = generated.mirror(step.owner()).getDeclaredField(step.field().javaName());
      field.setAccessible(true);
      boolean last = i == steps.size() - 1;
      if (field.get(at) == null && (!last || step.element() >= 0)) {
        field.set(at, made(generated, step.field().type(), field.getType(), byName));
      }
      if (last) {
        if (step.element() >= 0) {
          Array.setLong(field.get(at), step.element(), v);
        } else {
          field.setLong(at, v);
        }
        return;
      }
      at = step.element() >= 0 ? Array.get(field.get(at), step.element()) : field.get(at);
    }
  }

  private static long get(
      LoadedMarshallers generated, Map<String, StructModel> byName, Object value, Leaf leaf)
      throws ReflectiveOperationException {
    Object at = value;
    for (Step step : leaf.steps()) {
      Field field = generated.mirror(step.owner()).getDeclaredField(step.field().javaName());
      field.setAccessible(true);
      at = step.element() >= 0 ? Array.get(field.get(at), step.element()) : field.get(at);
    }
    return (Long) at;
  }

  private static String path(Leaf leaf) {
    StringBuilder text = new StringBuilder();
    for (Step step : leaf.steps()) {
      text.append('.').append(step.field().javaName());
      if (step.element() >= 0) {
        text.append('[').append(step.element()).append(']');
      }
    }
    return text.toString();
  }
}
