package org.abiguard.importer;

/** Where the importer reports progress, problems and the types it leaves out. */
public interface ImportLog {
  void info(String message);

  void warn(String message);

  void error(String message);

  /** A log that prints to standard output (info) and standard error (warn, error). */
  static ImportLog console() {
    return new ImportLog() {
      @Override
      public void info(String message) {
        System.out.println(message);
      }

      @Override
      public void warn(String message) {
        System.err.println("warning: " + message);
      }

      @Override
      public void error(String message) {
        System.err.println("error: " + message);
      }
    };
  }
}
