package org.abiguard.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.transfer.MetadataTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.version.Version;

/**
 * Finds and fetches a release of the project's artifact through Maven's own resolver, from the
 * project's repositories (the local one first), as any dependency would be.
 *
 * <p>The resolver lists versions from each repository's {@code maven-metadata.xml}, and a
 * repository whose metadata could not be transferred (unreachable, refused, or Maven offline
 * without a copy from before) is left out of the list without failing: {@link #search} says which
 * repositories were searched and which were not, so that "no release" is never concluded from a
 * repository nobody could read.
 */
final class PreviousRelease {
  /**
   * What a search for the newest release found.
   *
   * @param newest the newest release below the version, among the repositories searched
   * @param searched the repositories whose releases were listed, as messages name them (the local
   *     repository first)
   * @param unreachable the remote repositories that could not be searched, each with the resolver's
   *     reason ({@code audit (http://127.0.0.1:9/repo): Could not transfer ...})
   * @param offline the remote repositories not searched because Maven is offline and has no copy of
   *     their metadata from before
   */
  record Search(
      Optional<String> newest,
      List<String> searched,
      List<String> unreachable,
      List<String> offline) {
    /** Whether every repository that may hold a release was searched. */
    boolean complete() {
      return unreachable.isEmpty() && offline.isEmpty();
    }
  }

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  PreviousRelease(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
  }

  /**
   * The newest version of {@code groupId:artifactId} below {@code version} that is not a snapshot,
   * if the repositories searched know one, and which repositories could not be searched.
   */
  Search search(String groupId, String artifactId, String extension, String version)
      throws VersionRangeResolutionException {
    Artifact range = new DefaultArtifact(groupId, artifactId, extension, "[0," + version + ")");
    VersionRangeResult result =
        system.resolveVersionRange(
            session, new VersionRangeRequest(range, repositories, "abiguard check-abi"));
    Optional<String> newest = Optional.empty();
    List<Version> versions = result.getVersions();
    for (int i = versions.size() - 1; i >= 0 && newest.isEmpty(); i--) {
      String v = versions.get(i).toString();
      if (!v.endsWith("-SNAPSHOT") && !v.equals(version)) {
        newest = Optional.of(v);
      }
    }
    List<String> searched = new ArrayList<>(List.of("the local repository"));
    List<String> unreachable = new ArrayList<>();
    List<String> offline = new ArrayList<>();
    List<Exception> exceptions = new ArrayList<>(result.getExceptions());
    for (RemoteRepository r : repositories) {
      MetadataTransferException failure = null;
      for (Exception e : exceptions) {
        if (e instanceof MetadataTransferException t && sameRepository(t.getRepository(), r)) {
          failure = t;
          break;
        }
      }
      exceptions.remove(failure);
      if (!r.getPolicy(false).isEnabled()) {
        continue; // releases disabled: it can hold no release to compare with (not named either)
      }
      if (failure == null || isNotFound(failure)) {
        searched.add(
            describe(r) + (session.isOffline() ? " (its metadata as downloaded before)" : ""));
      } else if (causedBy(failure, RepositoryOfflineException.class)) {
        offline.add(describe(r));
      } else {
        unreachable.add(describe(r) + ": " + message(failure));
      }
    }
    for (Exception e : exceptions) {
      // the local repository's "not found" is its answer; anything else left is a failure
      if (!(e instanceof MetadataNotFoundException t && t.getRepository() == null)) {
        unreachable.add("a repository: " + message(e));
      }
    }
    return new Search(
        newest, List.copyOf(searched), List.copyOf(unreachable), List.copyOf(offline));
  }

  /**
   * What {@code check-abi} does after a search: compare with a release ({@code release}, after
   * {@code warning} where present), say that there is none yet ({@code notice}), or fail ({@code
   * failure}: a release may exist in a repository that could not be searched).
   */
  record Outcome(
      Optional<String> release,
      Optional<String> warning,
      Optional<String> notice,
      Optional<String> failure) {}

  private static final String NAME_IT =
      "name the release to compare with, -Dabiguard.baselineVersion=VERSION (or"
          + " <baselineVersion>), or a copy of it, -Dabiguard.baselineFile=PATH (its jar or its"
          + " abi-manifest.json)";

