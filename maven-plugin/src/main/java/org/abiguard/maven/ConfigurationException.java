package org.abiguard.maven;

/**
 * The plugin's configuration or the build's output cannot be used; the message says what to change.
 */
public final class ConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
