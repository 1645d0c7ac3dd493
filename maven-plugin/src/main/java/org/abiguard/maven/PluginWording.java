package org.abiguard.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The importer's messages as a Maven build reads them: the importer words its advice for its
 * command line ({@code --cc i386=COMMAND}), and the plugin configures the same options as
 * parameters ({@code <compilers><i386>COMMAND</i386></compilers>}). Text without a command-line
 * option is left as it is.
 */
final class PluginWording {
  private static final Pattern QUOTED_CC = Pattern.compile("--cc '(\\w+)=([^']*)'");
  private static final Pattern CC = Pattern.compile("--cc (\\w+)=(COMMAND|\\.\\.\\.)");
  private static final String PER_GROUP_CLI =
      "with --split-abis (or with one import per group, --abis x86_64,i386 --abi-specific"
          + " --package org.example.x86)";
  private static final String PER_GROUP_PLUGIN =
      "with <splitAbis>true</splitAbis> (or with one execution per group,"
          + " <abis>x86_64,i386</abis> <abiSpecific>true</abiSpecific>"
          + " <packageName>org.example.x86</packageName>)";

  private PluginWording() {}

  /** {@code message} with the importer's command-line options named as the plugin's parameters. */
  static String of(String message) {
    if (message == null || !message.contains("--")) {
      return message;
    }
    String s = replace(QUOTED_CC, message, m -> tag("compilers", tag(m.group(1), m.group(2))));
    s = replace(CC, s, m -> tag("compilers", tag(m.group(1), m.group(2))));
    s = s.replace(PER_GROUP_CLI, PER_GROUP_PLUGIN);
    s = s.replace("--split-abis", "<splitAbis>true</splitAbis>");
    s = s.replace("--types REGEX", "<types>REGEX</types>");
    s = replace(Pattern.compile("--types (\\S+)"), s, m -> tag("types", m.group(1)));
    s = replace(Pattern.compile("--abis ([\\w,]+)"), s, m -> tag("abis", m.group(1)));
    s = s.replace("with --header", "in <headers>").replace("no --header", "no <headers>");
    return s;
  }

  private static String tag(String name, String content) {
    return "<" + name + ">" + content + "</" + name + ">";
  }

  private static String replace(
      Pattern pattern, String s, java.util.function.Function<Matcher, String> with) {
    return pattern.matcher(s).replaceAll(m -> Matcher.quoteReplacement(with.apply((Matcher) m)));
  }
}
