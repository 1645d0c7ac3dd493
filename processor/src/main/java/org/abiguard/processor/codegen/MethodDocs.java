package org.abiguard.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.abiguard.processor.layout.FieldLayout;
import org.abiguard.processor.layout.StructLayout;
import org.abiguard.processor.model.StructModel;
import org.jspecify.annotations.Nullable;

/**
 * The Javadoc of an ABI class's {@code read} and {@code write}: in full on the marshaller (the
 * primary ABI), for the buffer or the memory segment, else a pointer to the marshaller's.
 */
final class MethodDocs {
  private final StructLayout layout;
  private final StructModel struct;
  private final String marshallerDoc;

  /**
   * @param marshallerDoc the marshaller's simple name, which the other ABIs' Javadoc links to
   */
  MethodDocs(StructLayout layout, String marshallerDoc) {
    this.layout = layout;
    this.struct = layout.struct();
    this.marshallerDoc = marshallerDoc;
  }

  /**
   * The Javadoc of a {@code read}: in full on the marshaller (the primary ABI), else a pointer to
   * the marshaller's.
   *
   * @param selective a union's {@code read(..., member)}
   * @param counted the flexible array whose element count the caller gives, or null
   */
  CodeBlock read(Access access, boolean selective, @Nullable FieldLayout counted, boolean primary) {
    String what = selective ? "the member {@code member} of " : "";
    String abi = layout.abi().manifestName();
    if (!primary) {
      return CodeBlock.of(
          "Reads $L{@code $L} as laid out on $L: see {@link $L#read}.$L\n",
          what,
          struct.cTypeName(),
          abi,
          marshallerDoc,
          note(selective, counted));
    }
    boolean segment = access.memory().equals("seg");
    String where =
        segment
            ? "at {@code offset} of a memory\nsegment, in $L-endian byte order; {@link #LAYOUT}"
                + " describes the same bytes."
            : "at {@code offset},\nin $L-endian byte order whatever {@code buf.order()} is; changes"
                + " neither the buffer's\nposition nor its order. Each ABI's class has the same"
                + " method for its own layout.";
    return CodeBlock.builder()
        .add(
            "Reads $L{@code $L} as laid out on $L, the primary ABI, ",
            what,
            struct.cTypeName(),
            abi)
        .add(where, struct.order().manifestName())
        .add("$L\n\n", note(selective, counted))
        .add(
            "@throws IndexOutOfBoundsException if {@code offset} is negative or the $L would end\n"
                + "    past {@code $L}; nothing is read then\n",
            struct.union() ? "union" : "struct",
            segment ? "seg.byteSize()" : "buf.limit()")
        .build();
  }

  private String note(boolean selective, @Nullable FieldLayout counted) {
    if (struct.union()) {
      return selective
          ? " The other members keep their\ndefault (null or 0)."
          : " Every member is decoded from the same\nbytes, as C lets a program read any member.";
    }
    if (counted != null) {
      return " The flexible array gets {@code count}\nelements, bounds-checked.";
    }
    return "";
  }

  /**
   * The Javadoc of a struct's {@code write}: in full on the marshaller (the primary ABI), else a
   * pointer to the marshaller's.
   */
  CodeBlock write(Access access, boolean primary) {
    String abi = layout.abi().manifestName();
    if (!primary) {
      return CodeBlock.of(
          "Writes {@code value} as {@code $L} laid out on $L: see {@link $L#write}.\n",
          struct.cTypeName(),
          abi,
          marshallerDoc);
    }
    boolean segment = access.memory().equals("seg");
    String where =
        segment
            ? "at {@code offset}\nof a memory segment, in $L-endian byte order, padding as zero"
                + " bytes. Everything is\nchecked before the first byte is written: when it throws,"
                + " the segment is unchanged.\n\n"
            : "at {@code offset},\nin $L-endian byte order whatever {@code buf.order()} is,"
                + " padding as zero bytes;\nchanges neither the buffer's position nor its order."
                + " Everything is checked before the\nfirst byte is written: when it throws, the"
                + " buffer is unchanged. Each ABI's class has the\nsame method for its own"
                + " layout.\n\n";
    return CodeBlock.builder()
        .add(
            "Writes {@code value} as {@code $L} laid out on $L, the primary ABI, ",
            struct.cTypeName(),
            abi)
        .add(where, struct.order().manifestName())
        .add(
            "@throws NullPointerException if {@code value} or a nested struct, array or element is"
                + " null\n"
                + "@throws IllegalArgumentException if an array's length differs from C's\n"
                + "@throws $L if a member's value does not fit its C width\n"
                + "@throws IndexOutOfBoundsException if {@code offset} is negative or the struct would"
                + " end\n    past {@code $L}\n",
            RuntimeTypes.RANGE_EXCEPTION.canonicalName(),
            segment ? "seg.byteSize()" : "buf.limit()")
        .build();
  }

  /** {@code items} joined by commas, in lines of at most about 90 characters. */
  static String wrapped(List<String> items) {
    StringBuilder text = new StringBuilder();
    int line = 0;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i < items.size() - 1 ? "," : "");
      if (line > 0 && line + 1 + item.length() > 90) {
        text.append('\n');
        line = 0;
      } else if (line > 0) {
        text.append(' ');
        line++;
      }
      text.append(item);
      line += item.length();
    }
    return text.toString();
  }
}
