package org.abiguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.transfer.MetadataTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.junit.jupiter.api.Test;

/**
 * check-abi's search for the previous release, against a resolver that answers as Maven's does
 * (versions from the repositories it could read, an exception for each it could not), and what
 * check-abi makes of it.
 */
class PreviousReleaseTest {
  private static final Metadata METADATA =
      new DefaultMetadata(
          "org.example", "hv", "maven-metadata.xml", Metadata.Nature.RELEASE_OR_SNAPSHOT);
  private static final RemoteRepository CENTRAL =
      new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2")
          .build();
  private static final RemoteRepository RELEASES =
      new RemoteRepository.Builder("releases", "default", "http://127.0.0.1:9/repo").build();
  private static final RemoteRepository DISABLED =
      new RemoteRepository.Builder("disabled", "default", "https://example.org/repo")
          .setPolicy(new RepositoryPolicy(false, null, null))
          .build();
  private static final RemoteRepository SNAPSHOTS =
      new RemoteRepository.Builder("snapshots", "default", "http://127.0.0.1:9/snapshots")
          .setReleasePolicy(new RepositoryPolicy(false, null, null))
          .build();

  /** A resolver whose version range lookup finds {@code versions}, with {@code exceptions}. */
  private static PreviousRelease.Search search(
      boolean offline, List<String> versions, List<Exception> exceptions, RemoteRepository... repos)
      throws Exception {
    List<VersionRangeRequest> asked = new ArrayList<>();
    RepositorySystem system =
        (RepositorySystem)
            Proxy.newProxyInstance(
                PreviousReleaseTest.class.getClassLoader(),
                new Class<?>[] {RepositorySystem.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("resolveVersionRange")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  VersionRangeRequest request = (VersionRangeRequest) args[1];
                  asked.add(request);
                  VersionRangeResult result = new VersionRangeResult(request);
                  GenericVersionScheme scheme = new GenericVersionScheme();
                  for (String v : versions) {
                    result.addVersion(scheme.parseVersion(v));
                  }
                  exceptions.forEach(result::addException);
                  return result;
                });
    DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
    session.setOffline(offline);
    PreviousRelease.Search s =
        new PreviousRelease(system, session, List.of(repos))
            .search("org.example", "hv", "jar", "1.1-SNAPSHOT");
    assertEquals("[0,1.1-SNAPSHOT)", asked.get(0).getArtifact().getVersion());
    return s;
  }

  private static Exception transferFailed(RemoteRepository r) {
    return new MetadataTransferException(
        METADATA,
        r,
        "Could not transfer metadata org.example:hv/maven-metadata.xml from/to "
            + r.getId()
            + " ("
            + r.getUrl()
            + "): transfer failed");
  }

  private static Exception notFound(RemoteRepository r) {
    return new MetadataNotFoundException(METADATA, r);
  }

  private static Exception offline(RemoteRepository r) {
    return new MetadataNotFoundException(
        METADATA,
        r,
        "Cannot access " + r.getId() + " in offline mode",
        new RepositoryOfflineException(r));
  }

  private static final String NAME_IT =
      "name the release to compare with, -Dabiguard.baselineVersion=VERSION (or"
          + " <baselineVersion>), or a copy of it, -Dabiguard.baselineFile=PATH (its jar or its"
          + " abi-manifest.json)";

  @Test
  void anUnreachableRepositoryFailsNamingItAndClaimsOnlyTheOthersSearched() throws Exception {
    PreviousRelease.Search s =
        search(
            false,
            List.of(),
            List.of(
                new MetadataNotFoundException(
                    METADATA, (org.eclipse.aether.repository.LocalRepository) null),
                transferFailed(RELEASES),
                notFound(CENTRAL)),
            RELEASES,
            CENTRAL);
    assertEquals(
        List.of("the local repository", "central (https://repo.maven.apache.org/maven2)"),
        s.searched());
    PreviousRelease.Outcome o = PreviousRelease.outcome(s, "org.example:hv", "1.1-SNAPSHOT");
    assertEquals(Optional.empty(), o.release());
    assertEquals(
        Optional.of(
            "abiguard check-abi: cannot tell which release of org.example:hv precedes 1.1-SNAPSHOT:"
                + " a repository could not be searched: releases (http://127.0.0.1:9/repo): Could not"
                + " transfer metadata org.example:hv/maven-metadata.xml from/to releases"
                + " (http://127.0.0.1:9/repo): transfer failed. Searched: the local repository,"
                + " central (https://repo.maven.apache.org/maven2) (no release there). Make the"
                + " repositories reachable, or "
                + NAME_IT
                + "; -Dabiguard.checkAbi.skip=true skips the check"),
        o.failure());
  }

