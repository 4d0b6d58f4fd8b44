package dev.mixauth.sdk.models;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of every stored OAuth credential.
 *
 * @param status {@code healthy} when all tokens are valid for more than 5 minutes, {@code degraded}
 *     when some are close to expiry or expired but refreshable, {@code unhealthy} when some expired
 *     with no way to refresh
 * @param timestamp when the server computed this report
 * @param providers health per provider id
 */
public record OAuthHealthResponse(
    String status,
    @JsonDeserialize(using = InstantDeserializer.class) Instant timestamp,
    Map<String, OAuthProviderHealth> providers) {

  public OAuthHealthResponse {
    Required.field(status, "status");
    Required.field(timestamp, "timestamp");
    Required.field(providers, "providers");
    providers.forEach((id, health) -> Required.field(health, "providers." + id));
    providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
  }
}
