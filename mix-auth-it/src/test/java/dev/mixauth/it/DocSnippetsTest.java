package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that every Java block of the SDK docs is a snippet that the build compiles, and that no
 * snippet is left out of the docs.
 */
class DocSnippetsTest {

  private static final Path ROOT = Snippets.root();

  /** The Markdown files whose Java blocks must be snippets. README.md counts once it exists. */
  private static List<Path> docs() {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("docs/sdk.md"));
    docs.add(ROOT.resolve("mix-sdk/README.md"));
    if (Files.exists(ROOT.resolve("README.md"))) {
      docs.add(ROOT.resolve("README.md"));
    }
    return docs;
  }

  /** Returns every snippet by name, from DocSnippets.java and the Quickstart example. */
  static Map<String, String> snippets() {
    Map<String, String> snippets = new LinkedHashMap<>();
    snippets.putAll(
        Snippets.regions(ROOT.resolve("mix-auth-it/src/test/java/dev/mixauth/it/DocSnippets.java")));
    snippets.putAll(Snippets.regions(ROOT.resolve("mix-auth-it/src/example/java/Quickstart.java")));
    return snippets;
  }

  @Test
  void snippetSourcesHaveSnippets() {
    assertThat(snippets()).containsKeys("quickstart", "errors", "listener");
  }

  @Test
  void everyDocBlockIsSnippet() {
    Map<String, String> snippets = snippets();

    for (Path doc : docs()) {
      List<Snippets.Block> blocks = Snippets.javaBlocks(doc);
      assertThat(blocks).as(doc + " has Java blocks").isNotEmpty();
      for (Snippets.Block block : blocks) {
        assertThat(snippets.values())
            .as(
                "%s:%d: this Java block matches no snippet. Copy it between snippet:start and"
                    + " snippet:end markers in DocSnippets.java, or fix the differing lines",
                ROOT.relativize(block.file()),
                block.line())
            .contains(block.text());
      }
    }
  }

  @Test
  void everySnippetIsInDocs() {
    List<String> docBlocks = new ArrayList<>();
    for (Path doc : docs()) {
      Snippets.javaBlocks(doc).forEach(block -> docBlocks.add(block.text()));
    }

    snippets()
        .forEach(
            (name, text) ->
                assertThat(docBlocks)
                    .as("snippet %s appears in no doc; show it or delete it", name)
                    .contains(text));
  }
}
