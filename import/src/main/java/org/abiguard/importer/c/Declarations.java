package org.abiguard.importer.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one translation unit declares: struct/union definitions by tag, tagless ones, typedefs. */
public final class Declarations {
  /** Definitions with a tag, by tag (C's one tag namespace). */
  public final Map<String, RecordDef> tagged = new LinkedHashMap<>();

  /**
   * Every file-scope definition in order, tagged or not (tagless ones are reached via typedefs).
   */
  public final List<RecordDef> records = new ArrayList<>();

  /** Typedefs by name. */
  public final Map<String, Typedef> typedefs = new LinkedHashMap<>();

  /** The definition of a record type, following {@code struct tag} to its definition. */
  public RecordDef definition(CType.Record r) {
    return r.definition() != null ? r.definition() : r.tag() == null ? null : tagged.get(r.tag());
  }

  /** The type a typedef name stands for, through typedef chains; the name itself if unknown. */
  public CType resolve(CType t) {
    int guard = 0;
    while (t instanceof CType.Named n && typedefs.containsKey(n.name()) && guard++ < 100) {
      t = typedefs.get(n.name()).type();
    }
    return t;
  }
}
