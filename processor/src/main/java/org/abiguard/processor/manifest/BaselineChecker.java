package org.abiguard.processor.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.manifest.ManifestModel.Field;
import org.abiguard.processor.manifest.ManifestModel.Layout;
import org.abiguard.processor.manifest.ManifestModel.Shape;
import org.abiguard.processor.manifest.ManifestModel.Struct;
import org.jspecify.annotations.Nullable;

/**
 * Compares this compilation's layouts with a baseline manifest from an earlier release.
 *
 * <p>Structs are matched by Java name, members by C name. For every ABI present in both, a
 * struct of the baseline breaks when it is gone, its byte order, size or alignment changed, or
 * one of its members was removed, moved, resized, re-signed, re-aligned or changed kind.
 * Members added after the baseline's are only reported through the size they change; ABIs
 * missing from either side are skipped. Each struct-level problem, each removed member and each
 * changed member is one {@link AbiBreak}, its changes on all ABIs in one message.
 */
public final class BaselineChecker {
  private static final String CONSEQUENCE = "; C code and data built against the baseline no longer"
      + " match (restore the old layout, or update the baseline if the break is intended)";

  private BaselineChecker() {}

  /**
   * @param baselineJson the baseline manifest's text
   * @param structs per struct, its layouts per ABI in option order
   * @throws IllegalArgumentException when the baseline is not a valid manifest (message says where)
   */
  public static List<AbiBreak> compare(String baselineJson, List<List<StructLayout>> structs) {
    List<Struct> baseline = ManifestModel.read(baselineJson);
    Map<String, Struct> current = new LinkedHashMap<>();
    for (Struct s : ManifestModel.of(structs)) {
      current.put(s.java(), s);
    }
    List<AbiBreak> breaks = new ArrayList<>();
    for (Struct old : baseline) {
      Struct now = current.get(old.java());
      if (now == null) {
        breaks.add(new AbiBreak(old.java(), null, "struct " + old.c() + " (" + old.java()
            + ") was removed since the baseline" + CONSEQUENCE));
      } else {
        compareStruct(old, now, breaks);
      }
    }
    return breaks;
  }

  private static void compareStruct(Struct old, Struct now, List<AbiBreak> breaks) {
    Changes structChanges = new Changes();
    if (!old.order().equals(now.order())) {
      structChanges.add("changed byte order from " + old.order() + " to " + now.order(), null);
    }
    Map<String, Changes> removed = new LinkedHashMap<>();
    Map<String, Changes> changed = new LinkedHashMap<>();
    Map<String, String> javaNames = new LinkedHashMap<>();
    for (Map.Entry<String, Layout> e : old.layouts().entrySet()) {
      String abi = e.getKey();
      Layout was = e.getValue();
      Layout is = now.layouts().get(abi);
      if (is == null) {
        continue;
      }
      if (was.size() != is.size()) {
        List<String> added = is.fields().stream()
            .filter(f -> was.field(f.name()) == null).map(Field::name).toList();
        structChanges.add((is.size() > was.size() ? "grew" : "shrank") + " from " + was.size() + " to "
            + is.size() + " bytes" + (added.isEmpty() ? "" : " (added: " + String.join(", ", added) + ")"), abi);
      }
      if (was.align() != is.align()) {
        structChanges.add("changed alignment from " + was.align() + " to " + is.align(), abi);
      }
      for (Field f : was.fields()) {
        Field g = is.field(f.name());
        if (g == null) {
          removed.computeIfAbsent(f.name(), k -> new Changes()).add("was removed", abi);
          continue;
        }
        javaNames.put(f.name(), g.java());
        Changes c = changed.computeIfAbsent(f.name(), k -> new Changes());
        if (f.offset() != g.offset()) {
          c.add("moved from offset " + f.offset() + " to " + g.offset(), abi);
        }
        compareShape("", f.shape(), g.shape(), abi, c);
      }
    }
    if (!structChanges.isEmpty()) {
      breaks.add(new AbiBreak(now.java(), null, "struct " + old.c() + " " + structChanges + " since the baseline"
          + CONSEQUENCE));
    }
    removed.forEach((name, c) -> breaks.add(new AbiBreak(now.java(), null,
        "field " + old.c() + "." + name + " " + c + " since the baseline" + CONSEQUENCE)));
    changed.forEach((name, c) -> {
      if (!c.isEmpty()) {
        breaks.add(new AbiBreak(now.java(), javaNames.get(name),
            "field " + old.c() + "." + name + " " + c + " since the baseline" + CONSEQUENCE));
      }
    });
  }

  /** The changes from {@code was} to {@code is}; {@code prefix} is "" or "element ". */
  private static void compareShape(String prefix, Shape was, Shape is, String abi, Changes c) {
    if (!was.kind().equals(is.kind())) {
      c.add(prefix + "changed kind from " + was.kind() + " to " + is.kind(), abi);
    }
    if (was.size() != is.size()) {
      c.add(prefix + "resized from " + was.size() + " to " + is.size() + " bytes", abi);
    }
    if (was.align() != is.align()) {
      c.add(prefix + "re-aligned from " + was.align() + " to " + is.align(), abi);
    }
    if (!was.kind().equals(is.kind())) {
      return;
    }
    switch (was.kind()) {
      case "struct" -> {
        if (!Objects.equals(was.struct(), is.struct())) {
          c.add(prefix + "changed type from struct " + was.struct() + " to " + is.struct(), abi);
        }
      }
      case "array" -> {
        if (was.length() != is.length()) {
          c.add(prefix + "changed length from " + was.length() + " to " + is.length(), abi);
        }
        compareShape(
            "element ",
            Objects.requireNonNull(was.element(), "an array has an element"),
            Objects.requireNonNull(is.element(), "an array has an element"),
            abi,
            c);
      }
      default -> {
        if (was.signed() != is.signed()) {
          c.add(prefix + "changed from " + signedness(was.signed()) + " to " + signedness(is.signed()), abi);
        }
      }
    }
  }

  private static String signedness(boolean signed) {
    return signed ? "signed" : "unsigned";
  }

  /** Change descriptions, each with the ABIs it happened on, in first-seen order. */
  private static final class Changes {
    private final Map<String, List<String>> abisByChange = new LinkedHashMap<>();

    /** @param abi the ABI, or null for a change that does not depend on the ABI */
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
      abisByChange.forEach((change, abis) -> parts.add(abis.isEmpty() ? change : change + " on " + and(abis)));
      return String.join(", ", parts);
    }

    private static String and(List<String> items) {
      if (items.size() == 1) {
        return items.get(0);
      }
      return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
  }
}
