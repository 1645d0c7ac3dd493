package org.abiguard.importer.mirror;

import org.abiguard.importer.c.Location;

/** A C type the importer cannot mirror: why, and the C line. */
public final class Unmirrorable extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Location location;

  public Unmirrorable(String reason, Location location) {
    super(reason);
    this.location = location;
  }

  public Location location() {
    return location;
  }
}
