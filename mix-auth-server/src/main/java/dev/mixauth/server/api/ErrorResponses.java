package dev.mixauth.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.errors.Failure;
import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.VaultException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the error envelope, and maps every failure to its status in one place. */
final class ErrorResponses {
  static final String WRITTEN = "mix-auth.error-written";

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private final ObjectMapper json;

  private final RejectionAudit rejections;

  ErrorResponses(ObjectMapper json, RejectionAudit rejections) {
    this.json = json;
    this.rejections = rejections;
  }

  void write(Context ctx, int status, ErrorType type, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status);
    error.put("message", message);
    error.put("type", type.wire());
    try {
      ctx.status(status)
          .contentType("application/json; charset=utf-8")
          .result(json.writeValueAsString(Map.of("error", error)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The error envelope always serialises", e);
    }
    ctx.attribute(WRITTEN, Boolean.TRUE);
  }

  /**
   * Writes a rejection of the HTTP layer. Input rejections (400, 413, 415) are audited here; the
   * request guard audits its own Host, Origin and token rejections.
   */
  void apiError(ApiError e, Context ctx) {
    if (e.status() == 400 || e.status() == 413 || e.status() == 415) {
      rejections.record(ctx, e.status());
    }
    write(ctx, e.status(), e.type(), e.getMessage());
  }

  void serviceFailure(MixAuthException e, Context ctx) {
    e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    Failure failure = e.failure();
    switch (failure) {
      case INVALID_REQUEST -> write(ctx, 400, ErrorType.VALIDATION_ERROR, e.getMessage());
      case UNAUTHORIZED, REJECTED_BY_PROVIDER -> write(ctx, 401, ErrorType.UNAUTHORIZED, e.getMessage());
      case FORBIDDEN -> write(ctx, 403, ErrorType.BAD_REQUEST, e.getMessage());
      case NOT_FOUND -> write(ctx, 404, ErrorType.NOT_FOUND, e.getMessage());
      case LIMIT_REACHED -> write(ctx, 429, ErrorType.BAD_REQUEST, e.getMessage());
      case PROVIDER_UNAVAILABLE -> {
        log.warn("{} {} failed at the provider: {}", ctx.method(), ctx.path(), e.getMessage());
        write(ctx, 502, ErrorType.INTERNAL_ERROR, e.getMessage());
      }
      case STORAGE_UNAVAILABLE -> write(ctx, 503, ErrorType.INTERNAL_ERROR, e.getMessage());
      case INTERNAL -> {
        log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
        write(ctx, 500, ErrorType.INTERNAL_ERROR, e.getMessage());
      }
    }
  }

  void storeFailure(StoreException e, Context ctx) {
    log.error("{} {} failed in the store: {}", ctx.method(), ctx.path(), e.getMessage());
    int status = e.isTransient() ? 503 : 500;
    write(ctx, status, ErrorType.INTERNAL_ERROR,
        e.getMessage() + (e.isTransient() ? " Nothing was changed; retry shortly." : " Nothing was changed."));
  }

  void vaultFailure(VaultException e, Context ctx) {
    log.error("{} {} failed to decrypt: {}", ctx.method(), ctx.path(), e.getMessage());
    write(ctx, 500, ErrorType.INTERNAL_ERROR, e.getMessage());
  }

  void unexpected(Exception e, Context ctx) {
    log.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    write(ctx, 500, ErrorType.INTERNAL_ERROR,
        "The server failed unexpectedly (" + e.getClass().getSimpleName() + "); see the server log.");
  }
}
