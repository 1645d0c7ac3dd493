package org.abiguard.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeResolutionException;

/**
 * Compares this build's ABI manifest ({@code META-INF/abiguard/abi-manifest.json}) with the one in
 * the previous release of the same artifact: the newest non-SNAPSHOT version below this one in the
 * project's repositories, resolved by Maven's own resolver; or {@code baselineVersion}, or {@code
 * baselineFile}. Every removed, moved, resized, re-signed or re-aligned struct or member fails the
 * build, naming the type, member and ABI with the old and the new value; a type, or a member added
 * where it moves nothing, is reported as compatible. With no previous release in any repository
 * there is nothing to compare: a notice, not a failure. A repository that could not be searched
 * (unreachable; or, with Maven offline, one it has no metadata of from before, when no release was
 * found elsewhere) fails the build, naming it: "no release" is never concluded from a repository
 * nobody read. A named baseline ({@code baselineFile}, {@code baselineVersion}) without {@code
 * abi-manifest.json} fails the build too.
 */
@Mojo(name = "check-abi", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckAbiMojo extends AbstractMojo {
  /**
   * The release to compare with, instead of the newest release below this version, e.g. {@code
   * 1.0}. It must exist in the project's repositories and have {@code
   * META-INF/abiguard/abi-manifest.json}.
   */
  @Parameter(property = "abiguard.baselineVersion")
  String baselineVersion;

  /**
   * A baseline file to compare with instead of a release: a jar with {@code
   * META-INF/abiguard/abi-manifest.json}, or such a manifest itself (a jar without one fails the
   * build). Wins over {@code baselineVersion}.
   */
  @Parameter(property = "abiguard.baselineFile")
  File baselineFile;

  /** The class output that holds this build's {@code META-INF/abiguard/abi-manifest.json}. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  File classesDirectory;

  /** Whether an incompatible change fails the build; when false it is a warning. */
  @Parameter(property = "abiguard.failOnBreak", defaultValue = "true")
  boolean failOnBreak;

  /** Skip this goal (e.g. for a release that breaks the ABI on purpose). */
  @Parameter(property = "abiguard.checkAbi.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(
      defaultValue = "${project.remoteProjectRepositories}",
      readonly = true,
      required = true)
  List<RemoteRepository> remoteRepositories;

  private final RepositorySystem repositorySystem;

  /**
   * @param repositorySystem Maven's resolver, injected by Maven (JSR-330)
   */
  @Inject
  public CheckAbiMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("abiguard check-abi: skipped");
      return;
    }
    if ("pom".equals(project.getPackaging()) && baselineFile == null) {
      getLog()
          .info(
              "abiguard check-abi: nothing to compare: a pom project has no classes and no manifest");
      return;
    }
    Optional<Baseline> baseline = baseline();
    if (baseline.isEmpty()) {
      return;
    }
    String current;
    Path manifest = classesDirectory.toPath().resolve(Baseline.MANIFEST);
    try {
      current =
          Files.isRegularFile(manifest) ? Files.readString(manifest, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new MojoExecutionException(
          "abiguard check-abi: cannot read " + manifest + ": " + why(e), e);
    }
    AbiCheck.Result result;
    try {
      result =
          AbiCheck.run(
              current, baseline.get(), failOnBreak, new AbstractCMojo.MavenBuildLog(getLog()));
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (result.failed() && failOnBreak) {
      int n = result.breaks().size();
      throw new MojoFailureException(
          "abiguard check-abi: "
              + n
              + " incompatible ABI "
              + (n == 1 ? "change" : "changes")
              + " since "
              + baseline.get().label()
              + " (see the errors above): C code and data built against "
              + baseline.get().since()
              + " no longer match this build; restore the old layouts, or, for an intended"
              + " break, skip this check with -Dabiguard.checkAbi.skip=true");
    }
  }

  /**
   * Why {@code baselineFile} cannot be a baseline, for the user: it does not exist or is a
   * directory; empty when it is a file.
   */
  static Optional<String> unusableBaselineFile(Path file) {
    if (Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(
        "abiguard check-abi: the baselineFile "
            + file
            + (Files.exists(file) ? " is not a file" : " does not exist")
            + ": name the previous release's jar, or its "
            + Baseline.MANIFEST
            + " (or leave baselineFile out to compare with the previous release in the"
            + " repositories)");
  }

  /** An I/O failure in words, without Java's class names. */
  static String why(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "not a readable jar (" + e.getMessage() + ")";
    }
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }

  /** The baseline to compare with, or empty (with a notice) when there is none. */
  private Optional<Baseline> baseline() throws MojoExecutionException {
    String groupId = project.getGroupId();
    String artifactId = project.getArtifactId();
    String extension = project.getArtifact().getArtifactHandler().getExtension();
    if (baselineFile != null) {
      Optional<String> unusable = unusableBaselineFile(baselineFile.toPath());
      if (unusable.isPresent()) {
        throw new MojoExecutionException(unusable.get());
      }
      try {
        Baseline b =
            Baseline.of(baselineFile.toPath(), baselineFile.getPath(), baselineFile.getName())
                .requireManifest("baselineFile");
        getLog().info("abiguard check-abi: comparing with " + baselineFile + " (baselineFile)");
        return Optional.of(b);
      } catch (ConfigurationException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "abiguard check-abi: cannot read the baselineFile " + baselineFile + ": " + why(e), e);
      }
    }
    PreviousRelease releases =
        new PreviousRelease(repositorySystem, repositorySession, remoteRepositories);
    String version = baselineVersion;
    if (version == null || version.isBlank()) {
      PreviousRelease.Outcome outcome;
      try {
        outcome =
            PreviousRelease.outcome(
                releases.search(groupId, artifactId, extension, project.getVersion()),
                groupId + ":" + artifactId,
                project.getVersion());
      } catch (VersionRangeResolutionException e) {
        throw new MojoExecutionException(
            "abiguard check-abi: cannot list the releases of "
                + groupId
                + ":"
                + artifactId
                + " in "
                + releases.describe()
                + ": "
                + e.getMessage(),
            e);
      }
      if (outcome.failure().isPresent()) {
        throw new MojoExecutionException(outcome.failure().get());
      }
      outcome.warning().ifPresent(getLog()::warn);
      if (outcome.release().isEmpty()) {
        getLog().info(outcome.notice().orElseThrow());
        return Optional.empty();
      }
      version = outcome.release().get();
    }
    String label = groupId + ":" + artifactId + ":" + version;
    try {
      File file = releases.fetch(groupId, artifactId, extension, version);
      Baseline b = Baseline.of(file.toPath(), label, version);
      if (baselineVersion != null && !baselineVersion.isBlank()) {
        b = b.requireManifest("baselineVersion");
      }
      getLog()
          .info(
              "abiguard check-abi: comparing with "
                  + label
                  + (baselineVersion == null || baselineVersion.isBlank()
                      ? " (the newest release below " + project.getVersion() + ")"
                      : " (baselineVersion)"));
      return Optional.of(b);
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException(
          "abiguard check-abi: cannot resolve "
              + label
              + " from "
              + releases.describe()
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "abiguard check-abi: cannot read " + label + ": " + why(e), e);
    }
  }
}
