package dev.mixauth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Java blocks of Markdown files and the marked snippet regions of Java sources, so that
 * tests can check that the docs show code the compiler has seen.
 */
final class Snippets {

  /** A fenced Java block of a Markdown file, and the line of its opening fence. */
  record Block(Path file, int line, String text) {}

  private static final Pattern START = Pattern.compile("^\\s*// snippet:start (\\S+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// snippet:end (\\S+)\\s*$");

  private Snippets() {}

  /**
   * Returns the root of the Maven reactor. Surefire sets {@code mixauth.root}; without it, the
   * parent of the working directory is used, which is the root when a test runs in mix-auth-it.
   */
  static Path root() {
    String configured = System.getProperty("mixauth.root");
    Path root =
        configured != null
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().getParent();
    return root.toAbsolutePath().normalize();
  }

  /** Returns the {@code ```java} blocks of a Markdown file, without their fences. */
  static List<Block> javaBlocks(Path markdown) {
    List<String> lines = readLines(markdown);
    List<Block> blocks = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (start < 0 && line.strip().equals("```java")) {
        start = i;
      } else if (start >= 0 && line.strip().equals("```")) {
        String text = String.join("\n", dedent(lines.subList(start + 1, i)));
        blocks.add(new Block(markdown, start + 1, text));
        start = -1;
      }
    }
    if (start >= 0) {
      throw new AssertionError(markdown + ":" + (start + 1) + ": the Java block is never closed");
    }
    return blocks;
  }

  /**
   * Returns the snippet regions of a Java source by name: the lines between {@code // snippet:start
   * NAME} and {@code // snippet:end NAME}, without their common indentation.
   */
  static Map<String, String> regions(Path source) {
    List<String> lines = readLines(source);
    Map<String, String> regions = new LinkedHashMap<>();
    String name = null;
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher startMarker = START.matcher(lines.get(i));
      Matcher endMarker = END.matcher(lines.get(i));
      if (startMarker.matches()) {
        if (name != null) {
          throw new AssertionError(source + ":" + (i + 1) + ": snippet " + name + " is not ended");
        }
        name = startMarker.group(1);
        start = i + 1;
      } else if (endMarker.matches()) {
        if (!endMarker.group(1).equals(name)) {
          throw new AssertionError(
              source + ":" + (i + 1) + ": snippet:end " + endMarker.group(1) + " has no start");
        }
        String previous = regions.put(name, String.join("\n", dedent(lines.subList(start, i))));
        if (previous != null) {
          throw new AssertionError(source + ": snippet " + name + " is defined twice");
        }
        name = null;
      }
    }
    if (name != null) {
      throw new AssertionError(source + ": snippet " + name + " is not ended");
    }
    return regions;
  }

  /** Removes the indentation that all non-blank lines share, and trailing blanks. */
  static List<String> dedent(List<String> lines) {
    int common = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        common = Math.min(common, line.length() - line.stripLeading().length());
      }
    }

    List<String> result = new ArrayList<>();
    for (String line : lines) {
      result.add(line.isBlank() ? "" : line.substring(common).stripTrailing());
    }
    return result;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + file, e);
    }
  }
}
