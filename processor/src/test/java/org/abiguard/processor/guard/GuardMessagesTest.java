package org.abiguard.processor.guard;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * The guard's narrowing and sign messages in full: a one-line summary naming the value's real
 * source and its sink, then one fix per line, each valid Java where it shows code.
 */
class GuardMessagesTest {
  private static final Source CHAIN =
      Source.of(
          "p.Chain",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Chain {
        @U32 int space;
        @U16 int narrow;

        void run(Chain x) {
          int b;
          narrow = b = x.space;
        }
      }
      """);

  @Test
  void aChainedAssignmentSuggestsACheckOfItsSource() {
    Compilation c = Compile.javac(CHAIN);
    Expected.assertExactly(
        c,
        CHAIN.error(
            "narrow = b",
            "= x.space",
            """
        [abiguard:narrowing] field Chain.space (u32) can reach field Chain.narrow (u16): values \
        0x10000..0xFFFFFFFF would be truncated
            - widen the field to u32
            - reject values above 0xFFFF before the assignment: if (x.space < 0 || x.space > 0xFFFF), return an \
        error or throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
  }

  private static final Source GAUGE =
      Source.of(
          "p.Gauge",
          """
      package p;

      import org.abiguard.U16;

      class Gauge {
        float level;

        static void show(@U16 int value) {}

        static void run(Gauge g) {
          show((int) g.level);
        }
      }
      """);

