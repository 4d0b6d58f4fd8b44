package dev.mixauth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixauth.server.testing.Cli;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line on a pseudo-terminal, through util-linux {@code script}: the hidden key prompt
 * and colour. Skipped where {@code script} is not installed.
 */
class TerminalTest extends ServerTestBase {
  private static final String KEY = KeyCommandsTest.OPENROUTER_KEY;
  private static final String ESCAPE = "\u001b[";

  @BeforeAll
  static void requireScript() {
    Assumptions.assumeTrue(Cli.scriptCommand().isPresent(), "util-linux script is not installed");
  }

  @Test
  void promptHidesTypedKey() {
    Cli.Result prompted;
    try (Cli.Running running = server.cli.startInTerminal(server.withServer("set-key", "openrouter"))) {
      running.awaitOutput("openrouter API key (input is hidden): ");
      // Enter on a terminal sends a carriage return, which the terminal turns into a line end.
      running.write(KEY + "\r");
      prompted = running.await();
    }

    assertThat(prompted.exitCode()).as(prompted.toString()).isZero();
    assertThat(prompted.stdout()).contains("Stored the openrouter API key " + KeyCommandsTest.OPENROUTER_HINT);
    assertThat(prompted.stdout()).doesNotContain(KEY);
    assertThat(server.server.get("/api/auth/status").json().at("/providers/openrouter/key_hint").asText())
        .isEqualTo(KeyCommandsTest.OPENROUTER_HINT);
  }

  @Test
  void statusIsColouredOnTerminal() {
    Cli.Result coloured;
    try (Cli.Running running = server.cli.startInTerminal(server.withServer("status"))) {
      coloured = running.await();
    }

    assertThat(coloured.exitCode()).as(coloured.toString()).isZero();
    assertThat(coloured.stdout()).contains(ESCAPE).contains("PROVIDER");
  }

  @Test
  void noColorTurnsColourOff() {
    Cli.Result plain;
    try (Cli.Running running = server.cli.with(Map.of("NO_COLOR", "1"))
        .startInTerminal(server.withServer("status"))) {
      plain = running.await();
    }

    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(plain.stdout()).contains("PROVIDER").doesNotContain(ESCAPE);
  }
}
