package org.abiguard.example.xen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line end to end: the scripted session, traces, usage and trace errors, exit codes.
 */
class MainTest {
  /** What one run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String trace(String name) {
    try {
      return Path.of(MainTest.class.getResource("/traces/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertRow(String out, String op, String result, String argumentPart) {
    Pattern row =
        Pattern.compile(
            "(?m)^\\s*\\d+\\s+d\\d+\\s+"
                + Pattern.quote(op)
                + "\\s+"
                + Pattern.quote(result)
                + "\\s+.*"
                + Pattern.quote(argumentPart)
                + ".*$");
    assertTrue(
        row.matcher(out).find(),
        "a row " + op + " / " + result + " / " + argumentPart + " in\n" + out);
  }

  @Test
  void withoutArgumentsTheSessionRunsOnBothAbis() {
    Run r = run();
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("Xen memory_op and event_channel_op, x86_64 guests"));
    assertTrue(r.out().contains("Xen memory_op and event_channel_op, i386 guests"));
    assertTrue(
        r.out()
            .contains(
                "sizeof on x86_64: xen_memory_reservation 32, xen_memory_exchange 72, xen_add_to_physmap 24"));
    assertTrue(
        r.out()
            .contains(
                "sizeof on i386: xen_memory_reservation 20, xen_memory_exchange 44, xen_add_to_physmap 16"));
    assertRow(r.out(), "add_to_physmap", "-22 (EINVAL)", "space=0x10000 idx=0x300 gpfn=0x301");
    assertRow(r.out(), "add_to_physmap", "-22 (EINVAL)", "space=0x10002");
    assertRow(r.out(), "current_reservation", "-1 (EPERM)", "domid=0");
    assertRow(r.out(), "add_to_physmap", "-3 (ESRCH)", "domid=7");
    assertRow(r.out(), "#63", "-38 (ENOSYS)", "cmd=0x3f");
    assertRow(r.out(), "populate_physmap", "4", "nr_extents=4 extent_order=0");
    assertTrue(
        r.out().contains("extent_start=0x1020 [0x200 0x201 0x202 0x203]"),
        "a list stays with its field");
    assertTrue(r.out().contains("=> errs=[0 0 -22(EINVAL)]"), r.out());
    assertTrue(r.out().contains("=> size=4 idx=0x18 gpfn=0x508"), "gmfn_range progress");
    assertTrue(r.out().contains("(preempted 1x; the guest re-executed the continuation)"));
    assertFalse(r.out().contains("!!"));
  }

  @Test
  void theSessionOpensAnInterdomainEventChannelOnBothAbis() {
    Run r = run();
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("evtchn_op 28 (union u at 4: evtchn_status 24)"), r.out());
    for (String abi : new String[] {"x86_64", "i386"}) {
      String part = r.out().substring(r.out().indexOf(abi + " guests"));
      assertRow(part, "alloc_unbound", "0", "dom=DOMID_SELF remote_dom=0 port=0");
      assertTrue(part.contains("=> port=1"), part);
      assertRow(part, "bind_interdomain", "0", "remote_dom=1 remote_port=1 local_port=0");
      assertTrue(part.contains("=> local_port=1"), part);
      assertTrue(part.contains("(event pending: d1 port 1)"), part);
      assertTrue(
          part.contains(
              "=> status=EVTCHNSTAT_interdomain u.interdomain.dom=0 u.interdomain.port=1"),
          part);
      assertTrue(part.contains("=> status=EVTCHNSTAT_unbound u.unbound.dom=1"), part);
      assertRow(part, "alloc_unbound", "-28 (ENOSPC)", "remote_dom=0");
      assertRow(part, "alloc_unbound", "-1 (EPERM)", "dom=0 remote_dom=DOMID_SELF");
      assertRow(part, "status", "-1 (EPERM)", "dom=0 port=1");
      assertRow(part, "bind_interdomain", "-22 (EINVAL)", "remote_dom=DOMID_SELF remote_port=2");
      assertRow(part, "close", "-22 (EINVAL)", "port=0");
      assertRow(
          part, "event_channel_op", "-38 (ENOSYS)", "(raw event_channel_op_compat) arg=0x3000");
      assertRow(part, "event_channel_op", "-14 (EFAULT)", "arg=0x7fff0000");
      assertTrue(part.contains("event channel ports [1:unbound(d0) 2:unbound(d0)]"), part);
    }
  }

  @Test
  void anX86_64AndAnI386GuestShareAnEventChannel() {
    Run r = run("--trace", trace("cross-abi-event-channel.trace"));
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains("=> status=EVTCHNSTAT_interdomain u.interdomain.dom=0 u.interdomain.port=1"),
        r.out());
    assertTrue(r.out().contains("(event pending: d0 port 1)"), r.out());
    assertRow(r.out(), "status", "0", "(at 0x1ffc) dom=DOMID_SELF port=1");
    assertRow(r.out(), "alloc_unbound", "-28 (ENOSPC)", "dom=5");
    assertTrue(r.out().contains("=> status=EVTCHNSTAT_unbound u.unbound.dom=0"), r.out());
    assertTrue(
        r.out()
            .contains(
                "d5: 8 of max 32 pages, 8 gfns mapped, highest gfn 0x7, event channel ports"
                    + " [1:unbound(d0) 2:unbound(d0) 3:unbound(d0)]"),
        r.out());
  }

  /**
   * The 2014 bug surfaced through legacy Windows PV drivers that passed spaces with the top bit
   * set: the session's {@code space=0x80000002} call is refused, writes nothing back, and the
   * session ends in the same state as without it.
   */
  @Test
  void theSessionsTopBitSpaceIsEinvalAndChangesNothing(@TempDir Path dir) throws IOException {
    Run r = run();
    assertRow(r.out(), "add_to_physmap", "-22 (EINVAL)", "space=0x80000002 idx=0x300 gpfn=0x301");
    Matcher row = Pattern.compile("(?m)^.*space=0x80000002.*\\R(.*)$").matcher(r.out());
    assertTrue(row.find(), r.out());
    assertFalse(row.group(1).contains("=>"), "nothing written back: " + row.group(1));

    String session = Main.sessionText();
    String call =
        session.lines().filter(l -> l.contains("space=0x80000002")).findFirst().orElseThrow();
    assertTrue(call.endsWith("-> -EINVAL"), call);
    Path with = dir.resolve("with.trace");
    Path without = dir.resolve("without.trace");
    Files.writeString(with, session, StandardCharsets.UTF_8);
    Files.writeString(
        without, session.replace(call, "# (the call left out)"), StandardCharsets.UTF_8);
    for (String abi : new String[] {"x86_64", "i386"}) {
      Run a = run("--abi", abi, "--trace", with.toString());
      Run b = run("--abi", abi, "--trace", without.toString());
      assertEquals(0, a.status(), a.out() + a.err());
      assertEquals(0, b.status(), b.out() + b.err());
      assertEquals(summary(b.out()), summary(a.out()), "the final state on " + abi);
    }
  }

