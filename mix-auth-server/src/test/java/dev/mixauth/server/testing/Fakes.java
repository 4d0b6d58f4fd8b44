package dev.mixauth.server.testing;

import dev.mixauth.fakes.FakeProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** Points a server under test at the fake providers, and plays the user's part in the browser. */
public final class Fakes {
  private static final HttpClient BROWSER = HttpClient.newHttpClient();

  private Fakes() {}

  /** Returns the settings that send every provider call of the server to the fakes. */
  public static Map<String, String> environment(FakeProviders fakes) {
    Map<String, String> env = new HashMap<>();
    env.put("MIX_AUTH_ANTHROPIC_OAUTH", "enabled");
    env.put("MIX_AUTH_ANTHROPIC_AUTHORIZE_URL", fakes.anthropicAuthorizeUrl());
    env.put("MIX_AUTH_ANTHROPIC_TOKEN_URL", fakes.anthropicTokenUrl());
    env.put("MIX_AUTH_ANTHROPIC_API_URL", fakes.anthropicApiUrl());
    env.put("MIX_AUTH_OPENAI_AUTHORIZE_URL", fakes.openAiAuthorizeUrl());
    env.put("MIX_AUTH_OPENAI_TOKEN_URL", fakes.openAiTokenUrl());
    env.put("MIX_AUTH_OPENAI_API_URL", fakes.openAiApiUrl());
    env.put("MIX_AUTH_OPENROUTER_API_URL", fakes.openRouterApiUrl());
    env.put("MIX_AUTH_PROVIDER_TIMEOUT_MS", "1500");
    return env;
  }

  /** Opens the authorization URL as a signed-in user would and returns the {@code code#state} shown. */
  public static String approve(String authUrl) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(authUrl)).header("Accept", "text/plain").GET().build();
    try {
      HttpResponse<String> response = BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("The fake authorize page answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
