package org.abiguard.processor.guard;

import java.util.List;
import org.abiguard.processor.Compile;
import org.abiguard.processor.Expected;
import org.abiguard.processor.Expected.Source;
import org.junit.jupiter.api.Test;

/**
 * A call of a method of another top-level class, in another file and package, that writes a field
 * the caller checked forgets the check: the guard reads what the method writes from its source
 * parsed again, so the finding does not depend on which class javac analyses (and lowers) first. So
 * does a call of an interface method whose implementation in another file writes it: the guard
 * finds the implementation among the compilation's classes. A call whose receiver is of a final
 * class runs only that class's method.
 */
class OtherClassWritesTest {
  private static final Source REQ =
      Source.of(
          "p.Req",
          """
      package p;

      import org.abiguard.U32;

      public final class Req {
        @U32 public long space;
        @U32 public long idx;
      }
      """);

  private static final Source WRITERS =
      Source.of(
          "p.util.Writers",
          """
      package p.util;

      import p.Req;

      public final class Writers {
        private Writers() {}

        public static void setSpace(Req r, long raw) { r.space = raw & 0xFFFFFFFFL; }

        public static void viaAnother(Req r, long raw) { setSpace(r, raw); }

        public static void setIdx(Req r, long raw) { r.idx = raw & 0xFFFFFFFFL; }

        public static Req copy(Req r) {
          Req out = new Req();
          out.space = r.space;
          out.idx = r.idx;
          return out;
        }
      }
      """);

  private static final Source OPS =
      Source.of(
          "p.Ops",
          """
      package p;

      import org.abiguard.U16;
      import p.util.Writers;

      final class Ops {
        static void addOne(@U16 int space) {}

        static int rewritten(Req r, long raw) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          Writers.viaAnother(r, raw);
          addOne((int) r.space); // rewritten
          return 0;
        }

        static int kept(Req r, long raw) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          Writers.setIdx(r, raw);
          Req copy = Writers.copy(r);
          addOne((int) r.space);
          addOne((int) (copy.idx & 0xFFFF));
          return 0;
        }
      }
      """);

  private static final Source STEP =
      Source.of(
          "p.api.Step",
          """
      package p.api;

      import p.Req;

      public interface Step {
        void apply(Req r, long raw);
      }
      """);

  private static final Source STEPS =
      Source.of(
          "p.impl.Steps",
          """
      package p.impl;

      import p.Req;
      import p.api.Step;

      public final class Steps {
        private Steps() {}

        public static final class SpaceStep implements Step {
          @Override
          public void apply(Req r, long raw) { r.space = raw & 0xFFFFFFFFL; }
        }

        public static final class IdxStep implements Step {
          @Override
          public void apply(Req r, long raw) { r.idx = raw & 0xFFFFFFFFL; }
        }
      }
      """);

  private static final Source DISPATCHING =
      Source.of(
          "p.Dispatching",
          """
      package p;

      import org.abiguard.U16;
      import p.api.Step;
      import p.impl.Steps;

      final class Dispatching {
        static void addOne(@U16 int space) {}

        static int rewritten(Step step, Req r, long raw) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          step.apply(r, raw);
          addOne((int) r.space); // rewritten
          return 0;
        }

        static int kept(Steps.IdxStep step, Req r, long raw) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          step.apply(r, raw);
          addOne((int) r.space);
          return 0;
        }
      }
      """);

  private static final String REWRITTEN =
      """
      [abiguard:narrowing] field Req.space (u32) can reach parameter 'space' of addOne (u16): values \
      0x10000..0xFFFFFFFF would be truncated
          - widen the parameter to u32
          - reject values above 0xFFFF before the call: if (r.space > 0xFFFF), return an error or throw
          - write Abi.checkU16(...) (throws on them) or Abi.truncU16(...) (keeps the low bits) to make the \
      conversion explicit""";

  /**
   * {@code viaAnother} writes {@code r.space} through {@code setSpace}: the check before it is
   * forgotten, whether javac analyses {@code Writers} first (lowered and written by then) or last;
   * {@code setIdx} writes another field and {@code copy} only a new object, so {@code kept} keeps
   * its check.
   */
  @Test
  void writesOfAnotherClassCountWhicheverClassJavacAnalysesFirst() {
    Expected expected = OPS.error("// rewritten", "(int) r.space", REWRITTEN);
    Expected.assertExactly(Compile.javac(WRITERS, REQ, OPS), expected);
    Expected.assertExactly(Compile.javac(OPS, REQ, WRITERS), expected);
  }

  /** Strict mode forgets the same check, and keeps the same ones. */
  @Test
  void strictModeForgetsTheSame() {
    Expected.assertExactly(
        Compile.javac(List.of("-Aabiguard.mode=strict"), OPS, WRITERS, REQ),
        OPS.error("// rewritten", "(int) r.space", REWRITTEN));
  }

