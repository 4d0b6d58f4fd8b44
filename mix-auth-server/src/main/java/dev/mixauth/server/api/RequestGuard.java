package dev.mixauth.server.api;

import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.vault.Secret;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request passes before its handler: the {@code Host} is a loopback name or a
 * configured host (against DNS rebinding), any {@code Origin} is on the allow list (against
 * cross-site requests), the body is not over the size limit, and the bearer token matches when one
 * is configured.
 */
final class RequestGuard {
  private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
  private static final long MAX_DISCARD = 1024 * 1024;
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final Set<String> allowedHosts;
  private final Set<String> allowedOrigins;
  private final Optional<byte[]> tokenDigest;
  private final AuditLog audit;
  private final FailedTokenLimiter limiter;

  RequestGuard(
      List<String> extraHosts, List<String> origins, Optional<Secret> apiToken, AuditLog audit, Clock clock) {
    Set<String> hosts = new HashSet<>(LOOPBACK_HOSTS);
    extraHosts.forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
    this.allowedHosts = Set.copyOf(hosts);
    this.allowedOrigins = Set.copyOf(origins);
    this.tokenDigest = apiToken.map(token -> sha256(token.reveal()));
    this.audit = audit;
    this.limiter = new FailedTokenLimiter(clock);
  }

  void check(Context ctx) {
    checkHost(ctx);
    checkOrigin(ctx);
    checkLength(ctx);
    checkToken(ctx);
  }

  private void checkHost(Context ctx) {
    String host = ctx.header("Host");
    String name = host == null ? "" : hostName(host.strip().toLowerCase(Locale.ROOT));
    if (!allowedHosts.contains(name)) {
      reject(ctx, "host", "Host " + shorten(host));
      throw new ApiError(421, ErrorType.BAD_REQUEST,
          "The Host header " + (host == null ? "is missing" : "\"" + shorten(host) + "\" is not served here")
              + "; call this server as localhost or 127.0.0.1, or add the name to MIX_AUTH_ALLOWED_HOSTS.");
    }
  }

  private void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    if (!allowedOrigins.contains(origin)) {
      reject(ctx, "origin", "Origin " + shorten(origin));
      throw new ApiError(403, ErrorType.BAD_REQUEST,
          "Requests from the web origin \"" + shorten(origin) + "\" are not allowed; add it to"
              + " MIX_AUTH_ALLOWED_ORIGINS to let that page call this server.");
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
  }

  private static void checkLength(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length == null) {
      return;
    }
    try {
      long bytes = Long.parseLong(length.strip());
      if (bytes > JsonBody.MAX_BYTES) {
        discardBody(ctx);
        ctx.header("Connection", "close");
        throw new ApiError(413, ErrorType.BAD_REQUEST,
            "The request body is " + bytes + " bytes, more than the limit of " + JsonBody.MAX_BYTES + " bytes.");
      }
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("The Content-Length header is not a number.");
    }
  }

  /**
   * Reads and drops an oversized body, up to {@link #MAX_DISCARD} bytes, so that the client has
   * finished sending and receives the 413 instead of a reset connection.
   */
  private static void discardBody(Context ctx) {
    try (InputStream body = ctx.req().getInputStream()) {
      byte[] buffer = new byte[8192];
      long total = 0;
      int read;
      while (total < MAX_DISCARD && (read = body.read(buffer)) >= 0) {
        total += read;
      }
    } catch (IOException e) {
      // The client went away; the 413 is still sent if the connection allows.
    }
  }

  private void checkToken(Context ctx) {
    if (tokenDigest.isEmpty() || ctx.path().equals("/health")) {
      return;
    }
    Duration blocked = limiter.blockedFor(ctx.ip());
    if (!blocked.isZero()) {
      ctx.header("Retry-After", Long.toString(Math.max(1, blocked.toSeconds())));
      throw new ApiError(429, ErrorType.UNAUTHORIZED,
          "Too many requests with a wrong API token from " + ctx.ip() + "; wait " + Math.max(1, blocked.toSeconds())
              + " s, then send the right MIX_AUTH_API_TOKEN.");
    }
    String header = ctx.header("Authorization");
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    boolean matches = presented != null && MessageDigest.isEqual(sha256(presented), tokenDigest.get());
    if (!matches) {
      if (limiter.recordFailure(ctx.ip())) {
        log.warn("Blocking {} for up to {} s after {} requests with a wrong or missing API token", ctx.ip(),
            FailedTokenLimiter.WINDOW.toSeconds(), FailedTokenLimiter.MAX_FAILURES);
      }
      reject(ctx, "token", presented == null ? "no bearer token" : "wrong bearer token");
      throw new ApiError(401, ErrorType.UNAUTHORIZED,
          presented == null
              ? "This server requires an API token; send it as Authorization: Bearer <MIX_AUTH_API_TOKEN>."
              : "The bearer token does not match this server's MIX_AUTH_API_TOKEN.");
    }
  }

  private void reject(Context ctx, String check, String detail) {
    audit.record("rejected_request", null, "rejected_" + check, ctx.ip(), ctx.method() + " " + ctx.path() + ": " + detail);
  }

  /** Returns the host name without the port, keeping IPv6 brackets. */
  private static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  private static String shorten(String value) {
    if (value == null) {
      return "";
    }
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
