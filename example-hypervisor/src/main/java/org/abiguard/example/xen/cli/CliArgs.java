package org.abiguard.example.xen.cli;

import java.util.Optional;
import org.abiguard.example.xen.hv.GuestAbi;

/**
 * The command line: {@code [--abi x86_64|i386] [--trace FILE] [--help]}.
 *
 * @param abi the guest ABI asked for, if any
 * @param trace the trace file to replay, if any
 * @param help {@code --help}
 */
record CliArgs(Optional<GuestAbi> abi, Optional<String> trace, boolean help) {
  /** A command line that is not understood. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CliArgs parse(String[] args) throws UsageException {
    Optional<GuestAbi> abi = Optional.empty();
    Optional<String> trace = Optional.empty();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> help = true;
        case "--abi", "--trace" -> {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value");
          }
          String value = args[++i];
          if (arg.equals("--abi")) {
            if (abi.isPresent()) {
              throw new UsageException("--abi is given twice");
            }
            abi =
                Optional.of(
                    GuestAbi.byId(value)
                        .orElseThrow(
                            () ->
                                new UsageException(
                                    "unknown ABI '" + value + "': use x86_64 or i386")));
          } else {
            if (trace.isPresent()) {
              throw new UsageException("--trace is given twice");
            }
            trace = Optional.of(value);
          }
        }
        default -> throw new UsageException("unknown argument '" + arg + "'");
      }
    }
    return new CliArgs(abi, trace, help);
  }
}
