package org.abiguard.processor.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.manifest.LayoutChange.Aspect;
import org.jspecify.annotations.Nullable;

/**
 * Compares this compilation's layouts with a baseline manifest from an earlier release, and words
 * the incompatible changes as breaks.
 *
 * <p>The comparison itself is {@link ManifestComparison}'s. For every ABI present in both, a struct
 * of the baseline breaks when it is gone, its byte order, size or alignment changed, or one of its
 * members was removed, moved, resized, re-signed, re-aligned or changed kind. A member renamed in C
 * at the same offset with the same type is no break (its bytes are the same). Members added after
 * the baseline's are only reported through the size they change; ABIs missing from either side are
 * skipped. Each struct-level problem, each removed member and each changed member is one {@link
 * AbiBreak}, its changes on all ABIs in one message.
 */
public final class BaselineChecker {
  private static final String CONSEQUENCE =
      "; C code and data built against the baseline no longer"
          + " match (restore the old layout, or update the baseline if the break is intended)";

  private BaselineChecker() {}

  /**
   * @param baselineJson the baseline manifest's text
   * @param structs per struct, its layouts per ABI in option order
   * @throws IllegalArgumentException when the baseline is not a valid manifest (message says where)
   */
  public static List<AbiBreak> compare(String baselineJson, List<List<StructLayout>> structs) {
    return breaks(
        ManifestComparison.compare(ManifestModel.read(baselineJson), ManifestModel.of(structs)));
  }

  /**
   * The incompatible changes among {@code changes} (in {@link ManifestComparison}'s order), one
   * break per removed type, per type with changes of its own, per removed member and per changed
   * member, in that order for each type; worded for a baseline given to the processor.
   */
  public static List<AbiBreak> breaks(List<LayoutChange> changes) {
    return breaks(changes, "the baseline", CONSEQUENCE);
  }

  /**
   * As {@link #breaks(List)}, each message ending in {@code " since " + since + consequence}.
   *
   * @param since what the baseline is, e.g. {@code "1.0"}
   * @param consequence what follows, e.g. {@code "; C code built against 1.0 no longer matches"}
   */
  public static List<AbiBreak> breaks(
      List<LayoutChange> changes, String since, String consequence) {
    String tail = " since " + since + consequence;
    Map<String, List<LayoutChange>> byType = new LinkedHashMap<>();
    for (LayoutChange c : changes) {
      byType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
    }
    List<AbiBreak> breaks = new ArrayList<>();
    byType.forEach((type, typeChanges) -> typeBreaks(type, typeChanges, tail, breaks));
    return breaks;
  }

  /**
   * The compatible changes among {@code changes}, worded like the breaks: one message per added
   * type, per type whose ABIs changed, and per added member, e.g. {@code field s.c (p.S.c) was
   * added at offset 9 on x86_64 and aarch64, was added at offset 5 on i386 since 1.0}. A member
   * added to a type that breaks on the same ABI is not one: it is part of that break (it moved the
   * members after it, or grew the type).
   */
  public static List<String> additions(List<LayoutChange> changes, String since) {
    java.util.Set<String> broken = new java.util.HashSet<>();
    for (LayoutChange c : changes) {
      if (!c.compatible()) {
        broken.add(c.type() + " " + c.abi());
      }
    }
    Map<String, Changes> byElement = new LinkedHashMap<>();
    for (LayoutChange c : changes) {
      if (!c.compatible()
          || (c.member() != null
              && (broken.contains(c.type() + " " + c.abi())
                  || broken.contains(c.type() + " null")))) {
        continue;
      }
      String element =
          c.member() == null
              ? c.cTypeName() + " (" + c.type() + ")"
              : "field "
                  + c.cType()
                  + "."
                  + c.member()
                  + " ("
                  + c.type()
                  + "."
                  + c.memberJava()
                  + ")";
      byElement.computeIfAbsent(element, k -> new Changes()).add(c.describe(), c.abi());
    }
    List<String> messages = new ArrayList<>();
    byElement.forEach((element, c) -> messages.add(element + " " + c + " since " + since));
    return messages;
  }

  private static void typeBreaks(
      String type, List<LayoutChange> changes, String tail, List<AbiBreak> breaks) {
    Changes own = new Changes();
    Map<String, Changes> removed = new LinkedHashMap<>();
    Map<String, Changes> changed = new LinkedHashMap<>();
    Map<String, String> javaNames = new LinkedHashMap<>();
    String c = null;
    String typeName = null;
    for (LayoutChange change : changes) {
      if (change.compatible()) {
        continue;
      }
      c = change.cType();
      typeName = change.cTypeName();
      if (change.member() == null && change.aspect() == Aspect.REMOVED) {
        breaks.add(new AbiBreak(type, null, typeName + " (" + type + ") was removed" + tail));
        return;
      }
      if (change.member() == null) {
        own.add(
            change.aspect() == Aspect.TYPE_SIZE
                ? change.describe()
                    + added(
                        changes, Objects.requireNonNull(change.abi(), "a size is compared per ABI"))
                : change.describe(),
            change.abi());
      } else if (change.aspect() == Aspect.REMOVED) {
        removed
            .computeIfAbsent(change.member(), k -> new Changes())
            .add(change.describe(), change.abi());
      } else {
        javaNames.put(change.member(), change.memberJava());
        changed
            .computeIfAbsent(change.member(), k -> new Changes())
            .add(change.describe(), change.abi());
      }
    }
    String cName = c;
    if (!own.isEmpty()) {
      breaks.add(new AbiBreak(type, null, typeName + " " + own + tail));
    }
    removed.forEach(
        (name, ch) ->
            breaks.add(new AbiBreak(type, null, "field " + cName + "." + name + " " + ch + tail)));
    changed.forEach(
        (name, ch) ->
            breaks.add(
                new AbiBreak(
                    type, javaNames.get(name), "field " + cName + "." + name + " " + ch + tail)));
  }

  /** {@code " (added: c, d)"}: the members added on {@code abi}, or "" when there are none. */
  private static String added(List<LayoutChange> changes, String abi) {
    List<String> names =
        changes.stream()
            .filter(c -> c.member() != null && c.aspect() == Aspect.ADDED && abi.equals(c.abi()))
            .map(LayoutChange::member)
            .toList();
    return names.isEmpty() ? "" : " (added: " + String.join(", ", names) + ")";
  }

  /** Change descriptions, each with the ABIs it happened on, in first-seen order. */
  private static final class Changes {
    private final Map<String, List<String>> abisByChange = new LinkedHashMap<>();

    /**
     * @param abi the ABI, or null for a change that does not depend on the ABI
     */
    void add(String change, @Nullable String abi) {
      List<String> abis = abisByChange.computeIfAbsent(change, k -> new ArrayList<>());
      if (abi != null) {
        abis.add(abi);
      }
    }

    boolean isEmpty() {
      return abisByChange.isEmpty();
    }

    /** {@code moved from offset 4 to 8 on x86_64 and i386, resized from 4 to 8 bytes on x86_64}. */
    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      abisByChange.forEach(
          (change, abis) -> parts.add(abis.isEmpty() ? change : change + " on " + and(abis)));
      return String.join(", ", parts);
    }

    private static String and(List<String> items) {
      if (items.size() == 1) {
        return items.get(0);
      }
      return String.join(", ", items.subList(0, items.size() - 1))
          + " and "
          + items.get(items.size() - 1);
    }
  }
}