  /**
   * The outcome of {@code search} for {@code coordinates} ({@code groupId:artifactId}) below {@code
   * version}. A repository that could not be searched fails the check, found release or not (a
   * newer one may be there); with Maven offline, the remote repositories it has no metadata of fail
   * it only when no release was found at all, and are named in a warning otherwise.
   */
  static Outcome outcome(Search search, String coordinates, String version) {
    String searched = String.join(", ", search.searched());
    if (!search.unreachable().isEmpty()) {
      int n = search.unreachable().size();
      return failure(
          "abiguard check-abi: cannot tell which release of "
              + coordinates
              + " precedes "
              + version
              + ": "
              + (n == 1 ? "a repository" : n + " repositories")
              + " could not be searched: "
              + String.join("; ", search.unreachable())
              + (search.offline().isEmpty()
                  ? ""
                  : "; and Maven is offline, so "
                      + String.join(", ", search.offline())
                      + (search.offline().size() == 1 ? " was" : " were")
                      + " not searched")
              + ". Searched: "
              + searched
              + search
                  .newest()
                  .map(
                      v ->
                          " (newest release there: "
                              + v
                              + ", but a newer one may be in the repositories not searched)")
                  .orElse(" (no release there)")
              + ". Make the repositories reachable, or "
              + NAME_IT
              + "; -Dabiguard.checkAbi.skip=true skips the check");
    }
    if (!search.offline().isEmpty()) {
      String notSearched =
          "Maven is offline, so "
              + String.join(", ", search.offline())
              + (search.offline().size() == 1 ? " was" : " were")
              + " not searched (no copy of "
              + (search.offline().size() == 1 ? "its" : "their")
              + " metadata of "
              + coordinates
              + " from an earlier online build)";
      if (search.newest().isPresent()) {
        return new Outcome(
            search.newest(),
            Optional.of(
                "abiguard check-abi: "
                    + notSearched
                    + ": comparing with the newest release in "
                    + searched
                    + "; a newer release in the repositories not searched would not be seen"),
            Optional.empty(),
            Optional.empty());
      }
      return failure(
          "abiguard check-abi: no release of "
              + coordinates
              + " below "
              + version
              + " in "
              + searched
              + ", and "
              + notSearched
              + ": a release there cannot be ruled out. Build online, or "
              + NAME_IT
              + "; before the first release, skip the check with -Dabiguard.checkAbi.skip=true");
    }
    if (search.newest().isPresent()) {
      return new Outcome(search.newest(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new Outcome(
        Optional.empty(),
        Optional.empty(),
        Optional.of(
            "abiguard check-abi: no release of "
                + coordinates
                + " below "
                + version
                + " in "
                + searched
                + ": nothing to compare with yet (set baselineVersion or baselineFile to compare"
                + " with another)"),
        Optional.empty());
  }

  private static Outcome failure(String message) {
    return new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(message));
  }

  /** A metadata file the repository answered it does not have (offline is not an answer). */
  private static boolean isNotFound(MetadataTransferException e) {
    return e instanceof MetadataNotFoundException && !causedBy(e, RepositoryOfflineException.class);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameRepository(RemoteRepository a, RemoteRepository b) {
    return a != null && a.getId().equals(b.getId()) && a.getUrl().equals(b.getUrl());
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  /** The file of {@code groupId:artifactId:extension:version}, downloaded where needed. */
  File fetch(String groupId, String artifactId, String extension, String version)
      throws ArtifactResolutionException {
    Artifact artifact = new DefaultArtifact(groupId, artifactId, extension, version);
    return system
        .resolveArtifact(session, new ArtifactRequest(artifact, repositories, "abiguard check-abi"))
        .getArtifact()
        .getFile();
  }

  /** The repositories' ids, for messages: {@code the local repository, central (https://...)}. */
  String describe() {
    StringBuilder sb = new StringBuilder("the local repository");
    for (RemoteRepository r : repositories) {
      sb.append(", ").append(describe(r));
    }
    return sb.toString();
  }

  private static String describe(RemoteRepository r) {
    return r.getId() + " (" + r.getUrl() + ")";
  }
}