  /**
   * A chain of {@code length} static methods of another class, each calling the next, none writing
   * anything, and a caller that checks {@code r.space}, calls the first, then uses it.
   */
  private static Expected.Source[] chain(int length) {
    StringBuilder methods = new StringBuilder();
    for (int i = 0; i < length; i++) {
      methods
          .append("  public static void m")
          .append(i)
          .append("(Req r) { ")
          .append(i + 1 < length ? "m" + (i + 1) + "(r);" : "")
          .append(" }\n");
    }
    Source chained =
        Source.of("p.Chained", "package p;\n\npublic final class Chained {\n" + methods + "}\n");
    Source user =
        Source.of(
            "p.User",
            """
        package p;

        import org.abiguard.U16;

        final class User {
          static void addOne(@U16 int space) {}

          static int use(Req r) {
            if (r.space > 0xFFFF) {
              return -22;
            }
            Chained.m0(r);
            addOne((int) r.space); // after the chain
            return 0;
          }
        }
        """);
    return new Source[] {REQ, chained, user};
  }

  /**
   * A call is followed through at most {@code OtherClassWrites.MAX_BODIES} (400) bodies: a chain of
   * 400 that writes nothing keeps the check; past that, the call is taken to write any field, and
   * the check is forgotten.
   */
  @Test
  void aCallThatReachesTooManyBodiesMayWriteAnyField() {
    Expected.assertExactly(Compile.javac(chain(400)));
    Source[] longer = chain(402);
    Expected.assertExactly(
        Compile.javac(longer), longer[2].error("// after the chain", "(int) r.space", REWRITTEN));
  }

  /**
   * {@code step.apply} may run {@code SpaceStep.apply}, which writes {@code r.space}: the check
   * before it is forgotten, whether javac analyses {@code Steps} before {@code Ops} or after it; a
   * receiver of the final {@code IdxStep} runs only its method, which writes {@code r.idx}.
   */
  @Test
  void anOverrideInAnotherFileCountsWhicheverClassJavacAnalysesFirst() {
    Expected expected = DISPATCHING.error("// rewritten", "(int) r.space", REWRITTEN);
    Expected.assertExactly(Compile.javac(STEPS, STEP, REQ, DISPATCHING), expected);
    Expected.assertExactly(Compile.javac(DISPATCHING, REQ, STEP, STEPS), expected);
  }

  /** Strict mode forgets the same check after the call that dispatches, and keeps the same one. */
  @Test
  void strictModeForgetsTheSameOverride() {
    Expected.assertExactly(
        Compile.javac(List.of("-Aabiguard.mode=strict"), DISPATCHING, STEPS, STEP, REQ),
        DISPATCHING.error("// rewritten", "(int) r.space", REWRITTEN));
  }

  private static final Source TASKS =
      Source.of(
          "p.impl.Tasks",
          """
      package p.impl;

      import java.util.function.Consumer;
      import p.Req;

      public final class Tasks {
        private Tasks() {}

        public static class SpaceTask implements Consumer<Req> {
          @Override
          public void accept(Req r) { r.space = 0x12345L; }
        }

        public static final class IdxTask implements Consumer<Req> {
          @Override
          public void accept(Req r) { r.idx = 0x12345L; }
        }
      }
      """);

  private static final Source PASSING =
      Source.of(
          "p.Passing",
          """
      package p;

      import java.util.List;
      import java.util.function.Consumer;
      import org.abiguard.U16;
      import p.impl.Tasks;

      final class Passing {
        static void addOne(@U16 int space) {}

        static int rewritten(Consumer<Req> task, Req r) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          List.of(r).forEach(task);
          addOne((int) r.space); // rewritten
          return 0;
        }

        static int kept(Tasks.IdxTask task, Req r) {
          if (r.space > 0xFFFF) {
            return -22;
          }
          List.of(r).forEach(task);
          addOne((int) r.space);
          return 0;
        }
      }
      """);

  /**
   * {@code forEach}, from the JDK, may run {@code task.accept}, which may be {@code
   * SpaceTask.accept}, in another file, which writes {@code r.space}: the check before it is
   * forgotten, whether javac analyses {@code Tasks} before {@code Passing} or after it; an object
   * of the final {@code IdxTask} runs only its method, which writes {@code r.idx}.
   */
  @Test
  void aFunctionPassedToAJarMethodCountsWhicheverClassJavacAnalysesFirst() {
    Expected expected = PASSING.error("// rewritten", "(int) r.space", REWRITTEN);
    Expected.assertExactly(Compile.javac(TASKS, REQ, PASSING), expected);
    Expected.assertExactly(Compile.javac(PASSING, REQ, TASKS), expected);
    Expected.assertExactly(
        Compile.javac(List.of("-Aabiguard.mode=strict"), PASSING, TASKS, REQ), expected);
  }
}