  /** The closing lines: pages, gfns and free frames of every domain. */
  private static String summary(String out) {
    return out.substring(out.lastIndexOf("\n\n") + 2);
  }

  @Test
  void theAbiOptionPicksOneAbi() {
    Run r = run("--abi", "i386");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("i386 guests"));
    assertFalse(r.out().contains("x86_64 guests"));
  }

  @Test
  void helpPrintsTheUsage() {
    Run r = run("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("usage: "));
    assertTrue(r.out().contains("--trace FILE"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--frobnicate|unknown argument '--frobnicate'",
        "--abi|--abi needs a value",
        "--abi,arm|unknown ABI 'arm': use x86_64 or i386",
        "--trace,a,--trace,b|--trace is given twice",
        "--trace,/no/such/file.trace|cannot read trace /no/such/file.trace"
      })
  void badCommandLinesExitWithStatus2(String args, String message) {
    Run r = run(args.split(","));
    assertEquals(2, r.status());
    assertTrue(r.err().contains("error: " + message), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void aTraceIsReplayedWithItsExpectations() {
    Run r = run("--trace", trace("foreign-mapping-session.trace"));
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("d5: unprivileged i386 guest, 16 pages"));
    assertRow(r.out(), "add_to_physmap_batch", "0", "space=gmfn_foreign size=2 foreign_domid=5");
    assertTrue(r.out().contains("idxs=0x1020 [0x3 0x4] gpfns=0x1030 [0x100 0x101]"), r.out());
    assertTrue(r.out().contains("=> errs=[0 0]"));
    assertRow(r.out(), "current_reservation", "15", "domid=5");
    assertRow(r.out(), "current_reservation", "-3 (ESRCH)", "(raw memory_op) cmd=0x3 arg=0x5000");
    assertRow(r.out(), "current_reservation", "-14 (EFAULT)", "arg=0x3ffff");
    assertTrue(r.out().contains("d5: 15 of max 64 pages"));
  }

  @Test
  void aResultOtherThanExpectedExitsWithStatus1() {
    Run r = run("--trace", trace("wrong-expectation.trace"));
    assertEquals(1, r.status());
    assertTrue(r.out().contains("!! line 3 expected 0, got -22 (EINVAL)"), r.out());
    assertTrue(r.err().contains("1 check failed"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown-operation.trace|:3: unknown operation 'grow_memory'; known: increase_reservation",
        "unknown-field.trace|:2: unknown field 'colour' for add_to_physmap; known: at, domid, gpfn, idx, size, space",
        "undeclared-domain.trace|:2: d2 is not declared; add a 'domain 2' line before",
        "malformed-line.trace|:3: '[' without ']'",
        "value-does-not-fit.trace|:3: the argument does not fit add_to_physmap's struct: xen_add_to_physmap.domid",
        "argument-not-mapped.trace|:2: cannot put the argument into d1's memory: guest address 0x9000: gfn 0x9 is not mapped",
        "bad-expectation.trace|:2: '-EWHATEVER' is not a result",
        "bad-event-channel-op.trace|:2: expected 'event_channel_op ADDR' with the raw register value",
        "bad-max-evtchn-port.trace|:1: '-1' is not a number (for max_evtchn_port)"
      })
  void badTracesNameTheLineAndExitWithStatus2(String file, String message) {
    Run r = run("--trace", trace(file));
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(file + message), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void aTraceWithSyntaxErrorsRunsNothing() {
    Run r = run("--trace", trace("malformed-line.trace"));
    assertEquals("", r.out());
  }

  private static void assertNoStackTrace(Run r) {
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
