package org.abiguard.maven;

import java.io.File;
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
import org.eclipse.aether.version.Version;

/**
 * Finds and fetches a release of the project's artifact through Maven's own resolver, from the
 * project's repositories (the local one first), as any dependency would be.
 */
final class PreviousRelease {
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
   * if the repositories know one.
   */
  Optional<String> newestBelow(String groupId, String artifactId, String extension, String version)
      throws VersionRangeResolutionException {
    Artifact range = new DefaultArtifact(groupId, artifactId, extension, "[0," + version + ")");
    VersionRangeResult result =
        system.resolveVersionRange(
            session, new VersionRangeRequest(range, repositories, "abiguard check-abi"));
    List<Version> versions = result.getVersions();
    for (int i = versions.size() - 1; i >= 0; i--) {
      String v = versions.get(i).toString();
      if (!v.endsWith("-SNAPSHOT") && !v.equals(version)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
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

  /** The repositories' ids, for messages: {@code local, central}. */
  String describe() {
    StringBuilder sb = new StringBuilder("the local repository");
    for (RemoteRepository r : repositories) {
      sb.append(", ").append(r.getId()).append(" (").append(r.getUrl()).append(")");
    }
    return sb.toString();
  }
}
