package dev.mixauth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.Browser;
import dev.mixauth.server.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options, help, exit codes and server settings that every client command shares. */
class CommandLineTest {
  private static final String API_TOKEN = "cli-test-token-0123456789abcdef";
  private static final List<List<String>> CLIENT_COMMANDS = List.of(
      List.of("status"), List.of("set-key", "openrouter"), List.of("login", "anthropic", "--no-browser"),
      List.of("logout", "openrouter"), List.of("validate"), List.of("prefs"),
      List.of("prefs", "set", "--provider", "openrouter"), List.of("health"));

  @TempDir static Path dataDir;
  private static CliServer server;

  @BeforeAll
  static void start() {
    server = CliServer.start(dataDir, Map.of("MIX_AUTH_API_TOKEN", API_TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Cli withToken() {
    return server.cli.with(Map.of("MIX_AUTH_API_TOKEN", API_TOKEN));
  }

  @Test
  void tokenFromEnvironmentIsSent() {
    Cli.Result status = withToken().run("", server.withServer("status"));

    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.stdout()).contains("openrouter");
  }

  @Test
  void missingTokenShowsServerMessage() {
    Cli.Result status = server.run("", "status");

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
    assertThat(status.stderr()).startsWith("mix-auth: ").contains("token");
    assertThat(status.stderr().lines().count()).isEqualTo(1);
  }

  @Test
  void serverFromEnvironmentIsUsed() {
    Cli.Result status = withToken().with(Map.of("MIX_AUTH_SERVER", server.server.baseUrl())).run("", "status");

    assertThat(status.exitCode()).as(status.toString()).isZero();
  }

  @Test
  void everyCommandReportsAbsentServer() {
    String closed = "http://127.0.0.1:" + Browser.freePort();
    List<String[]> commands = CLIENT_COMMANDS.stream().map(command -> append(command, "--server", closed)).toList();

    List<Cli.Result> results = server.cli.runAll(KeyCommandsTest.OPENROUTER_KEY, commands);

    for (int i = 0; i < results.size(); i++) {
      Cli.Result result = results.get(i);
      String command = CLIENT_COMMANDS.get(i).toString();
      assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(3);
      assertThat(result.stderr()).as(command).isEqualTo("mix-auth: could not connect to a server at " + closed
          + "; start one with ./mix-auth serve, or pass --server URL.\n");
      assertThat(result.stdout()).as(command).isEmpty();
    }
  }

  @Test
  void unknownOptionExitsTwo() {
    Cli.Result result = server.run("", "status", "--colour");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("mix-auth: Unknown option: '--colour'")
        .contains("Run 'mix-auth status --help' for usage.");
  }

  @Test
  void invalidServerUrlExitsTwo() {
    Cli.Result result = server.cli.run("", "status", "--server", "127.0.0.1:8088");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stderr()).contains("Invalid --server URL '127.0.0.1:8088'")
        .contains("such as http://127.0.0.1:8088");
  }

  @Test
  void helpListsExitCodesEverywhere() {
    Cli.Result root = server.cli.run("", "--help");
    assertThat(root.exitCode()).as(root.toString()).isZero();
    assertThat(root.stdout()).contains("Exit codes of the client commands:")
        .contains("3   Could not connect to a server at the --server URL.");

    List<String[]> commands = CLIENT_COMMANDS.stream().map(command -> append(commandNames(command), "--help")).toList();
    List<Cli.Result> results = server.cli.runAll("", commands);

    for (int i = 0; i < results.size(); i++) {
      Cli.Result help = results.get(i);
      String command = CLIENT_COMMANDS.get(i).toString();
      assertThat(help.exitCode()).as(command + "\n" + help).isZero();
      assertThat(help.stdout()).as(command).contains("--server=URL").contains("Exit codes:")
          .contains("0   Success.").contains("2   Usage error").contains("130   Cancelled with Ctrl-C.");
    }
  }

  /** Returns the command and subcommand names without their arguments, such as [prefs, set]. */
  private static List<String> commandNames(List<String> command) {
    boolean prefsSet = command.size() > 1 && command.get(0).equals("prefs") && command.get(1).equals("set");
    return command.subList(0, prefsSet ? 2 : 1);
  }

  @Test
  void versionOnRoot() {
    Cli.Result version = server.cli.run("", "--version");

    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.stdout()).startsWith("mix-auth ");
  }

  private static String[] append(List<String> command, String... more) {
    return Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
  }
}
