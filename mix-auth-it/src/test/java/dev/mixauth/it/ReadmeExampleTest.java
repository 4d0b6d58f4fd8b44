package dev.mixauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.ProviderStatus;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SDK example of the docs as a user would: compiled against the SDK jar and its Jackson
 * jars alone, in a new JVM, against a running server. The example is the main method of
 * src/example/java/Quickstart.java, and its body must be the text of the example's Java block in
 * docs/sdk.md, and in README.md once README.md has a "## Java SDK" section.
 */
class ReadmeExampleTest {

  private static final Path ROOT = Snippets.root();
  private static final Path EXAMPLE = ROOT.resolve("mix-auth-it/src/example/java/Quickstart.java");
  private static final String README_SECTION = "## Java SDK";

  /** The jars that the SDK needs at run time: itself and jackson-databind with its two parts. */
  private static final List<String> JACKSON_JARS =
      List.of("jackson-databind-", "jackson-core-", "jackson-annotations-");

  /** Generous, because a new JVM took up to 25 s on a busy 2-core machine. */
  private static final long RUN_TIMEOUT_SECONDS = 120;
  private static final String OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789abcdefa9F2";
  private static final String ANTHROPIC_KEY = "sk-ant-api03-NotAnOpenRouterKeyAtAll-0003";

  @TempDir static Path work;

  private static String classPath;

  @BeforeAll
  static void compileExample() throws IOException {
    List<Path> jars = new ArrayList<>();
    jars.add(sdkJar());
    jars.addAll(jacksonJars());
    Path classes = Files.createDirectories(work.resolve("classes"));

    String compileClassPath = join(jars);
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            diagnostics,
            diagnostics,
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            "-classpath",
            compileClassPath,
            "-d",
            classes.toString(),
            EXAMPLE.toString());

    assertThat(status)
        .as("javac of %s failed:%n%s", EXAMPLE, diagnostics.toString(StandardCharsets.UTF_8))
        .isZero();
    classPath = compileClassPath + File.pathSeparator + classes;
  }

  @Test
  void exampleIsInDocs() throws IOException {
    String example = DocSnippetsTest.snippets().get("quickstart");
    List<String> sdkDocBlocks = texts(Snippets.javaBlocks(ROOT.resolve("docs/sdk.md")));

    assertThat(example).isNotNull();
    assertThat(sdkDocBlocks).contains(example);

    Path readme = ROOT.resolve("README.md");
    boolean readmeHasSection =
        Files.exists(readme)
            && Files.readAllLines(readme).stream().anyMatch(line -> line.strip().equals(README_SECTION));
    if (readmeHasSection) {
      assertThat(texts(Snippets.javaBlocks(readme))).contains(example);
    }
  }

  @Test
  void exampleStoresKeyInFreshJvm() throws Exception {
    try (RunningServer server = RunningServer.start(work.resolve("store-ok"), Map.of());
        Mix mix = server.client()) {
      Result result = runExample(server.url(), OPENROUTER_KEY);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdoutLines()).hasSize(4);
      // The hint's "…" prints as "?" where the JVM's default charset lacks it.
      assertThat(result.stdoutLines().get(0))
          .startsWith("Stored the openrouter API key sk-or-v1-")
          .endsWith("a9F2.");
      assertThat(result.stdoutLines().subList(1, 4))
          .containsExactly("anthropic: none", "openai: none", "openrouter: api_key");
      assertThat(result.stdout()).doesNotContain(OPENROUTER_KEY);
      ProviderStatus stored = mix.authentication().getAuthStatus().statusOf(Provider.OPENROUTER).orElseThrow();
      assertThat(stored.authMethod()).isEqualTo(AuthMethod.API_KEY);
      assertThat(stored.keyHint()).isEqualTo("sk-or-v1-…a9F2");
    }
  }

  @Test
  void exampleReportsErrorResponse() throws Exception {
    try (RunningServer server = RunningServer.start(work.resolve("store-bad"), Map.of())) {
      Result result = runExample(server.url(), ANTHROPIC_KEY);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      assertThat(result.stdout()).isEmpty();
      assertThat(result.stderr())
          .startsWith("400 validation_error: api_key looks like an Anthropic key");
      assertThat(result.stderr()).doesNotContain(ANTHROPIC_KEY);
    }
  }

  /** Output of one run of the example. */
  private record Result(int exitCode, String stdout, String stderr) {
    List<String> stdoutLines() {
      return stdout.lines().collect(Collectors.toList());
    }
  }

  private static Result runExample(String serverUrl, String apiKey) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stdout = Files.createTempFile(work, "stdout", ".txt");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-cp", classPath, "Quickstart", serverUrl)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put("OPENROUTER_API_KEY", apiKey);

    Process process = builder.start();
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the example did not finish within " + RUN_TIMEOUT_SECONDS + " s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Returns mix-sdk/target/mix-sdk-VERSION.jar, which the reactor's package phase builds. */
  private static Path sdkJar() throws IOException {
    Path target = ROOT.resolve("mix-sdk/target");
    List<Path> jars;
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      jars =
          files
              .filter(path -> path.getFileName().toString().matches("mix-sdk-[^-].*\\.jar"))
              .filter(path -> !path.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
              .collect(Collectors.toList());
    }
    assertThat(jars)
        .as(
            "expected one SDK jar in %s. Run this test through the reactor, such as"
                + " ./mvnw -pl mix-auth-it -am verify, so that mix-sdk is packaged first",
            target)
        .hasSize(1);
    return jars.get(0);
  }

  /** Returns the Jackson jars of the SDK from this test's class path. */
  private static List<Path> jacksonJars() {
    List<Path> jars =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .filter(
                path ->
                    JACKSON_JARS.stream()
                        .anyMatch(prefix -> path.getFileName().toString().startsWith(prefix)))
            .collect(Collectors.toList());
    assertThat(jars)
        .as("the Jackson jars on the class path %s", System.getProperty("java.class.path"))
        .hasSize(JACKSON_JARS.size());
    return jars;
  }

  private static List<String> texts(List<Snippets.Block> blocks) {
    return blocks.stream().map(Snippets.Block::text).collect(Collectors.toList());
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
