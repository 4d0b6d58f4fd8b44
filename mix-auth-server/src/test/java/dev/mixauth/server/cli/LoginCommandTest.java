package dev.mixauth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.testing.Browser;
import dev.mixauth.server.testing.Cli;
import dev.mixauth.server.testing.Fakes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * {@code login} run as a process: the test reads the URL that the command prints, plays the
 * browser against the fake provider, and pastes on the command's standard input.
 */
class LoginCommandTest extends ServerTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits for the sign-in URL and checks that it points at the fake provider, never at a real one. */
  private static String signInUrl(Cli.Running login) {
    String url = login.awaitLine(line -> line.startsWith("http"));
    assertThat(url).startsWith(server.fakes.baseUrl());
    return url;
  }

  private static String authMethod(String provider) {
    return server.server.get("/api/auth/status").json().at("/providers/" + provider + "/auth_method").asText();
  }

  @Test
  void anthropicPastedCodeSignsIn() throws Exception {
    Cli.Result result;
    String pasted;
    try (Cli.Running login = server.start("login", "anthropic", "--no-browser")) {
      pasted = Fakes.approve(signInUrl(login));
      login.write(pasted + "\n");
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("Signed in to Anthropic with OAuth")
        .contains("The access token expires in 8h0m.");
    assertThat(result.stderr()).contains("Paste the code");
    assertThat(result.stdout() + result.stderr()).doesNotContain(pasted.split("#")[0]);
    assertThat(authMethod("anthropic")).isEqualTo("oauth");

    Cli.Result health = server.run("", "health", "--json");
    assertThat(health.exitCode()).as(health.toString()).isZero();
    JsonNode body = JSON.readTree(health.stdout());
    assertThat(body.path("status").asText()).isEqualTo("healthy");
    assertThat(body.at("/providers/anthropic/status").asText()).isEqualTo("active");
    assertThat(body.at("/providers/anthropic/expires_at").asText()).endsWith("Z");
  }

  @Test
  void anthropicWrongCodeFails() {
    Cli.Result result;
    try (Cli.Running login = server.start("login", "anthropic", "--no-browser")) {
      signInUrl(login);
      login.write("not-a-real-code\n");
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).containsPattern("(?m)^mix-auth: .+");
    assertThat(result.stdout() + result.stderr()).doesNotContain("not-a-real-code");
    assertThat(authMethod("anthropic")).isEqualTo("none");
  }

  @Test
  void closedInputCancelsPaste() {
    Cli.Result result;
    try (Cli.Running login = server.start("login", "anthropic", "--no-browser")) {
      signInUrl(login);
      login.closeInput();
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).contains("mix-auth: no code was entered");
  }

  @Test
  void ctrlCCancelsWithOneLine() {
    Cli.Result result;
    try (Cli.Running login = server.start("login", "anthropic", "--no-browser")) {
      signInUrl(login);
      login.interrupt();
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
    assertThat(result.stderr()).endsWith("mix-auth: sign-in to anthropic cancelled.\n");
    assertThat(result.stderr()).containsOnlyOnce("cancelled");
  }

  @Test
  void openAiBrowserCallbackSignsIn() {
    Cli.Result result;
    try (Cli.Running login = server.start("login", "openai", "--no-browser")) {
      String redirect = Browser.redirectOf(signInUrl(login));
      assertThat(URI.create(redirect).getHost()).isEqualTo("localhost");
      assertThat(Browser.get(redirect).statusCode()).isEqualTo(200);
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("Signed in to OpenAI with OAuth");
    assertThat(result.stderr()).contains("Waiting for the browser");
    assertThat(authMethod("openai")).isEqualTo("oauth");
  }

  @Test
  void openAiPastedRedirectSignsIn() {
    Cli.Result result;
    String redirect;
    try (Cli.Running login = server.start("login", "openai", "--no-browser")) {
      redirect = Browser.redirectOf(signInUrl(login));
      login.write(redirect + "\n");
      result = login.await();
    }

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("Signed in to OpenAI with OAuth").contains("expires in 1h0m");
    assertThat(result.stdout() + result.stderr()).doesNotContain(redirect);
    assertThat(authMethod("openai")).isEqualTo("oauth");
  }

  @Test
  void openAiRejectionShowsServerMessage() throws IOException {
    int port = URI.create(server.fakes.openAiOptions().redirectUri()).getPort();
    Cli.Result result;
    try (ServerSocket taken = bindWhenFree(port)) {
      result = server.run("", "login", "openai", "--no-browser");
    }

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("mix-auth: ").contains("Port " + port);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void providerWithoutOAuthFails() {
    Cli.Result result = server.run("", "login", "openrouter", "--no-browser");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("mix-auth: OpenRouter has no OAuth sign-in");
    assertThat(result.stderr().lines().count()).isEqualTo(1);
  }

  /**
   * Binds the callback port, waiting up to five seconds for the server's listener of an earlier
   * sign-in to close it.
   */
  private static ServerSocket bindWhenFree(int port) throws IOException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      try {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
  }
}
