package dev.mixauth.sdk;

import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.HealthCheckResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The server's liveness check. The OAuth token health is {@link Authentication#getOAuthHealth()}.
 */
public final class Health {

  private static final Operation HEALTH_CHECK = Operation.get("healthCheck", 500);

  private final Transport transport;

  Health(Transport transport) {
    this.transport = transport;
  }

  /**
   * Checks that the server is up ({@code GET /health}).
   *
   * @throws ErrorResponse for status 500
   */
  public HealthCheckResponse healthCheck() {
    return healthCheck(null);
  }

  /** Checks that the server is up with the retry policy {@code retryConfig}. */
  public HealthCheckResponse healthCheck(RetryConfig retryConfig) {
    return transport.call(
        HEALTH_CHECK, "/health", null, retryConfig, transport.type(HealthCheckResponse.class));
  }

  /** Runs {@link #healthCheck()} on the client's executor. */
  public CompletableFuture<HealthCheckResponse> healthCheckAsync() {
    return transport.async(this::healthCheck);
  }

  /** Runs {@link #healthCheck(RetryConfig)} on the client's executor. */
  public CompletableFuture<HealthCheckResponse> healthCheckAsync(RetryConfig retryConfig) {
    return transport.async(() -> healthCheck(retryConfig));
  }
}
