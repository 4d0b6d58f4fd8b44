package dev.mixauth.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.oauth.RefreshOutcome;
import dev.mixauth.server.oauth.RefreshScheduler;
import dev.mixauth.server.oauth.TokenHealth;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Liveness, token health and the OpenAPI document. */
final class SystemHandlers {
  private final ObjectMapper json;
  private final Clock clock;
  private final String version;
  private final TokenHealth tokenHealth;
  private final RefreshScheduler refreshScheduler;
  private final byte[] openApi;

  SystemHandlers(
      ObjectMapper json, Clock clock, String version, TokenHealth tokenHealth, RefreshScheduler refreshScheduler) {
    this.json = json;
    this.clock = clock;
    this.version = version;
    this.tokenHealth = tokenHealth;
    this.refreshScheduler = refreshScheduler;
    this.openApi = loadOpenApi();
  }

  /** Refreshes every OAuth token that is due now; failures are reported in the message. */
  void refreshTokens(Context ctx) {
    JsonBody.readEmpty(ctx, json);

    List<RefreshOutcome> outcomes = refreshScheduler.refreshDue(AuthHandlers.caller(ctx));
    ctx.json(new RefreshResponse("success", RefreshSummary.of(outcomes)));
  }

  record RefreshResponse(String status, String message) {}

  void health(Context ctx) {
    ctx.json(new Responses.Health("ok", rfc3339(clock.instant()), version));
  }

  void tokenHealth(Context ctx) {
    TokenHealth.Report report = tokenHealth.report();
    Map<String, ProviderHealthEntry> providers = new LinkedHashMap<>();
    report.providers().forEach((id, health) -> providers.put(id, new ProviderHealthEntry(
        health.provider(), health.status(), rfc3339(health.expiresAt()), health.expiresIn(),
        rfc3339(health.lastRefresh()), health.error())));
    ctx.json(new TokenHealthResponse(report.status(), rfc3339(report.timestamp()), providers));
  }

  void openApi(Context ctx) {
    ctx.contentType("application/yaml; charset=utf-8").result(openApi);
  }

  record TokenHealthResponse(String status, String timestamp, Map<String, ProviderHealthEntry> providers) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProviderHealthEntry(
      String provider,
      String status,
      @JsonProperty("expires_at") String expiresAt,
      @JsonProperty("expires_in") String expiresIn,
      @JsonProperty("last_refresh") String lastRefresh,
      String error) {}

  private static String rfc3339(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static byte[] loadOpenApi() {
    try (InputStream in = SystemHandlers.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read openapi.yaml from the server jar", e);
    }
  }
}
