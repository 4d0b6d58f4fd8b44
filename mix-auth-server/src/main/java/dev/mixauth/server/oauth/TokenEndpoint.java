package dev.mixauth.server.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.config.OAuthSettings;
import dev.mixauth.server.provider.ProviderHttp;
import dev.mixauth.server.vault.Secret;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls a provider's token endpoint for the code exchange and for refreshes, in the body format
 * its settings name, and classifies the response. Login and refresh share the one token URL setting.
 */
public final class TokenEndpoint {
  private static final int MAX_DESCRIPTION = 200;

  private final ProviderHttp http;
  private final ObjectMapper json;

  public TokenEndpoint(ProviderHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  /** Exchanges an authorization code for tokens (RFC 6749 4.1.3 with the PKCE verifier). */
  public TokenResult exchange(OAuthSettings settings, Secret code, Secret verifier, String state)
      throws InterruptedException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code.reveal());
    if (settings.sendStateInExchange()) {
      body.put("state", state);
    }
    body.put("client_id", settings.clientId());
    body.put("redirect_uri", settings.redirectUri());
    body.put("code_verifier", verifier.reveal());
    return post(settings, body, code);
  }

  /** Trades a refresh token for a new access token (RFC 6749 section 6). */
  public TokenResult refresh(OAuthSettings settings, Secret refreshToken) throws InterruptedException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken.reveal());
    body.put("client_id", settings.clientId());
    return post(settings, body, refreshToken);
  }

  /**
   * Revokes a refresh token (RFC 7009), form-encoded as the RFC requires.
   *
   * @return the reason when the provider did not confirm the revocation
   */
  public Optional<String> revoke(OAuthSettings settings, Secret refreshToken) throws InterruptedException {
    String body = "token=" + URLEncoder.encode(refreshToken.reveal(), StandardCharsets.UTF_8)
        + "&token_type_hint=refresh_token&client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.revokeUrl())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    ProviderHttp.Exchange exchange = http.send(request);
    if (exchange.answered() && exchange.status() == 200) {
      return Optional.empty();
    }
    return Optional.of("the revocation endpoint " + exchange.summary());
  }

  private TokenResult post(OAuthSettings settings, Map<String, String> body, Secret sent)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.tokenUrl())
            .header("Accept", "application/json")
            .header("Content-Type", contentType(settings))
            .POST(HttpRequest.BodyPublishers.ofString(encode(settings, body)));
    return classify(http.send(request), sent);
  }

  private TokenResult classify(ProviderHttp.Exchange exchange, Secret sent) {
    if (!exchange.answered()) {
      return new TokenResult.Unavailable(exchange.failure(), null);
    }
    int status = exchange.status();
    if (status == 429 || status >= 500) {
      return new TokenResult.Unavailable(exchange.summary(), exchange.retryAfter().orElse(null));
    }

    JsonNode node = exchange.isJson() ? parse(exchange.response().body()) : null;
    if (node == null || !node.isObject()) {
      return new TokenResult.Unavailable(exchange.summary() + " instead of a JSON token response", null);
    }

    if (status >= 400) {
      return refused(exchange, node, sent);
    }
    if (status < 200 || status >= 300) {
      return new TokenResult.Unavailable(exchange.summary(), null);
    }
    return issued(node, status);
  }

  /** Reads an OAuth error response (RFC 6749 section 5.2). */
  private static TokenResult refused(ProviderHttp.Exchange exchange, JsonNode node, Secret sent) {
    String error = text(node, "error");
    if (error == null) {
      return new TokenResult.Unavailable(exchange.summary() + " without an OAuth error code", null);
    }
    String description = scrub(text(node, "error_description"), sent);
    return new TokenResult.Refused(exchange.status(), scrub(error, sent), description);
  }

  /** Reads a successful token response (RFC 6749 section 5.1); blank tokens count as absent. */
  private static TokenResult issued(JsonNode node, int status) {
    String access = text(node, "access_token");
    if (access == null) {
      return new TokenResult.Unavailable("answered HTTP " + status + " without an access_token", null);
    }
    String refresh = text(node, "refresh_token");
    JsonNode expiresIn = node.get("expires_in");
    Duration lifetime = null;
    if (expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0) {
      lifetime = Duration.ofSeconds(expiresIn.asLong());
    }
    return new TokenResult.Issued(Secret.of(access), refresh == null ? null : Secret.of(refresh), lifetime);
  }

  private JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    return value.asText();
  }

  /** Shortens a provider's text and removes the secret we sent, in case the provider echoed it. */
  private static String scrub(String text, Secret sent) {
    if (text == null) {
      return null;
    }
    String cleaned = text.replace(sent.reveal(), "…").replaceAll("\\p{Cntrl}", " ");
    return cleaned.length() > MAX_DESCRIPTION ? cleaned.substring(0, MAX_DESCRIPTION) + "…" : cleaned;
  }

  private static String contentType(OAuthSettings settings) {
    return settings.tokenFormat() == OAuthSettings.TokenFormat.JSON
        ? "application/json"
        : "application/x-www-form-urlencoded";
  }

  private String encode(OAuthSettings settings, Map<String, String> body) {
    if (settings.tokenFormat() == OAuthSettings.TokenFormat.JSON) {
      try {
        return json.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A map of strings always serialises", e);
      }
    }
    return body.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
