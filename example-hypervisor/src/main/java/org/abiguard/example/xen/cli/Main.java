package org.abiguard.example.xen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.abiguard.example.xen.hv.GuestAbi;
import org.abiguard.example.xen.pub.EvtchnOpMarshaller;
import org.abiguard.example.xen.pub.EvtchnStatusMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapBatchMarshaller;
import org.abiguard.example.xen.pub.XenAddToPhysmapMarshaller;
import org.abiguard.example.xen.pub.XenForeignMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMemoryExchangeMarshaller;
import org.abiguard.example.xen.pub.XenMemoryMapMarshaller;
import org.abiguard.example.xen.pub.XenMemoryReservationMarshaller;
import org.abiguard.example.xen.pub.XenPodTargetMarshaller;
import org.abiguard.example.xen.pub.XenRemoveFromPhysmapMarshaller;

/**
 * The example's command line: with no arguments it runs the scripted session (a privileged dom0 and
 * an unprivileged d1 calling every modelled {@code XENMEM_*} and {@code EVTCHNOP_*} operation) once
 * for x86_64 guests and once for i386 guests; {@code --trace FILE} replays a trace instead.
 *
 * <p>Exit status: 0 when every call returned what its line expected, 1 when one did not (or the
 * model found its state inconsistent), 2 for a bad command line or a bad trace, 3 for a bug in the
 * example itself.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar abiguard-example-hypervisor.jar [--abi x86_64|i386] [--trace FILE] [--help]",
          "",
          "A working model of Xen's memory and event channel hypercalls (HYPERVISOR_memory_op,",
          "XENMEM_*; HYPERVISOR_event_channel_op_compat, EVTCHNOP_*) whose guest argument structs",
          "are abiguard mirrors of public/memory.h and public/event_channel.h.",
          "",
          "  (no arguments)   run the scripted session on x86_64 and on i386 guests",
          "  --abi ABI        run guests of this ABI only: x86_64 or i386 (in a trace: the ABI of",
          "                   domains whose line names none)",
          "  --trace FILE     replay the hypercall trace in FILE (format: example-hypervisor/README.md)",
          "  --help           this text",
          "",
          "exit status: 0 all calls returned what the trace expected, 1 some did not,",
          "             2 bad command line or bad trace, 3 a bug in this example",
          "");

  /** The scripted session, itself a trace. */
  static final String SESSION = "session.trace";

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CliArgs cli;
    try {
      cli = CliArgs.parse(args);
    } catch (CliArgs.UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (cli.help()) {
      out.print(USAGE);
      return 0;
    }
    OpCatalog catalog = new OpCatalog();
    CallTable table = new CallTable(out);
    try {
      if (cli.trace().isPresent()) {
        String file = cli.trace().get();
        String text;
        try {
          text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
          err.println("error: cannot read trace " + file + ": " + e.getMessage());
          return 2;
        }
        String abi = cli.abi().orElse(GuestAbi.X86_64).id();
        TraceLine.Trace trace = new TraceParser(catalog, abi).parse(file, text);
        return report(new TraceRunner(catalog, table).run(trace), err);
      }
      String session = sessionText();
      int failures = 0;
      for (GuestAbi abi : cli.abi().map(List::of).orElse(List.of(GuestAbi.values()))) {
        table.title(
            "Xen memory_op and event_channel_op, "
                + abi
                + " guests: every argument is written and read"
                + " with the "
                + abi
                + " codecs");
        out.println(structSizes(abi));
        TraceLine.Trace trace = new TraceParser(catalog, abi.id()).parse(SESSION, session);
        failures += new TraceRunner(catalog, table).run(trace);
      }
      return report(failures, err);
    } catch (TraceException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("internal error (a bug in the example hypervisor, please report it): " + e);
      return 3;
    }
  }

  /** The sizes of the argument structs on {@code abi}, from the generated codecs. */
  static String structSizes(GuestAbi abi) {
    String id = abi.id();
    return String.format(
        "sizeof on %s: xen_memory_reservation %d, xen_memory_exchange %d, xen_add_to_physmap %d,"
            + " xen_add_to_physmap_batch %d, xen_remove_from_physmap %d, xen_memory_map %d,"
            + " xen_foreign_memory_map %d, xen_pod_target %d, evtchn_op %d (union u at %d: evtchn_status %d)",
        id,
        XenMemoryReservationMarshaller.codec(id).size(),
        XenMemoryExchangeMarshaller.codec(id).size(),
        XenAddToPhysmapMarshaller.codec(id).size(),
        XenAddToPhysmapBatchMarshaller.codec(id).size(),
        XenRemoveFromPhysmapMarshaller.codec(id).size(),
        XenMemoryMapMarshaller.codec(id).size(),
        XenForeignMemoryMapMarshaller.codec(id).size(),
        XenPodTargetMarshaller.codec(id).size(),
        EvtchnOpMarshaller.codec(id).size(),
        abi == GuestAbi.X86_64
            ? EvtchnOpMarshaller.X86_64.OFFSET_U
            : EvtchnOpMarshaller.I386.OFFSET_U,
        EvtchnStatusMarshaller.codec(id).size());
  }

  private static int report(int failures, PrintStream err) {
    if (failures > 0) {
      err.println(
          "error: "
              + failures
              + " check"
              + (failures == 1 ? "" : "s")
              + " failed (lines marked !!)");
      return 1;
    }
    return 0;
  }

  static String sessionText() {
    try (InputStream in = Main.class.getResourceAsStream(SESSION)) {
      if (in == null) {
        throw new IllegalStateException(
            "the session script " + SESSION + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the session script: " + e.getMessage(), e);
    }
  }
}
