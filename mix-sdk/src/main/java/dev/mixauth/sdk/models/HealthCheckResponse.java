package dev.mixauth.sdk.models;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * Liveness of the server.
 *
 * @param status {@code ok} when the server is up
 * @param timestamp the server's time
 * @param version the server's version
 */
public record HealthCheckResponse(
    String status,
    @JsonDeserialize(using = InstantDeserializer.class) Instant timestamp,
    String version) {

  public HealthCheckResponse {
    Required.field(status, "status");
    Required.field(timestamp, "timestamp");
    Required.field(version, "version");
  }
}
