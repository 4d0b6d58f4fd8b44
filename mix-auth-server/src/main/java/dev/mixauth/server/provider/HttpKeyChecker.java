package dev.mixauth.server.provider;

import dev.mixauth.server.vault.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks keys against the providers' APIs: Anthropic {@code GET /v1/models} with {@code x-api-key}
 * and {@code anthropic-version: 2023-06-01}; OpenAI {@code GET /v1/models} with a bearer token;
 * OpenRouter {@code GET /api/v1/key} with a bearer token, because its model list answers 200 to
 * any key and so proves nothing.
 */
public final class HttpKeyChecker implements KeyChecker {
  private static final Logger log = LoggerFactory.getLogger(HttpKeyChecker.class);

  private final ProviderHttp http;
  private final Map<String, URI> apiUrls;

  public HttpKeyChecker(ProviderHttp http, Map<String, URI> apiUrls) {
    this.http = http;
    this.apiUrls = Map.copyOf(apiUrls);
  }

  @Override
  public KeyCheck check(String provider, Secret key) {
    HttpRequest.Builder request = request(provider, key);
    ProviderHttp.Exchange exchange;
    try {
      exchange = http.send(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new KeyCheck.Unavailable("the check was interrupted");
    }

    KeyCheck result = classify(exchange);
    log.info("Key check for {} with {}: {}", provider, key.hint(), exchange.summary());
    return result;
  }

  private static KeyCheck classify(ProviderHttp.Exchange exchange) {
    if (!exchange.answered()) {
      return new KeyCheck.Unavailable(exchange.failure());
    }
    int status = exchange.status();
    if (status == 401 || status == 403) {
      return new KeyCheck.Rejected(status);
    }
    if (status >= 200 && status < 300 && exchange.isJson()) {
      return new KeyCheck.Accepted();
    }
    return new KeyCheck.Unavailable(exchange.summary());
  }

  private HttpRequest.Builder request(String provider, Secret key) {
    String base = trimSlash(apiUrls.get(provider).toString());
    return switch (provider) {
      case "anthropic" ->
          HttpRequest.newBuilder(URI.create(base + "/v1/models"))
              .header("x-api-key", key.reveal())
              .header("anthropic-version", "2023-06-01")
              .GET();
      case "openai" ->
          HttpRequest.newBuilder(URI.create(base + "/v1/models"))
              .header("Authorization", "Bearer " + key.reveal())
              .GET();
      case "openrouter" ->
          HttpRequest.newBuilder(URI.create(base + "/api/v1/key"))
              .header("Authorization", "Bearer " + key.reveal())
              .GET();
      default -> throw new IllegalArgumentException("No key check is defined for provider " + provider);
    };
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
