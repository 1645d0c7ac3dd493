package org.abiguard.processor.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abiguard.processor.Expected;
import org.junit.jupiter.api.Test;

/**
 * Every message ends with a line linking its kind's page in {@code docs/}: the link points into the
 * repository the root pom names, the page exists and is the kind's.
 */
class DocsLinkTest {
  /** The repository root: tests run in the processor module's directory. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void linksPointIntoTheRepositoryThePomNames() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher scm = Pattern.compile("<scm\\b.*?<url>([^<]+)</url>", Pattern.DOTALL).matcher(pom);
    assertTrue(scm.find(), "the root pom has an <scm><url>");
    assertEquals(scm.group(1) + "/blob/main/docs/", Reporter.DOCS);
    assertEquals(Reporter.DOCS, Expected.DOCS);
  }

  @Test
  void everyKindHasItsPage() throws IOException {
    for (AbiKind kind : AbiKind.values()) {
      assertPage(kind.id(), "`" + kind.prefix() + "`");
    }
    assertPage(Reporter.SELF_PAGE, "`[abiguard]`");
  }

  /** The Reporter's own text; javac shows the last line indented by two more spaces. */
  @Test
  void messagesEndWithTheLineOfTheirPage() {
    assertEquals(
        "[abiguard:sign] text\n  (see https://github.com/abiguard/abiguard/blob/main/docs/sign.md)",
        Reporter.format(AbiKind.SIGN, "text"));
    assertEquals(
        "[abiguard:abi-break] text\n"
            + "  (see https://github.com/abiguard/abiguard/blob/main/docs/abi-break.md)",
        Reporter.format(AbiKind.ABI_BREAK, "text"));
    assertEquals(
        "[abiguard] text\n  (see https://github.com/abiguard/abiguard/blob/main/docs/abiguard.md)",
        Reporter.self("text"));
  }

  private static void assertPage(String page, String heading) throws IOException {
    Path file = ROOT.resolve("docs").resolve(page + ".md");
    assertTrue(Files.isRegularFile(file), "missing page " + file);
    String first = Files.readString(file).lines().findFirst().orElse("");
    assertTrue(
        first.startsWith("# " + heading), file + " starts with '# " + heading + "': " + first);
  }
}
