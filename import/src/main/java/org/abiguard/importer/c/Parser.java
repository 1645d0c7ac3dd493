package org.abiguard.importer.c;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A parser of the declarations in preprocessed C: struct, union and enum specifiers, typedefs,
 * members with bit-fields, arrays (their lengths kept as expressions for the compiler to evaluate),
 * anonymous members, flexible arrays, {@code __attribute__((packed, aligned))} and {@code #pragma
 * pack}. Function bodies and initializers are skipped; a declaration it cannot parse is recorded in
 * {@link #problems()} and skipped to its {@code ;}.
 */
public final class Parser {
  private static final Set<String> BASIC =
      Set.of(
          "void",
          "char",
          "short",
          "int",
          "long",
          "signed",
          "unsigned",
          "_Bool",
          "float",
          "double",
          "_Complex",
          "__int128",
          "__signed__",
          "__signed",
          "_Float128",
          "_Float64",
          "_Float32",
          "__float128",
          "_Float16",
          "_Float32x",
          "_Float64x");
  private static final Set<String> IGNORED =
      Set.of(
          "extern",
          "static",
          "inline",
          "__inline",
          "__inline__",
          "_Noreturn",
          "const",
          "volatile",
          "restrict",
          "__restrict",
          "__restrict__",
          "__const",
          "__volatile__",
          "__volatile",
          "register",
          "auto",
          "_Thread_local",
          "__thread",
          "__extension__");

  /** A problem met while parsing: what and where. */
  public record Problem(String message, Location location) {}

  private final List<Token> tokens;
  private final Declarations decls = new Declarations();
  private final List<Problem> problems = new ArrayList<>();
  private final Deque<Integer> packStack = new ArrayDeque<>();
  private int pack;

  /** The {@code #pragma scalar_storage_order} in force ({@code null}: the default). */
  private String storageOrder;

  private int pos;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses preprocessed C text. */
  public static Parser parse(String preprocessed) {
    Parser p = new Parser(Lexer.tokens(preprocessed));
    p.translationUnit();
    return p;
  }

  public Declarations declarations() {
    return decls;
  }

  public List<Problem> problems() {
    return problems;
  }

  private void translationUnit() {
    while (peek().kind() != Token.Kind.EOF) {
      int start = pos;
      try {
        external();
      } catch (ParseException e) {
        problems.add(new Problem(e.getMessage(), e.location));
        pos = start; // skip the whole declaration: to its ';' outside every brace it opened
        skipToSemicolon();
        pos = Math.max(pos, start + 1);
      }
    }
  }

  private void external() {
    Token t = peek();
    if (t.kind() == Token.Kind.PRAGMA_PACK) {
      pragmaPack(t);
      pos++;
      return;
    }
    if (t.kind() == Token.Kind.PRAGMA_STORAGE_ORDER) {
      storageOrder = t.text().equals("default") ? null : t.text();
      pos++;
      return;
    }
    if (accept(";")) {
      return;
    }
    if (t.is("_Static_assert")
        || t.is("static_assert")
        || t.is("asm")
        || t.is("__asm__")
        || t.is("__asm")) {
      skipToSemicolon();
      return;
    }
    Specs specs = specifiers();
    if (accept(";")) {
      return;
    }
    while (true) {
      Location at = peek().location();
      Declarator d = declarator();
      Attrs after = attributes();
      if (specs.typedef && d.name != null) {
        String aligned = after.aligned != null ? after.aligned : specs.attrs.aligned;
        decls.typedefs.put(d.name, new Typedef(d.name, d.apply.apply(specs.type), aligned, at));
      }
      if (peek().is("{")) {
        skipBalanced();
        return;
      }
      if (accept("=")) {
        expression(Set.of(",", ";"));
      }
      if (accept(",")) {
        continue;
      }
      expect(";");
      return;
    }
  }

  private void pragmaPack(Token t) {
    String[] parts = t.text().isBlank() ? new String[0] : t.text().split("\\s*,\\s*");
    if (parts.length == 0) {
      pack = 0;
      return;
    }
    String first = parts[0].trim();
    if (first.equals("push")) {
      packStack.push(pack);
      if (parts.length > 1 && parts[parts.length - 1].trim().matches("\\d+")) {
        pack = Integer.parseInt(parts[parts.length - 1].trim());
      }
    } else if (first.equals("pop")) {
      pack = packStack.isEmpty() ? 0 : packStack.pop();
    } else if (first.matches("\\d+")) {
      pack = Integer.parseInt(first);
    }
  }

  /** Declaration specifiers. */
  private static final class Specs {
    boolean typedef;
    CType type;
    Attrs attrs = new Attrs();
  }

  /** What {@code __attribute__} lists said. */
  static final class Attrs {
    boolean packed;
    String aligned;
    String storageOrder;

    void merge(Attrs o) {
      packed |= o.packed;
      if (o.storageOrder != null) {
        storageOrder = o.storageOrder;
      }
      if (o.aligned != null) {
        aligned = o.aligned;
      }
    }
  }

  private Specs specifiers() {
    Specs s = new Specs();
    List<String> words = new ArrayList<>();
    Location at = peek().location();
    while (true) {
      Token t = peek();
      if (t.kind() != Token.Kind.IDENT) {
        break;
      }
      String w = t.text();
      if (w.equals("typedef")) {
        s.typedef = true;
        pos++;
      } else if (IGNORED.contains(w)) {
        pos++;
      } else if (w.equals("__attribute__") || w.equals("__attribute")) {
        s.attrs.merge(attributes());
      } else if (w.equals("_Alignas")) {
        pos++;
        s.attrs.aligned = parenthesized();
      } else if (BASIC.contains(w)) {
        words.add(w);
        pos++;
      } else if (w.equals("struct") || w.equals("union")) {
        s.type = record();
      } else if (w.equals("enum")) {
        s.type = enumSpecifier();
      } else if (w.equals("__typeof__")
          || w.equals("typeof")
          || w.equals("__typeof")
          || (w.equals("_Atomic") && peek(1).is("("))) {
        pos++;
        s.type = new CType.Opaque(w + "(" + parenthesized() + ")");
      } else if (w.equals("_Atomic")) {
        pos++;
      } else if (s.type == null && words.isEmpty()) {
        s.type = new CType.Named(w);
        pos++;
      } else {
        break;
      }
    }
    if (s.type == null) {
      if (words.isEmpty()) {
        throw new ParseException("expected a type, found '" + peek().text() + "'", at);
      }
      s.type = new CType.Basic(canonical(words));
    }
    return s;
  }

  /** The canonical spelling of a basic type's keywords. */
  static String canonical(List<String> words) {
    int longs = 0;
    boolean unsigned = false;
    boolean signed = false;
    String base = null;
    for (String w : words) {
      switch (w) {
        case "long" -> longs++;
        case "unsigned" -> unsigned = true;
        case "signed", "__signed__", "__signed" -> signed = true;
        case "int" -> base = base == null ? "int" : base;
        default -> base = w;
      }
    }
    if (base != null && (base.equals("double") || base.contains("Float") || base.equals("float"))) {
      return (longs > 0 ? "long " : "") + base;
    }
    if ("_Bool".equals(base) || "void".equals(base)) {
      return base;
    }
    if ("char".equals(base)) {
      return unsigned ? "unsigned char" : signed ? "signed char" : "char";
    }
    if ("__int128".equals(base)) {
      return unsigned ? "unsigned __int128" : "__int128";
    }
    String size =
        "short".equals(base) ? "short" : longs == 1 ? "long" : longs >= 2 ? "long long" : "int";
    return unsigned ? "unsigned " + size : size;
  }

  private CType record() {
    boolean union = next().text().equals("union");
    Location at = peek().location();
    Attrs attrs = attributes();
    String tag = null;
    if (peek().kind() == Token.Kind.IDENT && !peek().is("__attribute__")) {
      tag = next().text();
    }
    attrs.merge(attributes());
    if (!peek().is("{")) {
      return new CType.Record(union, tag, null);
    }
    int packAtDefinition = pack;
    String orderAtDefinition = storageOrder;
    List<RecordDef.Member> members = body();
    attrs.merge(attributes());
    RecordDef def =
        new RecordDef(
            union,
            tag,
            members,
            attrs.packed,
            packAtDefinition,
            attrs.aligned,
            attrs.storageOrder != null ? attrs.storageOrder : orderAtDefinition,
            at);
    if (tag != null) {
      decls.tagged.put(tag, def);
      decls.records.add(def);
    }
    return new CType.Record(union, tag, def);
  }

  private List<RecordDef.Member> body() {
    expect("{");
    List<RecordDef.Member> members = new ArrayList<>();
    while (!accept("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw new ParseException("unterminated struct or union body", t.location());
      }
      if (t.kind() == Token.Kind.PRAGMA_PACK) {
        pragmaPack(t);
        pos++;
        continue;
      }
      if (t.kind() == Token.Kind.PRAGMA_STORAGE_ORDER) {
        pos++; // GCC takes the pragma only outside a definition
        continue;
      }
      if (accept(";")) {
        continue;
      }
      if (t.is("_Static_assert") || t.is("static_assert")) {
        skipToSemicolon();
        continue;
      }
      Location at = t.location();
      Specs s = specifiers();
      if (accept(";")) {
        members.add(new RecordDef.Member(null, s.type, null, s.attrs.aligned, s.attrs.packed, at));
        continue;
      }
      while (true) {
        Location memberAt = peek().location();
        Declarator d =
            peek().is(":") ? new Declarator(null, UnaryOperator.identity()) : declarator();
        String bits = null;
        if (accept(":")) {
          bits = expression(Set.of(",", ";", "__attribute__"));
        }
        Attrs attrs = new Attrs();
        attrs.merge(s.attrs);
        attrs.merge(attributes());
        members.add(
            new RecordDef.Member(
                d.name, d.apply.apply(s.type), bits, attrs.aligned, attrs.packed, memberAt));
        if (accept(",")) {
          continue;
        }
        expect(";");
        break;
      }
    }
    return members;
  }

  private CType enumSpecifier() {
    next();
    attributes();
    String tag = null;
    if (peek().kind() == Token.Kind.IDENT && !peek().is("__attribute__")) {
      tag = next().text();
    }
    attributes();
    if (peek().is("{")) {
      skipBalanced();
      attributes();
    }
    return new CType.Enum(tag);
  }

  /** A declarator: the name it declares and how it derives its type from the specifiers' type. */
  private record Declarator(String name, UnaryOperator<CType> apply) {}

  private Declarator declarator() {
    int pointers = 0;
    while (true) {
      if (accept("*")) {
        pointers++;
      } else if (peek().kind() == Token.Kind.IDENT
          && (IGNORED.contains(peek().text()) || peek().is("_Atomic"))) {
        pos++;
      } else if (peek().is("__attribute__") || peek().is("__attribute")) {
        attributes();
      } else {
        break;
      }
    }
    String name = null;
    Declarator inner = null;
    if (peek().is("(") && nestedDeclaratorFollows()) {
      pos++;
      inner = declarator();
      expect(")");
      name = inner.name;
    } else if (peek().kind() == Token.Kind.IDENT) {
      name = next().text();
    }
    List<UnaryOperator<CType>> suffixes = new ArrayList<>();
    while (true) {
      if (accept("[")) {
        String length = expression(Set.of("]"));
        expect("]");
        String len = length.isBlank() ? null : length;
        suffixes.add(t -> new CType.Array(t, len));
      } else if (peek().is("(")) {
        skipBalanced();
        suffixes.add(CType.Function::new);
      } else {
        break;
      }
    }
    while (peek().is("__asm__") || peek().is("asm") || peek().is("__asm")) {
      pos++;
      skipBalanced();
    }
    final int stars = pointers;
    final Declarator nested = inner;
    UnaryOperator<CType> apply =
        base -> {
          CType t = base;
          for (int i = 0; i < stars; i++) {
            t = new CType.Pointer(t);
          }
          for (int i = suffixes.size() - 1; i >= 0; i--) {
            t = suffixes.get(i).apply(t);
          }
          return nested == null ? t : nested.apply.apply(t);
        };
    return new Declarator(name, apply);
  }

  private boolean nestedDeclaratorFollows() {
    Token after = peek(1);
    if (after.is("*")
        || after.is("(")
        || after.is("[")
        || after.is("__attribute__")
        || after.is("^")) {
      return true;
    }
    return after.kind() == Token.Kind.IDENT
        && !BASIC.contains(after.text())
        && !IGNORED.contains(after.text())
        && !decls.typedefs.containsKey(after.text())
        && !after.is("struct")
        && !after.is("union")
        && !after.is("enum")
        && (peek(2).is(")") || peek(2).is("["));
  }

  /**
   * Zero or more {@code __attribute__((...))}: packed, aligned and scalar_storage_order are kept,
   * others skipped.
   */
  private Attrs attributes() {
    Attrs a = new Attrs();
    while (peek().is("__attribute__") || peek().is("__attribute")) {
      pos++;
      expect("(");
      expect("(");
      while (!accept(")")) {
        if (accept(",")) {
          continue;
        }
        Token name = next();
        if (name.kind() == Token.Kind.EOF) {
          throw new ParseException("unterminated __attribute__", name.location());
        }
        String n = name.text().replaceAll("^__(.*)__$", "$1");
        String args = null;
        if (peek().is("(")) {
          pos++;
          args = expression(Set.of(")"));
          expect(")");
        }
        if (n.equals("packed")) {
          a.packed = true;
        } else if (n.equals("aligned")) {
          a.aligned = args == null || args.isBlank() ? "__BIGGEST_ALIGNMENT__" : args;
        } else if (n.equals("scalar_storage_order") && args != null) {
          a.storageOrder = args.replaceAll("[\"\\s]", "");
        }
      }
      expect(")");
    }
    return a;
  }

  /** The text of a balanced {@code ( ... )}, without the outer parentheses. */
  private String parenthesized() {
    expect("(");
    String text = expression(Set.of(")"));
    expect(")");
    return text;
  }

  /** The tokens up to (not including) one of {@code stops} at nesting depth 0, as text. */
  private String expression(Set<String> stops) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw new ParseException("unexpected end of input in an expression", t.location());
      }
      if (depth == 0 && t.kind() != Token.Kind.STRING && stops.contains(t.text())) {
        return sb.toString();
      }
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (depth == 0) {
          throw new ParseException("unbalanced '" + t.text() + "'", t.location());
        }
        depth--;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text());
      pos++;
    }
  }

  private void skipBalanced() {
    Token open = next();
    String close = open.is("(") ? ")" : open.is("[") ? "]" : "}";
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw new ParseException(
            "no '" + close + "' for the '" + open.text() + "' here", open.location());
      }
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      }
    }
  }

  private void skipToSemicolon() {
    int depth = 0;
    while (peek().kind() != Token.Kind.EOF) {
      Token t = next();
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth = Math.max(0, depth - 1);
      } else if (t.is(";") && depth == 0) {
        return;
      }
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean accept(String s) {
    if (peek().is(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!accept(s)) {
      throw new ParseException(
          "expected '" + s + "', found '" + peek().text() + "'", peek().location());
    }
  }

  private static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Location location;

    ParseException(String message, Location location) {
      super(message);
      this.location = location;
    }
  }
}