  @Test
  void aReleaseFoundElsewhereDoesNotExcuseAnUnreachableRepository() throws Exception {
    PreviousRelease.Outcome o =
        PreviousRelease.outcome(
            search(
                false, List.of("0.9", "1.0"), List.of(transferFailed(RELEASES)), CENTRAL, RELEASES),
            "org.example:hv",
            "1.1-SNAPSHOT");
    assertEquals(Optional.empty(), o.release());
    String failure = o.failure().orElseThrow();
    assertEquals(
        true,
        failure.contains(
            ". Searched: the local repository, central (https://repo.maven.apache.org/maven2)"
                + " (newest release there: 1.0, but a newer one may be in the repositories not"
                + " searched)."),
        failure);
  }

  @Test
  void noReleaseAnywhereIsANoticeNamingTheRepositoriesSearched() throws Exception {
    // a first release: every repository answered that it has none; one with releases disabled
    // is not named, and cannot fail the search (it holds no release to compare with)
    PreviousRelease.Outcome o =
        PreviousRelease.outcome(
            search(
                false,
                List.of("1.1-SNAPSHOT"),
                List.of(notFound(CENTRAL), transferFailed(SNAPSHOTS)),
                CENTRAL,
                DISABLED,
                SNAPSHOTS),
            "org.example:hv",
            "1.1-SNAPSHOT");
    assertEquals(Optional.empty(), o.failure());
    assertEquals(Optional.empty(), o.release());
    assertEquals(
        Optional.of(
            "abiguard check-abi: no release of org.example:hv below 1.1-SNAPSHOT in the local"
                + " repository, central (https://repo.maven.apache.org/maven2): nothing to compare"
                + " with yet (set baselineVersion or baselineFile to compare with another)"),
        o.notice());
  }

  @Test
  void theNewestReleaseIsComparedWhenEveryRepositoryWasSearched() throws Exception {
    PreviousRelease.Outcome o =
        PreviousRelease.outcome(
            search(false, List.of("0.9", "1.0", "1.1-SNAPSHOT"), List.of(), CENTRAL),
            "org.example:hv",
            "1.1-SNAPSHOT");
    assertEquals(
        new PreviousRelease.Outcome(
            Optional.of("1.0"), Optional.empty(), Optional.empty(), Optional.empty()),
        o);
  }

  @Test
  void offlineWithoutAReleaseFailsSayingWhichRepositoriesWereNotSearched() throws Exception {
    PreviousRelease.Search s =
        search(true, List.of(), List.of(offline(RELEASES), offline(CENTRAL)), RELEASES, CENTRAL);
    assertEquals(List.of("the local repository"), s.searched());
    PreviousRelease.Outcome o = PreviousRelease.outcome(s, "org.example:hv", "1.1-SNAPSHOT");
    assertEquals(
        Optional.of(
            "abiguard check-abi: no release of org.example:hv below 1.1-SNAPSHOT in the local"
                + " repository, and Maven is offline, so releases (http://127.0.0.1:9/repo),"
                + " central (https://repo.maven.apache.org/maven2) were not searched (no copy of"
                + " their metadata of org.example:hv from an earlier online build): a release there"
                + " cannot be ruled out. Build online, or "
                + NAME_IT
                + "; before the first release, skip the check with -Dabiguard.checkAbi.skip=true"),
        o.failure());
  }

  @Test
  void offlineWithALocalReleaseComparesWithItAndWarns() throws Exception {
    // central's metadata was downloaded before (no exception); releases' never was
    PreviousRelease.Outcome o =
        PreviousRelease.outcome(
            search(true, List.of("1.0"), List.of(offline(RELEASES)), RELEASES, CENTRAL),
            "org.example:hv",
            "1.1-SNAPSHOT");
    assertEquals(Optional.empty(), o.failure());
    assertEquals(Optional.of("1.0"), o.release());
    assertEquals(
        Optional.of(
            "abiguard check-abi: Maven is offline, so releases (http://127.0.0.1:9/repo) was not"
                + " searched (no copy of its metadata of org.example:hv from an earlier online"
                + " build): comparing with the newest release in the local repository, central"
                + " (https://repo.maven.apache.org/maven2) (its metadata as downloaded before); a"
                + " newer release in the repositories not searched would not be seen"),
        o.warning());
  }
}
