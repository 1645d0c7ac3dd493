package org.abiguard.processor.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abiguard.processor.layout.StructLayout;

/**
 * Renders {@code META-INF/abiguard/abi-manifest.json}: format 1 of the SPEC with the 0.2 keys
 * ({@code kind} and {@code pack} of a type; bit-fields, anonymous members, flexible arrays),
 * pretty-printed with one member per line, so that a committed baseline diffs readably. The output
 * depends only on its input: same layouts, same bytes.
 */
public final class ManifestWriter {
  /** The manifest format this writer produces and {@link BaselineChecker} reads. */
  public static final int FORMAT = 1;

  private ManifestWriter() {}

  /**
   * @param structs per struct (in a stable order), its layouts per ABI in option order
   */
  public static String render(List<List<StructLayout>> structs) {
    List<ManifestModel.Struct> model = ManifestModel.of(structs);
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"format\": ").append(FORMAT).append(",\n  \"structs\": [");
    String structSeparator = "\n";
    for (ManifestModel.Struct struct : model) {
      out.append(structSeparator).append("    {\n");
      structSeparator = ",\n";
      out.append("      \"java\": ").append(quote(struct.java())).append(",\n");
      out.append("      \"c\": ").append(quote(struct.c())).append(",\n");
      out.append("      \"kind\": ").append(quote(struct.kind())).append(",\n");
      out.append("      \"order\": ").append(quote(struct.order())).append(",\n");
      if (struct.pack() != 0) {
        out.append("      \"pack\": ").append(struct.pack()).append(",\n");
      }
      out.append("      \"layouts\": {");
      String layoutSeparator = "\n";
      for (Map.Entry<String, ManifestModel.Layout> e : struct.layouts().entrySet()) {
        ManifestModel.Layout layout = e.getValue();
        out.append(layoutSeparator).append("        ").append(quote(e.getKey())).append(": {\n");
        layoutSeparator = ",\n";
        out.append("          \"size\": ").append(layout.size()).append(",\n");
        out.append("          \"align\": ").append(layout.align()).append(",\n");
        out.append("          \"fields\": [");
        String fieldSeparator = "\n";
        for (ManifestModel.Field f : layout.fields()) {
          out.append(fieldSeparator).append("            ").append(field(f));
          fieldSeparator = ",\n";
        }
        out.append(layout.fields().isEmpty() ? "]\n" : "\n          ]\n");
        out.append("        }");
      }
      out.append("\n      }\n    }");
    }
    out.append(model.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  /** One field object on one line. */
  private static String field(ManifestModel.Field f) {
    List<String> members = new ArrayList<>();
    if (!f.name().isEmpty()) {
      members.add(member("name", quote(f.name())));
    }
    if (!f.java().equals(f.name())) {
      members.add(member("java", quote(f.java())));
    }
    if (f.anonymous()) {
      members.add(member("anonymous", true));
    }
    members.add(member("offset", f.offset()));
    shapeMembers(f.shape(), members);
    return "{" + String.join(", ", members) + "}";
  }

  /** {@code size}, {@code align}, {@code kind} and what the kind needs. */
  private static void shapeMembers(ManifestModel.Shape shape, List<String> members) {
    members.add(member("size", shape.size()));
    members.add(member("align", shape.align()));
    switch (shape.kind()) {
      case "struct" -> {
        members.add(member("kind", quote("struct")));
        members.add(
            member("struct", quote(Objects.requireNonNull(shape.struct(), "a struct member"))));
      }
      case "bits" -> {
        members.add(member("bitOffset", shape.bitOffset()));
        members.add(member("bitSize", shape.bitSize()));
        members.add(member("signed", shape.signed()));
        members.add(member("kind", quote("bits")));
      }
      case "float" -> members.add(member("kind", quote("float")));
      case "array" -> {
        members.add(member("kind", quote("array")));
        if (shape.flexible()) {
          members.add(member("flexible", true));
        }
        members.add(member("length", shape.length()));
        if (!shape.dims().isEmpty()) {
          members.add(member("dims", shape.dims().toString()));
        }
        List<String> element = new ArrayList<>();
        shapeMembers(Objects.requireNonNull(shape.element(), "an array has an element"), element);
        members.add(member("element", "{" + String.join(", ", element) + "}"));
      }
      default -> {
        members.add(member("bits", shape.bits()));
        members.add(member("signed", shape.signed()));
        members.add(member("kind", quote(shape.kind())));
      }
    }
  }

  private static String member(String name, Object renderedValue) {
    return quote(name) + ": " + renderedValue;
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