  /**
   * In strict mode an integer made from a plain float is held to {@code int}'s range; a check of
   * the float narrows it (NaN, which passes the check, becomes 0), so the message suggests that
   * check, and the code with it compiles without any diagnostic.
   */
  @Test
  void anIntegerMadeFromAFloatSuggestsACheckOfTheFloat() {
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), GAUGE);
    Expected.assertExactly(
        c,
        GAUGE.error(
            "show((int) g.level)",
            "(int) g.level",
            """
        [abiguard:narrowing] (int) g.level (s32) can reach parameter 'value' of show (u16): values \
        -0x80000000..-0x1 and 0x10000..0x7FFFFFFF would be truncated
            - widen the parameter to s32
            - reject values outside 0x0..0xFFFF before the call: if (g.level < 0 || g.level > \
        0xFFFF), return an error or throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
    Source checked =
        Source.of(
            "p.Gauge",
            GAUGE
                .text()
                .replace(
                    "show((int) g.level);",
                    "if (g.level < 0 || g.level > 0xFFFF) { return; } show((int) g.level);"));
    Expected.assertExactly(Compile.javac(List.of("-Aabiguard.mode=strict"), checked));
  }

  private static final Source SPACES =
      Source.of(
          "p.Spaces",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Spaces {
        @U32 long space;

        static void addOne(@U16 int space) {}

        static void forward(long v) {
          addOne((int) v);
        }

        static void run(Spaces x) {
          forward(x.space);
        }
      }
      """);

  /**
   * In lenient mode a value passed to a parameter without a width is followed into the method: the
   * message, where it is passed, names the sink and the parameter it went through, and offers the
   * check before the call and the width for the parameter, each of which then compiles without any
   * diagnostic.
   */
  @Test
  void aValuePassedIntoAMethodNamesTheParameterItWentThrough() {
    Compilation c = Compile.javac(SPACES);
    Expected.assertExactly(
        c,
        SPACES.error(
            "forward(x.space)",
            ".space",
            """
        [abiguard:narrowing] field Spaces.space (u32) can reach parameter 'space' of addOne (u16) \
        through parameter 'v' of forward (line 12): values 0x10000..0xFFFFFFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (x.space > 0xFFFF), return an error or \
        throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit
            - or declare parameter 'v' of forward with the width it must have (@U16): each call is \
        then checked where it passes a value"""));
    Source checked =
        Source.of(
            "p.Spaces",
            SPACES
                .text()
                .replace(
                    "forward(x.space);", "if (x.space > 0xFFFF) { return; } forward(x.space);"));
    Expected.assertExactly(Compile.javac(checked));
    Source declared =
        Source.of("p.Spaces", SPACES.text().replace("forward(long v)", "forward(@U16 long v)"));
    Expected.assertExactly(
        Compile.javac(declared),
        declared.error(
            "forward(x.space)",
            ".space",
            """
        [abiguard:narrowing] field Spaces.space (u32) can reach parameter 'v' of forward (u16): values \
        0x10000..0xFFFFFFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (x.space > 0xFFFF), return an error or \
        throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
  }

  private static final Source WIRE =
      Source.of(
          "p.Wire",
          """
      package p;

      import java.nio.ByteBuffer;
      import org.abiguard.U64;

      class Wire {
        @U64 long addr;

        void load(ByteBuffer b) {
          addr = b.getLong(0);
        }
      }
      """);

  /**
   * In strict mode a long read from memory into a u64's raw bits is reported, since it may be a
   * negative number; the message offers the mask that says it is the u64's bits, which then
   * compiles without any diagnostic.
   */
  @Test
  void aRawReadIntoAU64OffersTheMaskThatSaysItIsBits() {
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), WIRE);
    Expected.assertExactly(
        c,
        WIRE.error(
            "addr = b.getLong(0)",
            "(0)",
            """
        [abiguard:sign] result of getLong() (s64) can reach field Wire.addr (u64): negative values \
        -0x8000000000000000..-0x1 would become huge u64 values
            - reject negative values before the assignment: long checked = b.getLong(0); if (checked < \
        0), return an error or throw, and pass checked
            - if b.getLong(0) already holds the bits of a u64 (read from memory, say), write \
        b.getLong(0) & 0xFFFFFFFFFFFFFFFFL to say so"""));
    Source masked =
        Source.of(
            "p.Wire", WIRE.text().replace("b.getLong(0);", "b.getLong(0) & 0xFFFFFFFFFFFFFFFFL;"));
    Expected.assertExactly(Compile.javac(List.of("-Aabiguard.mode=strict"), masked));
  }

  private static final Source PORTS =
      Source.of(
          "p.Ports",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U64;

      final class Ports {
        @U64 long word;

        static void bind(@U16 int port) {}

        private static int low17(long v) {
          return (int) (v & 0x1FFFF);
        }

        private static int low32(long v) {
          return (int) v;
        }

        static void run(Ports p) {
          bind(low17(p.word));
        }

        static void cut(Ports p) {
          bind(low32(p.word));
        }
      }
      """);

  /**
   * A check of a call would test a value computed again, not the one passed: the message suggests
   * checking a local that holds it, and the code with that check compiles without any diagnostic.
   * When the call cuts the value itself, the check belongs inside it.
   */
  @Test
  void aValueACallComputesIsCheckedThroughALocal() {
    Compilation c = Compile.javac(PORTS);
    Expected.assertExactly(
        c,
        PORTS.error(
            "bind(low17(p.word))",
            "(p.word)",
            """
        [abiguard:narrowing] expression `v & 0x1FFFF` returned by low17() can reach parameter 'port' \
        of bind (u16): values 0x10000..0x1FFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: int checked = low17(p.word); if (checked > \
        0xFFFF), return an error or throw, and pass checked
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""),
        PORTS.error(
            "bind(low32(p.word))",
            "(p.word)",
            """
        [abiguard:narrowing] field Ports.word (u64) returned by low32() can reach parameter 'port' of \
        bind (u16): values 0x10000..0xFFFFFFFFFFFFFFFF would be truncated
            - widen the parameter to u64
            - reject values above 0xFFFF inside low32(p.word), before the cast that keeps only their low 32 \
        bits (a check of its result cannot see the bits the cast dropped)
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
    Source checked =
        Source.of(
            "p.Ports",
            PORTS
                .text()
                .replace(
                    "bind(low17(p.word));",
                    "int checked = low17(p.word); if (checked > 0xFFFF) { return; } bind(checked);")
                .replace("bind(low32(p.word));", ""));
    Expected.assertExactly(Compile.javac(checked));
  }

  private static final Source CHECKSUM =
      Source.of(
          "p.Checksum",
          """
      package p;

      import org.abiguard.U16;

      class Checksum {
        @U16
        static int finish(@U16 int folded) {
          return ~folded;
        }
      }
      """);

  /**
   * Every value of {@code ~folded} is negative: rejecting them would reject everything, so the
   * message offers keeping the low bits, which then compiles without any diagnostic.
   */
  @Test
  void aValueThatIsAlwaysNegativeIsOfferedItsLowBits() {
    Compilation c = Compile.javac(CHECKSUM);
    Expected.assertExactly(
        c,
        CHECKSUM.error(
            "return ~folded",
            "~folded",
            """
        [abiguard:sign] expression `~folded` can reach return value of finish (u16): negative values \
        -0x10000..-0x1 would become huge u16 values
            - every value here is negative: to keep the low 16 bits, write (~folded) & 0xFFFF or \
        Abi.truncU16(...)"""));
    for (String fix : List.of("(~folded) & 0xFFFF", "Abi.truncU16(~folded)")) {
      Source fixed =
          Source.of(
              "p.Checksum",
              CHECKSUM
                  .text()
                  .replace("return ~folded;", "return " + fix + ";")
                  .replace(
                      "import org.abiguard.U16;",
                      "import org.abiguard.Abi;\nimport org.abiguard.U16;"));
      Expected.assertExactly(Compile.javac(fixed));
    }
  }

  private static final Source EXTENT =
      Source.of(
          "p.Extent",
          """
      package p;

      import org.abiguard.NativeLong;
      import org.abiguard.U16;
      import org.abiguard.U32;

      class Extent {
        @NativeLong long idx;

        static void one(@U32 long idx) {}

        static void port(@U16 int p) {}

        static void run(Extent t) {
          one(t.idx);
          port((int) t.idx);
        }
      }
      """);

  @Test
  void aCLongIsNamedWithItsWidthOnTheAbisWhereItIsLostAndReportedOnce() {
    Compilation c = Compile.javac(List.of("-Aabiguard.abis=x86_64,i386"), EXTENT);
    Expected.assertExactly(
        c,
        EXTENT.error(
            "one(t.idx)",
            ".idx",
            """
        [abiguard:narrowing] field Extent.idx (unsigned long: u64 on x86_64) can reach parameter 'idx' of one \
        (u32): values 0x100000000..0xFFFFFFFFFFFFFFFF would be truncated
            - widen the parameter to u64
            - reject values above 0xFFFFFFFF before the call: if (t.idx < 0 || t.idx > 0xFFFFFFFFL), return an error \
        or throw
            - write Abi.checkU32(...) (throws on them) or Abi.truncU32(...) (keeps the low bits) to make the \
        conversion explicit"""),
        EXTENT.error(
            "port((int) t.idx)",
            "(int)",
            """
        [abiguard:narrowing] field Extent.idx (unsigned long: u64 on x86_64) can reach parameter 'p' of port \
        (u16): values 0x10000..0xFFFFFFFFFFFFFFFF would be truncated
            - widen the parameter to u64
            - reject values above 0xFFFF before the call: if (t.idx < 0 || t.idx > 0xFFFF), return an error or \
        throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
  }

  private static final Source CASTS =
      Source.of(
          "p.Casts",
          """
      package p;

      import org.abiguard.S16;
      import org.abiguard.S32;
      import org.abiguard.U16;
      import org.abiguard.U32;

      class Casts {
        static void delta(@S32 int d) {}

        static void level(@S16 int l) {}

        static void run(@U32 long s, @U16 int port) {
          delta((int) s);
          level((short) port);
        }
      }
      """);

  /**
   * A value cast to a type that holds it as raw bits ({@code (int) s} of a {@code u32} in a {@code
   * long}) is checked on the cast's operand, which holds it as it is: {@code s > 0x7FFFFFFF}, not
   * {@code s < 0}, which no {@code u32} in a {@code long} is. A {@code u16} made a {@code short}
   * for an {@code s16} is rejected above 0x7FFF, not widened as unsigned (which an {@code s16}
   * cannot hold either). The code with each suggested check compiles without any diagnostic.
   */
  @Test
  void aCastValueIsCheckedOnItsOperand() {
    Compilation c = Compile.javac(CASTS);
    Expected.assertExactly(
        c,
        CASTS.error(
            "delta((int) s)",
            "(int) s",
            """
        [abiguard:narrowing] parameter 's' of run (u32) can reach parameter 'd' of delta (s32): values \
        0x80000000..0xFFFFFFFF would turn negative
            - widen the parameter to u32
            - reject values above 0x7FFFFFFF before the call: if (s > 0x7FFFFFFF), return an error or throw
            - write Abi.checkS32(...) to make the conversion explicit (it throws on them)"""),
        CASTS.error(
            "level((short) port)",
            "(short) port",
            """
        [abiguard:sign] parameter 'port' of run (u16) can reach parameter 'l' of level (s16) through Java's \
        sign-extending widening: raw u16 values 0x8000..0xFFFF arrive as -0x8000..-0x1
            - reject values above 0x7FFF before the call: if (port > 0x7FFF), return an error or throw
            - write Abi.checkS16(...) to make the conversion explicit (it throws on them)"""));
    Source checked =
        Source.of(
            "p.Casts",
            CASTS
                .text()
                .replace("delta((int) s);", "if (s > 0x7FFFFFFF) { return; } delta((int) s);")
                .replace(
                    "level((short) port);", "if (port > 0x7FFF) { return; } level((short) port);"));
    Expected.assertExactly(Compile.javac(checked));
  }

  private static final Source CONSTANTS =
      Source.of(
          "p.Constants",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Constants {
        static final int LIMIT = 0x10000;

        static void port(@U16 int p) {}

        static void space(@U32 long s) {}

        static void run() {
          port(LIMIT);
          space(-1);
        }
      }
      """);

  /**
   * A value that is always the same one where it reaches the sink (a constant) gets no range check
   * to write, which would be always true ({@code if (0x10000 > 0xFFFF)}): the fix is a value that
   * fits.
   */
  @Test
  void aConstantIsToldToFitNotToBeChecked() {
    Compilation c = Compile.javac(CONSTANTS);
    Expected.assertExactly(
        c,
        CONSTANTS.error(
            "port(LIMIT)",
            "LIMIT",
            """
        [abiguard:narrowing] constant LIMIT = 0x10000 can reach parameter 'p' of port (u16): values \
        0x10000 would be truncated
            - widen the parameter to u32
            - write a value that fits u16 (0x0..0xFFFF): this one is always 0x10000 here
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""),
        CONSTANTS.error(
            "space(-1)",
            "-1",
            """
        [abiguard:sign] constant -0x1 can reach parameter 's' of space (u32): negative values -0x1 would \
        become huge u32 values
            - write a value that fits u32 (0x0..0xFFFFFFFF): this one is always -0x1 here
            - write Abi.checkU32(...) to make the conversion explicit (it throws on them)"""));
  }

  private static final Source OFFSET =
      Source.of(
          "p.Offset",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U64;

      class Offset {
        @U64 long hostAddr;

        static void copyBytes(@U16 int off) {}

        static void run(Offset op) {
          int off = (int) op.hostAddr;
          if (off < 0 || off >= 4096) {
            return;
          }
          copyBytes(off);
        }
      }
      """);

  /**
   * A value checked after a cast dropped its upper bits: a check of the local would see only the
   * bits it kept, so the message asks for the check before the cast, and the code with that check
   * compiles without any diagnostic.
   */
  @Test
  void aValueCheckedAfterATruncatingCastIsToldToBeCheckedBeforeIt() {
    Compilation c = Compile.javac(OFFSET);
    Expected.assertExactly(
        c,
        OFFSET.error(
            "copyBytes(off)",
            "off)",
            """
        [abiguard:narrowing] field Offset.hostAddr (u64) can reach parameter 'off' of copyBytes (u16): values \
        0x10000..0xFFFFFFFFFFFFFFFF would be truncated
            - widen the parameter to u64
            - reject values above 0xFFFF before the cast that keeps only their low 32 bits in off (a check of \
        off cannot see the bits the cast dropped)
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
    Source checked =
        Source.of(
            "p.Offset",
            OFFSET
                .text()
                .replace(
                    "int off = (int) op.hostAddr;",
                    "if (op.hostAddr < 0 || op.hostAddr >= 4096) { return; } int off = (int) op.hostAddr;"));
    Expected.assertExactly(Compile.javac(checked));
  }

  private static final Source PENDING =
      Source.of(
          "p.Pending",
          """
      package p;

      import java.util.function.IntConsumer;
      import org.abiguard.U16;

      class Pending {
        static void setPending(@U16 int port) {}

        static IntConsumer handler() {
          return Pending::setPending;
        }
      }
      """);

  /**
   * A method reference that adapts an interface's plain {@code int} to a narrower parameter: the
   * values arrive through the interface, so the message suggests no check of the reference itself
   * (which would not compile), only where to reject them.
   */
  @Test
  void aMethodReferenceIsNotOfferedACheckOfItself() {
    Compilation c = Compile.javac(List.of("-Aabiguard.mode=strict"), PENDING);
    Expected.assertExactly(
        c,
        PENDING.error(
            "return Pending::setPending",
            "Pending::setPending",
            """
        [abiguard:narrowing] parameter 1 of accept (s32) can reach parameter 'port' of setPending (u16) \
        through method reference Pending::setPending: values -0x80000000..-0x1 and 0x10000..0x7FFFFFFF \
        would be truncated
            - widen the parameter to s32
            - reject values outside 0x0..0xFFFF before the call
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
  }

  private static final Source SHARED =
      Source.of(
          "p.Shared",
          """
      package p;

      import org.abiguard.AbiBits;
      import org.abiguard.AbiStruct;
      import org.abiguard.NativeLong;
      import org.abiguard.U64;
      import org.abiguard.U8;

      @AbiStruct(name = "tp_hdr")
      class Shared {
        @NativeLong public long status;
        @U8 @AbiBits(5) public int tos;

        static void run(Shared t, @U64 long status) {
          t.status = status;
          t.tos = 256;
        }
      }
      """);

  /**
   * A C {@code long} cannot be widened in a mirror every ABI shares, so the message says what can
   * be done instead; a bit-field is widened in bits.
   */
  @Test
  void sharedAndBitFieldSinksAreWidenedAsTheyCanBe() {
    Compilation c = Compile.javac(List.of("-Aabiguard.abis=x86_64,i386"), SHARED);
    Expected.assertExactly(
        c,
        SHARED.error(
            "t.status = status",
            "status;",
            """
        [abiguard:narrowing] parameter 'status' of run (u64) can reach field Shared.status (unsigned long: \
        u32 on i386): values 0x100000000..0xFFFFFFFFFFFFFFFF would be truncated
            - keep the values within u32, the C type's width on an ABI of this build, or give each ABI its \
        own mirror (abiguard-import --split-abis)
            - reject values above 0xFFFFFFFF before the assignment: if (status < 0 || status > \
        0xFFFFFFFFL), return an error or throw
            - write Abi.checkU32(...) (throws on them) or Abi.truncU32(...) (keeps the low bits) to make the \
        conversion explicit"""),
        SHARED.error(
            "t.tos = 256",
            "256",
            """
        [abiguard:narrowing] constant 0x100 can reach field Shared.tos (u5): values 0x100 would be truncated
            - widen the bit-field to 9 bits
            - write a value that fits u5 (0x0..0x1F): this one is always 0x100 here"""));
  }

  private static final Source PHYSMAP =
      Source.of(
          "p.Physmap",
          """
      package p;

      import org.abiguard.S32;
      import org.abiguard.U16;
      import org.abiguard.U32;

      class Physmap {
        @U32 long space;
        @S32 int delta;

        static int addOne(@U16 int space) {
          return space;
        }

        static void grow(@U32 long by) {}

        int checked(Physmap op) {
          if (op.space > 0xFFFF) {
            return -22;
          }
          return addToPhysmapOne(op);
        }

        int unchecked(Physmap op) {
          return addToPhysmapOne(op);
        }

        private int addToPhysmapOne(Physmap op) {
          return addOne((int) op.space);
        }

        void growChecked(Physmap op) {
          if (op.delta >= 0) {
            growOne(op);
          }
        }

        void growUnchecked(Physmap op) {
          growOne(op);
        }

        private void growOne(Physmap op) {
          grow(op.delta);
        }
      }
      """);

  /**
   * In a private method whose callers check but for one, the message names the call that brings the
   * lost values (Xen 4.4's shape: the common function checks, then hands the struct to its {@code
   * _one} worker), and a check before that call makes the class compile without any diagnostic; the
   * same for a sign that one caller does not check.
   */
  @Test
  void aPrivateMethodsFindingNamesTheCallThatDoesNotCheck() {
    Compilation c = Compile.javac(PHYSMAP);
    Expected.assertExactly(
        c,
        PHYSMAP.error(
            "return addOne((int) op.space)",
            "(int) op.space",
            """
        [abiguard:narrowing] field Physmap.space (u32) can reach parameter 'space' of addOne (u16): values \
        0x10000..0xFFFFFFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (op.space > 0xFFFF), return an error or throw
            - they come in through the call of addToPhysmapOne in unchecked (line 25): a check before it \
        keeps them out too
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""),
        PHYSMAP.error(
            "grow(op.delta);",
            ".delta);",
            """
        [abiguard:sign] field Physmap.delta (s32) can reach parameter 'by' of grow (u32): negative values \
        -0x80000000..-0x1 would become huge u32 values
            - reject negative values before the call: if (op.delta < 0), return an error or throw
            - they come in through the call of growOne in growUnchecked (line 39): a check before it keeps \
        them out too
            - write Abi.checkU32(...) to make the conversion explicit (it throws on them)"""));
    Source checked =
        Source.of(
            "p.Physmap",
            PHYSMAP
                .text()
                .replace(
                    "int unchecked(Physmap op) {",
                    "int unchecked(Physmap op) { if (op.space > 0xFFFF) { return -22; }")
                .replace(
                    "void growUnchecked(Physmap op) {",
                    "void growUnchecked(Physmap op) { if (op.delta < 0) { return; }"));
    Expected.assertExactly(Compile.javac(checked));
  }

  private static final Source RING =
      Source.of(
          "p.Ring",
          """
      package p;

      import org.abiguard.U16;
      import org.abiguard.U32;

      class Ring {
        @U32 long idx;

        static void slot(@U16 int idx) {}

        static Ring shared = new Ring();

        static {
          put(shared);
        }

        Ring() {}

        Ring(Ring from) {
          put(from);
        }

        void checked(Ring r) {
          if (r.idx <= 0xFFFF) {
            put(r);
          }
        }

        void twice(Ring r) {
          put(r);
          put(r);
        }

        void shifted(Ring r) {
          if (r.idx > 0xFFFF) {
            return;
          }
          bump(r);
        }

        void unshifted(Ring r) {
          if (r.idx > 0xFFFE) {
            return;
          }
          bump(r);
        }

        private static void put(Ring r) {
          slot((int) r.idx);
        }

        private static void bump(Ring r) {
          slot((int) r.idx + 1);
        }
      }
      """);

  /**
   * The calls that bring lost values are named where each one is, initializers and constructors
   * too, three of them and how many more; a value the method computed from what the calls passed (a
   * sum) names none, as a call that passed only values that fit may still bring a lost one.
   */
  @Test
  void everyCallThatBringsLostValuesIsNamedAndNoneOnceTheMethodComputesAnother() {
    Compilation c = Compile.javac(RING);
    Expected.assertExactly(
        c,
        RING.error(
            "slot((int) r.idx);",
            "(int) r.idx);",
            """
        [abiguard:narrowing] field Ring.idx (u32) can reach parameter 'idx' of slot (u16): values \
        0x10000..0xFFFFFFFF would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (r.idx > 0xFFFF), return an error or throw
            - they come in through the call of put in an initializer of Ring (line 14), the call of put in \
        a constructor of Ring (line 20), the call of put in twice (line 30) and 1 more: a check before \
        each keeps them out too
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""),
        RING.error(
            "slot((int) r.idx + 1);",
            "+ 1);",
            """
        [abiguard:narrowing] expression `(int) r.idx + 1` can reach parameter 'idx' of slot (u16): values \
        0x10000 would be truncated
            - widen the parameter to u32
            - reject values above 0xFFFF before the call: if (((int) r.idx + 1) > 0xFFFF), return an error \
        or throw
            - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
        conversion explicit"""));
  }
}
